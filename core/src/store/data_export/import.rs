//! Writing a parsed export into a vault that holds no entries yet. The caller wraps all of it in
//! one transaction, so a refusal anywhere leaves the vault as it was.
//!
//! Table and column names always come from [`TABLES`] and SQLite's own catalogue; the file only
//! supplies values, bound as parameters. Messages name our own kinds, never the file's text.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::Connection;

use super::dump::{table_columns, ColumnInfo};
use super::json::ParsedExport;
use super::tables::{spec, Scope, TableSpec, SEARCH_INDEXES, TABLES};
use crate::error::{Error, Result, ValidationError};
use crate::store::rows::{day_text, parse_stored_day};

fn file_error(message: String) -> Error {
    Error::Invalid(ValidationError::new("file", message))
}

/// What a cell must hold, from the column's declared type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Integer,
    Text,
    Real,
    Any,
}

fn expect(declared: &str) -> Expect {
    if declared.contains("INT") {
        Expect::Integer
    } else if declared.contains("CHAR") || declared.contains("CLOB") || declared.contains("TEXT") {
        Expect::Text
    } else if declared.contains("REAL") || declared.contains("FLOA") || declared.contains("DOUB") {
        Expect::Real
    } else {
        Expect::Any
    }
}

/// The stored value for a JSON cell, if it has the type the column expects.
fn cell_value(cell: &serde_json::Value, expected: Expect) -> Option<Value> {
    use serde_json::Value as J;
    match (cell, expected) {
        (J::Null, _) => Some(Value::Null),
        (J::Number(n), Expect::Integer) => n.as_i64().map(Value::Integer),
        (J::Number(n), Expect::Real | Expect::Any) => n
            .as_i64()
            .map(Value::Integer)
            .or_else(|| n.as_f64().map(Value::Real)),
        (J::String(s), Expect::Text | Expect::Any) => Some(Value::Text(s.clone())),
        _ => None,
    }
}

/// Checks the file names only tables this version knows, and only those its schema version had.
pub(crate) fn check_tables(export: &ParsedExport) -> Result<()> {
    for name in export.tables.keys() {
        match spec(name) {
            Some(s) if s.since <= export.schema_version => {}
            _ => {
                return Err(file_error(
                    "That file holds a kind of record this version of Waymark does not know, so \
                     it can't be imported safely. It may come from another app or be edited. \
                     Nothing was imported."
                        .to_string(),
                ))
            }
        }
    }
    Ok(())
}

/// Erases entries marked deleted (and, through cascades, their links), as locking would, so
/// their ids and links cannot clash with the imported ones.
pub(crate) fn purge_marked_deleted(conn: &Connection) -> Result<()> {
    for table in TABLES
        .iter()
        .filter(|t| matches!(t.scope, Scope::Instant | Scope::Day { live: true, .. }))
    {
        conn.execute(
            &format!("DELETE FROM {} WHERE deleted_at IS NOT NULL", table.name),
            [],
        )?;
    }
    Ok(())
}

