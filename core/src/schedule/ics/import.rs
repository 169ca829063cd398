//! Reading a calendar file: refusing files that are too large or not calendars, mapping each
//! VEVENT (and its changed dates) to a meeting that passes the app's validation, and saying why
//! any other event was left out.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::NaiveDateTime;
use chrono_tz::Tz;
use icalendar::parser::{read_calendar_simple, unfold, Component as RawComponent};
use icalendar::parser::{ParseString, Property as RawProperty};

use super::rules::{is_original, read_rule};
use super::values::{
    all, first, instant_of, local_in, param, read_duration, read_times, text_value, IcsTime,
};
use super::{
    IcsSkipped, ParsedCalendar, ParsedEvent, ICS_MAX_BYTES, ICS_MAX_EVENTS, KIND_PROPERTY,
    MOVE_MAX_DAYS,
};
use crate::error::ValidationError;
use crate::journal::craving::NOTE_MAX_CHARS;
use crate::journal::fields::SHORT_TEXT_MAX_CHARS;
use crate::schedule::meeting::{
    MeetingException, MeetingKind, NewMeeting, ValidMeeting, MEETING_DURATION_MAX_MINUTES,
    MEETING_LINK_MAX_CHARS, MEETING_REMINDERS_MAX, MEETING_TITLE_MAX_CHARS,
    REMINDER_LEAD_MAX_MINUTES,
};
use crate::schedule::recurrence::Recurrence;
use crate::schedule::zone::{local_text, resolve_lenient, resolve_local};

/// The title given to an imported event that has none.
pub(super) const UNTITLED: &str = "Imported meeting";
/// Deeper nesting than VCALENDAR > VEVENT > VALARM (or VTIMEZONE > STANDARD) is never needed,
/// and refusing it keeps the recursive parser's stack small.
const MAX_NESTING: usize = 6;

pub(super) const FILE_TOO_LARGE: &str =
    "This calendar file is larger than 1 MiB. Export a shorter range of dates and try again.";
pub(super) const FILE_NOT_CALENDAR: &str =
    "This file is not a calendar (.ics) file, or it is damaged. Nothing was imported.";
pub(super) const FILE_TOO_MANY: &str =
    "This calendar file has more than 500 events. Export a shorter range of dates and try again.";

pub(super) const SKIP_ALL_DAY: &str =
    "It is an all-day event; Waymark keeps meetings that have a start time.";
pub(super) const SKIP_NO_START: &str = "Its start time could not be read.";
pub(super) const SKIP_CANCELLED: &str = "It was cancelled.";
pub(super) const SKIP_COUNT: &str =
    "It repeats a set number of times, which Waymark can't show yet.";
pub(super) const SKIP_RULE: &str =
    "It repeats in a way Waymark can't show exactly, so it was left out rather than guessed.";
pub(super) const SKIP_EXTRA_DATES: &str =
    "It has extra dates added to its repeat, which Waymark can't show.";
pub(super) const SKIP_NEVER: &str = "Its repeat rule never gives a date.";
pub(super) const SKIP_DUPLICATE: &str = "It appears twice in the file.";
pub(super) const SKIP_ORPHAN: &str = "It changes one date of a meeting that is not in this file.";
pub(super) const SKIP_RANGE: &str =
    "It changes every later date from one point on, which Waymark can't show.";
pub(super) const SKIP_FAR_MOVE: &str =
    "One of its dates was moved by more than 60 days, which Waymark can't show.";
fn file_error(message: &str) -> ValidationError {
    ValidationError::new("file", message)
}

