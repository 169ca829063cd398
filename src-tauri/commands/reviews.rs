//! Commands for the weekly review.

use tauri::State;
use waymark_core::journal::fields::parse_day;
use waymark_core::journal::review::week_start;
use waymark_core::journal::{NewReview, Review, ReviewId, SystemClock};

use super::AppState;
use crate::error::ApiError;

/// Validates and saves a weekly review (one per week).
#[tauri::command]
#[specta::specta]
pub async fn add_review(state: State<'_, AppState>, input: NewReview) -> Result<Review, ApiError> {
    Ok(state.session().store()?.add_review(&input, &SystemClock)?)
}

/// Replaces a weekly review.
#[tauri::command]
#[specta::specta]
pub async fn update_review(
    state: State<'_, AppState>,
    id: ReviewId,
    input: NewReview,
) -> Result<Review, ApiError> {
    Ok(state
        .session()
        .store()?
        .update_review(id, &input, &SystemClock)?)
}

/// One weekly review.
#[tauri::command]
#[specta::specta]
pub async fn get_review(state: State<'_, AppState>, id: ReviewId) -> Result<Review, ApiError> {
    Ok(state.session().store()?.review(id)?)
}

/// The review of the week holding a day (YYYY-MM-DD), if there is one.
#[tauri::command]
#[specta::specta]
pub async fn review_for_week(
    state: State<'_, AppState>,
    date: String,
) -> Result<Option<Review>, ApiError> {
    Ok(state
        .session()
        .store()?
        .review_for_week(week_start(parse_day("date", &date)?))?)
}