/// Inserts one table's rows; returns how many.
fn insert_table(
    conn: &Connection,
    spec: &TableSpec,
    rows: &[serde_json::Map<String, serde_json::Value>],
) -> Result<u32> {
    let mut columns: Vec<ColumnInfo> = table_columns(conn, spec.name)?;
    columns.retain(|c| !spec.skip_columns.contains(&c.name.as_str()));
    let index: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name.as_str(), i))
        .collect();
    let expects: Vec<Expect> = columns.iter().map(|c| expect(&c.declared)).collect();
    if spec.seeded {
        conn.execute(&format!("DELETE FROM {}", spec.name), [])?;
    }
    let mut count = 0u32;
    let mut present: Vec<Option<Value>> = vec![None; columns.len()];
    for row in rows {
        present.iter_mut().for_each(|p| *p = None);
        for (key, cell) in row {
            let Some(&i) = index.get(key.as_str()) else {
                return Err(file_error(format!(
                    "The {} in that file have a field this version of Waymark does not know, so \
                     it can't be imported safely. Nothing was imported.",
                    spec.what
                )));
            };
            let value = cell_value(cell, expects[i]).ok_or_else(|| {
                file_error(format!(
                    "A value among the {} in that file has the wrong type; the file may be \
                     damaged or edited. Nothing was imported.",
                    spec.what
                ))
            })?;
            present[i] = Some(value);
        }
        let names: Vec<String> = columns
            .iter()
            .zip(&present)
            .filter(|(_, v)| v.is_some())
            .map(|(c, _)| format!("\"{}\"", c.name))
            .collect();
        let sql = if names.is_empty() {
            format!("INSERT INTO {} DEFAULT VALUES", spec.name)
        } else {
            let marks = vec!["?"; names.len()].join(", ");
            format!(
                "INSERT INTO {} ({}) VALUES ({marks})",
                spec.name,
                names.join(", ")
            )
        };
        let values = present.iter().flatten();
        let result = conn
            .prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(values));
        match result {
            Ok(_) => count = count.saturating_add(1),
            Err(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                return Err(file_error(format!(
                    "One of the {} in that file breaks Waymark's rules (a value out of range, a \
                     repeat, or a link to something not in the file); the file may be damaged or \
                     edited. Nothing was imported.",
                    spec.what
                )));
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(count)
}

/// Inserts every table the file holds, in dependency order; returns rows added per table.
pub(crate) fn insert_all(
    conn: &Connection,
    export: &ParsedExport,
) -> Result<HashMap<&'static str, u32>> {
    let mut added = HashMap::new();
    for spec in TABLES {
        if let Some(rows) = export.tables.get(spec.name) {
            added.insert(spec.name, insert_table(conn, spec, rows)?);
        }
    }
    // A file without reminder settings still leaves the one settings row the app reads.
    conn.execute(
        "INSERT OR IGNORE INTO reminder_state (id, settings) VALUES (1, '{}')",
        [],
    )?;
    Ok(added)
}

/// Checks every imported day column holds a real calendar day: the schema only checks the
/// `YYYY-MM-DD` shape (and `meeting_attendance.local_date` not even that), while the insights
/// read these days back and would fail on every dashboard after a bad one.
pub(crate) fn check_days(conn: &Connection) -> Result<()> {
    for spec in TABLES {
        let Scope::Day { column, .. } = spec.scope else {
            continue;
        };
        let mut stmt = conn.prepare(&format!("SELECT DISTINCT {column} FROM {}", spec.name))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let day: String = r.get(0)?;
            // Canonical text only: the day columns are compared as text.
            if parse_stored_day(&day).map(day_text).ok().as_ref() != Some(&day) {
                return Err(file_error(format!(
                    "A date among the {} in that file is not a real calendar day; the file may \
                     be damaged or edited. Nothing was imported.",
                    spec.what
                )));
            }
        }
    }
    Ok(())
}

/// A trigger of the schema, as SQLite stores it.
pub(crate) struct SavedTrigger {
    name: String,
    sql: String,
}

/// Drops the triggers that keep the search indexes current, returning them to be recreated.
/// They would refresh an entry's index row once per link inserted, which made importing ten
/// years of entries take minutes; the indexes are rebuilt once at the end instead. Only runs
/// inside the import's transaction, so a failure anywhere brings the triggers back with the
/// rollback. Names and SQL come from the schema itself, never from the file.
pub(crate) fn suspend_search_triggers(conn: &Connection) -> Result<Vec<SavedTrigger>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND sql IS NOT NULL \
         ORDER BY name",
    )?;
    let all = stmt.query_map([], |r| {
        Ok(SavedTrigger {
            name: r.get(0)?,
            sql: r.get(1)?,
        })
    })?;
    let mut saved = Vec::new();
    for trigger in all {
        let trigger = trigger?;
        if SEARCH_INDEXES
            .iter()
            .any(|(index, _)| trigger.sql.contains(index))
        {
            saved.push(trigger);
        }
    }
    for trigger in &saved {
        conn.execute(&format!("DROP TRIGGER \"{}\"", trigger.name), [])?;
    }
    Ok(saved)
}

/// Recreates the triggers [`suspend_search_triggers`] dropped, exactly as they were.
pub(crate) fn restore_triggers(conn: &Connection, saved: &[SavedTrigger]) -> Result<()> {
    for trigger in saved {
        conn.execute_batch(&trigger.sql)?;
    }
    Ok(())
}

/// Rebuilds every full-text index from its view, from the finished rows.
pub(crate) fn rebuild_search(conn: &Connection) -> Result<()> {
    for (index, view) in SEARCH_INDEXES {
        conn.execute(&format!("DELETE FROM {index}"), [])?;
        conn.execute(
            &format!("INSERT INTO {index} (rowid, body) SELECT id, body FROM {view}"),
            [],
        )?;
    }
    Ok(())
}
