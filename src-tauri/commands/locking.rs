//! Commands for auto-lock, "hide now", and the wait after wrong passphrases.

use tauri::{AppHandle, State};
use waymark_core::store::LockSettings;

use super::AppState;
use crate::error::ApiError;
use crate::locking::{AutoLock, LastLockReason, LockReason};

/// The lock settings.
#[tauri::command]
#[specta::specta]
pub async fn get_lock_settings(state: State<'_, AppState>) -> Result<LockSettings, ApiError> {
    Ok(state.session().store()?.lock_settings()?)
}

/// Replaces the lock settings; the new idle time counts from now.
#[tauri::command]
#[specta::specta]
pub async fn set_lock_settings(
    state: State<'_, AppState>,
    auto_lock: State<'_, AutoLock>,
    settings: LockSettings,
) -> Result<LockSettings, ApiError> {
    let saved = state.session().store()?.set_lock_settings(&settings)?;
    auto_lock.apply(&saved);
    Ok(saved)
}

/// The window is being used (sent at most every few seconds): the idle time starts again.
#[tauri::command]
#[specta::specta]
pub async fn note_activity(auto_lock: State<'_, AutoLock>) -> Result<(), ApiError> {
    auto_lock.touch();
    Ok(())
}

/// Locks and hides the window at once. Without a tray icon to bring it back, the window is
/// minimised instead, so the app can still be found.
#[tauri::command]
#[specta::specta]
pub async fn hide_now(app: AppHandle) -> Result<(), ApiError> {
    crate::tray::lock_and_hide(&app);
    Ok(())
}

/// Why the backend last locked the journal (idle, screen locked, sleep, hidden, closed), once;
/// none when the person locked it or it was already told.
#[tauri::command]
#[specta::specta]
pub async fn take_lock_reason(
    reason: State<'_, LastLockReason>,
) -> Result<Option<LockReason>, ApiError> {
    Ok(reason.take())
}

/// Seconds before a passphrase may be tried again after several wrong ones (0: now). The
/// recovery key never waits.
#[tauri::command]
#[specta::specta]
pub async fn passphrase_wait(state: State<'_, AppState>) -> Result<u32, ApiError> {
    let seconds = state.session().vault().passphrase_wait();
    Ok(u32::try_from(seconds).unwrap_or(u32::MAX))
}
