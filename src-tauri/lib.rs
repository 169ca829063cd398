//! The Waymark desktop shell: window, IPC commands and CLI over `waymark-core`.
#![deny(unsafe_code)]

pub mod bindings;
pub mod cli;
mod commands;
pub mod error;
mod locking;
#[cfg(test)]
mod private_bus;
mod reminders;
mod tray;
mod window;

use std::process::ExitCode;

use commands::AppState;
use tauri::Manager;
use waymark_core::vault::Vault;
use waymark_core::Session;

pub use error::ApiError;
pub use locking::logind_stub;
pub use reminders::sink as notification_sink;

/// The IPC surface, shared by the running app and the TypeScript bindings generator.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    use commands::{
        backup, calendar, checkins, contacts, content, cravings, entries, export, helplines,
        insights, journal, lapses, locking, meetings, moods, plan, profile, reminders, reviews,
        sos, strategies, triggers, vault,
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
            backup::backup_status,
            backup::set_backup_keep,
            backup::create_backup_now,
            backup::export_backup,
            backup::restore_backup,
            locking::get_lock_settings,
            locking::set_lock_settings,
            locking::note_activity,
            locking::hide_now,
            locking::take_lock_reason,
            locking::passphrase_wait,
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
            strategies::list_strategies,
            strategies::add_strategy,
            strategies::update_strategy,
            strategies::delete_strategy,
            strategies::set_strategy_starred,
            strategies::set_strategy_hidden,
            strategies::what_works,
            contacts::list_contacts,
            contacts::add_contact,
            contacts::update_contact,
            contacts::delete_contact,
            contacts::reorder_contacts,
            contacts::open_contact_link,
            helplines::helplines,
            helplines::add_local_helpline,
            helplines::update_local_helpline,
            helplines::delete_local_helpline,
            plan::get_plan,
            plan::set_plan,
            plan::plan_prompts,
            plan::export_plan,
            sos::sos_summary,
            meetings::schedule_options,
            meetings::list_meetings,
            meetings::get_meeting,
            meetings::add_meeting,
            meetings::update_meeting,
            meetings::delete_meeting,
            meetings::skip_occurrence,
            meetings::move_occurrence,
            meetings::restore_occurrence,
            meetings::set_attendance,
            meetings::meeting_occurrences,
            meetings::occurrences_on,
            calendar::export_ics,
            calendar::import_ics,
            insights::dashboard,
            insights::insights,
            insights::summary_preview,
            insights::export_counts,
            export::export_data,
            export::import_data,
            reminders::get_reminder_settings,
            reminders::set_reminder_settings,
            reminders::upcoming_reminders,
            reminders::take_reminder_notices,
            reminders::notification_status,
            reminders::send_test_notification,
            reminders::autostart_enabled,
            reminders::set_autostart,
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
        .constant(
            "STRATEGY_TITLE_MAX_CHARS",
            waymark_core::library::strategy::STRATEGY_TITLE_MAX_CHARS,
        )
        .constant(
            "STRATEGY_SUMMARY_MAX_CHARS",
            waymark_core::library::strategy::STRATEGY_SUMMARY_MAX_CHARS,
        )
        .constant(
            "STRATEGY_STEP_MAX_CHARS",
            waymark_core::library::strategy::STRATEGY_STEP_MAX_CHARS,
        )
        .constant(
            "STRATEGY_STEPS_MAX",
            waymark_core::library::strategy::STRATEGY_STEPS_MAX,
        )
        .constant(
            "CONTACT_NAME_MAX_CHARS",
            waymark_core::support::contact::CONTACT_NAME_MAX_CHARS,
        )
        .constant(
            "CONTACT_NOTES_MAX_CHARS",
            waymark_core::support::contact::CONTACT_NOTES_MAX_CHARS,
        )
        .constant(
            "PHONE_MAX_CHARS",
            waymark_core::support::phone::PHONE_MAX_CHARS,
        )
        .constant(
            "PHONE_MIN_DIGITS",
            waymark_core::support::phone::PHONE_MIN_DIGITS,
        )
        .constant(
            "EMAIL_MAX_CHARS",
            waymark_core::support::phone::EMAIL_MAX_CHARS,
        )
        .constant(
            "HELPLINE_NAME_MAX_CHARS",
            waymark_core::support::helpline::HELPLINE_NAME_MAX_CHARS,
        )
        .constant(
            "HELPLINE_NOTE_MAX_CHARS",
            waymark_core::support::helpline::HELPLINE_NOTE_MAX_CHARS,
        )
        .constant(
            "PLAN_TEXT_MAX_CHARS",
            waymark_core::plan::PLAN_TEXT_MAX_CHARS,
        )
        .constant(
            "PLAN_LIST_MAX_ITEMS",
            waymark_core::plan::PLAN_LIST_MAX_ITEMS,
        )
        .constant(
            "MEETING_TITLE_MAX_CHARS",
            waymark_core::schedule::meeting::MEETING_TITLE_MAX_CHARS,
        )
        .constant(
            "MEETING_LINK_MAX_CHARS",
            waymark_core::schedule::meeting::MEETING_LINK_MAX_CHARS,
        )
        .constant(
            "MEETING_REMINDERS_MAX",
            waymark_core::schedule::meeting::MEETING_REMINDERS_MAX,
        )
        .constant(
            "MEETING_DURATION_MAX_MINUTES",
            waymark_core::schedule::meeting::MEETING_DURATION_MAX_MINUTES,
        )
        .constant(
            "REMINDER_LEAD_MAX_MINUTES",
            waymark_core::schedule::meeting::REMINDER_LEAD_MAX_MINUTES,
        )
        .constant(
            "MEDICATION_REMINDERS_MAX",
            waymark_core::schedule::reminders::MEDICATION_REMINDERS_MAX,
        )
        .constant(
            "MEDICATION_LABEL_MAX_CHARS",
            waymark_core::schedule::reminders::MEDICATION_LABEL_MAX_CHARS,
        )
        .constant(
            "SOS_STRATEGY_LIMIT",
            waymark_core::support::SOS_STRATEGY_LIMIT,
        )
        .dangerously_cast_bigints_to_number()
        .disable_serde_phases()
}

