//! IPC commands: each takes state, calls core, maps the error. No logic lives here.

pub mod cravings;
pub mod vault;

use std::sync::{Mutex, MutexGuard};

use waymark_core::Session;

use crate::error::ApiError;

/// The app's shared state: one session over the vault in the data directory.
pub struct AppState {
    session: Mutex<Session>,
}

impl AppState {
    /// State for a locked session.
    pub fn new(session: Session) -> Self {
        Self {
            session: Mutex::new(session),
        }
    }

    /// The session, locked for this command's use.
    fn session(&self) -> Result<MutexGuard<'_, Session>, ApiError> {
        self.session.lock().map_err(|_| {
            ApiError::internal(
                "The session is unavailable after an earlier failure; restart Waymark.",
            )
        })
    }
}
