//! The CSV export: one spreadsheet-friendly file per kind of record, a README that lists every
//! file's columns (generated from the same definitions the files are written from, so the two
//! never disagree), all in one deflated zip.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{Cursor, Write};

use chrono::{Datelike, NaiveDateTime, Timelike};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::dump::{Dump, RowRef};
use crate::error::{Error, Result};
use crate::journal::content::journal_content;
use crate::store::rows::instant_from_parts;

/// What separates the items of a list inside one cell.
pub(crate) const LIST_SEPARATOR: &str = "; ";

/// One column of a CSV file.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    /// Its header.
    pub name: String,
    /// One line on what it holds, for the README.
    pub meaning: String,
    /// Whether it holds the person's own words (or names they chose), which are guarded against
    /// being read as spreadsheet formulas. Values Waymark writes (dates, numbers) are not.
    pub own_words: bool,
}

/// A column of values Waymark writes.
pub(crate) fn col(name: &str, meaning: &str) -> Column {
    Column {
        name: name.to_string(),
        meaning: meaning.to_string(),
        own_words: false,
    }
}

/// A column of the person's own words.
pub(crate) fn words(name: &str, meaning: &str) -> Column {
    Column {
        own_words: true,
        ..col(name, meaning)
    }
}

/// One CSV file, ready to write.
#[derive(Debug)]
pub(crate) struct CsvFile {
    /// The kind's key; the file is `<key>.csv`.
    pub key: &'static str,
    /// One line on what the file holds.
    pub about: &'static str,
    /// Its columns.
    pub columns: Vec<Column>,
    /// Its rows, one cell per column.
    pub rows: Vec<Vec<String>>,
}

impl CsvFile {
    /// The file's name in the zip.
    pub fn file_name(&self) -> String {
        format!("{}.csv", self.key)
    }
}

/// Text that a spreadsheet would run as a formula (it starts with `=`, `+`, `-` or `@`, or a
/// tab or carriage return) gets a leading apostrophe, so it is shown as the text it is.
pub(crate) fn guard(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `yes`, `no`, or blank for a skipped answer.
pub(crate) fn yes_no(value: Option<i64>) -> String {
    match value {
        Some(0) => "no".to_string(),
        Some(_) => "yes".to_string(),
        None => String::new(),
    }
}

/// A number, or blank.
pub(crate) fn number(value: Option<i64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// Text, or blank.
pub(crate) fn text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_string()
}

/// A column that the schema guarantees.
pub(crate) fn required(row: &RowRef<'_>, column: &str) -> Result<i64> {
    row.int(column)
        .ok_or(Error::Internal("a stored value is missing"))
}

/// An entry's day, time and UTC offset in the person's own time then.
pub(crate) fn local_parts(row: &RowRef<'_>) -> Result<[String; 3]> {
    let at = instant_from_parts(required(row, "occurred_at")?, required(row, "utc_offset")?)?;
    Ok([
        at.format("%Y-%m-%d").to_string(),
        at.format("%H:%M").to_string(),
        at.format("%:z").to_string(),
    ])
}

/// A feeling's label from the built-in list (its key if it has none).
pub(crate) fn feeling_label(key: &str) -> String {
    journal_content()
        .feeling
        .iter()
        .find(|f| f.key == key)
        .map_or_else(|| key.to_string(), |f| f.label.clone())
}

/// Values of `value_column` per parent id, in the table's order (its primary key).
pub(crate) fn grouped(
    dump: &Dump,
    table: &str,
    parent_column: &str,
    value_column: &str,
) -> Result<HashMap<i64, Vec<String>>> {
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    for row in dump.table(table)?.rows() {
        if let (Some(parent), Some(value)) = (row.int(parent_column), row.text(value_column)) {
            out.entry(parent).or_default().push(value.to_string());
        }
    }
    Ok(out)
}

/// Trigger names per entry id through a link table, sorted as the app lists them.
pub(crate) fn linked_trigger_names(
    dump: &Dump,
    link_table: &str,
    owner_column: &str,
) -> Result<HashMap<i64, Vec<String>>> {
    let names: HashMap<i64, &str> = dump
        .table("trigger_item")?
        .rows()
        .filter_map(|r| Some((r.int("id")?, r.text("name")?)))
        .collect();
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    for row in dump.table(link_table)?.rows() {
        if let (Some(owner), Some(trigger)) = (row.int(owner_column), row.int("trigger_id")) {
            let name = names.get(&trigger).copied().unwrap_or_default();
            out.entry(owner).or_default().push(name.to_string());
        }
    }
    for list in out.values_mut() {
        list.sort_by_key(|n| n.to_lowercase());
    }
    Ok(out)
}

/// The joined list for `id`, or blank.
pub(crate) fn joined(map: &HashMap<i64, Vec<String>>, id: i64) -> String {
    map.get(&id)
        .map(|v| v.join(LIST_SEPARATOR))
        .unwrap_or_default()
}

/// One file as CSV: UTF-8 with a byte-order mark (so spreadsheet programs read it as UTF-8),
/// a header row, CRLF line ends, and quoting wherever a cell needs it.
pub(crate) fn csv_bytes(file: &CsvFile) -> Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    let unwritable = |_| Error::Internal("CSV could not be written");
    writer
        .write_record(file.columns.iter().map(|c| c.name.as_str()))
        .map_err(unwritable)?;
    for row in &file.rows {
        if row.len() != file.columns.len() {
            return Err(Error::Internal("CSV row does not match its columns"));
        }
        let cells = row.iter().zip(&file.columns).map(|(cell, column)| {
            if column.own_words {
                guard(cell)
            } else {
                Cow::Borrowed(cell.as_str())
            }
        });
        writer
            .write_record(cells.map(|c| c.into_owned().into_bytes()))
            .map_err(unwritable)?;
    }
    writer
        .into_inner()
        .map_err(|_| Error::Internal("CSV could not be written"))
}

