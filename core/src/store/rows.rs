//! Conversions and checks shared by every repository: stored instants, days and yes/no
//! answers, and whether a row is live or a day is taken.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use rusqlite::{params, Connection};

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

/// A day as stored: `YYYY-MM-DD`.
pub(crate) fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
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

/// Succeeds when `table` holds a live row (not marked deleted) with this id; otherwise
/// [`Error::NotFound`] for `what`. `table` is always one of the repositories' own constants.
pub(crate) fn require_live(
    conn: &Connection,
    table: &'static str,
    id: i64,
    what: &'static str,
) -> Result<()> {
    let sql = format!("SELECT 1 FROM {table} WHERE id = ?1 AND deleted_at IS NULL");
    if conn.prepare_cached(&sql)?.exists([id])? {
        Ok(())
    } else {
        Err(Error::NotFound(what))
    }
}

/// Whether `table` has a live row other than `except` whose `day_column` holds `day` (as stored
/// by [`day_text`]). `table` and `day_column` are always the repositories' own constants.
pub(crate) fn day_taken(
    conn: &Connection,
    table: &'static str,
    day_column: &'static str,
    day: &str,
    except: Option<i64>,
) -> Result<bool> {
    let sql = format!(
        "SELECT 1 FROM {table} WHERE {day_column} = ?1 AND deleted_at IS NULL \
         AND (?2 IS NULL OR id <> ?2) LIMIT 1"
    );
    Ok(conn.prepare_cached(&sql)?.exists(params![day, except])?)
}
