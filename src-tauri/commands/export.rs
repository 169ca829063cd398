//! Commands to export the counsellor summary or the person's data to a file they choose, and to
//! import a JSON export. The file dialogs are opened from Rust: the window has no file-system or
//! dialog permission. Every exported file is NOT encrypted, and the dialog's title says so.

use tauri::{AppHandle, State};
use waymark_core::export::{
    export_bytes, read_import_file, write_export_file, ExportFormat, ImportSummary, SummaryRequest,
};
use waymark_core::insights::DayRange;
use waymark_core::journal::SystemClock;

use super::dialogs::{choose_open_path, choose_save_path, SaveDialog};
use super::{blocking, AppState};
use crate::error::ApiError;

/// The save dialog for each format. The suggested name carries the range's days, so several
/// exports don't overwrite each other, and no app name (discretion).
fn save_dialog(format: ExportFormat, range: &DayRange) -> SaveDialog {
    let days = format!("{}-to-{}", range.from.trim(), range.to.trim());
    match format {
        ExportFormat::Pdf => SaveDialog {
            title: "Save the summary (this PDF is not encrypted)",
            filter_name: "PDF",
            extension: "pdf",
            file_name: format!("summary-{days}.pdf"),
        },
        ExportFormat::Csv => SaveDialog {
            title: "Save your data as CSV (this zip file is not encrypted)",
            filter_name: "Zip of CSV files",
            extension: "zip",
            file_name: format!("journal-data-{days}.zip"),
        },
        ExportFormat::Json => SaveDialog {
            title: "Save your data as JSON (this file is not encrypted)",
            filter_name: "JSON",
            extension: "json",
            file_name: format!("journal-data-{days}.json"),
        },
    }
}

/// Asks where to save, then writes the summary (PDF) or the data of the request's range (CSV
/// zip, JSON). Returns the path written, or `None` when the person cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_data(
    app: AppHandle,
    state: State<'_, AppState>,
    request: SummaryRequest,
    format: ExportFormat,
) -> Result<Option<String>, ApiError> {
    let bytes = export_bytes(state.session().store()?, &request, format, &SystemClock)?;
    let Some(path) = choose_save_path(app, save_dialog(format, &request.range)).await? else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    blocking(move || write_export_file(&path, &bytes)).await?;
    Ok(Some(shown))
}

/// Asks for a JSON export and imports it into this vault, which must hold no entries yet.
/// Returns what was added, or `None` when the person cancelled.
#[tauri::command]
#[specta::specta]
pub async fn import_data(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<ImportSummary>, ApiError> {
    state.session().store()?;
    let Some(path) = choose_open_path(app, "Choose a Waymark JSON export", "JSON", "json").await?
    else {
        return Ok(None);
    };
    let bytes = blocking(move || read_import_file(&path)).await?;
    Ok(Some(
        state.session().store()?.import_json(&bytes, &SystemClock)?,
    ))
}
