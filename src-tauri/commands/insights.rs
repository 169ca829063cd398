//! Commands for the dashboard, the charts' figures, and the counsellor summary's preview.

use tauri::State;
use waymark_core::export::{KindCount, SummaryReport, SummaryRequest};
use waymark_core::insights::{Dashboard, DayRange, Insights, ValidRange};
use waymark_core::journal::SystemClock;

use super::AppState;
use crate::error::ApiError;

/// The home dashboard: recovery time, the last 7 days against the 7 before, and any gentle
/// early-warning signs.
#[tauri::command]
#[specta::specta]
pub async fn dashboard(state: State<'_, AppState>) -> Result<Dashboard, ApiError> {
    Ok(state.session().store()?.dashboard(&SystemClock)?)
}

/// Every chart's figures over a range of days.
#[tauri::command]
#[specta::specta]
pub async fn insights(state: State<'_, AppState>, range: DayRange) -> Result<Insights, ApiError> {
    let range = ValidRange::parse(&range).map_err(waymark_core::Error::from)?;
    Ok(state.session().store()?.insights(range)?)
}

/// The counsellor summary exactly as it would be exported, for the preview.
#[tauri::command]
#[specta::specta]
pub async fn summary_preview(
    state: State<'_, AppState>,
    request: SummaryRequest,
) -> Result<SummaryReport, ApiError> {
    Ok(state
        .session()
        .store()?
        .summary_report(&request, &SystemClock)?)
}

/// How many records of each kind a CSV or JSON export of the range would hold.
#[tauri::command]
#[specta::specta]
pub async fn export_counts(
    state: State<'_, AppState>,
    range: DayRange,
) -> Result<Vec<KindCount>, ApiError> {
    let range = ValidRange::parse(&range).map_err(waymark_core::Error::from)?;
    Ok(state.session().store()?.export_counts(Some(range))?)
}
