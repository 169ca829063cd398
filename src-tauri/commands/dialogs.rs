//! The system file dialogs, opened from Rust: the window itself has no dialog or file permission.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use crate::error::ApiError;

/// What a save dialog offers: its title, one file type and a suggested name.
pub struct SaveDialog {
    /// The dialog's title; for an unencrypted export it says so.
    pub title: &'static str,
    /// The file type's name, e.g. "Calendar".
    pub filter_name: &'static str,
    /// Its extension, without the dot.
    pub extension: &'static str,
    /// The suggested file name.
    pub file_name: String,
}

/// Asks where to save; `None` when the person cancelled.
pub async fn choose_save_path(
    app: AppHandle,
    dialog: SaveDialog,
) -> Result<Option<PathBuf>, ApiError> {
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title(dialog.title)
            .add_filter(dialog.filter_name, &[dialog.extension])
            .set_file_name(dialog.file_name)
            .blocking_save_file()
    })
    .await
    .map_err(|_| ApiError::internal("The save dialog could not be shown; nothing was saved."))?;
    chosen
        .map(|c| {
            c.into_path().map_err(|_| {
                ApiError::internal(
                    "That place can't be saved to; choose a folder on this computer.",
                )
            })
        })
        .transpose()
}

/// Asks for a file to open, of one type; `None` when the person cancelled.
pub async fn choose_open_path(
    app: AppHandle,
    title: &'static str,
    filter_name: &'static str,
    extension: &'static str,
) -> Result<Option<PathBuf>, ApiError> {
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .add_filter(filter_name, &[extension])
            .blocking_pick_file()
    })
    .await
    .map_err(|_| ApiError::internal("The file dialog could not be shown; nothing was opened."))?;
    chosen
        .map(|c| {
            c.into_path().map_err(|_| {
                ApiError::internal("That file can't be read; choose a file on this computer.")
            })
        })
        .transpose()
}