/// Reads a calendar file into meetings that pass Waymark's validation, and the events that
/// cannot be imported with the reason for each.
///
/// The whole file is refused (field `file`) when it is over 1 MiB, is not a VCALENDAR, or holds
/// more than 500 events. Times with a known IANA TZID keep that zone; an unknown TZID and
/// floating times are read in `fallback_zone`. A one-off event in UTC ('Z') is moved to
/// `fallback_zone`'s wall time; a repeating one stays in UTC, since that is where its
/// occurrences repeat (in another zone they would drift by an hour across clock changes).
pub fn parse_calendar(text: &str, fallback_zone: Tz) -> Result<ParsedCalendar, ValidationError> {
    if text.len() > ICS_MAX_BYTES {
        return Err(file_error(FILE_TOO_LARGE));
    }
    let unfolded = normalise(text)?;
    let roots = read_calendar_simple(&unfolded).map_err(|_| file_error(FILE_NOT_CALENDAR))?;
    let calendars: Vec<&RawComponent<'_>> = roots
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VCALENDAR"))
        .collect();
    if calendars.is_empty() || calendars.len() != roots.len() {
        return Err(file_error(FILE_NOT_CALENDAR));
    }
    let events: Vec<&RawComponent<'_>> = calendars
        .iter()
        .flat_map(|c| c.components.iter())
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VEVENT"))
        .collect();
    if events.len() > ICS_MAX_EVENTS {
        return Err(file_error(FILE_TOO_MANY));
    }

    // Masters in file order; changed occurrences (RECURRENCE-ID) grouped under their UID.
    let mut masters: Vec<(String, &RawComponent<'_>)> = Vec::new();
    let mut overrides: BTreeMap<String, Vec<&RawComponent<'_>>> = BTreeMap::new();
    for event in &events {
        let uid = event_uid(event);
        if first(event, "RECURRENCE-ID").is_some() {
            overrides.entry(uid).or_default().push(event);
        } else {
            masters.push((uid, event));
        }
    }

    let mut out = ParsedCalendar::default();
    let mut seen: HashSet<String> = HashSet::new();
    for (uid, master) in masters {
        let title = skipped_title(master);
        if !seen.insert(uid.clone()) {
            out.skipped.push(skipped(title, SKIP_DUPLICATE));
            continue;
        }
        let changes = overrides.get(&uid).map(Vec::as_slice).unwrap_or(&[]);
        match read_event(master, changes, fallback_zone) {
            Ok((meeting, exceptions)) => out.events.push(ParsedEvent {
                uid,
                meeting,
                exceptions,
            }),
            Err(reason) => out.skipped.push(skipped(title, &reason)),
        }
    }
    for (uid, changes) in &overrides {
        if !seen.contains(uid) {
            for change in changes {
                out.skipped
                    .push(skipped(skipped_title(change), SKIP_ORPHAN));
            }
        }
    }
    Ok(out)
}

pub(super) fn skipped(title: String, reason: &str) -> IcsSkipped {
    IcsSkipped {
        title,
        reason: reason.to_string(),
    }
}

/// Line endings made CRLF and folded lines joined, after checks that keep the parser linear
/// and its recursion shallow: no deep nesting, and no quoted parameter left open at a line end
/// (the parser would search the rest of the file for its closing quote).
fn normalise(text: &str) -> Result<String, ValidationError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Every line ends in CRLF, so the parser's "value runs to the next CRLF" search stays on
    // its own line even in a file written with bare LF or CR.
    let mut crlf = String::with_capacity(text.len() + text.len() / 8 + 2);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                crlf.push_str("\r\n");
            }
            '\n' => crlf.push_str("\r\n"),
            _ => crlf.push(c),
        }
    }
    let unfolded = unfold(&crlf);
    let mut depth = 0usize;
    for line in unfolded.split("\r\n") {
        let upper = line.get(..6).map(str::to_ascii_uppercase);
        if upper.as_deref() == Some("BEGIN:") {
            depth += 1;
            if depth > MAX_NESTING {
                return Err(file_error(FILE_NOT_CALENDAR));
            }
        } else if line.get(..4).map(str::to_ascii_uppercase).as_deref() == Some("END:") {
            depth = depth.saturating_sub(1);
        } else if quote_left_open(line) {
            return Err(file_error(FILE_NOT_CALENDAR));
        }
    }
    Ok(unfolded)
}

/// Whether a content line's parameters open a quoted value that the line never closes.
fn quote_left_open(line: &str) -> bool {
    let mut quoted = false;
    let mut previous = ' ';
    for c in line.chars() {
        if quoted {
            if c == '"' {
                quoted = false;
            }
        } else if c == ':' {
            return false;
        } else if c == '"' && matches!(previous, '=' | ',') {
            quoted = true;
        }
        previous = c;
    }
    quoted
}

/// Text with control characters other than line breaks and tabs removed, trimmed and cut to
/// `max` characters; `None` when nothing is left.
fn clean_text(text: &str, max: usize) -> Option<String> {
    let kept: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    let cut: String = kept.trim().chars().take(max).collect();
    let cut = cut.trim_end();
    (!cut.is_empty()).then(|| cut.to_string())
}

fn summary(event: &RawComponent<'_>) -> Option<String> {
    first(event, "SUMMARY").and_then(|p| clean_text(&text_value(p), MEETING_TITLE_MAX_CHARS))
}

fn skipped_title(event: &RawComponent<'_>) -> String {
    summary(event).unwrap_or_else(|| UNTITLED.to_string())
}

