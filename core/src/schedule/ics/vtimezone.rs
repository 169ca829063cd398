//! VTIMEZONE blocks: each zone's clock changes over a span of years, found by probing chrono-tz,
//! so programs that do not know IANA names still place every time exactly.

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use icalendar::Property;

use super::export::{begin, end, push};

/// Years of time-zone rules written past the latest meeting (or today).
pub(super) const VTIMEZONE_YEARS_AHEAD: i32 = 10;
/// No meeting starts after 2200, so no time-zone rules are written past 2210, whatever the
/// clock says.
pub(super) const VTIMEZONE_LAST_YEAR: i32 = 2210;

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

pub(super) fn write_vtimezone(out: &mut String, zone: Tz, first_year: i32, last_year: i32) {
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
