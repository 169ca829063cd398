//! Conversions shared by every repository: stored instants, days and yes/no answers.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};

use crate::error::{Error, Result};
use crate::journal::craving::format_instant;

/// Rebuilds an instant from its stored UTC milliseconds and offset in seconds.
pub(crate) fn instant_from_parts(
    millis: i64,
    offset_seconds: i64,
) -> Result<DateTime<FixedOffset>> {
    let offset = i32::try_from(offset_seconds)
        .ok()
        .and_then(FixedOffset::east_opt)
        .ok_or(Error::Internal("stored offset out of range"))?;
    let utc = Utc
        .timestamp_millis_opt(millis)
        .single()
        .ok_or(Error::Internal("stored time out of range"))?;
    Ok(utc.with_timezone(&offset))
}

/// The stored instant as API text: RFC 3339 in the offset it was logged at.
pub(crate) fn instant_text(millis: i64, offset_seconds: i64) -> Result<String> {
    Ok(format_instant(&instant_from_parts(millis, offset_seconds)?))
}

/// The person's calendar day of a stored instant.
pub(crate) fn local_day(millis: i64, offset_seconds: i64) -> Result<NaiveDate> {
    Ok(instant_from_parts(millis, offset_seconds)?.date_naive())
}

/// Reads a stored ISO day.
pub(crate) fn parse_stored_day(text: &str) -> Result<NaiveDate> {
    text.parse()
        .map_err(|_| Error::Internal("stored day unreadable"))
}

/// A yes/no answer as stored (0/1, NULL when skipped).
pub(crate) fn flag(value: Option<bool>) -> Option<i64> {
    value.map(i64::from)
}

/// Reads a stored yes/no answer.
pub(crate) fn from_flag(value: Option<i64>) -> Option<bool> {
    value.map(|v| v != 0)
}

/// Maps "no row" to [`Error::NotFound`] for `what`, leaving other errors as they are.
pub(crate) fn found<T>(result: rusqlite::Result<T>, what: &'static str) -> Result<T> {
    match result {
        Err(rusqlite::Error::QueryReturnedNoRows) => Err(Error::NotFound(what)),
        other => Ok(other?),
    }
}
