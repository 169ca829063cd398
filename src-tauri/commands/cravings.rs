//! Commands for the craving log.

use tauri::State;
use waymark_core::journal::{Craving, CravingId, NewCraving, SystemClock};

use super::AppState;
use crate::error::ApiError;

/// Validates and saves a craving.
#[tauri::command]
#[specta::specta]
pub async fn add_craving(
    state: State<'_, AppState>,
    input: NewCraving,
) -> Result<Craving, ApiError> {
    Ok(state.session().store()?.add_craving(&input, &SystemClock)?)
}

/// Replaces every field of a craving.
#[tauri::command]
#[specta::specta]
pub async fn update_craving(
    state: State<'_, AppState>,
    id: CravingId,
    input: NewCraving,
) -> Result<Craving, ApiError> {
    Ok(state
        .session()
        .store()?
        .update_craving(id, &input, &SystemClock)?)
}

/// One craving, with all its details.
#[tauri::command]
#[specta::specta]
pub async fn get_craving(state: State<'_, AppState>, id: CravingId) -> Result<Craving, ApiError> {
    Ok(state.session().store()?.craving(id)?)
}

/// The newest `limit` cravings, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_cravings(
    state: State<'_, AppState>,
    limit: u32,
) -> Result<Vec<Craving>, ApiError> {
    Ok(state.session().store()?.list_cravings(limit)?)
}
