//! Commands for setting up, unlocking and locking the vault.

use tauri::State;
use waymark_core::passphrase::{self, PassphraseStrength};
use waymark_core::vault::Credential;
use waymark_core::VaultStatus;
use zeroize::Zeroizing;

use super::{blocking, AppState};
use crate::error::ApiError;
use crate::locking::AutoLock;

/// Starts the idle time afresh with the auto-lock choice of the vault just opened.
fn start_auto_lock(state: &AppState, auto_lock: &AutoLock) {
    if let Ok(store) = state.session().store() {
        auto_lock.after_unlock(store);
    }
}

/// Whether a vault exists, is unlocked, and how it was opened.
#[tauri::command]
#[specta::specta]
pub async fn vault_status(state: State<'_, AppState>) -> Result<VaultStatus, ApiError> {
    Ok(state.session().status())
}

/// A strength estimate for a passphrase being typed.
#[tauri::command]
#[specta::specta]
pub async fn passphrase_strength(passphrase: String) -> Result<PassphraseStrength, ApiError> {
    let passphrase = Zeroizing::new(passphrase);
    Ok(passphrase::assess(&passphrase))
}

/// Creates the vault, leaves it unlocked, and returns the recovery key text to show once.
#[tauri::command]
#[specta::specta]
pub async fn create_vault(
    state: State<'_, AppState>,
    auto_lock: State<'_, AutoLock>,
    passphrase: String,
) -> Result<String, ApiError> {
    let passphrase = Zeroizing::new(passphrase);
    let vault = state.session().vault().clone();
    let (store, recovery) = blocking(move || vault.create(&passphrase)).await?;
    state.open_session(store, None);
    start_auto_lock(&state, &auto_lock);
    Ok(recovery.display().as_str().to_owned())
}

/// Unlocks with the passphrase. After several wrong ones in a row, an attempt made too soon is
/// refused (`try_again_later`) before any key derivation; `passphrase_wait` says how long.
#[tauri::command]
#[specta::specta]
pub async fn unlock(
    state: State<'_, AppState>,
    auto_lock: State<'_, AutoLock>,
    passphrase: String,
) -> Result<(), ApiError> {
    let credential = Credential::Passphrase(Zeroizing::new(passphrase));
    let vault = state.session().vault().clone();
    let locks_before = state.locks_so_far();
    let store = blocking(move || vault.unlock(&credential)).await?;
    // A "hide now", a sleep or a screen lock during the key derivation wins.
    state.open_session_unless_locked_since(locks_before, store, None)?;
    start_auto_lock(&state, &auto_lock);
    Ok(())
}

/// Unlocks with the recovery key, which the session keeps so a new passphrase can be set.
#[tauri::command]
#[specta::specta]
pub async fn unlock_with_recovery_key(
    state: State<'_, AppState>,
    auto_lock: State<'_, AutoLock>,
    recovery_key: String,
) -> Result<(), ApiError> {
    let credential = Credential::RecoveryKey(Zeroizing::new(recovery_key));
    let vault = state.session().vault().clone();
    let locks_before = state.locks_so_far();
    let (store, credential) =
        blocking(move || vault.unlock(&credential).map(|store| (store, credential))).await?;
    state.open_session_unless_locked_since(locks_before, store, Some(credential))?;
    start_auto_lock(&state, &auto_lock);
    Ok(())
}

/// Locks: closes the database and forgets the key.
#[tauri::command]
#[specta::specta]
pub async fn lock(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.lock_session();
    Ok(())
}

/// Changes the passphrase, given the current one.
#[tauri::command]
#[specta::specta]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    new_passphrase: String,
) -> Result<(), ApiError> {
    let current = Credential::Passphrase(Zeroizing::new(current));
    let new_passphrase = Zeroizing::new(new_passphrase);
    let vault = {
        let session = state.session();
        session.store()?;
        session.vault().clone()
    };
    blocking(move || vault.change_passphrase(&current, &new_passphrase)).await
}

/// Sets a new passphrase after unlocking with the recovery key (the forgotten-passphrase path).
/// Rare, so it keeps the session for its one derivation rather than hand the key around.
#[tauri::command]
#[specta::specta]
pub async fn set_passphrase_after_recovery(
    state: State<'_, AppState>,
    new_passphrase: String,
) -> Result<(), ApiError> {
    let new_passphrase = Zeroizing::new(new_passphrase);
    Ok(state
        .session()
        .set_passphrase_after_recovery(&new_passphrase)?)
}
