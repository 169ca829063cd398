//! Build script: Tauri's code generation, with the app's commands allow-listed.

/// Every IPC command the front end may call. Each gets an `allow-<name>` permission, granted to
/// the main window in `src-tauri/capabilities/main.json`; anything not listed is refused.
const COMMANDS: &[&str] = &[
    "vault_status",
    "passphrase_strength",
    "create_vault",
    "unlock",
    "unlock_with_recovery_key",
    "lock",
    "change_passphrase",
    "set_passphrase_after_recovery",
    "add_craving",
    "update_craving",
    "get_craving",
    "list_cravings",
    "list_triggers",
    "add_trigger",
    "update_trigger",
    "set_trigger_archived",
    "merge_triggers",
    "add_mood",
    "update_mood",
    "get_mood",
    "list_moods",
    "add_journal_entry",
    "update_journal_entry",
    "get_journal_entry",
    "journal_entry_on",
    "list_journal_entries",
    "add_checkin",
    "update_checkin",
    "get_checkin",
    "checkin_on",
    "add_review",
    "update_review",
    "get_review",
    "review_for_week",
    "add_lapse",
    "update_lapse",
    "get_lapse",
    "list_lapses",
    "timeline",
    "search",
    "delete_entry",
    "restore_entry",
    "get_profile",
    "set_profile",
    "recovery_summary",
    "safety_card_due",
    "get_journal_content",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
