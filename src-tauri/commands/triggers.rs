//! Commands for the trigger catalogue.

use tauri::State;
use waymark_core::journal::{NewTrigger, SystemClock, Trigger, TriggerId};

use super::AppState;
use crate::error::ApiError;

/// The catalogue; archived triggers only when asked for.
#[tauri::command]
#[specta::specta]
pub async fn list_triggers(
    state: State<'_, AppState>,
    include_archived: bool,
) -> Result<Vec<Trigger>, ApiError> {
    Ok(state.session().store()?.list_triggers(include_archived)?)
}

/// Adds a trigger to the catalogue.
#[tauri::command]
#[specta::specta]
pub async fn add_trigger(
    state: State<'_, AppState>,
    input: NewTrigger,
) -> Result<Trigger, ApiError> {
    Ok(state.session().store()?.add_trigger(&input, &SystemClock)?)
}

/// Renames a trigger or changes its category.
#[tauri::command]
#[specta::specta]
pub async fn update_trigger(
    state: State<'_, AppState>,
    id: TriggerId,
    input: NewTrigger,
) -> Result<Trigger, ApiError> {
    Ok(state.session().store()?.update_trigger(id, &input)?)
}

/// Archives a trigger, or makes it active again.
#[tauri::command]
#[specta::specta]
pub async fn set_trigger_archived(
    state: State<'_, AppState>,
    id: TriggerId,
    archived: bool,
) -> Result<Trigger, ApiError> {
    Ok(state
        .session()
        .store()?
        .set_trigger_archived(id, archived)?)
}

/// Merges one trigger into another, re-pointing every entry that named it.
#[tauri::command]
#[specta::specta]
pub async fn merge_triggers(
    state: State<'_, AppState>,
    from: TriggerId,
    into: TriggerId,
) -> Result<Trigger, ApiError> {
    Ok(state.session().store()?.merge_triggers(from, into)?)
}
