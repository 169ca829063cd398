//! Commands to export the schedule to a calendar file and import meetings from one. The file
//! dialogs are opened from Rust: the window has no file-system or dialog permission.

use tauri::{AppHandle, State};
use waymark_core::journal::SystemClock;
use waymark_core::schedule::ics::IcsImportReport;
use waymark_core::schedule::ics_file::{read_calendar_file, write_calendar_file};

use super::dialogs::{choose_open_path, choose_save_path, SaveDialog};
use super::{blocking, AppState};
use crate::error::ApiError;

/// The file name the save dialog suggests.
const EXPORT_FILE_NAME: &str = "schedule.ics";

/// Asks where to save the schedule as an `.ics` file and writes it there. Returns the path, or
/// `None` when the person cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_ics(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, ApiError> {
    let calendar = state.session().store()?.export_ics(&SystemClock)?;
    let Some(path) = choose_save_path(
        app,
        SaveDialog {
            title: "Save your schedule (this calendar file is not encrypted)",
            filter_name: "Calendar",
            extension: "ics",
            file_name: EXPORT_FILE_NAME.into(),
        },
    )
    .await?
    else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    blocking(move || write_calendar_file(&path, &calendar)).await?;
    Ok(Some(shown))
}

/// Asks for an `.ics` file and imports its meetings. Returns what was imported and what was
/// skipped (and why), or `None` when the person cancelled.
#[tauri::command]
#[specta::specta]
pub async fn import_ics(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<IcsImportReport>, ApiError> {
    state.session().store()?;
    let Some(path) =
        choose_open_path(app, "Choose a calendar file to import", "Calendar", "ics").await?
    else {
        return Ok(None);
    };
    let text = blocking(move || read_calendar_file(&path)).await?;
    let zone = state.reminders().zone();
    Ok(Some(state.session().store()?.import_ics(
        &text,
        zone,
        &SystemClock,
    )?))
}
