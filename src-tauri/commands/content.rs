//! The built-in content: feelings, starter triggers, safety facts, regions, weekly questions.

use waymark_core::journal::content::{journal_content, JournalContent};

use crate::error::ApiError;

/// The built-in content, the same for every person; available while locked.
#[tauri::command]
#[specta::specta]
pub async fn get_journal_content() -> Result<JournalContent, ApiError> {
    Ok(journal_content().clone())
}
