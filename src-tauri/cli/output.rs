//! What the CLI prints on success.

use std::path::Path;

use waymark_core::journal::Craving;

/// Prints the recovery key once, with what it is for.
pub fn recovery_key(key: &str, dir: &Path) {
    println!("Your journal is set up in {}.", dir.display());
    println!();
    println!("Recovery key (shown only now; write it down and keep it somewhere safe):");
    println!();
    println!("    {key}");
    println!();
    println!("It unlocks the journal if you forget your passphrase: run waymark with");
    println!("`--recovery-key -` to be asked for it, or with WAYMARK_RECOVERY_KEY set.");
}

/// Prints a new craving's id, or the whole entry as JSON.
pub fn craving_added(craving: &Craving, json: bool) {
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(craving).unwrap_or_default()
        );
    } else {
        println!("{}", craving.id);
    }
}

/// Prints cravings as a table or as JSON.
pub fn cravings(cravings: &[Craving], json: bool) {
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(cravings).unwrap_or_default()
        );
        return;
    }
    if cravings.is_empty() {
        println!("No cravings logged yet.");
        return;
    }
    println!("{:>6}  {:<25}  {:>9}  NOTE", "ID", "WHEN", "INTENSITY");
    for c in cravings {
        let note = c
            .note
            .as_deref()
            .unwrap_or("")
            .replace(['\n', '\r', '\t'], " ");
        println!(
            "{:>6}  {:<25}  {:>9}  {}",
            c.id, c.occurred_at, c.intensity, note
        );
    }
}
