//! Deleting entries of any kind: undoable in the window, permanent from the CLI.
//!
//! The window marks an entry deleted (`deleted_at`), which hides it everywhere and takes it out
//! of the search index at once; "Undo" clears the mark. Marked entries are erased for good when
//! the session next opens or locks, so an undo is possible only while the person is still there.

use super::Store;
use crate::error::{Error, Result, ValidationError};
use crate::journal::{Clock, EntryKind, EntryRef};

/// The table that holds each kind of entry.
pub(super) fn table(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Craving => "craving",
        EntryKind::Mood => "mood_checkin",
        EntryKind::Journal => "journal_entry",
        EntryKind::Checkin => "daily_checkin",
        EntryKind::Review => "weekly_review",
        EntryKind::Lapse => "lapse",
    }
}

/// The word for a kind in "not found" messages.
pub(super) fn noun(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Craving => "craving",
        EntryKind::Mood => "mood check-in",
        EntryKind::Journal => "journal entry",
        EntryKind::Checkin => "check-in",
        EntryKind::Review => "weekly review",
        EntryKind::Lapse => "lapse",
    }
}

impl Store {
    /// Marks an entry deleted, so it can still be restored with [`Store::restore_entry`].
    pub fn delete_entry(&self, entry: EntryRef, clock: &dyn Clock) -> Result<()> {
        let changed = self.conn.execute(
            &format!(
                "UPDATE {} SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                table(entry.kind)
            ),
            [entry.id, clock.now().timestamp_millis()],
        )?;
        if changed == 0 {
            return Err(Error::NotFound(noun(entry.kind)));
        }
        Ok(())
    }

    /// Brings back an entry deleted in this session.
    pub fn restore_entry(&self, entry: EntryRef) -> Result<()> {
        let result = self.conn.execute(
            &format!(
                "UPDATE {} SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                table(entry.kind)
            ),
            [entry.id],
        );
        match result {
            Ok(0) => Err(Error::NotFound(noun(entry.kind))),
            Ok(_) => Ok(()),
            // Only the one-per-day (or per-week) indexes can refuse a restore.
            Err(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Err(Error::Invalid(ValidationError::new(
                    "date",
                    format!(
                        "A newer {} for that day is in the way; delete it first to bring this one back.",
                        noun(entry.kind)
                    ),
                )))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Deletes an entry for good, at once (also one deleted in the window and awaiting undo).
    pub fn erase_entry(&self, entry: EntryRef) -> Result<()> {
        let changed = self.conn.execute(
            &format!("DELETE FROM {} WHERE id = ?1", table(entry.kind)),
            [entry.id],
        )?;
        if changed == 0 {
            return Err(Error::NotFound(noun(entry.kind)));
        }
        Ok(())
    }

    /// Erases every entry marked deleted. Returns how many went.
    pub fn purge_deleted(&self) -> Result<usize> {
        let tx = self.conn.unchecked_transaction()?;
        let mut purged = 0;
        for kind in EntryKind::ALL {
            purged += self.conn.execute(
                &format!("DELETE FROM {} WHERE deleted_at IS NOT NULL", table(kind)),
                [],
            )?;
        }
        tx.commit()?;
        Ok(purged)
    }
}