/// The README: what the export is, that it is not encrypted, and every file's columns.
pub(crate) fn readme(
    files: &[CsvFile],
    exported_at: &str,
    range: Option<(String, String)>,
) -> String {
    let mut out = String::new();
    out.push_str("Waymark data export (CSV)\r\n=========================\r\n\r\n");
    out.push_str(&format!("Made: {exported_at}\r\n"));
    match range {
        Some((from, to)) => out.push_str(&format!(
            "Covers: {from} to {to} (entries on those days; triggers, coping strategies, \
             contacts, helplines, the plan, meetings and settings in full)\r\n"
        )),
        None => out.push_str("Covers: everything in the journal\r\n"),
    }
    out.push_str(
        "\r\nTHESE FILES ARE NOT ENCRYPTED. Anyone who can open them can read them. Keep them \
         somewhere private, and delete them when you no longer need them.\r\n\r\n\
         How to read them\r\n----------------\r\n\
         - Each file is CSV (UTF-8, first row = column names) and opens in any spreadsheet.\r\n\
         - Dates are YYYY-MM-DD and times HH:MM, in your own time when the entry was made; \
         utc_offset says which offset from UTC that was.\r\n\
         - yes/no answers are \"yes\" or \"no\"; a blank cell means not answered or not noted.\r\n\
         - Lists inside one cell are separated by \"; \".\r\n\
         - Text you wrote that begins with =, +, - or @ starts with an added apostrophe ('), so \
         a spreadsheet shows it as text and never runs it as a formula. The JSON export keeps \
         your text exactly as written.\r\n\
         - These files are for reading. To move your journal to another computer, use the JSON \
         export, which Waymark can import.\r\n\r\nFiles and columns\r\n-----------------\r\n",
    );
    for file in files {
        out.push_str(&format!("\r\n{}: {}\r\n", file.file_name(), file.about));
        for column in &file.columns {
            out.push_str(&format!("  {}: {}\r\n", column.name, column.meaning));
        }
    }
    out
}

/// The zip's entries' timestamp: the export's wall-clock time (zip stores no zone).
fn zip_time(at: NaiveDateTime) -> zip::DateTime {
    let parts = (
        u16::try_from(at.year()).ok(),
        u8::try_from(at.month()).ok(),
        u8::try_from(at.day()).ok(),
        u8::try_from(at.hour()).ok(),
        u8::try_from(at.minute()).ok(),
        u8::try_from(at.second()).ok(),
    );
    match parts {
        (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(s)) => {
            zip::DateTime::from_date_and_time(y, mo, d, h, mi, s).unwrap_or_default()
        }
        _ => zip::DateTime::default(),
    }
}

/// README.txt and every file, deflated, readable by the owner only once unpacked.
pub(crate) fn write_zip(readme: &str, files: &[CsvFile], at: NaiveDateTime) -> Result<Vec<u8>> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip_time(at))
        .unix_permissions(0o600);
    let failed = |_| Error::Internal("zip could not be written");
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("README.txt", options).map_err(failed)?;
    zip.write_all(readme.as_bytes())?;
    for file in files {
        zip.start_file(file.file_name(), options).map_err(failed)?;
        zip.write_all(&csv_bytes(file)?)?;
    }
    Ok(zip.finish().map_err(failed)?.into_inner())
}
