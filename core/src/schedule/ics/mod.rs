//! Calendar files (RFC 5545): the schedule written as an `.ics` file that other calendar
//! programs read, and meetings read back from such a file.
//!
//! Export keeps each meeting's wall-clock time in its own IANA zone, so a weekly 19:00 meeting
//! stays at 19:00 across clock changes in every program. Import is strict in the other
//! direction: a rule Waymark cannot show exactly is reported as skipped, never approximated, and
//! every meeting passes the same validation as one typed into the app.
//!
//! Each file has one job: `export` writes the calendar, `vtimezone` the time-zone rules it
//! carries, `import` reads a file back into meetings, with `values` reading its dates, times and
//! durations and `rules` checking that a repeat rule gives the same dates in Waymark.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::meeting::{Meeting, MeetingException, ValidMeeting};

mod export;
mod import;
mod rules;
mod values;
mod vtimezone;

#[cfg(test)]
mod tests;

pub use export::export_calendar;
pub(crate) use export::write_calendar;
pub use import::parse_calendar;

/// The largest calendar file Waymark reads: 1 MiB.
pub const ICS_MAX_BYTES: usize = 1024 * 1024;
/// The most events (VEVENT blocks, changed dates included) one file may hold.
pub const ICS_MAX_EVENTS: usize = 500;
/// Carries the meeting kind exactly; CATEGORIES carries its label for other programs.
const KIND_PROPERTY: &str = "X-WAYMARK-KIND";
/// How far an occurrence may be moved, as in the app.
const MOVE_MAX_DAYS: i64 = 60;

/// An event in a calendar file that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct IcsSkipped {
    /// The event's title (shortened), or "Imported meeting" when it has none.
    pub title: String,
    /// Why it was left out, in a sentence for the person.
    pub reason: String,
}

/// What importing a calendar file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct IcsImportReport {
    /// The meetings added, as stored.
    pub imported: Vec<Meeting>,
    /// The events left out.
    pub skipped: Vec<IcsSkipped>,
}

/// One meeting read from a calendar file, validated like typed input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedEvent {
    /// The event's calendar UID, kept so that a second import recognises it.
    pub uid: String,
    /// The meeting.
    pub meeting: ValidMeeting,
    /// Occurrences skipped or moved, each an original occurrence of the meeting.
    pub exceptions: Vec<MeetingException>,
}

/// Everything read from a calendar file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedCalendar {
    /// The meetings that can be imported, in file order.
    pub events: Vec<ParsedEvent>,
    /// The events that cannot, and why.
    pub skipped: Vec<IcsSkipped>,
}
