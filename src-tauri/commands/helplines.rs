//! Commands for helplines: the built-in ones for the person's region and their own.

use tauri::State;
use waymark_core::journal::SystemClock;
use waymark_core::support::{LocalHelpline, LocalHelplineId, NewLocalHelpline, RegionHelplines};

use super::AppState;
use crate::error::ApiError;

/// The built-in helplines for the profile's region, and the person's own.
#[tauri::command]
#[specta::specta]
pub async fn helplines(state: State<'_, AppState>) -> Result<RegionHelplines, ApiError> {
    Ok(state.session().store()?.region_helplines()?)
}

/// Adds a local helpline of the person's own.
#[tauri::command]
#[specta::specta]
pub async fn add_local_helpline(
    state: State<'_, AppState>,
    input: NewLocalHelpline,
) -> Result<LocalHelpline, ApiError> {
    Ok(state
        .session()
        .store()?
        .add_local_helpline(&input, &SystemClock)?)
}

/// Changes a local helpline.
#[tauri::command]
#[specta::specta]
pub async fn update_local_helpline(
    state: State<'_, AppState>,
    id: LocalHelplineId,
    input: NewLocalHelpline,
) -> Result<LocalHelpline, ApiError> {
    Ok(state
        .session()
        .store()?
        .update_local_helpline(id, &input, &SystemClock)?)
}

/// Deletes a local helpline.
#[tauri::command]
#[specta::specta]
pub async fn delete_local_helpline(
    state: State<'_, AppState>,
    id: LocalHelplineId,
) -> Result<(), ApiError> {
    Ok(state.session().store()?.delete_local_helpline(id)?)
}
