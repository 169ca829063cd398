//! Commands for the daily aftercare check-in.

use tauri::State;
use waymark_core::journal::fields::parse_day;
use waymark_core::journal::{Checkin, CheckinId, NewCheckin, SystemClock};

use super::AppState;
use crate::error::ApiError;

/// Validates and saves a check-in (one per day).
#[tauri::command]
#[specta::specta]
pub async fn add_checkin(
    state: State<'_, AppState>,
    input: NewCheckin,
) -> Result<Checkin, ApiError> {
    Ok(state.session().store()?.add_checkin(&input, &SystemClock)?)
}

/// Replaces a check-in's answers.
#[tauri::command]
#[specta::specta]
pub async fn update_checkin(
    state: State<'_, AppState>,
    id: CheckinId,
    input: NewCheckin,
) -> Result<Checkin, ApiError> {
    Ok(state
        .session()
        .store()?
        .update_checkin(id, &input, &SystemClock)?)
}

/// One check-in.
#[tauri::command]
#[specta::specta]
pub async fn get_checkin(state: State<'_, AppState>, id: CheckinId) -> Result<Checkin, ApiError> {
    Ok(state.session().store()?.checkin(id)?)
}

/// The check-in for a day (YYYY-MM-DD), if there is one.
#[tauri::command]
#[specta::specta]
pub async fn checkin_on(
    state: State<'_, AppState>,
    date: String,
) -> Result<Option<Checkin>, ApiError> {
    Ok(state
        .session()
        .store()?
        .checkin_on(parse_day("date", &date)?)?)
}
