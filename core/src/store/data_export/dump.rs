//! Reading the exported tables out of the vault, row by row and column by column as stored, so
//! the JSON export loses nothing and the CSV files are made from exactly the same rows.

use rusqlite::types::Value;
use rusqlite::Connection;

use super::tables::{condition, TableSpec, TABLES};
use crate::error::{Error, Result};
use crate::insights::ValidRange;
use crate::store::rows::day_text;

/// A column of a table, as the schema declares it.
#[derive(Debug, Clone)]
pub(crate) struct ColumnInfo {
    /// Its name.
    pub name: String,
    /// Its declared type (`INTEGER`, `TEXT`), upper case.
    pub declared: String,
}

/// The columns of `table` in schema order (from SQLite's own catalogue, never from input).
pub(crate) fn table_columns(conn: &Connection, table: &str) -> Result<Vec<ColumnInfo>> {
    let mut stmt =
        conn.prepare_cached("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid")?;
    let rows = stmt.query_map([table], |r| {
        Ok(ColumnInfo {
            name: r.get(0)?,
            declared: r.get::<_, String>(1)?.to_ascii_uppercase(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The columns of `spec`'s table that the export holds.
pub(crate) fn export_columns(conn: &Connection, spec: &TableSpec) -> Result<Vec<ColumnInfo>> {
    let mut columns = table_columns(conn, spec.name)?;
    columns.retain(|c| !spec.skip_columns.contains(&c.name.as_str()));
    if columns.is_empty() {
        return Err(Error::Internal("an exported table is missing"));
    }
    Ok(columns)
}

/// A table's condition for `range`, with the parameters it takes.
fn condition_for(spec: &TableSpec, range: Option<&ValidRange>) -> (String, Vec<String>) {
    let (sql, uses_range) = condition(spec, range.is_some());
    let params = match range {
        Some(r) if uses_range => vec![day_text(r.from), day_text(r.to)],
        _ => Vec::new(),
    };
    (sql, params)
}

/// One table's exported rows.
#[derive(Debug)]
pub(crate) struct TableData {
    /// What the table is.
    pub spec: &'static TableSpec,
    /// Its exported column names, in schema order.
    pub columns: Vec<String>,
    /// Its rows in primary key order, one value per column.
    pub rows: Vec<Vec<Value>>,
}

impl TableData {
    /// The rows, with access to values by column name.
    pub fn rows(&self) -> impl Iterator<Item = RowRef<'_>> {
        self.rows.iter().map(|values| RowRef {
            columns: &self.columns,
            values,
        })
    }
}

/// One exported row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowRef<'a> {
    columns: &'a [String],
    values: &'a [Value],
}

impl<'a> RowRef<'a> {
    /// The value of `column`; NULL when there is no such column.
    pub fn value(&self, column: &str) -> &'a Value {
        self.columns
            .iter()
            .position(|c| c == column)
            .and_then(|i| self.values.get(i))
            .unwrap_or(&Value::Null)
    }

    /// An integer column; `None` when NULL or not an integer.
    pub fn int(&self, column: &str) -> Option<i64> {
        match self.value(column) {
            Value::Integer(i) => Some(*i),
            _ => None,
        }
    }

    /// A text column; `None` when NULL or not text.
    pub fn text(&self, column: &str) -> Option<&'a str> {
        match self.value(column) {
            Value::Text(t) => Some(t.as_str()),
            _ => None,
        }
    }
}

/// Every exported table in `range` (`None`: everything), in [`TABLES`] order.
#[derive(Debug)]
pub(crate) struct Dump {
    /// The tables.
    pub tables: Vec<TableData>,
}

impl Dump {
    /// The table called `name`. Every table of [`TABLES`] is present.
    pub fn table(&self, name: &str) -> Result<&TableData> {
        self.tables
            .iter()
            .find(|t| t.spec.name == name)
            .ok_or(Error::Internal("an exported table is missing"))
    }
}

/// Reads every exported table in `range`.
pub(crate) fn read_dump(conn: &Connection, range: Option<&ValidRange>) -> Result<Dump> {
    let mut tables = Vec::with_capacity(TABLES.len());
    for spec in TABLES {
        let (condition, params) = condition_for(spec, range);
        let columns = export_columns(conn, spec)?;
        let list = columns
            .iter()
            .map(|c| format!("\"{}\"", c.name))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT {list} FROM {} WHERE {condition} ORDER BY {}",
            spec.name, spec.order_by
        );
        let mut stmt = conn.prepare(&sql)?;
        let width = columns.len();
        let mut rows = Vec::new();
        let mut cursor = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        while let Some(row) = cursor.next()? {
            let mut values = Vec::with_capacity(width);
            for i in 0..width {
                values.push(row.get::<_, Value>(i)?);
            }
            rows.push(values);
        }
        tables.push(TableData {
            spec,
            columns: columns.into_iter().map(|c| c.name).collect(),
            rows,
        });
    }
    Ok(Dump { tables })
}

/// How many rows of `spec`'s table an export of `range` holds.
pub(crate) fn count_rows(
    conn: &Connection,
    spec: &TableSpec,
    range: Option<&ValidRange>,
) -> Result<u32> {
    let (condition, params) = condition_for(spec, range);
    let sql = format!("SELECT count(*) FROM {} WHERE {condition}", spec.name);
    let count: i64 = conn
        .prepare_cached(&sql)?
        .query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
    u32::try_from(count).map_err(|_| Error::Internal("too many rows to count"))
}
