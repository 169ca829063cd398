//! The encrypted SQLCipher store: opening with the raw data key, migrations, and repositories.

mod cravings;
pub mod migrations;

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use zeroize::Zeroizing;

use crate::error::{Error, Result, VaultFile};
use crate::vault::DataKey;

/// An open, unlocked database. Dropping it closes the connection; SQLCipher then wipes the key
/// and page cache from memory (`cipher_memory_security`).
pub struct Store {
    conn: Connection,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Store { .. }")
    }
}

/// Keys a fresh connection with the raw 256-bit data key, skipping SQLCipher's own KDF.
fn apply_key(conn: &Connection, key: &DataKey) -> Result<()> {
    // Wipe every allocation SQLite frees, so no key or page copy lingers in freed memory.
    conn.execute_batch("PRAGMA cipher_memory_security = ON;")?;
    let mut hex = Zeroizing::new(String::with_capacity(64));
    for byte in key.iter() {
        use std::fmt::Write;
        let _ = write!(hex, "{byte:02x}");
    }
    let statement = Zeroizing::new(format!("PRAGMA key = \"x'{}'\";", hex.as_str()));
    conn.execute_batch(&statement)?;
    Ok(())
}

/// Settings every connection gets once the key is known to be right.
fn configure(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Internal("the database refused WAL mode"));
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON;",
    )?;
    Ok(())
}

impl Store {
    /// Creates a new encrypted database at `path` (which must not exist) and migrates it.
    pub fn create(path: &Path, key: &DataKey) -> Result<Store> {
        if path.exists() {
            return Err(Error::VaultExists);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        apply_key(&conn, key)?;
        configure(&conn)?;
        let mut store = Store { conn };
        migrations::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// Opens the existing database at `path` with `key`, refusing a newer schema before any
    /// write, then applies pending migrations.
    pub fn open(path: &Path, key: &DataKey) -> Result<Store> {
        if !path.is_file() {
            return Err(Error::Damaged(VaultFile::Database));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        apply_key(&conn, key)?;
        // The first read proves the key fits the file; a mismatch means a damaged or foreign file.
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(|_| Error::Damaged(VaultFile::Database))?;
        migrations::refuse_newer(&conn)?;
        configure(&conn)?;
        let mut store = Store { conn };
        migrations::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<i64> {
        migrations::current_version(&self.conn)
    }

    /// Direct access for tests in this crate that need to reach under the repositories.
    #[cfg(test)]
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }
}
