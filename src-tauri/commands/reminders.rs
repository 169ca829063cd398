//! Commands for reminder settings, the reminders the window should list, and whether desktop
//! notifications are getting through.

use chrono::{Duration, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{AppHandle, State};
use tauri_plugin_autostart::ManagerExt;
use waymark_core::schedule::{DueReminder, ReminderSettings};

use super::AppState;
use crate::error::ApiError;
use crate::reminders::{DeliveryStatus, DesktopNotifier, Notifier, ReminderNotice};

/// The reminder settings.
#[tauri::command]
#[specta::specta]
pub async fn get_reminder_settings(
    state: State<'_, AppState>,
) -> Result<ReminderSettings, ApiError> {
    Ok(state.session().store()?.reminder_settings()?)
}

/// Replaces the reminder settings.
#[tauri::command]
#[specta::specta]
pub async fn set_reminder_settings(
    state: State<'_, AppState>,
    settings: ReminderSettings,
) -> Result<ReminderSettings, ApiError> {
    Ok(state.session().store()?.set_reminder_settings(&settings)?)
}

/// The reminders coming up in the next `hours` hours (at most two weeks).
#[tauri::command]
#[specta::specta]
pub async fn upcoming_reminders(
    state: State<'_, AppState>,
    hours: u32,
) -> Result<Vec<DueReminder>, ApiError> {
    let now = Utc::now();
    let hours = i64::from(hours.min(24 * 14));
    let zone = state.reminders().zone();
    Ok(state
        .session()
        .store()?
        .due_reminders(now, now + Duration::hours(hours), zone)?)
}

/// Reminders to list in the window: those that fell due while Waymark was closed or the
/// computer slept, and those that could not be shown. Taking them empties the list.
#[tauri::command]
#[specta::specta]
pub async fn take_reminder_notices(
    state: State<'_, AppState>,
) -> Result<Vec<ReminderNotice>, ApiError> {
    state.session().store()?;
    Ok(state.reminders().take_notices())
}

/// Whether desktop notifications are getting through.
#[tauri::command]
#[specta::specta]
pub async fn notification_status(state: State<'_, AppState>) -> Result<DeliveryStatus, ApiError> {
    Ok(state.reminders().status())
}

/// The outcome of a test notification.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TestNotificationResult {
    /// It was handed to the desktop's notification service.
    pub delivered: bool,
    /// Why not, in plain words.
    pub problem: Option<String>,
}

/// Shows a neutral test notification, so the person can see reminders will get through.
#[tauri::command]
#[specta::specta]
pub async fn send_test_notification(app: AppHandle) -> Result<TestNotificationResult, ApiError> {
    let outcome = tauri::async_runtime::spawn_blocking(move || {
        DesktopNotifier::new(app).show("Reminder", "This is how reminders will look")
    })
    .await
    .map_err(|_| ApiError::internal("The test notification could not be sent."))?;
    Ok(TestNotificationResult {
        delivered: outcome.is_ok(),
        problem: outcome.err().map(|e| e.to_string()),
    })
}

/// Whether Waymark starts when the person logs in.
#[tauri::command]
#[specta::specta]
pub async fn autostart_enabled(app: AppHandle) -> Result<bool, ApiError> {
    app.autolaunch()
        .is_enabled()
        .map_err(|_| ApiError::internal("Whether Waymark starts at login could not be read."))
}

/// Turns starting at login on or off; returns the new state.
#[tauri::command]
#[specta::specta]
pub async fn set_autostart(app: AppHandle, enabled: bool) -> Result<bool, ApiError> {
    let manager = app.autolaunch();
    let result = if enabled {
        manager.enable()
    } else {
        manager.disable()
    };
    result.map_err(|_| {
        ApiError::internal(
            "Starting at login could not be changed; check your desktop's autostart folder.",
        )
    })?;
    manager
        .is_enabled()
        .map_err(|_| ApiError::internal("Whether Waymark starts at login could not be read."))
}
