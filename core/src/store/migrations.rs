//! Forward-only schema migrations, embedded at compile time from `migrations/`.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Every migration, in order; the schema version after applying entry `i` is `i + 1`.
/// Files are only ever added here, never edited once landed.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_init.sql",
        include_str!("../../../migrations/0001_init.sql"),
    ),
    (
        "0002_recovery_journal.sql",
        include_str!("../../../migrations/0002_recovery_journal.sql"),
    ),
    (
        "0003_coping_support_plan.sql",
        include_str!("../../../migrations/0003_coping_support_plan.sql"),
    ),
    (
        "0004_schedule.sql",
        include_str!("../../../migrations/0004_schedule.sql"),
    ),
];

/// The schema version this build writes and reads.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub(crate) fn current_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Fails with [`Error::NewerSchema`] when the file comes from a newer build; writes nothing.
pub(crate) fn refuse_newer(conn: &Connection) -> Result<()> {
    let found = current_version(conn)?;
    if found > latest_version() {
        return Err(Error::NewerSchema {
            found,
            supported: latest_version(),
        });
    }
    Ok(())
}

/// Applies every pending migration, each in one transaction together with its version bump.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    refuse_newer(conn)?;
    let current = current_version(conn)?;
    for (index, (_, sql)) in MIGRATIONS.iter().enumerate().skip(current.max(0) as usize) {
        let version = index as i64 + 1;
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_the_migrations_folder_is_embedded_in_order() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = MIGRATIONS.iter().map(|(name, _)| *name).collect();
        assert_eq!(on_disk, embedded);
        for (i, name) in embedded.iter().enumerate() {
            assert!(
                name.starts_with(&format!("{:04}_", i + 1)),
                "{name} is out of sequence"
            );
        }
    }

    #[test]
    fn migrating_twice_is_a_no_op_and_reaches_the_latest_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(current_version(&conn).unwrap(), latest_version());
    }

    #[test]
    fn a_failing_migration_leaves_the_version_unchanged() {
        let mut conn = Connection::open_in_memory().unwrap();
        // A table the first migration wants to create already exists: its transaction must roll back.
        conn.execute_batch("CREATE TABLE craving (x INTEGER)")
            .unwrap();
        assert!(migrate(&mut conn).is_err());
        assert_eq!(current_version(&conn).unwrap(), 0);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", latest_version() + 1)
            .unwrap();
        let err = migrate(&mut conn).unwrap_err();
        assert!(matches!(err, Error::NewerSchema { .. }));
        assert!(err.to_string().contains("newer version"));
    }
}
