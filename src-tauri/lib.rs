//! The Waymark desktop shell: window, IPC commands and CLI over `waymark-core`.
#![deny(unsafe_code)]

pub mod bindings;
pub mod cli;
mod commands;
pub mod error;
mod window;

use std::process::ExitCode;

use commands::AppState;
use waymark_core::vault::Vault;
use waymark_core::Session;

pub use error::ApiError;

/// The IPC surface, shared by the running app and the TypeScript bindings generator.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    use commands::{cravings, vault};
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(tauri_specta::collect_commands![
            vault::vault_status,
            vault::passphrase_strength,
            vault::create_vault,
            vault::unlock,
            vault::unlock_with_recovery_key,
            vault::lock,
            vault::change_passphrase,
            vault::set_passphrase_after_recovery,
            cravings::add_craving,
            cravings::list_cravings,
        ])
        // Limits the UI shows before the backend would refuse, so the two never disagree.
        .constant(
            "NOTE_MAX_CHARS",
            waymark_core::journal::craving::NOTE_MAX_CHARS,
        )
        .dangerously_cast_bigints_to_number()
        .disable_serde_phases()
}

/// Opens the window and runs until it is closed.
pub fn run_app() -> ExitCode {
    let Some(data_dir) = waymark_core::paths::data_dir() else {
        eprintln!("waymark: could not find a data directory; set WAYMARK_DATA_DIR.");
        return ExitCode::FAILURE;
    };
    let builder = specta_builder();
    let result = tauri::Builder::default()
        .manage(AppState::new(Session::new(Vault::at(data_dir))))
        .invoke_handler(builder.invoke_handler())
        .setup(|app| Ok(window::create_main(app)?))
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => {
            eprintln!("waymark: the window could not be started.");
            ExitCode::FAILURE
        }
    }
}
