//! The JSON export file: written from a [`Dump`], one row per line so it stays readable and
//! diffable, and read back with every check an import needs before touching the vault.

use std::collections::BTreeMap;
use std::io::Write;

use rusqlite::types::Value;
use serde::ser::{Error as _, SerializeMap};
use serde::{Deserialize, Serialize, Serializer};

use super::dump::Dump;
use crate::error::{Error, Result, ValidationError};
use crate::insights::ValidRange;
use crate::store::rows::day_text;

/// The `format` field that marks a Waymark export.
pub(crate) const FORMAT: &str = "waymark-export";

/// A value as stored, written as its JSON counterpart.
struct Cell<'a>(&'a Value);

impl Serialize for Cell<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self.0 {
            Value::Null => s.serialize_unit(),
            Value::Integer(i) => s.serialize_i64(*i),
            Value::Real(f) => s.serialize_f64(*f),
            Value::Text(t) => s.serialize_str(t),
            // The schema has no binary columns; one would be a bug, not data to guess at.
            Value::Blob(_) => Err(S::Error::custom("binary value")),
        }
    }
}

/// A row written as an object whose keys follow the schema's column order.
struct RowObject<'a> {
    columns: &'a [String],
    values: &'a [Value],
}

impl Serialize for RowObject<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.columns.len()))?;
        for (column, value) in self.columns.iter().zip(self.values) {
            map.serialize_entry(column, &Cell(value))?;
        }
        map.end()
    }
}

fn write_error(_: impl std::fmt::Display) -> Error {
    Error::Internal("export could not be written")
}

fn json_text<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(write_error)
}

/// The export file's bytes: header fields, then every table with one row per line.
pub(crate) fn write_json(
    dump: &Dump,
    schema_version: u32,
    exported_at: &str,
    range: Option<&ValidRange>,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let range_text = match range {
        Some(r) => format!(
            "{{\"from\": {}, \"to\": {}}}",
            json_text(&day_text(r.from))?,
            json_text(&day_text(r.to))?
        ),
        None => "null".to_string(),
    };
    write!(
        out,
        "{{\n  \"format\": {},\n  \"schemaVersion\": {schema_version},\n  \"exportedAt\": {},\n  \
         \"range\": {range_text},\n  \"tables\": {{",
        json_text(FORMAT)?,
        json_text(exported_at)?
    )?;
    for (t, table) in dump.tables.iter().enumerate() {
        let separator = if t == 0 { "" } else { "," };
        write!(out, "{separator}\n    {}: [", json_text(table.spec.name)?)?;
        for (r, values) in table.rows.iter().enumerate() {
            let separator = if r == 0 { "" } else { "," };
            let row = RowObject {
                columns: &table.columns,
                values,
            };
            write!(out, "{separator}\n      {}", json_text(&row)?)?;
        }
        if table.rows.is_empty() {
            out.extend_from_slice(b"]");
        } else {
            out.extend_from_slice(b"\n    ]");
        }
    }
    out.extend_from_slice(b"\n  }\n}\n");
    Ok(out)
}

fn file_error(message: impl Into<String>) -> Error {
    Error::Invalid(ValidationError::new("file", message))
}

const NOT_AN_EXPORT: &str = "That file is not a Waymark data export (JSON). Choose a file made \
     with Export > JSON. Nothing was imported.";

/// Explains why the file could not be read as JSON, without quoting any of it.
fn parse_error(e: &serde_json::Error) -> Error {
    if e.is_eof() {
        file_error(
            "That file ends too early: it may be incomplete or cut off. Export it again and \
             import the new file. Nothing was imported.",
        )
    } else if e.is_syntax() {
        file_error(
            "That file is not valid JSON, or it is damaged. Export it again and import the new \
             file. Nothing was imported.",
        )
    } else {
        file_error(NOT_AN_EXPORT)
    }
}

/// Just enough of the file to know it is an export this version can read. Only an object is
/// accepted (a derived struct would also take an array); other fields are skipped unread.
#[derive(Default)]
struct Header {
    format: Option<serde_json::Value>,
    schema_version: Option<serde_json::Value>,
}

impl<'de> Deserialize<'de> for Header {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct HeaderVisitor;
        impl<'de> serde::de::Visitor<'de> for HeaderVisitor {
            type Value = Header;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Header, A::Error> {
                let mut header = Header::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "format" => header.format = Some(map.next_value()?),
                        "schemaVersion" => header.schema_version = Some(map.next_value()?),
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(header)
            }
        }
        d.deserialize_map(HeaderVisitor)
    }
}

/// A whole export file, as parsed.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Document {
    #[allow(dead_code)] // checked by the header pass
    format: String,
    schema_version: u32,
    #[allow(dead_code)] // informational
    #[serde(default)]
    exported_at: Option<String>,
    #[allow(dead_code)] // informational: the rows are what count
    #[serde(default)]
    range: Option<serde_json::Value>,
    tables: BTreeMap<String, Vec<serde_json::Map<String, serde_json::Value>>>,
}

/// An export file that passed the format and version checks; its rows are checked against the
/// schema while they are written.
#[derive(Debug)]
pub(crate) struct ParsedExport {
    /// The schema version the file was made at.
    pub schema_version: u32,
    /// Its tables by name, each a list of rows (column name to value).
    pub tables: BTreeMap<String, Vec<serde_json::Map<String, serde_json::Value>>>,
}

/// Parses an export file, refusing anything but a Waymark export at `supported` or older.
pub(crate) fn parse_json(bytes: &[u8], supported: u32) -> Result<ParsedExport> {
    let header: Header = serde_json::from_slice(bytes).map_err(|e| parse_error(&e))?;
    if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(file_error(NOT_AN_EXPORT));
    }
    let version = header
        .schema_version
        .as_ref()
        .and_then(|v| v.as_u64())
        .filter(|v| *v >= 1)
        .ok_or_else(|| file_error(NOT_AN_EXPORT))?;
    if version > u64::from(supported) {
        return Err(file_error(format!(
            "That export was made by a newer version of Waymark (data version {version}; this \
             version reads up to {supported}). Update Waymark, then import it again. Nothing was \
             imported."
        )));
    }
    let document: Document = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_data() {
            file_error(
                "That file is laid out differently from a Waymark data export, so it can't be \
                 imported. It may be damaged or edited. Nothing was imported.",
            )
        } else {
            parse_error(&e)
        }
    })?;
    Ok(ParsedExport {
        schema_version: document.schema_version,
        tables: document.tables,
    })
}
