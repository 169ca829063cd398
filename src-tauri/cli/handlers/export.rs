//! `waymark export` and `waymark import`: the counsellor summary and the person's data, to and
//! from files.

use chrono::{Days, NaiveDate};
use waymark_core::export::{
    data_bytes, export_bytes, read_import_file, write_export_file, ExportFormat, SummaryRequest,
    SummarySection,
};
use waymark_core::insights::{ValidRange, MAX_RANGE_DAYS};
use waymark_core::journal::fields::parse_day;
use waymark_core::journal::{Clock, SystemClock};
use waymark_core::store::Store;

use crate::cli::args::export::{ExportArgs, FormatArg, ImportArgs};
use crate::cli::error::CliError;
use crate::cli::handlers::files::{names_file, refuse_existing, with_directory, write_error};
use crate::cli::output::{self, export as out};

/// Days a summary covers when `--from` is not given: a month, today included.
const SUMMARY_DEFAULT_DAYS: u64 = 30;

/// Runs `waymark export`.
pub fn export(store: &Store, args: &ExportArgs) -> Result<(), CliError> {
    let today = SystemClock.now().date_naive();
    let from = day_flag(args.from.as_deref(), "from")?;
    let to = day_flag(args.to.as_deref(), "to")?.unwrap_or(today);
    let format = ExportFormat::from(args.format);
    if format != ExportFormat::Pdf && (!args.sections.is_empty() || args.include_notes) {
        return Err(CliError::invalid(
            "Sections and notes choose what a PDF summary shares; CSV and JSON hold all your \
             data in the range. Nothing was written",
            "--sections",
        ));
    }
    let range = match (format, from) {
        (ExportFormat::Pdf, None) => Some(days_before(to, SUMMARY_DEFAULT_DAYS - 1)),
        (_, Some(from)) => Some(from),
        (_, None) if args.to.is_some() => Some(days_before(to, u64::from(MAX_RANGE_DAYS) - 1)),
        (_, None) => None,
    }
    .map(|from| ValidRange::new(from, to))
    .transpose()
    .map_err(|v| CliError::from(waymark_core::Error::from(v)))?;
    let out_path = with_directory(&args.out);
    refuse_existing(&out_path, args.force)?;
    let bytes = match (format, range) {
        (ExportFormat::Pdf, Some(range)) => {
            let sections = if args.sections.is_empty() {
                SummarySection::defaults()
            } else {
                args.sections
                    .iter()
                    .map(|s| SummarySection::from(*s))
                    .collect()
            };
            let request = SummaryRequest {
                range: range.to_day_range(),
                sections,
                include_notes: args.include_notes,
            };
            export_bytes(store, &request, format, &SystemClock)?
        }
        (_, range) => data_bytes(store, range, format, &SystemClock)?,
    };
    write_export_file(&out_path, &bytes).map_err(|e| write_error("export file", e))?;
    out::written(args.format, range, &out_path, bytes.len());
    Ok(())
}

/// Runs `waymark import`.
pub fn import(store: &Store, args: &ImportArgs) -> Result<(), CliError> {
    let bytes = read_import_file(&args.file).map_err(names_file)?;
    let summary = store
        .import_json(&bytes, &SystemClock)
        .map_err(names_file)?;
    if args.json {
        output::json(&summary);
    } else {
        out::imported(&summary);
    }
    Ok(())
}

/// A day flag, checked by core so the message is the window's.
fn day_flag(text: Option<&str>, field: &'static str) -> Result<Option<NaiveDate>, CliError> {
    text.map(|t| parse_day(field, t))
        .transpose()
        .map_err(|v| CliError::from(waymark_core::Error::from(v)))
}

/// `days` days before `day` (or the earliest day there is).
fn days_before(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_sub_days(Days::new(days)).unwrap_or(day)
}

impl FormatArg {
    /// The file's name in messages.
    pub fn noun(self) -> &'static str {
        match self {
            FormatArg::Pdf => "summary (PDF)",
            FormatArg::Csv => "data (CSV files in a zip)",
            FormatArg::Json => "data (JSON)",
        }
    }
}
