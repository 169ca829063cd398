//! Locking from outside the window: after a chosen idle time, when the desktop session locks or
//! the machine is about to sleep (logind over D-Bus), and "hide now".
//!
//! Each way ends in [`lock_now`]: the backend drops the store (closing the database and wiping
//! the key) and tells the window, which drops every copy of journal data it holds.

mod idle;
pub mod logind;
pub mod logind_stub;

#[cfg(test)]
mod logind_tests;

use std::sync::{Mutex, PoisonError};

use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::commands::AppState;
use crate::tray::LOCKED_EVENT;

pub use idle::{spawn as spawn_idle_watch, AutoLock};

/// Why the backend locked the journal, so the unlock screen can say so calmly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum LockReason {
    /// Nothing was done in the window for the chosen time.
    Idle,
    /// The desktop session or screen was locked.
    ScreenLocked,
    /// The computer was about to sleep.
    Suspend,
    /// "Lock and hide" / "Hide now".
    Hidden,
    /// The window was closed to the tray.
    Closed,
}

/// The last reason the backend locked, until the window asks for it.
#[derive(Default)]
pub struct LastLockReason(Mutex<Option<LockReason>>);

impl LastLockReason {
    /// Takes the reason, leaving none.
    pub fn take(&self) -> Option<LockReason> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }

    fn set(&self, reason: LockReason) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(reason);
    }
}

/// Locks for `reason` and tells the window. Returns whether the journal was open. A journal
/// already locked is left as it is, so the unlock screen keeps its earlier reason, unless
/// `always_tell` (closing and hiding always tell the window, which may still show data).
pub fn lock_now<R: Runtime>(app: &AppHandle<R>, reason: LockReason, always_tell: bool) -> bool {
    let state = app.state::<AppState>();
    let was_open = state.session().store().is_ok();
    // Even when already locked: an unlock still deriving its key must see this lock and stay shut.
    state.lock_session();
    if was_open || always_tell {
        app.state::<LastLockReason>().set(reason);
        let _ = app.emit(LOCKED_EVENT, ());
    }
    was_open
}

/// Starts the idle watch and the desktop listeners for `app`.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    spawn_idle_watch(app.clone());
    let handle = app.clone();
    logind::spawn_listeners(
        logind::Buses::from_env(),
        std::sync::Arc::new(move |reason| {
            lock_now(&handle, reason, false);
        }),
    );
}
