//! Commands for mood check-ins.

use tauri::State;
use waymark_core::journal::{Mood, MoodId, NewMood, SystemClock};

use super::AppState;
use crate::error::ApiError;

/// Validates and saves a mood check-in.
#[tauri::command]
#[specta::specta]
pub async fn add_mood(state: State<'_, AppState>, input: NewMood) -> Result<Mood, ApiError> {
    Ok(state.session().store()?.add_mood(&input, &SystemClock)?)
}

/// Replaces every field of a mood check-in.
#[tauri::command]
#[specta::specta]
pub async fn update_mood(
    state: State<'_, AppState>,
    id: MoodId,
    input: NewMood,
) -> Result<Mood, ApiError> {
    Ok(state
        .session()
        .store()?
        .update_mood(id, &input, &SystemClock)?)
}

/// One mood check-in.
#[tauri::command]
#[specta::specta]
pub async fn get_mood(state: State<'_, AppState>, id: MoodId) -> Result<Mood, ApiError> {
    Ok(state.session().store()?.mood(id)?)
}

/// The newest `limit` mood check-ins, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_moods(state: State<'_, AppState>, limit: u32) -> Result<Vec<Mood>, ApiError> {
    Ok(state.session().store()?.list_moods(limit)?)
}
