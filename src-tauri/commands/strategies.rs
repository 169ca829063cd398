//! Commands for the coping library and "what works for me".

use tauri::State;
use waymark_core::insights::WhatWorks;
use waymark_core::journal::SystemClock;
use waymark_core::library::{NewStrategy, Strategy, StrategyId};

use super::AppState;
use crate::error::ApiError;

/// The library, built-in and the person's own, with their star and hide flags; hidden
/// strategies only when asked for.
#[tauri::command]
#[specta::specta]
pub async fn list_strategies(
    state: State<'_, AppState>,
    include_hidden: bool,
) -> Result<Vec<Strategy>, ApiError> {
    Ok(state.session().store()?.list_strategies(include_hidden)?)
}

/// Adds a strategy of the person's own.
#[tauri::command]
#[specta::specta]
pub async fn add_strategy(
    state: State<'_, AppState>,
    input: NewStrategy,
) -> Result<Strategy, ApiError> {
    Ok(state
        .session()
        .store()?
        .add_strategy(&input, &SystemClock)?)
}

/// Changes one of the person's own strategies; built-in ones are refused.
#[tauri::command]
#[specta::specta]
pub async fn update_strategy(
    state: State<'_, AppState>,
    id: StrategyId,
    input: NewStrategy,
) -> Result<Strategy, ApiError> {
    Ok(state
        .session()
        .store()?
        .update_strategy(id, &input, &SystemClock)?)
}

/// Deletes one of the person's own strategies; built-in ones can only be hidden.
#[tauri::command]
#[specta::specta]
pub async fn delete_strategy(state: State<'_, AppState>, id: StrategyId) -> Result<(), ApiError> {
    Ok(state.session().store()?.delete_strategy(id)?)
}

/// Stars a strategy as a favourite, or takes the star off.
#[tauri::command]
#[specta::specta]
pub async fn set_strategy_starred(
    state: State<'_, AppState>,
    id: StrategyId,
    starred: bool,
) -> Result<Strategy, ApiError> {
    Ok(state.session().store()?.set_strategy_starred(id, starred)?)
}

/// Hides a strategy that doesn't fit the person, or shows it again.
#[tauri::command]
#[specta::specta]
pub async fn set_strategy_hidden(
    state: State<'_, AppState>,
    id: StrategyId,
    hidden: bool,
) -> Result<Strategy, ApiError> {
    Ok(state.session().store()?.set_strategy_hidden(id, hidden)?)
}

/// "What works for me": each strategy tried during a craving, with its pass rate and average
/// drop in intensity and the number of cravings behind each, best first.
#[tauri::command]
#[specta::specta]
pub async fn what_works(state: State<'_, AppState>) -> Result<Vec<WhatWorks>, ApiError> {
    Ok(state.session().store()?.what_works()?)
}
