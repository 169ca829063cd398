//! Commands for the relapse-prevention plan: read, save, prompts, and export to a file.

use tauri::{AppHandle, State};
use waymark_core::journal::SystemClock;
use waymark_core::plan::{write_plan_markdown, PlanPrompts, RelapsePlan, StoredPlan};

use super::dialogs::{choose_save_path, SaveDialog};
use super::{blocking, AppState};
use crate::error::ApiError;

/// The file name the save dialog suggests.
const EXPORT_FILE_NAME: &str = "relapse-prevention-plan.md";

/// The plan, empty until the person writes one.
#[tauri::command]
#[specta::specta]
pub async fn get_plan(state: State<'_, AppState>) -> Result<StoredPlan, ApiError> {
    Ok(state.session().store()?.plan()?)
}

/// Replaces the whole plan.
#[tauri::command]
#[specta::specta]
pub async fn set_plan(
    state: State<'_, AppState>,
    plan: RelapsePlan,
) -> Result<StoredPlan, ApiError> {
    Ok(state.session().store()?.set_plan(&plan, &SystemClock)?)
}

/// Gentle questions per section for a first draft; the same for everyone, available while
/// locked.
#[tauri::command]
#[specta::specta]
pub async fn plan_prompts() -> Result<PlanPrompts, ApiError> {
    Ok(waymark_core::plan::plan_prompts().clone())
}

/// Saves the plan as a Markdown document where the person chooses, through the system's own
/// save dialog opened here (the front end has no dialog or file permission). Returns the path
/// written, or `None` when the person cancelled.
///
/// The exported file is NOT encrypted: it is a plain copy outside the vault, for printing or
/// handing to a counsellor. The dialog's title says so.
#[tauri::command]
#[specta::specta]
pub async fn export_plan(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, ApiError> {
    let markdown = state.session().store()?.plan_markdown()?;
    let Some(path) = choose_save_path(
        app,
        SaveDialog {
            title: "Save your plan (this copy is not encrypted)",
            filter_name: "Markdown",
            extension: "md",
            file_name: EXPORT_FILE_NAME.into(),
        },
    )
    .await?
    else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    blocking(move || write_plan_markdown(&path, &markdown)).await?;
    Ok(Some(shown))
}
