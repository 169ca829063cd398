//! Commands for the support network, and reaching a contact through the system's own apps.

use tauri::State;
use waymark_core::journal::SystemClock;
use waymark_core::support::{Contact, ContactId, ContactLinkKind, NewContact};

use super::AppState;
use crate::error::ApiError;

/// The support network, in "who I call first" order.
#[tauri::command]
#[specta::specta]
pub async fn list_contacts(state: State<'_, AppState>) -> Result<Vec<Contact>, ApiError> {
    Ok(state.session().store()?.list_contacts()?)
}

/// Adds a contact at the end of the call order.
#[tauri::command]
#[specta::specta]
pub async fn add_contact(
    state: State<'_, AppState>,
    input: NewContact,
) -> Result<Contact, ApiError> {
    Ok(state.session().store()?.add_contact(&input, &SystemClock)?)
}

/// Replaces a contact's details; their place in the order stays.
#[tauri::command]
#[specta::specta]
pub async fn update_contact(
    state: State<'_, AppState>,
    id: ContactId,
    input: NewContact,
) -> Result<Contact, ApiError> {
    Ok(state
        .session()
        .store()?
        .update_contact(id, &input, &SystemClock)?)
}

/// Deletes a contact.
#[tauri::command]
#[specta::specta]
pub async fn delete_contact(state: State<'_, AppState>, id: ContactId) -> Result<(), ApiError> {
    Ok(state.session().store()?.delete_contact(id)?)
}

/// Sets the call order: every contact's id exactly once, first to call first.
#[tauri::command]
#[specta::specta]
pub async fn reorder_contacts(
    state: State<'_, AppState>,
    ids: Vec<ContactId>,
) -> Result<Vec<Contact>, ApiError> {
    Ok(state.session().store()?.reorder_contacts(&ids)?)
}

/// Calls or emails a stored contact with the system's own app. The `tel:` or `mailto:` link is
/// built here from what is stored, never taken from the front end, which has no permission to
/// open anything itself.
#[tauri::command]
#[specta::specta]
pub async fn open_contact_link(
    state: State<'_, AppState>,
    id: ContactId,
    how: ContactLinkKind,
) -> Result<(), ApiError> {
    let url = state.session().store()?.contact_link(id, how)?;
    tauri::async_runtime::spawn_blocking(move || tauri_plugin_opener::open_url(url, None::<&str>))
        .await
        .map_err(|_| ApiError::internal("A background task failed; nothing was opened."))?
        .map_err(|_| ApiError::internal(how.unavailable_message()))
}
