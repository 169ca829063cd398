//! What backups need from the database: a consistent encrypted copy, a check of a copy, and the
//! "how many automatic backups to keep" setting.

use std::path::Path;

use rusqlite::OptionalExtension;

use super::{migrations, open_keyed, Store};
use crate::backup::MacKey;
use crate::error::{Error, Result, ValidationError};
use crate::vault::DataKey;

const BACKUP_KEEP: &str = "backup_keep";
/// The tables holding one row per journal entry.
const ENTRY_TABLES: [&str; 6] = [
    "craving",
    "mood_checkin",
    "journal_entry",
    "daily_checkin",
    "weekly_review",
    "lapse",
];
/// Automatic backups kept when the person has not chosen a number.
pub const DEFAULT_BACKUP_KEEP: u32 = 7;
/// The most automatic backups the setting allows.
pub const MAX_BACKUP_KEEP: u32 = 60;

impl Store {
    /// Writes a consistent copy of the whole database to `dest` (which must not exist, or be
    /// empty), encrypted with the same data key. `VACUUM INTO` reads one snapshot, so writes by
    /// another process meanwhile are either wholly in the copy or not at all, and SQLCipher
    /// encrypts the attached target with the main database's key.
    pub fn write_encrypted_copy(&self, dest: &Path) -> Result<()> {
        let dest = dest
            .to_str()
            .ok_or(Error::Io(std::io::ErrorKind::InvalidInput))?;
        self.conn.execute("VACUUM INTO ?1", [dest])?;
        Ok(())
    }

    /// The schema version of this database.
    pub fn schema_version(&self) -> Result<i64> {
        migrations::current_version(&self.conn)
    }

    /// The key that authenticates backup headers of this vault.
    pub(crate) fn backup_key(&self) -> &MacKey {
        &self.backup_key
    }

    /// How many automatic backups to keep (1 to 60, 7 unless the person chose).
    pub fn backup_keep(&self) -> Result<u32> {
        let stored: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM profile_setting WHERE key = ?1")?
            .query_row([BACKUP_KEEP], |r| r.get(0))
            .optional()?;
        Ok(stored
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|n| (1..=MAX_BACKUP_KEEP).contains(n))
            .unwrap_or(DEFAULT_BACKUP_KEEP))
    }

    /// Sets how many automatic backups to keep; out of range is rejected, nothing written.
    pub fn set_backup_keep(&self, keep: u32) -> Result<u32> {
        if !(1..=MAX_BACKUP_KEEP).contains(&keep) {
            return Err(ValidationError::new(
                "keep",
                format!("Choose a number of backups from 1 to {MAX_BACKUP_KEEP}."),
            )
            .into());
        }
        self.conn.execute(
            "INSERT INTO profile_setting (key, value) VALUES (?1, ?2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            rusqlite::params![BACKUP_KEEP, keep.to_string()],
        )?;
        Ok(keep)
    }

    /// How many entries of every kind the database holds (for a backup's summary). Tables a
    /// backup from an older schema lacks count as empty.
    pub(crate) fn count_entries(&self) -> Result<i64> {
        let mut total = 0;
        for table in ENTRY_TABLES {
            let exists: i64 = self.conn.query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )?;
            if exists > 0 {
                total +=
                    self.conn
                        .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
                            r.get::<_, i64>(0)
                        })?;
            }
        }
        Ok(total)
    }

    /// Opens a database image taken from a backup, to check it, without migrating or writing:
    /// the key must fit and the schema must not be newer than this build reads.
    pub(crate) fn open_image_for_check(path: &Path, key: &DataKey) -> Result<Store> {
        // An image the data key can't read as a database is a damaged backup, not a damaged
        // journal.
        let conn = open_keyed(path, key).map_err(|e| match e {
            Error::Damaged(_) | Error::Database(_) => Error::BackupDamaged,
            other => other,
        })?;
        Ok(Store {
            conn,
            backup_key: MacKey::derive(key)?,
            _journal_lock: None,
        })
    }
}
