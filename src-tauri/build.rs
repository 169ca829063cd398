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
    "list_cravings",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
