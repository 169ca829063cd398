//! IPC commands: each takes state, calls core, maps the error. No logic lives here.

pub mod checkins;
pub mod contacts;
pub mod content;
pub mod cravings;
pub mod entries;
pub mod helplines;
pub mod journal;
pub mod lapses;
pub mod moods;
pub mod plan;
pub mod profile;
pub mod reviews;
pub mod sos;
pub mod strategies;
pub mod triggers;
pub mod vault;

use std::sync::{Mutex, MutexGuard, PoisonError};

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

    /// The session, locked for this command's use. A panic in an earlier command does not leave
    /// it unusable: locking, above all, must keep working.
    fn session(&self) -> MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Runs slow core work (key derivation) on a blocking thread, so it neither holds the session nor
/// stalls the async runtime that serves other commands.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> waymark_core::Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|_| ApiError::internal("A background task failed; nothing was changed."))?
        .map_err(ApiError::from)
}
