//! Helpers shared by the repositories' tests: a fresh store, times and days from text, and a
//! look under the repositories at their tables.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::Store;
use crate::vault::DataKey;

/// A fresh encrypted store in a temporary directory, keyed with a fixed test key (no KDF run).
pub(crate) fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::create(&dir.path().join("waymark.db"), &DataKey::for_tests([7; 32]))
        .expect("create store");
    (dir, store)
}

/// An instant from RFC 3339 text.
pub(crate) fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A day from `YYYY-MM-DD` text.
pub(crate) fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// How many rows `table` holds, those marked deleted included.
pub(crate) fn count(store: &Store, table: &'static str) -> i64 {
    store
        .connection()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// Marks row `id` of `table` deleted, as the window's delete does, leaving everything else.
pub(crate) fn soft_delete(store: &Store, table: &'static str, id: i64) {
    let changed = store
        .connection()
        .execute(
            &format!("UPDATE {table} SET deleted_at = 1 WHERE id = ?1"),
            [id],
        )
        .unwrap();
    assert_eq!(changed, 1);
}

/// The `created_at` and `updated_at` of row `id` of `table`, in UTC milliseconds.
pub(crate) fn stamps(store: &Store, table: &'static str, id: i64) -> (i64, Option<i64>) {
    store
        .connection()
        .query_row(
            &format!("SELECT created_at, updated_at FROM {table} WHERE id = ?1"),
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}
