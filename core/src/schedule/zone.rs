//! Time zones and wall-clock times: meetings keep their local time across clock changes.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::error::ValidationError;

/// How a wall-clock start is written in storage and in the API: `YYYY-MM-DDTHH:MM`.
pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// The computer's own IANA time zone, or UTC when the system does not say.
pub fn system_zone() -> Tz {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|name| name.parse().ok())
        .unwrap_or(Tz::UTC)
}

/// Reads an IANA time zone name such as `Europe/London`.
pub fn parse_zone(field: &'static str, name: &str) -> Result<Tz, ValidationError> {
    name.trim().parse::<Tz>().map_err(|_| {
        ValidationError::new(
            field,
            "That time zone is not known. Use a name like Europe/London or America/New_York.",
        )
    })
}

/// Reads a time of day written as `HH:MM` (24-hour).
pub fn parse_clock_time(field: &'static str, text: &str) -> Result<NaiveTime, ValidationError> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| {
        ValidationError::new(
            field,
            "That time could not be read. Use 24-hour hours and minutes, like 19:30.",
        )
    })
}

/// Reads a stored or sent local start, `YYYY-MM-DDTHH:MM`.
pub fn parse_local(field: &'static str, text: &str) -> Result<NaiveDateTime, ValidationError> {
    NaiveDateTime::parse_from_str(text.trim(), LOCAL_FORMAT).map_err(|_| {
        ValidationError::new(
            field,
            "That date and time could not be read. Use YYYY-MM-DDTHH:MM, like 2026-11-24T19:30.",
        )
    })
}

/// Writes a local start the way it is stored.
pub fn local_text(at: NaiveDateTime) -> String {
    at.format(LOCAL_FORMAT).to_string()
}

/// The instant a wall-clock time names in `zone`. When the clocks go back and the time happens
/// twice, the first is meant; when they go forward and it never happens, the time is refused
/// with an explanation instead of silently moving the meeting.
pub fn resolve_local(
    field: &'static str,
    zone: Tz,
    at: NaiveDateTime,
) -> Result<DateTime<Tz>, ValidationError> {
    match zone.from_local_datetime(&at) {
        LocalResult::Single(t) => Ok(t),
        LocalResult::Ambiguous(first, _) => Ok(first),
        LocalResult::None => Err(ValidationError::new(
            field,
            "That time does not exist on that day, because the clocks go forward then. Choose a time an hour later or earlier.",
        )),
    }
}

/// A local day and time as one value.
pub fn at_day_time(day: NaiveDate, time: NaiveTime) -> NaiveDateTime {
    day.and_time(time)
}

/// The instant a wall-clock time names in `zone`, moving a time skipped by a clock change
/// forward by an hour: used for reminders, which must still fire on such a day.
pub fn resolve_lenient(zone: Tz, at: NaiveDateTime) -> DateTime<Utc> {
    match zone.from_local_datetime(&at) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        LocalResult::None => {
            let later = at + chrono::Duration::hours(1);
            zone.from_local_datetime(&later)
                .earliest()
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_else(|| Utc.from_utc_datetime(&at))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_skipped_by_the_spring_change_is_refused_and_a_repeated_one_is_the_first() {
        let london: Tz = "Europe/London".parse().unwrap();
        let gap = parse_local("start", "2026-03-29T01:30").unwrap();
        let err = resolve_local("start", london, gap).unwrap_err();
        assert_eq!(err.field, "start");
        assert!(err.message.contains("clocks go forward"));
        let twice = parse_local("start", "2026-10-25T01:30").unwrap();
        let first = resolve_local("start", london, twice).unwrap();
        assert_eq!(
            first.with_timezone(&Utc).to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
        assert_eq!(
            resolve_lenient(london, gap).to_rfc3339(),
            "2026-03-29T01:30:00+00:00"
        );
    }

    #[test]
    fn zones_and_clock_times_are_read_strictly() {
        assert!(parse_zone("timeZone", "America/New_York").is_ok());
        assert_eq!(
            parse_zone("timeZone", "Mars/Olympus").unwrap_err().field,
            "timeZone"
        );
        assert!(parse_clock_time("time", "19:30").is_ok());
        assert!(parse_clock_time("time", "24:00").is_err());
        assert!(parse_clock_time("time", "7pm").is_err());
        assert!(parse_local("start", "2026-02-30T10:00").is_err());
    }
}
