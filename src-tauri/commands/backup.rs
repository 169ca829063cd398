//! Commands for encrypted backups: the list and settings, "Back up now", exporting a backup to a
//! file the person chooses, and restoring one. File dialogs are opened from Rust: the window has
//! no file-system or dialog permission, and no path crosses IPC into the backend.

use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Emitter, State};
use waymark_core::backup::{self, BackupFile, BackupKind, BackupSummary};
use waymark_core::journal::{Clock, SystemClock};
use waymark_core::vault::Credential;
use zeroize::Zeroizing;

use super::dialogs::{choose_open_path, choose_save_path, SaveDialog};
use super::{blocking, AppState};
use crate::error::ApiError;
use crate::tray::LOCKED_EVENT;

/// What Settings shows about backups.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    /// The backups in the data directory's backups folder, newest first.
    pub backups: Vec<BackupFile>,
    /// How many automatic backups are kept.
    pub keep: u32,
    /// When the newest automatic backup was made (RFC 3339), if there is one.
    pub last_automatic: Option<String>,
    /// Why the automatic backup at this unlock failed, if it did.
    pub auto_backup_error: Option<String>,
    /// The backups folder, to tell the person where their backups are.
    pub folder: String,
}

/// The backups, the number kept, and how the last automatic backup went.
#[tauri::command]
#[specta::specta]
pub async fn backup_status(state: State<'_, AppState>) -> Result<BackupStatus, ApiError> {
    let session = state.session();
    let keep = session.store()?.backup_keep()?;
    let vault = session.vault();
    let backups = backup::list_backups(vault)?;
    let last_automatic = backups
        .iter()
        .find(|b| b.kind == BackupKind::Automatic)
        .and_then(|b| b.created_at.clone());
    Ok(BackupStatus {
        keep,
        last_automatic,
        auto_backup_error: session.auto_backup_error().map(str::to_owned),
        folder: backup::backups_dir(vault).display().to_string(),
        backups,
    })
}

/// Sets how many automatic backups to keep (1 to 60); older ones go at the next automatic run.
#[tauri::command]
#[specta::specta]
pub async fn set_backup_keep(state: State<'_, AppState>, keep: u32) -> Result<u32, ApiError> {
    Ok(state.session().store()?.set_backup_keep(keep)?)
}

/// Makes a manual backup in the backups folder now; Waymark never deletes it.
#[tauri::command]
#[specta::specta]
pub async fn create_backup_now(state: State<'_, AppState>) -> Result<BackupFile, ApiError> {
    let session = state.session();
    Ok(backup::create_backup(
        session.store()?,
        session.vault(),
        BackupKind::Manual,
        &SystemClock,
    )?)
}

/// Asks where to save, then writes an encrypted backup there. Returns the path written, or
/// `None` when the person cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_backup(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, ApiError> {
    state.session().store()?;
    let dialog = SaveDialog {
        title: "Save an encrypted backup",
        filter_name: "Encrypted backup",
        extension: "backup",
        file_name: format!(
            "journal-backup-{}.backup",
            SystemClock.now().format("%Y-%m-%d")
        ),
    };
    let Some(path) = choose_save_path(app, dialog).await? else {
        return Ok(None);
    };
    let session = state.session();
    backup::write_backup(
        session.store()?,
        session.vault(),
        &path,
        BackupKind::Manual,
        &SystemClock,
    )?;
    Ok(Some(path.display().to_string()))
}

/// Asks for a backup file, checks it in full with the secret typed (the passphrase, or the
/// recovery key when `recovery_key` is true, that was current when it was made), keeps a backup
/// of the current journal when it is unlocked, locks, and restores. The window then shows the
/// unlock screen.
/// Returns what was restored, or `None` when the person cancelled the dialog.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(
    app: AppHandle,
    state: State<'_, AppState>,
    secret: String,
    recovery_key: bool,
) -> Result<Option<BackupSummary>, ApiError> {
    let secret = Zeroizing::new(secret);
    let credential = if recovery_key {
        Credential::RecoveryKey(secret)
    } else {
        Credential::Passphrase(secret)
    };
    // Locked, a restore still works (a new computer, or a journal that no longer opens); the
    // journal it replaces is then kept only as the files set aside in `backups/previous-…`.
    let unlocked = state.session().store().is_ok();
    let Some(path) = choose_open_path(
        app.clone(),
        "Choose a backup to restore",
        "Encrypted backup",
        "backup",
    )
    .await?
    else {
        return Ok(None);
    };
    let vault = state.session().vault().clone();
    let (checked_vault, checked_path) = (vault.clone(), path.clone());
    let (credential, _) = blocking(move || {
        backup::verify_backup(&checked_vault, &checked_path, &credential).map(|s| (credential, s))
    })
    .await?;
    if unlocked {
        // Undo: the journal being replaced is backed up first, openable with today's secrets.
        let session = state.session();
        backup::create_backup(session.store()?, &vault, BackupKind::Manual, &SystemClock)?;
    }
    state.lock_session();
    // The window is told only once the files are in place (core refuses an unlock while the
    // restore holds the folder's lock). A restore that failed is answered to the form instead,
    // which would be gone once the window showed the unlock screen; the next step finds it locked.
    let outcome = blocking(move || backup::restore_backup(&vault, &path, &credential)).await?;
    let _ = app.emit(LOCKED_EVENT, ());
    Ok(Some(outcome.summary))
}
