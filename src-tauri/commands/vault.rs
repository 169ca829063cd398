//! Commands for setting up, unlocking and locking the vault.

use tauri::State;
use waymark_core::passphrase::{self, PassphraseStrength};
use waymark_core::vault::Credential;
use waymark_core::VaultStatus;
use zeroize::Zeroizing;

use super::AppState;
use crate::error::ApiError;

/// Whether a vault exists and is unlocked.
#[tauri::command]
#[specta::specta]
pub async fn vault_status(state: State<'_, AppState>) -> Result<VaultStatus, ApiError> {
    Ok(state.session()?.status())
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
    passphrase: String,
) -> Result<String, ApiError> {
    let passphrase = Zeroizing::new(passphrase);
    let recovery = state.session()?.create(&passphrase)?;
    Ok(recovery.as_str().to_owned())
}

/// Unlocks with the passphrase.
#[tauri::command]
#[specta::specta]
pub async fn unlock(state: State<'_, AppState>, passphrase: String) -> Result<(), ApiError> {
    Ok(state
        .session()?
        .unlock(&Credential::Passphrase(Zeroizing::new(passphrase)))?)
}

/// Unlocks with the recovery key.
#[tauri::command]
#[specta::specta]
pub async fn unlock_with_recovery_key(
    state: State<'_, AppState>,
    recovery_key: String,
) -> Result<(), ApiError> {
    Ok(state
        .session()?
        .unlock(&Credential::RecoveryKey(Zeroizing::new(recovery_key)))?)
}

/// Locks: closes the database and forgets the key.
#[tauri::command]
#[specta::specta]
pub async fn lock(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.session()?.lock();
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
    let new_passphrase = Zeroizing::new(new_passphrase);
    Ok(state.session()?.change_passphrase(
        &Credential::Passphrase(Zeroizing::new(current)),
        &new_passphrase,
    )?)
}

/// Sets a new passphrase using the recovery key, for someone who has forgotten the old one.
#[tauri::command]
#[specta::specta]
pub async fn change_passphrase_with_recovery_key(
    state: State<'_, AppState>,
    recovery_key: String,
    new_passphrase: String,
) -> Result<(), ApiError> {
    let new_passphrase = Zeroizing::new(new_passphrase);
    let credential = Credential::RecoveryKey(Zeroizing::new(recovery_key));
    Ok(state
        .session()?
        .change_passphrase(&credential, &new_passphrase)?)
}
