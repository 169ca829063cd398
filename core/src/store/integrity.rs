//! A full check of the database: SQLite's structure and SQLCipher's per-page authentication.
//!
//! Everyday reads only authenticate the pages they touch, so a damaged page that no screen reads
//! can go unnoticed; this check reads every page.

use rusqlite::ErrorCode as SqliteCode;

use super::Store;
use crate::error::{Error, Result};

/// What a full check of the database found. Problems are SQLite's and SQLCipher's own short
/// descriptions (page numbers, index names); they never hold journal text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IntegrityReport {
    /// Problems reported by `PRAGMA integrity_check` (empty when it answered "ok").
    pub structure: Vec<String>,
    /// Pages that failed SQLCipher's authentication (`PRAGMA cipher_integrity_check`).
    pub pages: Vec<String>,
}

impl IntegrityReport {
    /// Whether both checks found nothing wrong.
    pub fn is_ok(&self) -> bool {
        self.structure.is_empty() && self.pages.is_empty()
    }
}

/// The rows a check pragma returns; a read that fails on a damaged page becomes a problem of its
/// own instead of ending the check, so the report still says what was found.
fn rows(store: &Store, pragma: &str) -> Result<Vec<String>> {
    let collected = store.conn.prepare(pragma).and_then(|mut statement| {
        statement
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()
    });
    match collected {
        Ok(rows) => Ok(rows),
        // Only another process holding the database is a reason not to answer.
        Err(rusqlite::Error::SqliteFailure(f, _))
            if matches!(
                f.code,
                SqliteCode::DatabaseBusy | SqliteCode::DatabaseLocked
            ) =>
        {
            Err(Error::from(rusqlite::Error::SqliteFailure(f, None)))
        }
        // A damaged page can stop the check part-way (a search index that cannot be built from
        // it fails with a plain error, not "corrupt"): that is a finding, not a failure to check.
        Err(rusqlite::Error::SqliteFailure(f, _)) => Ok(vec![format!(
            "the check stopped at a page it could not read (code {})",
            f.extended_code
        )]),
        Err(e) => Err(e.into()),
    }
}

impl Store {
    /// Reads every page of the database and reports what is damaged. Writes nothing.
    pub fn integrity_report(&self) -> Result<IntegrityReport> {
        let structure = rows(self, "PRAGMA integrity_check")?
            .into_iter()
            .filter(|row| row != "ok")
            .collect();
        let pages = rows(self, "PRAGMA cipher_integrity_check")?;
        Ok(IntegrityReport { structure, pages })
    }
}

#[cfg(test)]
mod tests {
    use crate::error::{Error, VaultFile};
    use crate::store::{testing, Store};
    use crate::vault::DataKey;

    #[test]
    fn a_fresh_store_is_whole() {
        let (_dir, store) = testing::temp_store();
        let report = store.integrity_report().unwrap();
        assert!(report.is_ok(), "{report:?}");
    }

    #[test]
    fn a_damaged_page_no_query_reads_is_reported() {
        let (dir, store) = testing::temp_store();
        drop(store);
        let path = dir.path().join("waymark.db");
        let mut bytes = std::fs::read(&path).unwrap();
        let page = 4096;
        let middle = bytes.len() / page / 2;
        bytes[middle * page + 1000] ^= 0x04;
        std::fs::write(&path, bytes).unwrap();
        let store = Store::open(&path, &DataKey::for_tests([7; 32])).unwrap();
        let report = store.integrity_report().unwrap();
        // SQLCipher numbers pages from 1.
        let expected = format!("page {}", middle + 1);
        assert!(
            report.pages.iter().any(|p| p.ends_with(&expected)),
            "{report:?}"
        );
        assert!(!report.is_ok());
    }

    /// `Store::open` refuses an empty file as damaged; that is only safe because a new database
    /// has its first page on disk at once, even while everything else is still in the WAL.
    #[test]
    fn a_new_database_is_never_empty_so_an_empty_one_is_refused() {
        let (dir, store) = testing::temp_store();
        let path = dir.path().join("waymark.db");
        let wal = dir.path().join("waymark.db-wal");
        assert!(
            std::fs::metadata(&wal).unwrap().len() > 0,
            "data waits in the WAL"
        );
        assert!(std::fs::metadata(&path).unwrap().len() > 0);
        drop(store);
        std::fs::write(&path, b"").unwrap();
        let opened = Store::open(&path, &DataKey::for_tests([7; 32]));
        assert!(
            matches!(opened, Err(Error::Damaged(VaultFile::Database))),
            "{opened:?}"
        );
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0, "left as it was");
    }
}
