//! What a counsellor summary contains, chosen by the person, as plain data. The PDF and the
//! window's preview both render this one value, so the preview shows exactly what is shared.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::insights::model::{DayRange, Insights};
use crate::journal::RecoverySummary;
use crate::plan::RelapsePlan;

/// A section of the counsellor summary, in the order they are printed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum SummarySection {
    /// Days in recovery and the range's main figures.
    Overview,
    /// Cravings per day, intensity, top triggers, HALT, when and how long.
    CravingsAndTriggers,
    /// Mood per day and its 7-day average.
    Mood,
    /// Daily check-ins, medication as prescribed included.
    CheckinsAndMedication,
    /// Meeting attendance.
    Meetings,
    /// Lapses (days and triggers only; reflections are notes).
    Lapses,
    /// Coping strategies that worked.
    Coping,
    /// The relapse-prevention plan.
    Plan,
    /// Journal entries' text: only when the person ticks it.
    JournalExcerpts,
}

impl SummarySection {
    /// Every section, in print order.
    pub const ALL: [SummarySection; 9] = [
        SummarySection::Overview,
        SummarySection::CravingsAndTriggers,
        SummarySection::Mood,
        SummarySection::CheckinsAndMedication,
        SummarySection::Meetings,
        SummarySection::Lapses,
        SummarySection::Coping,
        SummarySection::Plan,
        SummarySection::JournalExcerpts,
    ];

    /// The sections chosen when the person changes nothing: all but the journal's text.
    pub fn defaults() -> Vec<SummarySection> {
        Self::ALL
            .into_iter()
            .filter(|s| *s != SummarySection::JournalExcerpts)
            .collect()
    }

    /// The section's heading, as printed.
    pub fn heading(self) -> &'static str {
        match self {
            SummarySection::Overview => "Overview",
            SummarySection::CravingsAndTriggers => "Cravings and triggers",
            SummarySection::Mood => "Mood",
            SummarySection::CheckinsAndMedication => "Check-ins and medication",
            SummarySection::Meetings => "Meetings",
            SummarySection::Lapses => "Lapses",
            SummarySection::Coping => "Coping that worked",
            SummarySection::Plan => "Relapse-prevention plan",
            SummarySection::JournalExcerpts => "Journal excerpts",
        }
    }

    /// The key used on the command line and in the API, e.g. `cravings_and_triggers`.
    pub fn key(self) -> &'static str {
        match self {
            SummarySection::Overview => "overview",
            SummarySection::CravingsAndTriggers => "cravings_and_triggers",
            SummarySection::Mood => "mood",
            SummarySection::CheckinsAndMedication => "checkins_and_medication",
            SummarySection::Meetings => "meetings",
            SummarySection::Lapses => "lapses",
            SummarySection::Coping => "coping",
            SummarySection::Plan => "plan",
            SummarySection::JournalExcerpts => "journal_excerpts",
        }
    }
}

/// What the person asks the summary to hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SummaryRequest {
    /// The days covered, inclusive.
    pub range: DayRange,
    /// The sections to include; printed in [`SummarySection::ALL`]'s order whatever the order
    /// here.
    pub sections: Vec<SummarySection>,
    /// Whether the private notes written on cravings, moods, check-ins and lapses are shared,
    /// each kind only with its own section. Off unless the person ticks it.
    pub include_notes: bool,
}

/// One journal entry, as shared when the person includes journal excerpts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct JournalExcerpt {
    /// The entry's day.
    pub day: String,
    /// Its text (Markdown as written).
    pub text: String,
    /// One thing that went well, if written.
    pub went_well: Option<String>,
}

/// Which kind of entry a shared note was written on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// A craving's note.
    Craving,
    /// A mood check-in's note.
    Mood,
    /// A daily check-in's note.
    Checkin,
    /// A lapse's reflections (the situation, what was learned, next time).
    Lapse,
}

/// One private note, as shared when the person includes notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SharedNote {
    /// The day it belongs to.
    pub day: String,
    /// The kind of entry.
    pub kind: NoteKind,
    /// The text.
    pub text: String,
}

/// The whole summary, ready to preview or print. Only chosen sections are printed, and the
/// names and free text of sections not chosen (trigger names, lapses, coping, the plan, journal
/// text, notes) are left out of the value itself, so they cannot reach the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SummaryReport {
    /// The day it was made, in the person's zone.
    pub generated_on: String,
    /// The days covered.
    pub range: DayRange,
    /// The chosen sections, in print order.
    pub sections: Vec<SummarySection>,
    /// Recovery time as of the range's last day (or today, if earlier).
    pub recovery: RecoverySummary,
    /// The figures over the range.
    pub insights: Insights,
    /// The plan, when its section is chosen and it has been written.
    pub plan: Option<RelapsePlan>,
    /// Journal entries in the range, oldest first; empty unless chosen.
    pub journal: Vec<JournalExcerpt>,
    /// Private notes in the range, oldest first; empty unless chosen.
    pub notes: Vec<SharedNote>,
}

/// The file formats an export can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// The counsellor summary, one or two pages.
    Pdf,
    /// One CSV file per kind of entry, in a zip, with a README of the columns.
    Csv,
    /// Everything, with a schema version; can be imported back into an empty vault.
    Json,
}

/// How many records of one kind an export holds or an import added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct KindCount {
    /// The kind's key, as the CSV file and JSON table are named, e.g. `cravings`.
    pub kind: String,
    /// Its label, e.g. "Cravings".
    pub label: String,
    /// Records.
    pub count: u32,
}

/// What importing a JSON export added to the vault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// The export's schema version.
    pub schema_version: u32,
    /// Records added, per kind.
    pub counts: Vec<KindCount>,
}
