//! IPC commands: each takes state, calls core, maps the error. No logic lives here.

pub mod backup;
pub mod calendar;
pub mod checkins;
pub mod contacts;
pub mod content;
pub mod cravings;
mod dialogs;
pub mod entries;
pub mod export;
pub mod helplines;
pub mod insights;
pub mod journal;
pub mod lapses;
pub mod locking;
pub mod meetings;
pub mod moods;
pub mod plan;
pub mod profile;
pub mod reminders;
pub mod reviews;
pub mod sos;
pub mod strategies;
pub mod triggers;
pub mod vault;

#[cfg(test)]
mod bad_input_tests;
#[cfg(test)]
mod session_tests;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use waymark_core::journal::SystemClock;
use waymark_core::store::Store;
use waymark_core::vault::Credential;
use waymark_core::Session;

use crate::error::ApiError;
use crate::reminders::ReminderRuntime;

/// The app's shared state: one session over the vault in the data directory, and the
/// reminders that run beside it.
pub struct AppState {
    session: Mutex<Session>,
    reminders: ReminderRuntime,
    /// Counts locks, so an unlock still deriving its key when a lock came (hide now, sleep, the
    /// screen locking) can tell, and leave the journal closed.
    locks: AtomicU64,
}

impl AppState {
    /// State for a locked session.
    pub fn new(session: Session) -> Self {
        Self {
            session: Mutex::new(session),
            reminders: ReminderRuntime::new(waymark_core::schedule::zone::system_zone()),
            locks: AtomicU64::new(0),
        }
    }

    /// The session, locked for this command's use. A panic in an earlier command does not leave
    /// it unusable: locking, above all, must keep working.
    pub(crate) fn session(&self) -> MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The reminders.
    pub(crate) fn reminders(&self) -> &ReminderRuntime {
        &self.reminders
    }

    /// How many times the session has locked; read before an unlock starts its slow work.
    pub(crate) fn locks_so_far(&self) -> u64 {
        self.locks.load(Ordering::SeqCst)
    }

    /// As [`AppState::open_session`], unless a lock came since `locks_before` was read: then
    /// the store is closed again and the unlock answers "locked".
    pub(crate) fn open_session_unless_locked_since(
        &self,
        locks_before: u64,
        store: Store,
        recovery_key: Option<Credential>,
    ) -> Result<(), ApiError> {
        // Checked under the session's own lock, which `lock_session` also holds while it counts.
        let mut session = self.session();
        if self.locks_so_far() != locks_before {
            drop(session);
            drop(store);
            return Err(waymark_core::Error::Locked.into());
        }
        self.open_in(&mut session, store, recovery_key);
        Ok(())
    }

    /// Takes over a store just unlocked or created, and catches reminders up.
    pub(crate) fn open_session(&self, store: Store, recovery_key: Option<Credential>) {
        let mut session = self.session();
        self.open_in(&mut session, store, recovery_key);
    }

    fn open_in(&self, session: &mut Session, store: Store, recovery_key: Option<Credential>) {
        session.open(store, recovery_key);
        if let Ok(store) = session.store() {
            self.reminders.after_unlock(store, &SystemClock);
        }
    }

    /// Locks, keeping only a neutral plan of coming reminders in memory.
    pub(crate) fn lock_session(&self) {
        let mut session = self.session();
        self.locks.fetch_add(1, Ordering::SeqCst);
        if let Ok(store) = session.store() {
            self.reminders.before_lock(store, &SystemClock);
        }
        session.lock();
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
