//! The encrypted SQLCipher store: opening with the raw data key, migrations, and repositories.

mod backup_copy;
mod calendar;
mod checkins;
mod contacts;
mod cravings;
mod data_export;
mod deletion;
mod entries;
mod helplines;
mod insights;
mod integrity;
pub use integrity::IntegrityReport;
mod lapses;
mod lock_settings;
pub use lock_settings::{LockSettings, AUTO_LOCK_CHOICES, DEFAULT_AUTO_LOCK_MINUTES};
mod meetings;
pub use meetings::OCCURRENCE_WINDOW_MAX_DAYS;
pub mod migrations;
mod moods;
mod plan;
mod profile;
mod reminders;
pub use reminders::{ReminderOutcome, MISSED_LOOKBACK_DAYS};
mod reviews;
mod rows;
mod search;
mod sos;
mod strategies;
mod summary;
#[cfg(test)]
pub(crate) mod testing;
mod timeline;
mod triggers;
mod what_works;

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use zeroize::Zeroizing;

use crate::error::{Error, Result, VaultFile};
use crate::vault::DataKey;

/// An open, unlocked database. Dropping it closes the connection; SQLCipher then wipes the key
/// and page cache from memory (`cipher_memory_security`).
pub struct Store {
    conn: Connection,
    /// Authenticates the headers of backups made from this store (derived from the data key,
    /// which SQLCipher cannot hand back).
    backup_key: crate::backup::MacKey,
    /// A shared lock on the data directory for as long as the journal is open, so a restore
    /// (which takes it exclusively) never moves files under this connection. `None` for a backup
    /// image opened only to be checked.
    _journal_lock: Option<std::fs::File>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Store { .. }")
    }
}

/// How many prepared statements each connection keeps. Every repository query is cached, and
/// rusqlite's default of 16 is fewer than one timeline pass uses, which would re-prepare them.
const STATEMENT_CACHE: usize = 128;

/// How long a write waits for another process (the window and the CLI at once) to finish.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Keys a fresh connection with the raw 256-bit data key, skipping SQLCipher's own KDF.
fn apply_key(conn: &Connection, key: &DataKey) -> Result<()> {
    // Wipe every allocation SQLite frees, so no key or page copy lingers in freed memory.
    conn.execute_batch("PRAGMA cipher_memory_security = ON;")?;
    // Sized up front so the buffer never reallocates: a reallocation would leave an unwiped copy
    // of the hex key behind in freed memory.
    const PREFIX: &str = "PRAGMA key = \"x'";
    const SUFFIX: &str = "'\";";
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut statement = Zeroizing::new(String::with_capacity(PREFIX.len() + 64 + SUFFIX.len()));
    statement.push_str(PREFIX);
    for byte in key.bytes() {
        statement.push(char::from(HEX[usize::from(byte >> 4)]));
        statement.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    statement.push_str(SUFFIX);
    conn.execute_batch(&statement)?;
    // SQLCipher logs to stderr by default (set when the key activates it, so this comes after):
    // damage would print cryptic lines before the clear error the caller reports.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    Ok(())
}

/// Takes the shared lock on the folder holding the database at `path`; refused while a backup is
/// being restored there.
fn hold_journal(path: &Path) -> Result<Option<std::fs::File>> {
    let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Ok(None);
    };
    let file = crate::backup::lock_file(dir)?;
    match file.try_lock_shared() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::RestoreInProgress),
        Err(std::fs::TryLockError::Error(e)) => Err(e.into()),
    }
}

/// Opens the existing database at `path` with `key`, proves the key fits it, and refuses a schema
/// newer than this build reads, all before anything is written.
fn open_keyed(path: &Path, key: &DataKey) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    apply_key(&conn, key)?;
    // The first read proves the key fits the file. The key came from a slot that verified it,
    // so "not a database" here means a damaged or foreign file (see `From<rusqlite::Error>`);
    // other failures (busy, permissions) keep their own meaning.
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })?;
    migrations::refuse_newer(&conn)?;
    Ok(conn)
}

/// Settings every connection gets once the key is known to be right.
fn configure(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Internal("the database refused WAL mode"));
    }
    // A 32 MiB page cache: every page read from disk is decrypted and authenticated first, and
    // SQLite's 2 MiB default would make the timeline and search decrypt the same pages over and
    // over. Freed cache memory is wiped (`cipher_memory_security`).
    conn.execute_batch(
        "PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON; \
         PRAGMA cache_size = -32768;",
    )?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(())
}

impl Store {
    /// Creates a new encrypted database at `path` (which must not exist) and migrates it.
    pub fn create(path: &Path, key: &DataKey) -> Result<Store> {
        if path.exists() {
            return Err(Error::VaultExists);
        }
        let journal_lock = hold_journal(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        apply_key(&conn, key)?;
        configure(&conn)?;
        let mut store = Store {
            conn,
            backup_key: crate::backup::MacKey::derive(key)?,
            _journal_lock: journal_lock,
        };
        migrations::migrate(&mut store.conn)?;
        store.seed_starter_triggers()?;
        store.seed_coping_library()?;
        Ok(store)
    }

    /// Opens the existing database at `path` with `key`, refusing a newer schema before any
    /// write, then applies pending migrations.
    pub fn open(path: &Path, key: &DataKey) -> Result<Store> {
        // An empty file would pass for a new database, and migrating it would quietly put an
        // empty journal where a lost one was. A vault's database is never empty: switching it to
        // WAL at creation writes its first page.
        if !path.is_file() || std::fs::metadata(path)?.len() == 0 {
            return Err(Error::Damaged(VaultFile::Database));
        }
        let journal_lock = hold_journal(path)?;
        let conn = open_keyed(path, key)?;
        configure(&conn)?;
        let mut store = Store {
            conn,
            backup_key: crate::backup::MacKey::derive(key)?,
            _journal_lock: journal_lock,
        };
        migrations::migrate(&mut store.conn)?;
        store.seed_starter_triggers()?;
        store.seed_coping_library()?;
        Ok(store)
    }

    /// Direct access for tests in this crate that need to reach under the repositories.
    #[cfg(test)]
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }
}

#[cfg(test)]
mod coping_tests;
#[cfg(test)]
mod insights_tests;
#[cfg(test)]
mod plan_tests;
#[cfg(test)]
mod schedule_tests;
#[cfg(test)]
mod support_tests;
#[cfg(test)]
mod tests;
