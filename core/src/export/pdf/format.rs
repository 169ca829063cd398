//! How numbers and days are written in the summary, in one place so every page agrees:
//! averages to one decimal, days as "1 Nov 2026".

use chrono::NaiveDate;

/// Parses a `YYYY-MM-DD` day.
pub fn parse_day(day: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// "1 Nov 2026"; the text as given if it is not a day.
pub fn day(day: &str) -> String {
    parse_day(day).map_or_else(|| day.to_string(), |d| d.format("%-d %b %Y").to_string())
}

/// "1 Nov" (for axis labels).
pub fn day_short(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

/// "Mon 3 Nov 2026".
pub fn day_with_weekday(day: &str) -> String {
    parse_day(day).map_or_else(|| day.to_string(), |d| d.format("%a %-d %b %Y").to_string())
}

/// The weekday's short name, 0 = Monday.
pub fn weekday_short(index: u8) -> &'static str {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .get(usize::from(index))
        .copied()
        .unwrap_or("?")
}

/// The weekday's full name, 0 = Monday.
pub fn weekday_long(index: u8) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    .get(usize::from(index))
    .copied()
    .unwrap_or("?")
}

/// An average to one decimal, e.g. "5.3".
pub fn one_decimal(value: f64) -> String {
    format!("{value:.1}")
}

/// An optional average: "5.3", or "–" when there was nothing to average.
pub fn average(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), one_decimal)
}

/// Minutes, whole when whole: "12", "12.5".
pub fn minutes(value: f64) -> String {
    if (value - value.round()).abs() < 0.05 {
        format!("{}", value.round() as i64)
    } else {
        one_decimal(value)
    }
}

/// `part` as a whole percentage of `whole`, e.g. "75%"; `None` when `whole` is 0.
pub fn percent(part: u32, whole: u32) -> Option<String> {
    (whole > 0).then(|| format!("{}%", (f64::from(part) * 100.0 / f64::from(whole)).round()))
}

/// "1 craving", "3 cravings".
pub fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
