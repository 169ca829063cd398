//! Commands for the daily journal.

use tauri::State;
use waymark_core::journal::fields::parse_day;
use waymark_core::journal::{JournalEntry, JournalEntryId, NewJournalEntry, SystemClock};

use super::AppState;
use crate::error::ApiError;

/// Validates and saves a journal entry (one per day).
#[tauri::command]
#[specta::specta]
pub async fn add_journal_entry(
    state: State<'_, AppState>,
    input: NewJournalEntry,
) -> Result<JournalEntry, ApiError> {
    Ok(state
        .session()
        .store()?
        .add_journal_entry(&input, &SystemClock)?)
}

/// Replaces a journal entry.
#[tauri::command]
#[specta::specta]
pub async fn update_journal_entry(
    state: State<'_, AppState>,
    id: JournalEntryId,
    input: NewJournalEntry,
) -> Result<JournalEntry, ApiError> {
    Ok(state
        .session()
        .store()?
        .update_journal_entry(id, &input, &SystemClock)?)
}

/// One journal entry.
#[tauri::command]
#[specta::specta]
pub async fn get_journal_entry(
    state: State<'_, AppState>,
    id: JournalEntryId,
) -> Result<JournalEntry, ApiError> {
    Ok(state.session().store()?.journal_entry(id)?)
}

/// The entry for a day (YYYY-MM-DD), if there is one.
#[tauri::command]
#[specta::specta]
pub async fn journal_entry_on(
    state: State<'_, AppState>,
    date: String,
) -> Result<Option<JournalEntry>, ApiError> {
    Ok(state
        .session()
        .store()?
        .journal_entry_on(parse_day("date", &date)?)?)
}

/// The newest `limit` journal entries, newest day first.
#[tauri::command]
#[specta::specta]
pub async fn list_journal_entries(
    state: State<'_, AppState>,
    limit: u32,
) -> Result<Vec<JournalEntry>, ApiError> {
    Ok(state.session().store()?.list_journal_entries(limit)?)
}
