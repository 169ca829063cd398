//! The person's own data as JSON (a faithful table-level dump that imports back with nothing
//! lost) or as CSV files in a zip, and importing a JSON export into a journal with no entries.
//! The layouts are documented in `docs/EXPORT_FORMATS.md`.

mod csv_entries;
mod csv_reference;
mod csv_settings;
mod csv_zip;
mod dump;
mod import;
mod json;
mod tables;

#[cfg(test)]
mod big_tests;
#[cfg(test)]
mod csv_tests;
#[cfg(test)]
mod docs_tests;
#[cfg(test)]
mod fixture;
#[cfg(test)]
mod import_tests;
#[cfg(test)]
mod round_trip_tests;
#[cfg(test)]
mod snapshot;
#[cfg(test)]
mod tables_tests;

use std::collections::HashSet;

use super::strategies::fold;
use super::Store;
use crate::error::{Error, Result, ValidationError};
use crate::export::{ImportSummary, KindCount};
use crate::insights::ValidRange;
use crate::journal::content::journal_content;
use crate::journal::craving::format_instant;
use crate::journal::Clock;
use crate::store::rows::day_text;

use dump::{read_dump, Dump};
use tables::KINDS;

/// The entry tables whose live rows make a journal "already in use" for an import.
const ENTRY_TABLES: &[&str] = &[
    "craving",
    "mood_checkin",
    "journal_entry",
    "daily_checkin",
    "weekly_review",
    "lapse",
];

/// Tables where any row at all is the person's own.
const OWN_TABLES: &[&str] = &["meeting", "support_contact", "local_helpline"];

fn not_empty() -> Error {
    Error::Invalid(ValidationError::new(
        "file",
        "This journal already has entries, so nothing was imported. Import into a new journal: \
         set one up with a new data folder, then import the file there.",
    ))
}

impl Store {
    /// How many records of each kind an export of `range` (`None`: everything) would hold.
    pub fn export_counts(&self, range: Option<ValidRange>) -> Result<Vec<KindCount>> {
        KINDS
            .iter()
            .map(|kind| {
                let spec = tables::spec(kind.table)
                    .ok_or(Error::Internal("export kind without a table"))?;
                Ok(KindCount {
                    kind: kind.key.to_string(),
                    label: kind.label.to_string(),
                    count: dump::count_rows(&self.conn, spec, range.as_ref())?,
                })
            })
            .collect()
    }

    /// Everything in `range` (`None`: everything) as JSON with a schema version.
    pub fn export_json(&self, range: Option<ValidRange>, clock: &dyn Clock) -> Result<Vec<u8>> {
        // One read transaction, so the tables are a consistent snapshot.
        let tx = self.conn.unchecked_transaction()?;
        let dump = read_dump(&self.conn, range.as_ref())?;
        tx.finish()?;
        json::write_json(
            &dump,
            self.data_schema_version()?,
            &format_instant(&clock.now()),
            range.as_ref(),
        )
    }

    /// One CSV file per kind of entry in `range`, with a README of the columns, as a zip.
    pub fn export_csv_zip(&self, range: Option<ValidRange>, clock: &dyn Clock) -> Result<Vec<u8>> {
        let tx = self.conn.unchecked_transaction()?;
        let dump = read_dump(&self.conn, range.as_ref())?;
        tx.finish()?;
        let files = csv_files(&dump)?;
        let now = clock.now();
        let readme = csv_zip::readme(
            &files,
            &format_instant(&now),
            range.map(|r| (day_text(r.from), day_text(r.to))),
        );
        csv_zip::write_zip(&readme, &files, now.naive_local())
    }

