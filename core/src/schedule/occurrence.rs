//! The occurrences of a meeting in a window of time, after its skipped and moved dates.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::meeting::{Meeting, MeetingId, MeetingKind};
use super::recurrence::original_starts;
use super::zone::{local_text, parse_local, resolve_lenient};
use crate::error::{Error, Result};
use crate::journal::craving::format_instant;

/// Whether the person went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    /// They went.
    Attended,
    /// They did not go.
    Missed,
}

/// One occurrence of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Occurrence {
    /// The meeting.
    pub meeting_id: MeetingId,
    /// Its title.
    pub title: String,
    /// Its kind.
    pub kind: MeetingKind,
    /// The original local start, YYYY-MM-DDTHH:MM: names the occurrence for skipping, moving
    /// and attendance, even once moved.
    pub occurrence: String,
    /// When it starts, RFC 3339 in the meeting's own zone.
    pub starts_at: String,
    /// When it ends, RFC 3339 in the meeting's own zone.
    pub ends_at: String,
    /// The meeting's time zone.
    pub time_zone: String,
    /// Moved from its usual time.
    pub moved: bool,
    /// Where.
    pub place: Option<String>,
    /// Online link.
    pub link: Option<String>,
    /// Whether the person went, once they have said.
    pub attendance: Option<Attendance>,
}

/// A meeting's stored fields, read back into typed values.
pub(crate) struct Parsed {
    pub start: NaiveDateTime,
    pub zone: Tz,
    pub until: Option<chrono::NaiveDate>,
}

/// Reads a stored meeting's start, zone and end day.
pub(crate) fn parse_stored(meeting: &Meeting) -> Result<Parsed> {
    let start = parse_local("start", &meeting.start_local)
        .map_err(|_| Error::Internal("stored meeting start unreadable"))?;
    let zone: Tz = meeting
        .time_zone
        .parse()
        .map_err(|_| Error::Internal("stored meeting time zone unknown"))?;
    let until = match &meeting.until {
        None => None,
        Some(day) => Some(
            day.parse()
                .map_err(|_| Error::Internal("stored meeting end unreadable"))?,
        ),
    };
    Ok(Parsed { start, zone, until })
}

/// An occurrence's start and end as instants in the meeting's zone.
fn span(zone: Tz, local: NaiveDateTime, minutes: u32) -> (DateTime<Tz>, DateTime<Tz>) {
    let start = resolve_lenient(zone, local).with_timezone(&zone);
    let end = start + Duration::minutes(i64::from(minutes));
    (start, end)
}

/// Every occurrence of `meeting` that starts in `[from, to)`, in order, with skipped ones
/// left out and moved ones at their new time. `attendance` gives what the person recorded, by
/// original local start.
pub fn occurrences_between(
    meeting: &Meeting,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    attendance: &dyn Fn(&str) -> Option<Attendance>,
) -> Result<Vec<Occurrence>> {
    let p = parse_stored(meeting)?;
    let mut out = Vec::new();
    let make = |original: NaiveDateTime, actual: NaiveDateTime, moved: bool| {
        let (start, end) = span(p.zone, actual, meeting.duration_minutes);
        let key = local_text(original);
        Occurrence {
            meeting_id: meeting.id,
            title: meeting.title.clone(),
            kind: meeting.kind,
            attendance: attendance(&key),
            occurrence: key,
            starts_at: format_instant(&start),
            ends_at: format_instant(&end),
            time_zone: meeting.time_zone.clone(),
            moved,
            place: meeting.place.clone(),
            link: meeting.link.clone(),
        }
    };
    for original in original_starts(p.start, p.zone, &meeting.recurrence, p.until, from, to) {
        let key = local_text(original);
        if meeting.exceptions.iter().any(|e| e.occurrence == key) {
            continue;
        }
        out.push((
            resolve_lenient(p.zone, original),
            make(original, original, false),
        ));
    }
    for exception in &meeting.exceptions {
        let Some(moved_to) = &exception.moved_to else {
            continue;
        };
        let (Ok(original), Ok(actual)) = (
            parse_local("occurrence", &exception.occurrence),
            parse_local("movedTo", moved_to),
        ) else {
            return Err(Error::Internal("stored meeting exception unreadable"));
        };
        let at = resolve_lenient(p.zone, actual);
        // A move recorded before the meeting was edited applies only while the meeting still
        // has that date, as a skip does.
        if at >= from && at < to && is_original_occurrence(meeting, original)? {
            out.push((at, make(original, actual, true)));
        }
    }
    out.sort_by_key(|(at, _)| *at);
    Ok(out.into_iter().map(|(_, o)| o).collect())
}

/// Whether `occurrence` (an original local start) is one the meeting's rule produces.
pub fn is_original_occurrence(meeting: &Meeting, occurrence: NaiveDateTime) -> Result<bool> {
    let p = parse_stored(meeting)?;
    let at = resolve_lenient(p.zone, occurrence);
    let starts = original_starts(
        p.start,
        p.zone,
        &meeting.recurrence,
        p.until,
        at - Duration::hours(3),
        at + Duration::hours(3),
    );
    Ok(starts.contains(&occurrence))
}

/// The start instant of one occurrence (moved or not) of `meeting`, by its original start.
pub fn occurrence_start(meeting: &Meeting, occurrence: NaiveDateTime) -> Result<DateTime<Utc>> {
    let p = parse_stored(meeting)?;
    let key = local_text(occurrence);
    let actual = meeting
        .exceptions
        .iter()
        .find(|e| e.occurrence == key)
        .and_then(|e| e.moved_to.as_deref())
        .map(|m| parse_local("movedTo", m))
        .transpose()
        .map_err(|_| Error::Internal("stored meeting exception unreadable"))?
        .unwrap_or(occurrence);
    Ok(resolve_lenient(p.zone, actual))
}
