//! Calendar files (RFC 5545): the schedule written as an `.ics` file that other calendar
//! programs read, and meetings read back from such a file.
//!
//! Export keeps each meeting's wall-clock time in its own IANA zone, so a weekly 19:00 meeting
//! stays at 19:00 across clock changes in every program. Import is strict in the other
//! direction: a rule Waymark cannot show exactly is reported as skipped, never approximated, and
//! every meeting passes the same validation as one typed into the app.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike, Utc,
};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use icalendar::parser::{read_calendar_simple, unfold, Component as RawComponent};
use icalendar::parser::{ParseString, Property as RawProperty};
use icalendar::Property;
use rrule::{RRule, Unvalidated};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::meeting::{
    Meeting, MeetingException, MeetingKind, NewMeeting, ValidMeeting, MEETING_DURATION_MAX_MINUTES,
    MEETING_LINK_MAX_CHARS, MEETING_REMINDERS_MAX, MEETING_TITLE_MAX_CHARS,
    REMINDER_LEAD_MAX_MINUTES,
};
use super::occurrence::{parse_stored, Parsed};
use super::recurrence::{original_starts, Recurrence, Weekday};
use super::zone::{local_text, resolve_lenient, resolve_local};
use crate::error::ValidationError;
use crate::journal::craving::NOTE_MAX_CHARS;
use crate::journal::fields::SHORT_TEXT_MAX_CHARS;

/// The largest calendar file Waymark reads: 1 MiB.
pub const ICS_MAX_BYTES: usize = 1024 * 1024;
/// The most events (VEVENT blocks, changed dates included) one file may hold.
pub const ICS_MAX_EVENTS: usize = 500;

const PRODID: &str = "-//Waymark//Schedule//EN";
/// Carries the meeting kind exactly; CATEGORIES carries its label for other programs.
const KIND_PROPERTY: &str = "X-WAYMARK-KIND";
/// The title given to an imported event that has none.
const UNTITLED: &str = "Imported meeting";
/// Deeper nesting than VCALENDAR > VEVENT > VALARM (or VTIMEZONE > STANDARD) is never needed,
/// and refusing it keeps the recursive parser's stack small.
const MAX_NESTING: usize = 6;
/// How many occurrences of an imported rule are compared with Waymark's reading of it.
const RULE_CHECK_OCCURRENCES: u16 = 60;
/// How far an occurrence may be moved, as in the app.
const MOVE_MAX_DAYS: i64 = 60;
/// Years of time-zone rules written past the latest meeting (or today).
const VTIMEZONE_YEARS_AHEAD: i32 = 10;
/// No meeting starts after 2200, so no time-zone rules are written past 2210, whatever the
/// clock says.
const VTIMEZONE_LAST_YEAR: i32 = 2210;

const FILE_TOO_LARGE: &str =
    "This calendar file is larger than 1 MiB. Export a shorter range of dates and try again.";
const FILE_NOT_CALENDAR: &str =
    "This file is not a calendar (.ics) file, or it is damaged. Nothing was imported.";
const FILE_TOO_MANY: &str =
    "This calendar file has more than 500 events. Export a shorter range of dates and try again.";

const SKIP_ALL_DAY: &str = "It is an all-day event; Waymark keeps meetings that have a start time.";
const SKIP_NO_START: &str = "Its start time could not be read.";
const SKIP_CANCELLED: &str = "It was cancelled.";
const SKIP_COUNT: &str = "It repeats a set number of times, which Waymark can't show yet.";
const SKIP_RULE: &str =
    "It repeats in a way Waymark can't show exactly, so it was left out rather than guessed.";
const SKIP_EXTRA_DATES: &str = "It has extra dates added to its repeat, which Waymark can't show.";
const SKIP_NEVER: &str = "Its repeat rule never gives a date.";
const SKIP_DUPLICATE: &str = "It appears twice in the file.";
const SKIP_ORPHAN: &str = "It changes one date of a meeting that is not in this file.";
const SKIP_RANGE: &str = "It changes every later date from one point on, which Waymark can't show.";
const SKIP_FAR_MOVE: &str =
    "One of its dates was moved by more than 60 days, which Waymark can't show.";

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

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/// Writes `meetings` as one calendar file, with `now` as every event's DTSTAMP.
///
/// Private notes are never written: the file is not encrypted, and calendar programs sync
/// and share what they import. Each event's UID is derived from the meeting's id here; the
/// store's export ([`crate::store::Store::export_ics`]) uses the UID kept with the meeting
/// instead, so a file imported elsewhere and back is recognised. A meeting whose stored fields
/// cannot be read is left out.
pub fn export_calendar(meetings: &[Meeting], now: DateTime<Utc>) -> String {
    let entries: Vec<(&Meeting, String)> = meetings
        .iter()
        .map(|m| (m, format!("meeting-{}@waymark.invalid", m.id.0)))
        .collect();
    write_calendar(&entries, now)
}

/// Writes each meeting under its calendar UID; see [`export_calendar`].
///
/// Every zone used gets a VTIMEZONE listing each of its clock changes, one observance per
/// change (no RRULE or RDATE, so nothing has to be inferred), from the year of the earliest
/// meeting (less the 60 days a date can be moved) to ten years after the latest one or today.
/// Programs that know IANA names (most of them) use their own rules; the others get exact
/// offsets for that span, and the last offset after it.
pub(crate) fn write_calendar(entries: &[(&Meeting, String)], now: DateTime<Utc>) -> String {
    let readable: Vec<(&Meeting, &str, Parsed)> = entries
        .iter()
        .filter_map(|(m, uid)| parse_stored(m).ok().map(|p| (*m, uid.as_str(), p)))
        .collect();
    let mut out = String::new();
    begin(&mut out, "VCALENDAR");
    push(&mut out, Property::new("VERSION", "2.0"));
    push(&mut out, Property::new("PRODID", PRODID));
    push(&mut out, Property::new("CALSCALE", "GREGORIAN"));
    push(&mut out, Property::new("METHOD", "PUBLISH"));
    push(&mut out, Property::new("X-WR-CALNAME", "Waymark"));

    let mut zones: BTreeMap<&'static str, (Tz, NaiveDate, i32)> = BTreeMap::new();
    for (meeting, _, parsed) in &readable {
        if is_utc(parsed.zone) {
            continue;
        }
        // A moved occurrence can come up to 60 days before the first one.
        let earliest = parsed.start.date() - Duration::days(MOVE_MAX_DAYS);
        let latest = meeting_latest_year(meeting, parsed);
        let entry = zones
            .entry(parsed.zone.name())
            .or_insert((parsed.zone, earliest, latest));
        entry.1 = entry.1.min(earliest);
        entry.2 = entry.2.max(latest);
    }
    for (zone, earliest, latest) in zones.values() {
        let last = (latest.max(&now.year()) + VTIMEZONE_YEARS_AHEAD).min(VTIMEZONE_LAST_YEAR);
        write_vtimezone(&mut out, *zone, earliest.year(), last);
    }

    let stamp = utc_text(now);
    for (meeting, uid, parsed) in &readable {
        write_meeting(&mut out, meeting, parsed, uid, &stamp);
    }
    end(&mut out, "VCALENDAR");
    out
}

/// The latest year a meeting's first start or moved occurrences name.
fn meeting_latest_year(meeting: &Meeting, parsed: &Parsed) -> i32 {
    let moved = meeting
        .exceptions
        .iter()
        .filter_map(|e| e.moved_to.as_deref())
        .filter_map(|m| m.get(..4).and_then(|y| y.parse::<i32>().ok()));
    moved.fold(parsed.start.year(), i32::max)
}

