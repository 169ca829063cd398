//! What each subcommand does with the unlocked store.

pub mod backup;
pub mod checkins;
pub mod cravings;
pub mod export;
pub mod files;
pub mod journal;
pub mod lapses;
pub mod moods;
pub mod reviews;
pub mod safety;
pub mod schedule;
pub mod toolkit;
pub mod triggers;
pub mod views;

use waymark_core::journal::{EntryKind, EntryRef};
use waymark_core::store::Store;

use super::error::CliError;

/// The word for a kind of entry in messages.
pub fn noun(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Craving => "craving",
        EntryKind::Mood => "mood check-in",
        EntryKind::Journal => "journal entry",
        EntryKind::Checkin => "check-in",
        EntryKind::Review => "weekly review",
        EntryKind::Lapse => "lapse",
    }
}

/// Erases an entry for good and says so; an unknown id is "not found" (exit 7).
pub fn deleted(store: &Store, kind: EntryKind, id: i64) -> Result<(), CliError> {
    store.erase_entry(EntryRef { kind, id })?;
    outln!("Deleted {} {id}.", noun(kind));
    Ok(())
}
