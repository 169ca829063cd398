//! Commands that work on every kind of entry: timeline, search, delete and undo.

use tauri::State;
use waymark_core::journal::kind::TimelineQuery;
use waymark_core::journal::{EntryRef, SystemClock, TimelineItem};

use super::AppState;
use crate::error::ApiError;

/// Every entry of the chosen kinds between two days, newest first.
#[tauri::command]
#[specta::specta]
pub async fn timeline(
    state: State<'_, AppState>,
    query: TimelineQuery,
) -> Result<Vec<TimelineItem>, ApiError> {
    Ok(state.session().store()?.timeline(&query, &SystemClock)?)
}

/// Full-text search across every kind of entry, best match first.
#[tauri::command]
#[specta::specta]
pub async fn search(
    state: State<'_, AppState>,
    text: String,
    limit: u32,
) -> Result<Vec<TimelineItem>, ApiError> {
    Ok(state.session().store()?.search(&text, limit)?)
}

/// Deletes an entry; it can be brought back with `restore_entry` until the journal is locked.
#[tauri::command]
#[specta::specta]
pub async fn delete_entry(state: State<'_, AppState>, entry: EntryRef) -> Result<(), ApiError> {
    Ok(state.session().store()?.delete_entry(entry, &SystemClock)?)
}

/// Brings back an entry deleted since the journal was unlocked.
#[tauri::command]
#[specta::specta]
pub async fn restore_entry(state: State<'_, AppState>, entry: EntryRef) -> Result<(), ApiError> {
    Ok(state.session().store()?.restore_entry(entry)?)
}