/// The event's UID, or one derived from its content when it has none usable, so that the
/// same file imported twice still yields the same UID.
fn event_uid(event: &RawComponent<'_>) -> String {
    if let Some(uid) = first(event, "UID").map(text_value) {
        let uid = uid.trim();
        if !uid.is_empty() && uid.chars().count() <= 255 && !uid.chars().any(char::is_control) {
            return uid.to_string();
        }
    }
    let mut context = ring::digest::Context::new(&ring::digest::SHA256);
    for p in &event.properties {
        if p.name.as_str().eq_ignore_ascii_case("RECURRENCE-ID")
            || p.name.as_str().eq_ignore_ascii_case("DTSTAMP")
        {
            continue;
        }
        context.update(p.name.as_str().as_bytes());
        for x in &p.params {
            context.update(b";");
            context.update(x.key.as_str().as_bytes());
            context.update(b"=");
            context.update(x.val.as_ref().map_or("", ParseString::as_str).as_bytes());
        }
        context.update(b":");
        context.update(p.val.as_str().as_bytes());
        context.update(b"\n");
    }
    let digest = context.finish();
    let short = digest.as_ref().get(..16).unwrap_or(digest.as_ref());
    format!(
        "import-{}@waymark.invalid",
        data_encoding::HEXLOWER.encode(short)
    )
}

