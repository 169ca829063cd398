//! The SOS panel's one command.

use tauri::State;
use waymark_core::support::SosSummary;

use super::AppState;
use crate::error::ApiError;

/// Everything the SOS panel shows, in one call: top strategies, if-then plans, the call list,
/// helplines for the region (built-in and the person's own), and reasons for recovery.
#[tauri::command]
#[specta::specta]
pub async fn sos_summary(state: State<'_, AppState>) -> Result<SosSummary, ApiError> {
    Ok(state.session().store()?.sos_summary()?)
}
