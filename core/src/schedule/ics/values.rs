//! Reading a parsed event's properties: finding them by name, and their text, date, date-time
//! and duration values.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Timelike, Utc};
use chrono_tz::Tz;
use icalendar::parser::{Component as RawComponent, ParseString, Property as RawProperty};

use crate::schedule::zone::resolve_lenient;

/// The first property called `name` (names are case-insensitive).
pub(super) fn first<'b, 'a>(c: &'b RawComponent<'a>, name: &str) -> Option<&'b RawProperty<'a>> {
    c.properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
}

pub(super) fn all<'b, 'a: 'b>(
    c: &'b RawComponent<'a>,
    name: &'b str,
) -> impl Iterator<Item = &'b RawProperty<'a>> + 'b {
    c.properties
        .iter()
        .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
}

pub(super) fn param<'b>(p: &'b RawProperty<'_>, key: &str) -> Option<&'b str> {
    p.params
        .iter()
        .find(|x| x.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|x| x.val.as_ref())
        .map(ParseString::as_str)
}

/// A TEXT value unescaped. The parser already unescapes known properties written in capitals;
/// a property name in lower case is unescaped here.
pub(super) fn text_value(p: &RawProperty<'_>) -> String {
    if p.name.as_str().chars().any(|c| c.is_ascii_lowercase()) {
        p.val.clone().unescape_text().as_str().to_string()
    } else {
        p.val.as_str().to_string()
    }
}

/// A date or date-time value as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum IcsTime {
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
pub(super) fn read_times(p: &RawProperty<'_>) -> Vec<Option<IcsTime>> {
    let zone = param(p, "TZID").and_then(zone_named);
    let is_date = param(p, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
    p.val
        .as_str()
        .split(',')
        .map(|v| read_time(v.trim(), zone, is_date))
        .collect()
}

pub(super) fn read_time(value: &str, zone: Option<Tz>, is_date: bool) -> Option<IcsTime> {
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
pub(super) fn local_in(time: IcsTime, zone: Tz) -> Option<NaiveDateTime> {
    match time {
        IcsTime::Date(_) => None,
        IcsTime::Floating(at) => Some(at),
        IcsTime::Zoned(at, z) if z == zone => Some(at),
        IcsTime::Zoned(at, z) => Some(resolve_lenient(z, at).with_timezone(&zone).naive_local()),
        IcsTime::Utc(at) => Some(at.and_utc().with_timezone(&zone).naive_local()),
    }
}

/// The instant a value names, reading floating times in `zone`.
pub(super) fn instant_of(time: IcsTime, zone: Tz) -> Option<DateTime<Utc>> {
    match time {
        IcsTime::Date(_) => None,
        IcsTime::Floating(at) => Some(resolve_lenient(zone, at)),
        IcsTime::Zoned(at, z) => Some(resolve_lenient(z, at)),
        IcsTime::Utc(at) => Some(at.and_utc()),
    }
}

/// An RFC 5545 duration (`-PT30M`, `P1DT2H`, `P2W`) in seconds.
pub(super) fn read_duration(text: &str) -> Option<i64> {
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