fn write_meeting(out: &mut String, meeting: &Meeting, parsed: &Parsed, uid: &str, stamp: &str) {
    let zone = parsed.zone;
    let valid_exceptions: Vec<(NaiveDateTime, Option<NaiveDateTime>)> = meeting
        .exceptions
        .iter()
        .filter_map(|e| {
            let original = NaiveDateTime::parse_from_str(&e.occurrence, super::zone::LOCAL_FORMAT);
            let moved = e
                .moved_to
                .as_deref()
                .map(|m| NaiveDateTime::parse_from_str(m, super::zone::LOCAL_FORMAT));
            match (original, moved) {
                (Ok(o), None) => Some((o, None)),
                (Ok(o), Some(Ok(m))) => Some((o, Some(m))),
                _ => None,
            }
        })
        // Exceptions left over from an earlier rule no longer name an occurrence; written as a
        // RECURRENCE-ID they would add a stray event in other programs.
        .filter(|(o, _)| {
            let rule = (parsed.start, parsed.zone, &meeting.recurrence, parsed.until);
            is_original(rule, *o)
        })
        .collect();

    begin(out, "VEVENT");
    push(out, Property::new("UID", uid));
    push(out, Property::new("DTSTAMP", stamp));
    push(out, time_property("DTSTART", zone, parsed.start));
    if let Some(rule) = meeting.recurrence.to_rrule() {
        let mut text = rule.to_string();
        if let Some(until) = parsed.until {
            // RFC 5545: with a zoned DTSTART, UNTIL must be UTC. Waymark's end day is
            // inclusive in the meeting's zone, so it becomes the last second of that day.
            text.push_str(";UNTIL=");
            text.push_str(&utc_text(until_instant(zone, until)));
        }
        push(out, Property::new("RRULE", text));
    }
    for (original, _) in valid_exceptions.iter().filter(|(_, m)| m.is_none()) {
        push(out, time_property("EXDATE", zone, *original));
    }
    write_details(out, meeting);
    end(out, "VEVENT");

    for (original, moved) in &valid_exceptions {
        let Some(moved) = moved else { continue };
        begin(out, "VEVENT");
        push(out, Property::new("UID", uid));
        push(out, Property::new("DTSTAMP", stamp));
        push(out, time_property("RECURRENCE-ID", zone, *original));
        push(out, time_property("DTSTART", zone, *moved));
        write_details(out, meeting);
        end(out, "VEVENT");
    }
}

/// What every VEVENT of a meeting repeats: length, title, place, link, kind and reminders.
fn write_details(out: &mut String, meeting: &Meeting) {
    push(
        out,
        Property::new("DURATION", format!("PT{}M", meeting.duration_minutes)),
    );
    push(out, Property::new("SUMMARY", export_text(&meeting.title)));
    if let Some(place) = &meeting.place {
        push(out, Property::new("LOCATION", export_text(place)));
    }
    if let Some(link) = &meeting.link {
        push(out, Property::new("URL", link.as_str()));
    }
    // Labels are fixed texts without commas, semicolons or backslashes (checked by a test), so
    // the list value needs no escaping.
    push(out, Property::new("CATEGORIES", meeting.kind.label()));
    push(out, Property::new(KIND_PROPERTY, meeting.kind.key()));
    for lead in &meeting.reminder_minutes {
        begin(out, "VALARM");
        push(out, Property::new("ACTION", "DISPLAY"));
        push(out, Property::new("DESCRIPTION", "Reminder"));
        let trigger = if *lead == 0 {
            "PT0M".to_string()
        } else {
            format!("-PT{lead}M")
        };
        push(out, Property::new("TRIGGER", trigger));
        end(out, "VALARM");
    }
}

/// A date-time property in the zone's own wall time, or in UTC's 'Z' form for UTC itself.
fn time_property(name: &str, zone: Tz, local: NaiveDateTime) -> Property {
    if is_utc(zone) {
        Property::new(name, utc_text(local.and_utc()))
    } else {
        Property::new(name, local.format("%Y%m%dT%H%M%S").to_string())
            .append_parameter(("TZID", zone.name()))
            .done()
    }
}

/// The last second of `day` in `zone`, as Waymark's own occurrence rules read an end day.
fn until_instant(zone: Tz, day: NaiveDate) -> DateTime<Utc> {
    let last = day
        .and_hms_opt(23, 59, 59)
        .unwrap_or_else(|| day.and_time(Default::default()));
    resolve_lenient(zone, last)
}