/// Reads one meeting (with its changed occurrences) or says why it cannot be imported.
fn read_event(
    master: &RawComponent<'_>,
    changes: &[&RawComponent<'_>],
    fallback: Tz,
) -> Result<(ValidMeeting, Vec<MeetingException>), String> {
    if is_cancelled(master) {
        return Err(SKIP_CANCELLED.into());
    }
    let start_time = first(master, "DTSTART")
        .and_then(|p| read_times(p).into_iter().next().flatten())
        .ok_or(SKIP_NO_START)?;
    let rules: Vec<&RawProperty<'_>> = all(master, "RRULE").collect();
    if rules.len() > 1 || first(master, "EXRULE").is_some() {
        return Err(SKIP_RULE.into());
    }
    if first(master, "RDATE").is_some() {
        return Err(SKIP_EXTRA_DATES.into());
    }
    let (zone, start) = match start_time {
        IcsTime::Date(_) => return Err(SKIP_ALL_DAY.into()),
        IcsTime::Zoned(at, zone) => (zone, at),
        IcsTime::Floating(at) => (fallback, at),
        IcsTime::Utc(at) => {
            let local = at.and_utc().with_timezone(&fallback).naive_local();
            // A repeating UTC event repeats in UTC, and a time the clocks go back over would
            // be read as its first instance: both keep UTC, which places every occurrence
            // where the other program does.
            if rules.is_empty() && resolve_lenient(fallback, local) == at.and_utc() {
                (fallback, local)
            } else {
                (Tz::UTC, at)
            }
        }
    };
    let (recurrence, until) = match rules.first() {
        None => (Recurrence::Once, None),
        Some(rule) => read_rule(rule.val.as_str(), start, zone)?,
    };

    let input = NewMeeting {
        title: summary(master).unwrap_or_else(|| UNTITLED.to_string()),
        kind: first(master, KIND_PROPERTY)
            .and_then(|p| MeetingKind::from_key(p.val.as_str().trim()))
            .unwrap_or(MeetingKind::Other),
        start_date: start.date().format("%Y-%m-%d").to_string(),
        start_time: start.time().format("%H:%M").to_string(),
        time_zone: Some(zone.name().to_string()),
        duration_minutes: read_length(master, start_time, zone),
        recurrence,
        until: until.map(|d| d.format("%Y-%m-%d").to_string()),
        place: first(master, "LOCATION")
            .and_then(|p| clean_text(&text_value(p), SHORT_TEXT_MAX_CHARS)),
        link: first(master, "URL").and_then(|p| web_link(p.val.as_str())),
        notes: first(master, "DESCRIPTION")
            .and_then(|p| clean_text(&text_value(p), NOTE_MAX_CHARS)),
        reminder_minutes: reminder_leads(master, start_time, zone),
    };
    let meeting = validate_leniently(input)?;
    let exceptions = read_exceptions(&meeting, master, changes)?;
    Ok((meeting, exceptions))
}

fn is_cancelled(event: &RawComponent<'_>) -> bool {
    first(event, "STATUS").is_some_and(|p| p.val.as_str().trim().eq_ignore_ascii_case("CANCELLED"))
}

/// Validates like typed input; an optional detail that still fails is dropped rather than
/// losing the whole meeting.
fn validate_leniently(mut input: NewMeeting) -> Result<ValidMeeting, String> {
    loop {
        match input.validate() {
            Ok(valid) => return Ok(valid),
            Err(e) if e.field == "place" && input.place.is_some() => input.place = None,
            Err(e) if e.field == "link" && input.link.is_some() => input.link = None,
            Err(e) if e.field == "notes" && input.notes.is_some() => input.notes = None,
            Err(e) if e.field == "reminderMinutes" && !input.reminder_minutes.is_empty() => {
                input.reminder_minutes.clear()
            }
            Err(e) => return Err(e.message),
        }
    }
}

/// An http or https link without spaces that fits the limit; anything else is left out.
fn web_link(value: &str) -> Option<String> {
    let link = value.trim();
    let lower = link.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    let plain = !link.chars().any(|c| c.is_whitespace() || c.is_control());
    (web && plain && link.chars().count() <= MEETING_LINK_MAX_CHARS).then(|| link.to_string())
}

/// The length in minutes from DTEND or DURATION, 60 when neither is readable, and kept within
/// 1 minute to 12 hours.
fn read_length(event: &RawComponent<'_>, start: IcsTime, zone: Tz) -> u32 {
    let end = first(event, "DTEND")
        .and_then(|p| read_times(p).into_iter().next().flatten())
        .and_then(|end| Some((instant_of(end, zone)? - instant_of(start, zone)?).num_seconds()));
    let seconds =
        end.or_else(|| first(event, "DURATION").and_then(|p| read_duration(p.val.as_str())));
    let Some(seconds) = seconds else { return 60 };
    let minutes = seconds.div_euclid(60) + i64::from(seconds.rem_euclid(60) != 0);
    u32::try_from(minutes.clamp(1, i64::from(MEETING_DURATION_MAX_MINUTES))).unwrap_or(60)
}

/// Reminder leads (minutes before the start) from the event's alarms: only alarms that come
/// before the start or at it, within a week; at most four, the ones nearest the start.
fn reminder_leads(event: &RawComponent<'_>, start: IcsTime, zone: Tz) -> Vec<u32> {
    let length = i64::from(read_length(event, start, zone)) * 60;
    let mut leads = BTreeSet::new();
    for alarm in event
        .components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VALARM"))
    {
        let Some(trigger) = first(alarm, "TRIGGER") else {
            continue;
        };
        if param(trigger, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE-TIME")) {
            continue;
        }
        let Some(mut offset) = read_duration(trigger.val.as_str()) else {
            continue;
        };
        if param(trigger, "RELATED").is_some_and(|r| r.eq_ignore_ascii_case("END")) {
            offset += length;
        }
        if offset > 0 {
            continue;
        }
        let seconds = -offset;
        let minutes = seconds / 60 + i64::from(seconds % 60 != 0);
        if let Ok(lead) = u32::try_from(minutes) {
            if lead <= REMINDER_LEAD_MAX_MINUTES {
                leads.insert(lead);
            }
        }
    }
    leads.into_iter().take(MEETING_REMINDERS_MAX).collect()
}

/// The skipped (EXDATE, cancelled) and moved (RECURRENCE-ID) occurrences that name one of the
/// meeting's own occurrences; others change nothing and are left out.
fn read_exceptions(
    meeting: &ValidMeeting,
    master: &RawComponent<'_>,
    changes: &[&RawComponent<'_>],
) -> Result<Vec<MeetingException>, String> {
    let zone = meeting.time_zone;
    let on_day = |time: IcsTime| match time {
        IcsTime::Date(day) => Some(day.and_time(meeting.start_local.time())),
        other => local_in(other, zone),
    };
    let mut found: BTreeMap<NaiveDateTime, Option<NaiveDateTime>> = BTreeMap::new();
    for exdate in all(master, "EXDATE") {
        for time in read_times(exdate).into_iter().flatten() {
            if let Some(original) = on_day(time) {
                found.insert(original, None);
            }
        }
    }
    for change in changes {
        let Some(id) = first(change, "RECURRENCE-ID") else {
            continue;
        };
        if param(id, "RANGE").is_some() {
            return Err(SKIP_RANGE.into());
        }
        let Some(original) = read_times(id).into_iter().next().flatten().and_then(on_day) else {
            continue;
        };
        if found.contains_key(&original) {
            continue;
        }
        if is_cancelled(change) {
            found.insert(original, None);
            continue;
        }
        let Some(moved) = first(change, "DTSTART")
            .and_then(|p| read_times(p).into_iter().next().flatten())
            .and_then(|t| local_in(t, zone))
        else {
            continue;
        };
        if moved != original {
            found.insert(original, Some(moved));
        }
    }
    let mut out = Vec::with_capacity(found.len());
    for (original, moved) in found {
        let rule = (
            meeting.start_local,
            zone,
            &meeting.recurrence,
            meeting.until,
        );
        if !is_original(rule, original) {
            continue;
        }
        if let Some(moved) = moved {
            if (moved - original).num_days().abs() > MOVE_MAX_DAYS {
                return Err(SKIP_FAR_MOVE.into());
            }
            resolve_local("movedTo", zone, moved).map_err(|e| e.message)?;
        }
        out.push(MeetingException {
            occurrence: local_text(original),
            moved_to: moved.map(local_text),
        });
    }
    Ok(out)
}