    /// Imports a JSON export into this vault, which must hold no entries yet. All or nothing.
    pub fn import_json(&self, bytes: &[u8], clock: &dyn Clock) -> Result<ImportSummary> {
        let export = json::parse_json(bytes, self.data_schema_version()?)?;
        import::check_tables(&export)?;
        let tx = self.conn.unchecked_transaction()?;
        if self.holds_own_records()? {
            return Err(not_empty());
        }
        import::purge_marked_deleted(&self.conn)?;
        let triggers = import::suspend_search_triggers(&self.conn)?;
        let added = import::insert_all(&self.conn, &export)?;
        import::restore_triggers(&self.conn, &triggers)?;
        import::rebuild_search(&self.conn)?;
        import::check_days(&self.conn)?;
        self.imported_rows_read_back(clock)?;
        tx.commit()?;
        Ok(ImportSummary {
            schema_version: export.schema_version,
            counts: KINDS
                .iter()
                .map(|kind| KindCount {
                    kind: kind.key.to_string(),
                    label: kind.label.to_string(),
                    count: added.get(kind.table).copied().unwrap_or(0),
                })
                .collect(),
        })
    }

    fn data_schema_version(&self) -> Result<u32> {
        u32::try_from(super::migrations::current_version(&self.conn)?)
            .map_err(|_| Error::Internal("schema version out of range"))
    }

    /// Whether the journal holds anything of the person's own that an import would clash
    /// with. What `Store::create` seeds (starter triggers, the coping library, default
    /// settings) does not count; triggers the person added or renamed do.
    fn holds_own_records(&self) -> Result<bool> {
        for table in ENTRY_TABLES {
            let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE deleted_at IS NULL)");
            if self.conn.query_row(&sql, [], |r| r.get::<_, bool>(0))? {
                return Ok(true);
            }
        }
        for table in OWN_TABLES {
            let sql = format!("SELECT EXISTS (SELECT 1 FROM {table})");
            if self.conn.query_row(&sql, [], |r| r.get::<_, bool>(0))? {
                return Ok(true);
            }
        }
        let own_strategy: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM coping_strategy WHERE builtin_key IS NULL)",
            [],
            |r| r.get(0),
        )?;
        if own_strategy || !self.plan()?.plan.is_empty() {
            return Ok(true);
        }
        let starters: HashSet<String> = journal_content()
            .trigger
            .iter()
            .map(|t| fold(&t.name))
            .collect();
        let mut stmt = self.conn.prepare_cached("SELECT name FROM trigger_item")?;
        let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
        for name in names {
            if !starters.contains(&fold(&name?)) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Reads everything back through the app's own repositories before the import commits,
    /// so a file whose rows pass the schema's checks but not the app's (a plan or recurrence
    /// it cannot read, a time out of range) is refused rather than breaking the journal.
    fn imported_rows_read_back(&self, clock: &dyn Clock) -> Result<()> {
        let now = clock.now().with_timezone(&chrono::Utc);
        let all = u32::MAX;
        let checked = (|| -> Result<()> {
            self.list_cravings(all)?;
            self.list_moods(all)?;
            self.list_journal_entries(all)?;
            self.list_checkins(all)?;
            self.list_reviews(all)?;
            self.list_lapses(all)?;
            self.list_triggers(true)?;
            self.list_strategies(true)?;
            self.list_contacts()?;
            self.list_local_helplines()?;
            self.plan()?;
            self.profile()?;
            self.recovery_summary(clock)?;
            self.reminder_settings()?;
            self.list_meetings()?;
            self.occurrences(now, now + chrono::Duration::days(31))?;
            Ok(())
        })();
        checked.map_err(|e| match e {
            Error::Invalid(_) | Error::Internal(_) | Error::NotFound(_) => {
                Error::Invalid(ValidationError::new(
                    "file",
                    "Some records in that file are not in a shape Waymark can read; the file may \
                     be damaged or edited. Nothing was imported.",
                ))
            }
            other => other,
        })
    }
}

/// Every CSV file: entries, then reference data, then settings.
fn csv_files(dump: &Dump) -> Result<Vec<csv_zip::CsvFile>> {
    let mut files = csv_entries::entry_files(dump)?;
    files.extend(csv_reference::reference_files(dump)?);
    Ok(files)
}
