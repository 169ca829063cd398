//! Commands for lapses.

use tauri::State;
use waymark_core::journal::{Lapse, LapseId, NewLapse, SystemClock};

use super::AppState;
use crate::error::ApiError;

/// Validates and saves a lapse.
#[tauri::command]
#[specta::specta]
pub async fn add_lapse(state: State<'_, AppState>, input: NewLapse) -> Result<Lapse, ApiError> {
    Ok(state.session().store()?.add_lapse(&input, &SystemClock)?)
}

/// Replaces a lapse.
#[tauri::command]
#[specta::specta]
pub async fn update_lapse(
    state: State<'_, AppState>,
    id: LapseId,
    input: NewLapse,
) -> Result<Lapse, ApiError> {
    Ok(state
        .session()
        .store()?
        .update_lapse(id, &input, &SystemClock)?)
}

/// One lapse.
#[tauri::command]
#[specta::specta]
pub async fn get_lapse(state: State<'_, AppState>, id: LapseId) -> Result<Lapse, ApiError> {
    Ok(state.session().store()?.lapse(id)?)
}

/// The newest `limit` lapses, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_lapses(state: State<'_, AppState>, limit: u32) -> Result<Vec<Lapse>, ApiError> {
    Ok(state.session().store()?.list_lapses(limit)?)
}
