//! Writing meetings as VCALENDAR text: one VEVENT per meeting (and per moved date), its alarms,
//! and the escaping and line folding every content line gets.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use icalendar::Property;

use super::rules::is_original;
use super::vtimezone::{write_vtimezone, VTIMEZONE_LAST_YEAR, VTIMEZONE_YEARS_AHEAD};
use super::{KIND_PROPERTY, MOVE_MAX_DAYS};
use crate::schedule::meeting::Meeting;
use crate::schedule::occurrence::{parse_stored, Parsed};
use crate::schedule::zone::resolve_lenient;

const PRODID: &str = "-//Waymark//Schedule//EN";

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
            let original =
                NaiveDateTime::parse_from_str(&e.occurrence, crate::schedule::zone::LOCAL_FORMAT);
            let moved = e
                .moved_to
                .as_deref()
                .map(|m| NaiveDateTime::parse_from_str(m, crate::schedule::zone::LOCAL_FORMAT));
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

pub(super) fn begin(out: &mut String, name: &str) {
    out.push_str("BEGIN:");
    out.push_str(name);
    out.push_str("\r\n");
}

pub(super) fn end(out: &mut String, name: &str) {
    out.push_str("END:");
    out.push_str(name);
    out.push_str("\r\n");
}

/// Appends one content line; the icalendar crate escapes text values and folds the line at
/// 75 octets.
pub(super) fn push(out: &mut String, property: Property) {
    // Writing into a String cannot fail.
    if let Ok(line) = TryInto::<String>::try_into(property) {
        out.push_str(&line);
    }
}
