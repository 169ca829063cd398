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
    use commands::{
        checkins, content, cravings, entries, journal, lapses, moods, profile, reviews, triggers,
        vault,
    };
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
            cravings::update_craving,
            cravings::get_craving,
            cravings::list_cravings,
            triggers::list_triggers,
            triggers::add_trigger,
            triggers::update_trigger,
            triggers::set_trigger_archived,
            triggers::merge_triggers,
            moods::add_mood,
            moods::update_mood,
            moods::get_mood,
            moods::list_moods,
            journal::add_journal_entry,
            journal::update_journal_entry,
            journal::get_journal_entry,
            journal::journal_entry_on,
            journal::list_journal_entries,
            checkins::add_checkin,
            checkins::update_checkin,
            checkins::get_checkin,
            checkins::checkin_on,
            reviews::add_review,
            reviews::update_review,
            reviews::get_review,
            reviews::review_for_week,
            lapses::add_lapse,
            lapses::update_lapse,
            lapses::get_lapse,
            lapses::list_lapses,
            entries::timeline,
            entries::search,
            entries::delete_entry,
            entries::restore_entry,
            profile::get_profile,
            profile::set_profile,
            profile::recovery_summary,
            profile::safety_card_due,
            content::get_journal_content,
        ])
        // Limits the UI shows before the backend would refuse, so the two never disagree.
        .constant(
            "NOTE_MAX_CHARS",
            waymark_core::journal::craving::NOTE_MAX_CHARS,
        )
        .constant(
            "ENTRY_MAX_CHARS",
            waymark_core::journal::entry::ENTRY_MAX_CHARS,
        )
        .constant(
            "SHORT_TEXT_MAX_CHARS",
            waymark_core::journal::fields::SHORT_TEXT_MAX_CHARS,
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
