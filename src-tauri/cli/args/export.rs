//! `waymark export` and `waymark import`: the counsellor summary and the person's data.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use waymark_core::export::{ExportFormat, SummarySection};

/// The file formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// The counsellor summary, one or two pages
    Pdf,
    /// One CSV file per kind of entry, in a zip, with a README of the columns
    Csv,
    /// Everything, with a schema version; `waymark import` reads it back into a new journal
    Json,
}

impl From<FormatArg> for ExportFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Pdf => ExportFormat::Pdf,
            FormatArg::Csv => ExportFormat::Csv,
            FormatArg::Json => ExportFormat::Json,
        }
    }
}

/// The summary's sections on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SectionArg {
    /// Days in recovery and the main figures
    Overview,
    /// Cravings per day, intensity, top triggers, HALT, when and how long
    #[value(name = "cravings")]
    CravingsAndTriggers,
    /// Mood per day and its 7-day average
    Mood,
    /// Daily check-ins, medication as prescribed included
    #[value(name = "checkins")]
    CheckinsAndMedication,
    /// Meeting attendance
    Meetings,
    /// Lapses (days and triggers)
    Lapses,
    /// Coping strategies that worked
    Coping,
    /// The relapse-prevention plan
    Plan,
    /// Journal entries' text (left out unless named)
    Journal,
}

impl From<SectionArg> for SummarySection {
    fn from(s: SectionArg) -> Self {
        match s {
            SectionArg::Overview => SummarySection::Overview,
            SectionArg::CravingsAndTriggers => SummarySection::CravingsAndTriggers,
            SectionArg::Mood => SummarySection::Mood,
            SectionArg::CheckinsAndMedication => SummarySection::CheckinsAndMedication,
            SectionArg::Meetings => SummarySection::Meetings,
            SectionArg::Lapses => SummarySection::Lapses,
            SectionArg::Coping => SummarySection::Coping,
            SectionArg::Plan => SummarySection::Plan,
            SectionArg::Journal => SummarySection::JournalExcerpts,
        }
    }
}

/// `waymark export ...`
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// pdf: the counsellor summary; csv or json: your data
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: FormatArg,
    /// The file to write
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// The first day, YYYY-MM-DD [default: pdf, 29 days before --to; csv and json, everything]
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last day, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// The summary's sections, comma-separated [default: all but journal]
    #[arg(long, value_enum, value_delimiter = ',', value_name = "SECTIONS")]
    pub sections: Vec<SectionArg>,
    /// Share the private notes written on cravings, moods, check-ins and lapses in the summary,
    /// each kind only with its own section
    #[arg(long)]
    pub include_notes: bool,
    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

/// `waymark import ...`
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A JSON file written by `waymark export --format json`; the journal must have no entries yet
    pub file: PathBuf,
    /// Print what was added as JSON
    #[arg(long)]
    pub json: bool,
}