/// Whether the tray icon exists, so closing the window can hide it there instead of quitting.
struct TrayPresent(bool);

/// Opens the window and runs until it is closed.
pub fn run_app() -> ExitCode {
    let Some(data_dir) = waymark_core::paths::data_dir() else {
        eprintln!("waymark: could not find a data directory; set WAYMARK_DATA_DIR.");
        return ExitCode::FAILURE;
    };
    let builder = specta_builder();
    let result = tauri::Builder::default()
        // First, so a second launch (say, from the app menu while Waymark sits in the tray)
        // shows the running window instead of opening the vault twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            tray::show_main(app)
        }))
        // Notifications are sent from Rust only (the reminder thread); the front end has no
        // notification permission. Starting at login is off until the person turns it on.
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            None,
        ))
        // The save dialog for the plan export is opened from Rust only: no dialog permission is
        // granted to the front end. Calls and emails go through `tauri_plugin_opener::open_url`
        // from Rust, so that plugin is not registered at all and the window can open nothing.
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState::new(Session::new(Vault::at(data_dir))))
        .manage(locking::AutoLock::default())
        .manage(locking::LastLockReason::default())
        .invoke_handler(builder.invoke_handler())
        .setup(|app| {
            window::create_main(app)?;
            // Without a tray (no status-notifier support), closing the window quits as before.
            let tray = tray::install(app.handle()).is_ok();
            app.manage(TrayPresent(tray));
            reminders::spawn(app.handle().clone());
            // Auto-lock after idle, and locking when the session locks or the machine sleeps.
            locking::start(app.handle());
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                if window.state::<TrayPresent>().0 {
                    api.prevent_close();
                    tray::close_to_tray(window);
                }
            }
        })
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => {
            eprintln!("waymark: the window could not be started.");
            ExitCode::FAILURE
        }
    }
}
