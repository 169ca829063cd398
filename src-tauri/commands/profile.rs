//! Commands for the profile, recovery time, the safety card and the built-in content.

use tauri::State;
use waymark_core::journal::{EntryRef, Profile, ProfileInput, RecoverySummary, SystemClock};

use super::AppState;
use crate::error::ApiError;

/// What the person told Waymark about themselves.
#[tauri::command]
#[specta::specta]
pub async fn get_profile(state: State<'_, AppState>) -> Result<Profile, ApiError> {
    Ok(state.session().store()?.profile()?)
}

/// Replaces the profile.
#[tauri::command]
#[specta::specta]
pub async fn set_profile(
    state: State<'_, AppState>,
    input: ProfileInput,
) -> Result<Profile, ApiError> {
    Ok(state.session().store()?.set_profile(&input, &SystemClock)?)
}

/// Days in recovery, milestones and the history of periods.
#[tauri::command]
#[specta::specta]
pub async fn recovery_summary(state: State<'_, AppState>) -> Result<RecoverySummary, ApiError> {
    Ok(state.session().store()?.recovery_summary(&SystemClock)?)
}

/// Whether the opioid safety card should follow this entry: after any lapse, and after logged use that follows a gap of some days.
#[tauri::command]
#[specta::specta]
pub async fn safety_card_due(
    state: State<'_, AppState>,
    entry: EntryRef,
) -> Result<bool, ApiError> {
    Ok(state.session().store()?.safety_card_due(entry)?)
}
