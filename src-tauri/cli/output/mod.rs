//! What the CLI prints on success.

pub mod export;
pub mod recovery;
pub mod reminders;
pub mod schedule;
pub mod tables;
pub mod text;

use std::path::Path;

use serde::Serialize;

/// Prints the recovery key once, with what it is for.
pub fn recovery_key(key: &str, dir: &Path) {
    outln!("Your journal is set up in {}.", dir.display());
    outln!();
    outln!("Recovery key (shown only now; write it down and keep it somewhere safe):");
    outln!();
    outln!("    {key}");
    outln!();
    outln!("It unlocks the journal if you forget your passphrase: run waymark with");
    outln!("`--recovery-key -` to be asked for it, or with WAYMARK_RECOVERY_KEY set.");
}

/// Prints any value as pretty JSON.
pub fn json<T: Serialize + ?Sized>(value: &T) {
    outln!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
}

/// Prints a saved entry: its id, or the whole entry as JSON.
pub fn saved<T: Serialize>(entry: &T, id: impl std::fmt::Display, as_json: bool) {
    if as_json {
        json(entry);
    } else {
        outln!("{id}");
    }
}

/// Prints a list as JSON, or as a table with `table`.
pub fn list<T: Serialize>(items: &[T], as_json: bool, table: impl FnOnce(&[T])) {
    if as_json {
        json(items);
    } else {
        table(items);
    }
}
