//! Commands for meetings and appointments: the schedule, skipped and moved dates, attendance.

use chrono::{Duration, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::State;
use waymark_core::journal::fields::parse_day;
use waymark_core::journal::SystemClock;
use waymark_core::schedule::{Attendance, Meeting, MeetingId, MeetingKind, NewMeeting, Occurrence};

use super::AppState;
use crate::error::ApiError;

/// The choices the meeting form offers, from the backend so the two never disagree.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleOptions {
    /// Every kind of meeting with its label, in the order to offer them.
    pub kinds: Vec<MeetingKindOption>,
    /// The computer's own IANA time zone, the default for new meetings.
    pub system_zone: String,
}

/// One kind of meeting and its label.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MeetingKindOption {
    /// The kind.
    pub kind: MeetingKind,
    /// What the person sees.
    pub label: String,
}

/// The kinds of meeting and the computer's time zone.
#[tauri::command]
#[specta::specta]
pub async fn schedule_options() -> Result<ScheduleOptions, ApiError> {
    Ok(ScheduleOptions {
        kinds: MeetingKind::ALL
            .into_iter()
            .map(|kind| MeetingKindOption {
                kind,
                label: kind.label().to_string(),
            })
            .collect(),
        system_zone: waymark_core::schedule::zone::system_zone()
            .name()
            .to_string(),
    })
}

/// Every meeting.
#[tauri::command]
#[specta::specta]
pub async fn list_meetings(state: State<'_, AppState>) -> Result<Vec<Meeting>, ApiError> {
    Ok(state.session().store()?.list_meetings()?)
}

/// One meeting.
#[tauri::command]
#[specta::specta]
pub async fn get_meeting(state: State<'_, AppState>, id: MeetingId) -> Result<Meeting, ApiError> {
    Ok(state.session().store()?.meeting(id)?)
}

/// Adds a meeting.
#[tauri::command]
#[specta::specta]
pub async fn add_meeting(
    state: State<'_, AppState>,
    input: NewMeeting,
) -> Result<Meeting, ApiError> {
    Ok(state.session().store()?.add_meeting(&input, &SystemClock)?)
}

/// Replaces a meeting's details.
#[tauri::command]
#[specta::specta]
pub async fn update_meeting(
    state: State<'_, AppState>,
    id: MeetingId,
    input: NewMeeting,
) -> Result<Meeting, ApiError> {
    Ok(state
        .session()
        .store()?
        .update_meeting(id, &input, &SystemClock)?)
}

/// Deletes a meeting with its history.
#[tauri::command]
#[specta::specta]
pub async fn delete_meeting(state: State<'_, AppState>, id: MeetingId) -> Result<(), ApiError> {
    Ok(state.session().store()?.delete_meeting(id)?)
}

/// Skips one occurrence, named by its original local start.
#[tauri::command]
#[specta::specta]
pub async fn skip_occurrence(
    state: State<'_, AppState>,
    id: MeetingId,
    occurrence: String,
) -> Result<Meeting, ApiError> {
    Ok(state.session().store()?.skip_occurrence(id, &occurrence)?)
}

/// Moves one occurrence to another local start (YYYY-MM-DDTHH:MM).
#[tauri::command]
#[specta::specta]
pub async fn move_occurrence(
    state: State<'_, AppState>,
    id: MeetingId,
    occurrence: String,
    to: String,
) -> Result<Meeting, ApiError> {
    Ok(state
        .session()
        .store()?
        .move_occurrence(id, &occurrence, &to)?)
}

/// Puts a skipped or moved occurrence back.
#[tauri::command]
#[specta::specta]
pub async fn restore_occurrence(
    state: State<'_, AppState>,
    id: MeetingId,
    occurrence: String,
) -> Result<Meeting, ApiError> {
    Ok(state
        .session()
        .store()?
        .restore_occurrence(id, &occurrence)?)
}

/// Records whether the person went (`None` clears it).
#[tauri::command]
#[specta::specta]
pub async fn set_attendance(
    state: State<'_, AppState>,
    id: MeetingId,
    occurrence: String,
    attendance: Option<Attendance>,
) -> Result<(), ApiError> {
    Ok(state
        .session()
        .store()?
        .set_attendance(id, &occurrence, attendance, &SystemClock)?)
}

/// Occurrences from `past_days` ago to `future_days` ahead, in order.
#[tauri::command]
#[specta::specta]
pub async fn meeting_occurrences(
    state: State<'_, AppState>,
    past_days: u32,
    future_days: u32,
) -> Result<Vec<Occurrence>, ApiError> {
    let now = Utc::now();
    Ok(state.session().store()?.occurrences(
        now - Duration::days(i64::from(past_days)),
        now + Duration::days(i64::from(future_days)),
    )?)
}

/// The occurrences on one local day (YYYY-MM-DD), for the daily check-in.
#[tauri::command]
#[specta::specta]
pub async fn occurrences_on(
    state: State<'_, AppState>,
    date: String,
) -> Result<Vec<Occurrence>, ApiError> {
    let day = parse_day("date", &date)?;
    Ok(state.session().store()?.occurrences_on(day)?)
}
