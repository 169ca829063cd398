//! Every row of every table, and the schema, as JSON values: what "exactly as before" and
//! "identical" mean in the export and import tests.

use std::collections::BTreeMap;

use rusqlite::types::ValueRef;

use crate::store::Store;

/// The schema and every row of every table (FTS indexes and their storage included) as JSON
/// values, each table ordered by all its columns, for "exactly as before" and "identical" checks.
pub(crate) fn snapshot(store: &Store, skip: &[&str]) -> BTreeMap<String, Vec<serde_json::Value>> {
    let conn = store.connection();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .filter(|n: &String| !skip.iter().any(|s| n.starts_with(s)))
        .collect();
    let mut out = BTreeMap::new();
    // The schema itself too (tables, indexes, views, triggers), minus SQLite's page numbers.
    let mut schema: Vec<serde_json::Value> = conn
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema")
        .unwrap()
        .query_map([], |r| {
            Ok(serde_json::json!([
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?
            ]))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    schema.sort_by_key(|r| r.to_string());
    out.insert("(schema)".to_string(), schema);
    for name in names {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{name}\"")).unwrap();
        let width = stmt.column_count();
        let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let mut rows: Vec<serde_json::Value> = stmt
            .query_map([], |r| {
                let mut row = serde_json::Map::new();
                for (i, column) in columns.iter().enumerate().take(width) {
                    let value = match r.get_ref(i)? {
                        ValueRef::Null => serde_json::Value::Null,
                        ValueRef::Integer(n) => n.into(),
                        ValueRef::Real(f) => f.into(),
                        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
                        ValueRef::Blob(b) => format!("blob:{b:?}").into(),
                    };
                    row.insert(column.clone(), value);
                }
                Ok(serde_json::Value::Object(row))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.sort_by_key(|r| r.to_string());
        out.insert(name, rows);
    }
    out
}