fn utc_text(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Zones that are UTC under another name: their times are written in the 'Z' form.
fn is_utc(zone: Tz) -> bool {
    matches!(
        zone.name(),
        "UTC" | "Etc/UTC" | "Etc/UCT" | "Etc/Universal" | "Etc/Zulu" | "UCT" | "Universal" | "Zulu"
    )
}

/// Text as one calendar value: a lone carriage return would end the line, so line breaks are
/// written as the `\n` escape only.
fn export_text(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn begin(out: &mut String, name: &str) {
    out.push_str("BEGIN:");
    out.push_str(name);
    out.push_str("\r\n");
}

fn end(out: &mut String, name: &str) {
    out.push_str("END:");
    out.push_str(name);
    out.push_str("\r\n");
}

/// Appends one content line; the icalendar crate escapes text values and folds the line at
/// 75 octets.
fn push(out: &mut String, property: Property) {
    // Writing into a String cannot fail.
    if let Ok(line) = TryInto::<String>::try_into(property) {
        out.push_str(&line);
    }
}

/// One clock change (or the offset in force at the start) of a zone.
struct Observance {
    daylight: bool,
    onset: NaiveDateTime,
    from: i32,
    to: i32,
    name: Option<String>,
}

/// Every change of `zone`'s UTC offset from the start of `first_year` to the end of
/// `last_year`, found by probing chrono-tz day by day and narrowing each change to the second.
fn observances(zone: Tz, first_year: i32, last_year: i32) -> Vec<Observance> {
    let (Some(start), Some(stop)) = (
        Utc.with_ymd_and_hms(first_year, 1, 1, 0, 0, 0).single(),
        Utc.with_ymd_and_hms(last_year + 1, 1, 1, 0, 0, 0).single(),
    ) else {
        return Vec::new();
    };
    let offset_at = |t: DateTime<Utc>| zone.offset_from_utc_datetime(&t.naive_utc());
    let seconds = |t: DateTime<Utc>| offset_at(t).fix().local_minus_utc();
    let observance = |at: DateTime<Utc>, from: i32| {
        let offset = offset_at(at);
        Observance {
            daylight: offset.dst_offset() != Duration::zero(),
            // RFC 5545: the onset is the local time in the offset in force before the change.
            onset: at.naive_utc() + Duration::seconds(i64::from(from)),
            from,
            to: offset.fix().local_minus_utc(),
            name: offset.abbreviation().map(str::to_string),
        }
    };
    let mut out = vec![observance(start, seconds(start))];
    let mut day = start;
    while day < stop {
        let next = day + Duration::days(1);
        if seconds(next) != seconds(day) {
            let (mut before, mut after) = (day, next);
            while after - before > Duration::seconds(1) {
                let middle = before + (after - before) / 2;
                if seconds(middle) == seconds(before) {
                    before = middle;
                } else {
                    after = middle;
                }
            }
            out.push(observance(after, seconds(before)));
        }
        day = next;
    }
    out
}

fn write_vtimezone(out: &mut String, zone: Tz, first_year: i32, last_year: i32) {
    begin(out, "VTIMEZONE");
    push(out, Property::new("TZID", zone.name()));
    push(out, Property::new("X-LIC-LOCATION", zone.name()));
    for o in observances(zone, first_year, last_year) {
        let kind = if o.daylight { "DAYLIGHT" } else { "STANDARD" };
        begin(out, kind);
        push(
            out,
            Property::new("DTSTART", o.onset.format("%Y%m%dT%H%M%S").to_string()),
        );
        push(out, Property::new("TZOFFSETFROM", offset_text(o.from)));
        push(out, Property::new("TZOFFSETTO", offset_text(o.to)));
        if let Some(name) = o.name {
            push(out, Property::new("TZNAME", name));
        }
        end(out, kind);
    }
    end(out, "VTIMEZONE");
}

/// An RFC 5545 UTC offset: `+HHMM`, or `+HHMMSS` when it has seconds.
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

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

fn skipped(title: String, reason: &str) -> IcsSkipped {
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

/// The first property called `name` (names are case-insensitive).
fn first<'b, 'a>(c: &'b RawComponent<'a>, name: &str) -> Option<&'b RawProperty<'a>> {
    c.properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn all<'b, 'a: 'b>(
    c: &'b RawComponent<'a>,
    name: &'b str,
) -> impl Iterator<Item = &'b RawProperty<'a>> + 'b {
    c.properties
        .iter()
        .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn param<'b>(p: &'b RawProperty<'_>, key: &str) -> Option<&'b str> {
    p.params
        .iter()
        .find(|x| x.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|x| x.val.as_ref())
        .map(ParseString::as_str)
}

/// A TEXT value unescaped. The parser already unescapes known properties written in capitals;
/// a property name in lower case is unescaped here.
fn text_value(p: &RawProperty<'_>) -> String {
    if p.name.as_str().chars().any(|c| c.is_ascii_lowercase()) {
        p.val.clone().unescape_text().as_str().to_string()
    } else {
        p.val.as_str().to_string()
    }
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

/// A date or date-time value as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IcsTime {
    Date(NaiveDate),
    Floating(NaiveDateTime),
    Utc(NaiveDateTime),
    Zoned(NaiveDateTime, Tz),
}

/// Reads an IANA TZID. Some programs prefix a vendor path
/// (`/mozilla.org/20050126_1/Europe/London`), so a known zone at the end is accepted too.
fn zone_named(name: &str) -> Option<Tz> {
    let name = name.trim();
    if let Ok(zone) = name.parse::<Tz>() {
        return Some(zone);
    }
    name.match_indices('/')
        .find_map(|(i, _)| name.get(i + 1..).and_then(|rest| rest.parse().ok()))
}

/// Every value of a date or date-time property (EXDATE may list several).
fn read_times(p: &RawProperty<'_>) -> Vec<Option<IcsTime>> {
    let zone = param(p, "TZID").and_then(zone_named);
    let is_date = param(p, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
    p.val
        .as_str()
        .split(',')
        .map(|v| read_time(v.trim(), zone, is_date))
        .collect()
}

fn read_time(value: &str, zone: Option<Tz>, is_date: bool) -> Option<IcsTime> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if value.len() == 8 && digits(value) {
        return NaiveDate::parse_from_str(value, "%Y%m%d")
            .ok()
            .map(IcsTime::Date);
    }
    if is_date {
        return None;
    }
    let (date, rest) = (value.get(..8)?, value.get(8..)?);
    let time = rest.strip_prefix(['T', 't'])?;
    let (time, utc) = match time.strip_suffix(['Z', 'z']) {
        Some(t) => (t, true),
        None => (time, false),
    };
    if !digits(date) || time.len() != 6 || !digits(time) {
        return None;
    }
    let at = NaiveDateTime::parse_from_str(&format!("{date}{time}"), "%Y%m%d%H%M%S").ok()?;
    // Waymark keeps minutes; seconds (and a leap second) are dropped.
    let at = at.date().and_hms_opt(at.hour(), at.minute(), 0)?;
    Some(match (utc, zone) {
        (true, _) => IcsTime::Utc(at),
        (false, Some(zone)) => IcsTime::Zoned(at, zone),
        (false, None) => IcsTime::Floating(at),
    })
}

/// The wall time in `zone` of a value; floating times are taken as already in `zone`.
fn local_in(time: IcsTime, zone: Tz) -> Option<NaiveDateTime> {
    match time {
        IcsTime::Date(_) => None,
        IcsTime::Floating(at) => Some(at),
        IcsTime::Zoned(at, z) if z == zone => Some(at),
        IcsTime::Zoned(at, z) => Some(resolve_lenient(z, at).with_timezone(&zone).naive_local()),
        IcsTime::Utc(at) => Some(at.and_utc().with_timezone(&zone).naive_local()),
    }
}

/// The instant a value names, reading floating times in `zone`.
fn instant_of(time: IcsTime, zone: Tz) -> Option<DateTime<Utc>> {
    match time {
        IcsTime::Date(_) => None,
        IcsTime::Floating(at) => Some(resolve_lenient(zone, at)),
        IcsTime::Zoned(at, z) => Some(resolve_lenient(z, at)),
        IcsTime::Utc(at) => Some(at.and_utc()),
    }
}

/// An RFC 5545 duration (`-PT30M`, `P1DT2H`, `P2W`) in seconds.
fn read_duration(text: &str) -> Option<i64> {
    let text = text.trim();
    let (sign, rest) = match text.as_bytes().first()? {
        b'-' => (-1, text.get(1..)?),
        b'+' => (1, text.get(1..)?),
        _ => (1, text),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let mut total: i64 = 0;
    let mut number: Option<i64> = None;
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        if let Some(d) = c.to_digit(10) {
            let n = number
                .unwrap_or(0)
                .checked_mul(10)?
                .checked_add(i64::from(d))?;
            if n > 1_000_000_000 {
                return None;
            }
            number = Some(n);
            continue;
        }
        let unit = match (c.to_ascii_uppercase(), in_time) {
            ('T', false) if number.is_none() => {
                in_time = true;
                continue;
            }
            ('W', false) => 7 * 86_400,
            ('D', false) => 86_400,
            ('H', true) => 3_600,
            ('M', true) => 60,
            ('S', true) => 1,
            _ => return None,
        };
        total = total.checked_add(number.take()?.checked_mul(unit)?)?;
        any = true;
    }
    (any && number.is_none()).then_some(sign * total)
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

/// The recurrence and last day of an RRULE, when Waymark's reading of it gives exactly the
/// same occurrences.
fn read_rule(
    text: &str,
    start: NaiveDateTime,
    zone: Tz,
) -> Result<(Recurrence, Option<NaiveDate>), String> {
    // RFC 5545's recurrence grammar is plain ASCII; anything else is refused before the rrule
    // crate sees it (its BYDAY reader slices by bytes and panics inside a multi-byte letter).
    let text = text.trim();
    if !text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ';' | '=' | ',' | '+' | '-'))
    {
        return Err(SKIP_RULE.into());
    }
    let mut parts: BTreeMap<String, String> = BTreeMap::new();
    for part in text.split(';').filter(|p| !p.trim().is_empty()) {
        let (key, value) = part.split_once('=').ok_or(SKIP_RULE)?;
        let key = key.trim().to_ascii_uppercase();
        if parts.insert(key, value.trim().to_string()).is_some() {
            return Err(SKIP_RULE.into());
        }
    }
    if parts.contains_key("COUNT") {
        return Err(SKIP_COUNT.into());
    }
    const UNSUPPORTED: [&str; 7] = [
        "BYSECOND",
        "BYMINUTE",
        "BYHOUR",
        "BYSETPOS",
        "BYMONTH",
        "BYYEARDAY",
        "BYWEEKNO",
    ];
    if UNSUPPORTED.iter().any(|k| parts.contains_key(*k)) {
        return Err(SKIP_RULE.into());
    }
    let until = parts.remove("UNTIL");
    let freq = parts.get("FREQ").map(|f| f.to_ascii_uppercase());
    // RFC 5545: a weekly rule without days falls on the start's weekday, a monthly one without
    // days on the start's day of the month. Waymark's rules always name them.
    match freq.as_deref() {
        Some("WEEKLY") if !parts.contains_key("BYDAY") => {
            let day = Weekday::from_chrono(start.weekday()).key()[..2].to_ascii_uppercase();
            parts.insert("BYDAY".into(), day);
        }
        Some("MONTHLY") if !parts.contains_key("BYDAY") && !parts.contains_key("BYMONTHDAY") => {
            parts.insert("BYMONTHDAY".into(), start.day().to_string());
        }
        _ => {}
    }
    let rebuilt: Vec<String> = parts.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let rule: RRule<Unvalidated> = rebuilt.join(";").parse().map_err(|_| SKIP_RULE)?;
    let recurrence = Recurrence::from_rrule(&rule).ok_or(SKIP_RULE)?;
    if !ever_occurs(&recurrence, start) {
        return Err(SKIP_NEVER.into());
    }
    check_same_dates(&rule, &recurrence, start, zone)?;
    let until = match until {
        None => None,
        Some(text) => Some(until_day(&text, start, zone).ok_or(SKIP_RULE)?),
    };
    Ok((recurrence, until))
}

/// Refuses a rule whose occurrences Waymark would place differently: a week starting on
/// another day than Monday, or parts Waymark's model does not keep.
fn check_same_dates(
    rule: &RRule<Unvalidated>,
    recurrence: &Recurrence,
    start: NaiveDateTime,
    zone: Tz,
) -> Result<(), String> {
    let rzone = rrule::Tz::from(zone);
    let dt_start = resolve_local("startTime", zone, start)
        .map_err(|e| e.message)?
        .with_timezone(&rzone);
    let dates = |rule: RRule<Unvalidated>| -> Result<Vec<NaiveDateTime>, String> {
        let set = rule.build(dt_start).map_err(|_| SKIP_RULE)?;
        Ok(set
            .all(RULE_CHECK_OCCURRENCES)
            .dates
            .iter()
            .map(|d| d.naive_local())
            .collect())
    };
    let theirs = dates(rule.clone())?;
    if theirs.is_empty() {
        return Err(SKIP_NEVER.into());
    }
    let ours = dates(recurrence.to_rrule().ok_or(SKIP_RULE)?)?;
    if theirs != ours {
        return Err(SKIP_RULE.into());
    }
    Ok(())
}

/// Waymark's inclusive last day for an RRULE UNTIL: the local day of the UNTIL instant, or the
/// day before when the meeting's time on that day would come after it.
fn until_day(text: &str, start: NaiveDateTime, zone: Tz) -> Option<NaiveDate> {
    let local = match read_time(text.trim(), Some(zone), false)? {
        IcsTime::Date(day) => return Some(day),
        other => local_in(other, zone)?,
    };
    if start.time() > local.time() {
        local.date().pred_opt()
    } else {
        Some(local.date())
    }
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

/// A meeting's rule: first start, zone, recurrence and last day.
type Rule<'a> = (NaiveDateTime, Tz, &'a Recurrence, Option<NaiveDate>);

/// Whether `local` is one of the original occurrence starts of the rule.
fn is_original((start, zone, recurrence, until): Rule<'_>, local: NaiveDateTime) -> bool {
    let at = resolve_lenient(zone, local);
    let from = at - Duration::hours(3);
    original_starts(
        start_near(
            start,
            zone,
            recurrence,
            from.with_timezone(&zone).date_naive(),
        ),
        zone,
        recurrence,
        until,
        from,
        at + Duration::hours(3),
    )
    .contains(&local)
}

/// A start from which the rule gives exactly the meeting's occurrences from `day` on: the
/// first start, or one a whole number of repeat periods later and at least one period before
/// `day`. Checking a date decades after the first start then walks a period or two of the
/// rule, not every occurrence in between (a file can name thousands of such dates).
fn start_near(
    start: NaiveDateTime,
    zone: Tz,
    recurrence: &Recurrence,
    day: NaiveDate,
) -> NaiveDateTime {
    let time = start.time();
    let shifted = |k: i64| -> Option<NaiveDateTime> {
        let k32 = u32::try_from(k).ok()?;
        match recurrence {
            Recurrence::Once => None,
            Recurrence::Daily { interval } => {
                Some(start + Duration::days(k.checked_mul(i64::from(*interval))?))
            }
            Recurrence::Weekly { interval, .. } => {
                // Waymark's weekly rules count weeks from Monday (WKST=MO).
                let monday = start.date()
                    - Duration::days(i64::from(start.weekday().num_days_from_monday()));
                Some(
                    (monday + Duration::weeks(k.checked_mul(i64::from(*interval))?)).and_time(time),
                )
            }
            Recurrence::MonthlyOnDay { interval, .. }
            | Recurrence::MonthlyOnWeekday { interval, .. } => {
                let first = start.date().with_day(1)?;
                let months = chrono::Months::new(k32.checked_mul(*interval)?);
                Some(first.checked_add_months(months)?.and_time(time))
            }
        }
    };
    let periods = match recurrence {
        Recurrence::Once => 0,
        Recurrence::Daily { interval } => {
            (day - start.date()).num_days() / i64::from((*interval).max(1))
        }
        Recurrence::Weekly { interval, .. } => {
            (day - start.date()).num_days() / 7 / i64::from((*interval).max(1))
        }
        Recurrence::MonthlyOnDay { interval, .. }
        | Recurrence::MonthlyOnWeekday { interval, .. } => {
            let months = (i64::from(day.year()) - i64::from(start.year())) * 12
                + i64::from(day.month0())
                - i64::from(start.month0());
            months / i64::from((*interval).max(1))
        }
    };
    // One period back for margin, and a few more when a clock change removes the start time.
    (1..periods)
        .rev()
        .take(4)
        .filter_map(shifted)
        .find(|s| *s > start && resolve_local("start", zone, *s).is_ok())
        .unwrap_or(start)
}

/// Whether a rule gives any date: "every 12 months on the 31st" from June never does.
fn ever_occurs(recurrence: &Recurrence, start: NaiveDateTime) -> bool {
    let Recurrence::MonthlyOnDay { interval, day } = recurrence else {
        return true;
    };
    let Some(first) = start.date().with_day(1) else {
        return false;
    };
    // 48 steps of at most 12 months cover every month of the year and a leap year.
    (0..48u32).any(|k| {
        let month = k
            .checked_mul(*interval)
            .and_then(|m| first.checked_add_months(chrono::Months::new(m)));
        let days = month.and_then(|m| {
            m.checked_add_months(chrono::Months::new(1))
                .map(|next| (next - m).num_days())
        });
        *day < 1 || days.is_some_and(|d| d >= i64::from(*day))
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::schedule::meeting::tests::weekly_na;
    use crate::schedule::occurrence::is_original_occurrence;
    use crate::schedule::MeetingId;

    fn now() -> DateTime<Utc> {
        "2026-11-22T18:00:00Z".parse().unwrap()
    }

    fn london() -> Tz {
        chrono_tz::Europe::London
    }

    /// A stored-looking meeting from typed input, without a store.
    fn stored(id: i64, input: &NewMeeting, exceptions: &[(&str, Option<&str>)]) -> Meeting {
        let v = input.validate().unwrap();
        Meeting {
            id: MeetingId(id),
            title: v.title,
            kind: v.kind,
            start_local: local_text(v.start_local),
            time_zone: v.time_zone.name().to_string(),
            duration_minutes: v.duration_minutes,
            recurrence: v.recurrence,
            until: v.until.map(|d| d.to_string()),
            place: v.place,
            link: v.link,
            notes: v.notes,
            reminder_minutes: v.reminder_minutes,
            exceptions: exceptions
                .iter()
                .map(|(o, m)| MeetingException {
                    occurrence: o.to_string(),
                    moved_to: m.map(str::to_string),
                })
                .collect(),
        }
    }

    /// A calendar file as another program would write it: CRLF line ends.
    fn calendar(body: &str) -> String {
        format!(
            "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Example Corp.//CalDAV Client//EN\n{}\nEND:VCALENDAR\n",
            body.trim()
        )
        .replace('\n', "\r\n")
    }

    fn event(uid: &str, lines: &str) -> String {
        format!(
            "BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20260101T000000Z\n{}\nEND:VEVENT",
            lines.trim()
        )
    }

    fn only(text: &str) -> ParsedEvent {
        let parsed = parse_calendar(text, london()).unwrap();
        assert_eq!(parsed.skipped, vec![], "nothing should be skipped");
        assert_eq!(parsed.events.len(), 1);
        parsed.events.into_iter().next().unwrap()
    }

    fn skip_reason(text: &str) -> String {
        let parsed = parse_calendar(text, london()).unwrap();
        assert_eq!(parsed.events, vec![], "nothing should be imported");
        assert_eq!(parsed.skipped.len(), 1);
        parsed.skipped[0].reason.clone()
    }

    #[test]
    fn text_is_escaped_and_lines_fold_at_75_octets() {
        let mut input = weekly_na();
        let title =
            "Step 3, then 4; a\\b\nשלום עליכם 🌅🌅🌅🌅🌅🌅🌅🌅 مرحبا بكم في الاجتماع الأسبوعي ✨✨✨";
        input.title = title.into();
        input.place = Some("Room 2; side door, \\ back".into());
        let text = export_calendar(&[stored(1, &input, &[])], now());

        for line in text.split_inclusive("\r\n") {
            assert!(line.ends_with("\r\n"), "every line ends in CRLF");
            assert!(line.len() - 2 <= 75, "line of {} octets", line.len() - 2);
        }
        assert!(
            !text.replace("\r\n", "").contains('\n'),
            "no bare line feed"
        );
        // The escaped forms, written out by hand from RFC 5545 section 3.3.11.
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded
            .contains("SUMMARY:Step 3\\, then 4\\; a\\\\b\\nשלום עליכם 🌅🌅🌅🌅🌅🌅🌅🌅 مرحبا"));
        assert!(unfolded.contains("LOCATION:Room 2\\; side door\\, \\\\ back\r\n"));
        let summary_lines = text
            .split("\r\n")
            .skip_while(|l| !l.starts_with("SUMMARY:"))
            .take_while(|l| l.starts_with("SUMMARY:") || l.starts_with(' '))
            .count();
        assert!(summary_lines > 1, "the long title is folded");

        let back = only(&text);
        assert_eq!(back.meeting.title, title);
        assert_eq!(
            back.meeting.place.as_deref(),
            Some("Room 2; side door, \\ back")
        );
    }

    #[test]
    fn a_meeting_is_written_with_its_zone_rule_end_day_exceptions_and_alarms() {
        let mut input = weekly_na();
        input.time_zone = Some("America/New_York".into());
        input.until = Some("2026-12-31".into());
        input.link = Some("https://example.org/meet?a=1,b=2;c".into());
        input.notes = Some("private-marker-never-exported".into());
        input.reminder_minutes = vec![0, 45];
        let meeting = stored(
            7,
            &input,
            &[
                ("2026-12-01T19:00", None),
                ("2026-12-08T19:00", Some("2026-12-09T18:30")),
                // Left over from an earlier rule: not an occurrence, so not written.
                ("2026-12-10T19:00", None),
            ],
        );
        let text = export_calendar(&[meeting], now());
        let lines: Vec<&str> = text.split("\r\n").collect();
        let has = |l: &str| lines.contains(&l);

        for expected in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Waymark//Schedule//EN",
            "CALSCALE:GREGORIAN",
            "UID:meeting-7@waymark.invalid",
            "DTSTAMP:20261122T180000Z",
            "DTSTART;TZID=America/New_York:20261124T190000",
            // 23:59:59 EST on 31 December is 04:59:59 UTC on 1 January.
            "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270101T045959Z",
            "EXDATE;TZID=America/New_York:20261201T190000",
            "RECURRENCE-ID;TZID=America/New_York:20261208T190000",
            "DTSTART;TZID=America/New_York:20261209T183000",
            "DURATION:PT90M",
            "URL:https://example.org/meet?a=1,b=2;c",
            "CATEGORIES:NA / 12-step meeting",
            "X-WAYMARK-KIND:twelve_step",
            "ACTION:DISPLAY",
            "DESCRIPTION:Reminder",
            "TRIGGER:-PT45M",
            "TRIGGER:PT0M",
            "BEGIN:VTIMEZONE",
            "TZID:America/New_York",
        ] {
            assert!(has(expected), "missing {expected}");
        }
        assert!(
            !text.contains("20261210"),
            "a stale exception is not written"
        );
        assert!(!text.contains("private-marker"), "notes are never exported");
        assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VEVENT").count(), 2);
        assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VALARM").count(), 4);
    }

    #[test]
    fn utc_meetings_use_the_z_form_and_no_vtimezone() {
        let mut input = weekly_na();
        input.time_zone = Some("UTC".into());
        input.until = Some("2027-01-05".into());
        let text = export_calendar(&[stored(1, &input, &[("2026-12-01T19:00", None)])], now());
        assert!(text.contains("DTSTART:20261124T190000Z\r\n"));
        assert!(text.contains("UNTIL=20270105T235959Z\r\n"));
        assert!(text.contains("EXDATE:20261201T190000Z\r\n"));
        assert!(!text.contains("VTIMEZONE"));
        assert!(!text.contains("TZID"));
        let back = only(&text);
        assert_eq!(back.meeting.time_zone, Tz::UTC);
        assert_eq!(back.meeting.until, NaiveDate::from_ymd_opt(2027, 1, 5));
    }

    #[test]
    fn category_labels_need_no_escaping() {
        for kind in MeetingKind::ALL {
            assert!(!kind.label().contains([',', ';', '\\', '\n']), "{kind:?}");
        }
    }

    /// The observances of every VTIMEZONE in `text`: (zone, onset as UTC, offset after).
    fn vtimezones(text: &str) -> BTreeMap<String, Vec<(DateTime<Utc>, i32)>> {
        let mut out: BTreeMap<String, Vec<(DateTime<Utc>, i32)>> = BTreeMap::new();
        let mut zone = String::new();
        let (mut onset, mut from, mut to) = (None, 0, 0);
        let offset = |v: &str| {
            let sign = if v.starts_with('-') { -1 } else { 1 };
            let h: i32 = v[1..3].parse().unwrap();
            let m: i32 = v[3..5].parse().unwrap();
            sign * (h * 3600 + m * 60)
        };
        for line in text.split("\r\n") {
            if let Some(v) = line.strip_prefix("TZID:") {
                zone = v.to_string();
            } else if let Some(v) = line.strip_prefix("DTSTART:") {
                onset = NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").ok();
            } else if let Some(v) = line.strip_prefix("TZOFFSETFROM:") {
                from = offset(v);
            } else if let Some(v) = line.strip_prefix("TZOFFSETTO:") {
                to = offset(v);
            } else if line == "END:STANDARD" || line == "END:DAYLIGHT" {
                let local = onset.take().unwrap();
                let utc = (local - Duration::seconds(i64::from(from))).and_utc();
                out.entry(zone.clone()).or_default().push((utc, to));
            }
        }
        out
    }

    #[test]
    fn vtimezone_changes_fall_on_the_known_dates() {
        let zones = [
            "Europe/London",
            "America/New_York",
            "Australia/Sydney",
            "Asia/Kolkata",
        ];
        let meetings: Vec<Meeting> = zones
            .iter()
            .enumerate()
            .map(|(i, zone)| {
                let mut input = weekly_na();
                input.time_zone = Some(zone.to_string());
                stored(i as i64, &input, &[])
            })
            .collect();
        let text = export_calendar(&meetings, now());
        let found = vtimezones(&text);
        let lines: Vec<&str> = text.split("\r\n").collect();
        // 2026's changes, from the governments' published rules (last Sunday of March and
        // October at 01:00 UTC; second Sunday of March and first of November at 02:00 local;
        // first Sunday of April and of October at 03:00 and 02:00 local).
        for window in [
            [
                "DTSTART:20260329T010000",
                "TZOFFSETFROM:+0000",
                "TZOFFSETTO:+0100",
            ],
            [
                "DTSTART:20261025T020000",
                "TZOFFSETFROM:+0100",
                "TZOFFSETTO:+0000",
            ],
            [
                "DTSTART:20260308T020000",
                "TZOFFSETFROM:-0500",
                "TZOFFSETTO:-0400",
            ],
            [
                "DTSTART:20261101T020000",
                "TZOFFSETFROM:-0400",
                "TZOFFSETTO:-0500",
            ],
            [
                "DTSTART:20260405T030000",
                "TZOFFSETFROM:+1100",
                "TZOFFSETTO:+1000",
            ],
            [
                "DTSTART:20261004T020000",
                "TZOFFSETFROM:+1000",
                "TZOFFSETTO:+1100",
            ],
        ] {
            assert!(lines.windows(3).any(|w| w == window), "missing {window:?}");
        }
        // India has had no change since 1945: one observance at the start of the span.
        assert_eq!(found["Asia/Kolkata"].len(), 1);
        assert_eq!(found["Asia/Kolkata"][0].1, 5 * 3600 + 1800);
        // Every 6 hours across the span, the offset the observances give is chrono-tz's.
        for zone in zones {
            let tz: Tz = zone.parse().unwrap();
            let list = &found[zone];
            let mut at = list[0].0;
            let stop = Utc.with_ymd_and_hms(2037, 1, 1, 0, 0, 0).unwrap();
            assert!(
                list.len() == 1 || list.last().unwrap().0.year() == 2036,
                "{zone}"
            );
            while at < stop {
                let expected = tz.offset_from_utc_datetime(&at.naive_utc()).fix();
                let current = list.iter().rev().find(|(onset, _)| *onset <= at).unwrap().1;
                assert_eq!(current, expected.local_minus_utc(), "{zone} at {at}");
                at += Duration::hours(6);
            }
        }
    }

    #[test]
    fn durations_read_the_rfc_forms() {
        for (text, seconds) in [
            ("-PT30M", Some(-1800)),
            ("PT0S", Some(0)),
            ("+PT1H30M", Some(5400)),
            ("P1DT2H", Some(93_600)),
            ("P2W", Some(1_209_600)),
            ("-P1D", Some(-86_400)),
            ("pt15m", Some(900)),
            ("P", None),
            ("PT", None),
            ("P1H", None),
            ("PT1.5H", None),
            ("30M", None),
            ("PT30", None),
            ("P99999999999999D", None),
            ("-", None),
            ("", None),
        ] {
            assert_eq!(read_duration(text), seconds, "{text}");
        }
    }

    #[test]
    fn utc_times_move_to_the_fallback_zone_unless_they_repeat() {
        // 16:30 UTC on 3 September 1997 is 17:30 in London (BST, UTC+1).
        let one_off = only(&calendar(&event(
            "a",
            "DTSTART:19970903T163000Z\nDTEND:19970903T190000Z\nSUMMARY:Review",
        )));
        assert_eq!(one_off.meeting.time_zone, london());
        assert_eq!(local_text(one_off.meeting.start_local), "1997-09-03T17:30");
        assert_eq!(one_off.meeting.duration_minutes, 150);
        // 01:30 UTC on 25 October 2026 is the second 01:30 in London: kept in UTC.
        let repeated_hour = only(&calendar(&event("b", "DTSTART:20261025T013000Z")));
        assert_eq!(repeated_hour.meeting.time_zone, Tz::UTC);
        let weekly = only(&calendar(&event(
            "c",
            "DTSTART:20261124T190000Z\nRRULE:FREQ=WEEKLY",
        )));
        assert_eq!(weekly.meeting.time_zone, Tz::UTC);
        assert_eq!(
            weekly.meeting.recurrence,
            Recurrence::Weekly {
                interval: 1,
                days: vec![Weekday::Tue]
            }
        );
    }

    #[test]
    fn zones_floating_times_and_unknown_zones() {
        let cases = [
            (
                "DTSTART;TZID=America/New_York:20261124T190000",
                "America/New_York",
            ),
            (
                "DTSTART;TZID=\"America/New_York\":20261124T190000",
                "America/New_York",
            ),
            (
                "DTSTART;TZID=/mozilla.org/20050126_1/Europe/Paris:20261124T190000",
                "Europe/Paris",
            ),
            (
                "DTSTART;TZID=GMT Standard Time:20261124T190000",
                "Europe/London",
            ),
            ("DTSTART:20261124T190000", "Europe/London"),
            ("dtstart;tzid=Asia/Tokyo:20261124T190000", "Asia/Tokyo"),
        ];
        for (line, zone) in cases {
            let got = only(&calendar(&event("x", line)));
            assert_eq!(got.meeting.time_zone.name(), zone, "{line}");
            assert_eq!(
                local_text(got.meeting.start_local),
                "2026-11-24T19:00",
                "{line}"
            );
            assert_eq!(got.meeting.duration_minutes, 60, "the default length");
            assert_eq!(got.meeting.kind, MeetingKind::Other);
            assert_eq!(got.meeting.title, UNTITLED);
        }
    }

    #[test]
    fn details_are_cleaned_and_kept_within_limits() {
        let long = "x".repeat(300);
        let text = calendar(&event(
            "d",
            &format!(
                "DTSTART;TZID=Europe/London:20261124T190000\nDURATION:PT20H\nSUMMARY:  {long}\n\
                 location:Hall\\, upstairs\nURL:javascript:alert(1)\nDESCRIPTION:Bring the \\n form\n\
                 X-WAYMARK-KIND:keyworker\n\
                 BEGIN:VALARM\nTRIGGER:-P1D\nEND:VALARM\n\
                 BEGIN:VALARM\nTRIGGER;RELATED=END:-PT5M\nEND:VALARM\n\
                 BEGIN:VALARM\nTRIGGER;VALUE=DATE-TIME:20261124T180000Z\nEND:VALARM\n\
                 BEGIN:VALARM\nTRIGGER:-P8D\nEND:VALARM\n\
                 BEGIN:VALARM\nTRIGGER:-PT10M\nEND:VALARM\n\
                 BEGIN:VALARM\nTRIGGER:-PT90S\nEND:VALARM\n\
                 BEGIN:VALARM\nTRIGGER:-PT1H\nEND:VALARM\n\
                 BEGIN:VALARM\nTRIGGER:PT5M\nEND:VALARM\n\
                 BEGIN:VALARM\nTRIGGER:-PT3H\nEND:VALARM"
            ),
        ));
        let got = only(&text).meeting;
        assert_eq!(got.title, "x".repeat(MEETING_TITLE_MAX_CHARS));
        assert_eq!(got.duration_minutes, MEETING_DURATION_MAX_MINUTES);
        assert_eq!(got.place.as_deref(), Some("Hall, upstairs"));
        assert_eq!(got.link, None);
        assert_eq!(got.notes.as_deref(), Some("Bring the \n form"));
        assert_eq!(got.kind, MeetingKind::Keyworker);
        // Leads 1440, 10, 2 (90 s rounded up), 60, 180 qualify; the four nearest the start stay.
        assert_eq!(got.reminder_minutes, vec![180, 60, 10, 2]);
    }

    #[test]
    fn rules_are_read_only_when_waymark_gives_the_same_dates() {
        let start = "DTSTART;TZID=America/New_York:19970805T090000";
        let read = |rule: &str| {
            parse_calendar(
                &calendar(&event("r", &format!("{start}\nRRULE:{rule}"))),
                london(),
            )
            .unwrap()
        };
        // RFC 5545's WKST example: with Monday weeks the dates are Waymark's own.
        let monday = read("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=MO");
        assert_eq!(
            monday.events[0].meeting.recurrence,
            Recurrence::Weekly {
                interval: 2,
                days: vec![Weekday::Tue, Weekday::Sun]
            }
        );
        for (rule, reason) in [
            ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU", SKIP_RULE),
            ("FREQ=WEEKLY;COUNT=4;BYDAY=TU", SKIP_COUNT),
            ("FREQ=DAILY;BYHOUR=9,17", SKIP_RULE),
            ("FREQ=YEARLY", SKIP_RULE),
            ("FREQ=MONTHLY;BYMONTHDAY=1,15", SKIP_RULE),
            ("FREQ=MONTHLY;BYDAY=TU", SKIP_RULE),
            ("FREQ=MINUTELY;INTERVAL=15", SKIP_RULE),
            ("FREQ=DAILY;INTERVAL=400", SKIP_RULE),
            ("FREQ=DAILY;FREQ=WEEKLY", SKIP_RULE),
            ("NONSENSE", SKIP_RULE),
            // A multi-byte letter where the rrule crate expects a weekday used to panic it.
            ("FREQ=WEEKLY;BYDAY=1é", SKIP_RULE),
            ("FREQ=WEEKLY;BYDAY=MO:TU", SKIP_RULE),
        ] {
            let parsed = read(rule);
            assert_eq!(parsed.events, vec![], "{rule}");
            assert_eq!(parsed.skipped[0].reason, reason, "{rule}");
        }
        // June has no 31st, and every twelve months is always June.
        let never = calendar(&event(
            "n",
            "DTSTART;TZID=Europe/London:20260605T190000\nRRULE:FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31",
        ));
        assert_eq!(skip_reason(&never), SKIP_NEVER);
    }

    #[test]
    fn rules_without_days_fall_on_the_start_and_until_is_inclusive() {
        // 5 August 1997 was a Tuesday.
        let weekly = only(&calendar(&event(
            "w",
            "DTSTART;TZID=America/New_York:19970805T090000\nRRULE:FREQ=WEEKLY;UNTIL=19970826",
        )));
        assert_eq!(
            weekly.meeting.recurrence,
            Recurrence::Weekly {
                interval: 1,
                days: vec![Weekday::Tue]
            }
        );
        assert_eq!(weekly.meeting.until, NaiveDate::from_ymd_opt(1997, 8, 26));
        let monthly = only(&calendar(&event(
            "m",
            // 13:00 UTC on 26 Aug is 09:00 EDT, the meeting's own time: that day counts.
            "DTSTART;TZID=America/New_York:19970805T090000\nRRULE:FREQ=MONTHLY;UNTIL=19970826T130000Z",
        )));
        assert_eq!(
            monthly.meeting.recurrence,
            Recurrence::MonthlyOnDay {
                interval: 1,
                day: 5
            }
        );
        assert_eq!(monthly.meeting.until, NaiveDate::from_ymd_opt(1997, 8, 26));
        // 12:59 UTC is 08:59 EDT, before the meeting: the last day is the day before.
        let early = only(&calendar(&event(
            "e",
            "DTSTART;TZID=America/New_York:19970805T090000\nRRULE:FREQ=DAILY;UNTIL=19970826T125900Z",
        )));
        assert_eq!(early.meeting.until, NaiveDate::from_ymd_opt(1997, 8, 25));
    }

    #[test]
    fn events_that_cannot_be_shown_are_skipped_with_a_reason() {
        let start = "DTSTART;TZID=Europe/London:20261124T190000";
        assert_eq!(
            skip_reason(&calendar(&event("a", "DTSTART;VALUE=DATE:20261124"))),
            SKIP_ALL_DAY
        );
        assert_eq!(
            skip_reason(&calendar(&event("a", "DTSTART:20261124"))),
            SKIP_ALL_DAY
        );
        assert_eq!(
            skip_reason(&calendar(&event("a", "SUMMARY:No start"))),
            SKIP_NO_START
        );
        assert_eq!(
            skip_reason(&calendar(&event("a", "DTSTART:tomorrow"))),
            SKIP_NO_START
        );
        assert_eq!(
            skip_reason(&calendar(&event(
                "a",
                &format!("{start}\nSTATUS:CANCELLED")
            ))),
            SKIP_CANCELLED
        );
        assert_eq!(
            skip_reason(&calendar(&event(
                "a",
                &format!("{start}\nRRULE:FREQ=DAILY\nRDATE:20261201T190000")
            ))),
            SKIP_EXTRA_DATES
        );
        // 01:30 on 29 March 2026 never happens in London.
        let gap = skip_reason(&calendar(&event(
            "a",
            "DTSTART;TZID=Europe/London:20260329T013000",
        )));
        assert!(gap.contains("clocks go forward"), "{gap}");
        // A duplicate UID, and a changed date whose meeting is not in the file.
        let text = calendar(&format!(
            "{}\n{}\n{}",
            event("same", &format!("{start}\nSUMMARY:First")),
            event("same", &format!("{start}\nSUMMARY:Second")),
            event(
                "lost",
                &format!(
                    "RECURRENCE-ID;TZID=Europe/London:20261124T190000\n{start}\nSUMMARY:Orphan"
                )
            ),
        ));
        let parsed = parse_calendar(&text, london()).unwrap();
        assert_eq!(parsed.events.len(), 1);
        assert_eq!(parsed.events[0].meeting.title, "First");
        assert_eq!(
            parsed.skipped,
            vec![
                skipped("Second".into(), SKIP_DUPLICATE),
                skipped("Orphan".into(), SKIP_ORPHAN)
            ]
        );
    }

    #[test]
    fn changed_dates_become_skipped_and_moved_occurrences() {
        let master = "DTSTART;TZID=Europe/London:20261124T190000\nRRULE:FREQ=WEEKLY;BYDAY=TU\n\
                      EXDATE;TZID=Europe/London:20261201T190000,20261203T190000\n\
                      EXDATE;VALUE=DATE:20261215";
        let text = calendar(&format!(
            "{}\n{}\n{}\n{}",
            event("m", master),
            // Moved, written in another zone: 13:30 in New York is 18:30 in London.
            event("m", "RECURRENCE-ID;TZID=Europe/London:20261208T190000\nDTSTART;TZID=America/New_York:20261209T133000"),
            event("m", "RECURRENCE-ID:20261222T190000Z\nDTSTART;TZID=Europe/London:20261222T190000\nSTATUS:CANCELLED"),
            // The same time again changes nothing.
            event("m", "RECURRENCE-ID;TZID=Europe/London:20261229T190000\nDTSTART;TZID=Europe/London:20261229T190000"),
        ));
        let got = only(&text);
        let exceptions: Vec<(&str, Option<&str>)> = got
            .exceptions
            .iter()
            .map(|e| (e.occurrence.as_str(), e.moved_to.as_deref()))
            .collect();
        assert_eq!(
            exceptions,
            vec![
                ("2026-12-01T19:00", None),
                ("2026-12-08T19:00", Some("2026-12-09T18:30")),
                ("2026-12-15T19:00", None),
                ("2026-12-22T19:00", None),
            ]
        );
        let far = calendar(&format!(
            "{}\n{}",
            event("m", master),
            event("m", "RECURRENCE-ID;TZID=Europe/London:20261208T190000\nDTSTART;TZID=Europe/London:20270308T190000"),
        ));
        assert_eq!(skip_reason(&far), SKIP_FAR_MOVE);
        let range = calendar(&format!(
            "{}\n{}",
            event("m", master),
            event("m", "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/London:20261208T190000\nDTSTART;TZID=Europe/London:20261208T200000"),
        ));
        assert_eq!(skip_reason(&range), SKIP_RANGE);
    }

    #[test]
    fn an_event_without_a_uid_gets_the_same_one_each_time() {
        let text = calendar(
            "BEGIN:VEVENT\nDTSTART;TZID=Europe/London:20261124T190000\nSUMMARY:No id\nEND:VEVENT",
        );
        let first = only(&text).uid;
        assert!(first.starts_with("import-") && first.ends_with("@waymark.invalid"));
        assert_eq!(only(&text).uid, first);
        let other = text.replace("No id", "Another");
        assert_ne!(only(&other).uid, first);
    }

    fn file_error_of(text: &str) -> ValidationError {
        let err = parse_calendar(text, london()).unwrap_err();
        assert_eq!(err.field, "file");
        err
    }

    #[test]
    fn unreadable_files_are_refused_whole() {
        let one = event("a", "DTSTART:20261124T190000Z");
        let big = calendar(&one) + &" ".repeat(ICS_MAX_BYTES);
        assert_eq!(file_error_of(&big).message, FILE_TOO_LARGE);
        for text in [
            String::new(),
            "hello, this is a shopping list".into(),
            "BEGIN:VCARD\r\nFN:Someone\r\nEND:VCARD\r\n".into(),
            one.clone(),
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n".into(),
            calendar(&format!(
                "{}{}",
                "BEGIN:X\r\n".repeat(20),
                "END:X\r\n".repeat(20)
            )),
            calendar(&event("a", "DTSTART;TZID=\"Europe/London:20261124T190000")),
        ] {
            assert_eq!(file_error_of(&text).message, FILE_NOT_CALENDAR);
        }
        let many: Vec<String> = (0..=ICS_MAX_EVENTS)
            .map(|i| event(&i.to_string(), "DTSTART:20261124T190000Z"))
            .collect();
        assert_eq!(
            file_error_of(&calendar(&many.join("\n"))).message,
            FILE_TOO_MANY
        );
        let fine: Vec<String> = (0..ICS_MAX_EVENTS)
            .map(|i| event(&i.to_string(), "DTSTART:20261124T190000Z"))
            .collect();
        assert_eq!(
            parse_calendar(&calendar(&fine.join("\n")), london())
                .unwrap()
                .events
                .len(),
            ICS_MAX_EVENTS
        );
    }

    #[test]
    fn bare_line_feeds_carriage_returns_and_a_byte_order_mark_are_read() {
        let text = calendar(&event(
            "a",
            "DTSTART;TZID=Europe/London:20261124T190000\nSUMMARY:Fol\n ded",
        ));
        for variant in [
            text.clone(),
            text.replace("\r\n", "\n"),
            text.replace("\r\n", "\r"),
            format!("\u{feff}{text}"),
        ] {
            assert_eq!(only(&variant).meeting.title, "Folded");
        }
    }

    /// What `parse_calendar` must do with any input: return, and only ever a `file` error, with
    /// every exception an original occurrence of its meeting.
    fn check_any(text: &str) -> Result<(), TestCaseError> {
        match parse_calendar(text, london()) {
            Err(e) => prop_assert_eq!(e.field, "file"),
            Ok(parsed) => {
                for (i, event) in parsed.events.iter().enumerate() {
                    let v = &event.meeting;
                    let meeting = Meeting {
                        id: MeetingId(i as i64),
                        title: v.title.clone(),
                        kind: v.kind,
                        start_local: local_text(v.start_local),
                        time_zone: v.time_zone.name().to_string(),
                        duration_minutes: v.duration_minutes,
                        recurrence: v.recurrence.clone(),
                        until: v.until.map(|d| d.to_string()),
                        place: None,
                        link: None,
                        notes: None,
                        reminder_minutes: vec![],
                        exceptions: vec![],
                    };
                    for e in &event.exceptions {
                        let at = NaiveDateTime::parse_from_str(
                            &e.occurrence,
                            super::super::zone::LOCAL_FORMAT,
                        )
                        .unwrap();
                        prop_assert!(is_original_occurrence(&meeting, at).unwrap());
                    }
                }
            }
        }
        Ok(())
    }

    fn sample_export() -> String {
        let mut a = weekly_na();
        a.title = "Tuesday NA, St Mark's; room \\2\nback door".into();
        a.until = Some("2027-02-23".into());
        let mut b = weekly_na();
        b.recurrence = Recurrence::MonthlyOnWeekday {
            interval: 1,
            week: -1,
            weekday: Weekday::Fri,
        };
        b.time_zone = Some("America/New_York".into());
        b.link = Some("https://example.org/x".into());
        export_calendar(
            &[
                stored(
                    1,
                    &a,
                    &[
                        ("2026-12-01T19:00", None),
                        ("2026-12-08T19:00", Some("2026-12-09T18:00")),
                    ],
                ),
                stored(2, &b, &[]),
            ],
            now(),
        )
    }

    /// Lines that steer generated input into the parser's and importer's deeper paths.
    fn ics_line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("BEGIN:VCALENDAR".to_string()),
            Just("END:VCALENDAR".to_string()),
            Just("BEGIN:VEVENT".to_string()),
            Just("END:VEVENT".to_string()),
            Just("BEGIN:VALARM".to_string()),
            Just("END:VALARM".to_string()),
            Just("UID:x".to_string()),
            Just("RECURRENCE-ID;TZID=Europe/London:20261201T190000".to_string()),
            Just("DTSTART;TZID=Europe/London:20261124T190000".to_string()),
            Just("RRULE:FREQ=WEEKLY;BYDAY=TU".to_string()),
            Just("EXDATE:20261201T190000Z,2026".to_string()),
            Just("TRIGGER:-PT15M".to_string()),
            Just(" folded".to_string()),
            "[A-Z-]{1,12}(;[A-Z]{1,5}=\"?[a-z/]{0,8}\"?)?:[ -~]{0,20}",
            "RRULE:FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY);(INTERVAL|BYDAY|BYMONTHDAY|UNTIL|WKST)=[0-9A-Z,-]{0,12}",
            "(DTSTART|DTEND|EXDATE|RECURRENCE-ID|DURATION)(;TZID=[A-Za-z/_]{0,20})?:[0-9TZP+-]{0,17}",
            "\\PC{0,30}",
        ]
    }

    fn any_recurrence() -> impl Strategy<Value = Recurrence> {
        let weekday = (0usize..7).prop_map(|k| Weekday::ALL[k]);
        prop_oneof![
            (1u32..=5).prop_map(|interval| Recurrence::Daily { interval }),
            (1u32..=4, prop::collection::btree_set(weekday.clone(), 1..4)).prop_map(
                |(interval, days)| Recurrence::Weekly {
                    interval,
                    days: days.into_iter().collect(),
                }
            ),
            (1u32..=12, prop_oneof![Just(-1), 1i32..=31])
                .prop_map(|(interval, day)| Recurrence::MonthlyOnDay { interval, day }),
            (1u32..=12, prop_oneof![Just(-1), 1i32..=4], weekday).prop_map(
                |(interval, week, weekday)| Recurrence::MonthlyOnWeekday {
                    interval,
                    week,
                    weekday,
                }
            ),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]

        /// Checking a date years after the first start from a later start gives exactly the
        /// occurrences that walking the rule from the first start gives.
        #[test]
        fn a_shifted_start_gives_the_same_occurrences(
            recurrence in any_recurrence(),
            start_day in 0i64..2000,
            minute in 0u32..(24 * 60),
            zone in prop::sample::select(vec![
                "Europe/London", "America/New_York", "Australia/Sydney", "America/Santiago",
                "Asia/Kolkata", "UTC",
            ]),
            later in 0i64..2500,
        ) {
            let zone: Tz = zone.parse().unwrap();
            let day = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Duration::days(start_day);
            let start = day.and_hms_opt(minute / 60, minute % 60, 0).unwrap();
            prop_assume!(resolve_local("start", zone, start).is_ok());
            let target = day + Duration::days(later);
            let from = resolve_lenient(zone, target.and_hms_opt(0, 0, 0).unwrap());
            let to = from + Duration::days(75);
            let walked = original_starts(start, zone, &recurrence, None, from, to);
            let near = start_near(start, zone, &recurrence, target - Duration::days(1));
            prop_assert!(near >= start);
            let shifted = original_starts(near, zone, &recurrence, None, from, to);
            prop_assert_eq!(shifted, walked);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_text_parses_or_is_a_file_error(text in "\\PC{0,400}") {
            check_any(&text)?;
        }

        #[test]
        fn calendar_shaped_text_parses_or_is_a_file_error(
            lines in prop::collection::vec(ics_line(), 0..40),
            ending in prop_oneof![Just("\r\n"), Just("\n"), Just("\r")],
        ) {
            check_any(&lines.join(ending))?;
        }

        #[test]
        fn rules_times_and_durations_never_panic(
            rule in "((FREQ|INTERVAL|BYDAY|BYMONTHDAY|UNTIL|WKST|COUNT|BYSETPOS)=[0-9A-Z,+-]{0,10};?){0,5}",
            text in "\\PC{0,24}",
        ) {
            let start = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap().and_hms_opt(19, 0, 0).unwrap();
            for zone in [london(), Tz::UTC] {
                let _ = read_rule(&rule, start, zone);
                let _ = read_rule(&text, start, zone);
                let _ = until_day(&text, start, zone);
            }
            let _ = read_duration(&text);
            let _ = read_time(&text, Some(london()), false);
        }

        #[test]
        fn a_damaged_file_parses_or_is_a_file_error(
            base in 0usize..3,
            cut in any::<prop::sample::Index>(),
            flips in prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 0..8),
            truncate in any::<bool>(),
        ) {
            let mut bytes = match base {
                0 => sample_export(),
                1 => include_str!("../../tests/fixtures/ics/rfc5545_new_york.ics").to_string(),
                _ => include_str!("../../tests/fixtures/ics/rfc5545_events.ics").to_string(),
            }
            .into_bytes();
            for (at, mask) in flips {
                let i = at.index(bytes.len());
                bytes[i] ^= mask;
            }
            if truncate {
                bytes.truncate(cut.index(bytes.len()));
            }
            check_any(&String::from_utf8_lossy(&bytes))?;
        }
    }
}
