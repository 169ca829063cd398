//! Validation rules shared by several kinds of entry: times, days, scales and short lists.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};

use super::craving::parse_time;
use super::text::optional_text;
use crate::error::ValidationError;

/// How far ahead of "now" an entry time may be, to allow for clock skew between devices.
const FUTURE_TOLERANCE_MINUTES: i64 = 5;
/// The longest short free-text answer (place, with whom, a tag...), in characters.
pub const SHORT_TEXT_MAX_CHARS: usize = 200;
/// The most items a multi-choice list (triggers, feelings, tags, coping) may hold.
pub const LIST_MAX_ITEMS: usize = 50;

/// The earliest date any entry may carry.
fn earliest() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(1970, 1, 1, 0, 0, 0)
        .single()
        .expect("valid constant date")
}

/// Reads an optional entry time: blank means `now`; the future (beyond a few minutes of clock
/// skew) and anything before 1970 are refused, naming `what` ("a craving", "a lapse").
pub fn time_or_now(
    field: &'static str,
    what: &str,
    text: Option<&str>,
    now: DateTime<FixedOffset>,
) -> Result<DateTime<FixedOffset>, ValidationError> {
    let at = match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => now,
        Some(text) => parse_time(field, text)?,
    };
    if at > now + chrono::Duration::minutes(FUTURE_TOLERANCE_MINUTES) {
        return Err(ValidationError::new(
            field,
            format!("That time is in the future; {what} can only be logged once it has happened."),
        ));
    }
    if at < earliest() {
        return Err(ValidationError::new(
            field,
            "That date is too far in the past (before 1970).",
        ));
    }
    Ok(at)
}

/// Reads an optional calendar day (YYYY-MM-DD): blank means today in the person's time. Days
/// after today and before 1970 are refused.
pub fn day_or_today(
    field: &'static str,
    text: Option<&str>,
    now: DateTime<FixedOffset>,
) -> Result<NaiveDate, ValidationError> {
    let today = now.date_naive();
    let day = match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => today,
        Some(text) => parse_day(field, text)?,
    };
    if day > today {
        return Err(ValidationError::new(
            field,
            "That day is in the future; choose today or an earlier day.",
        ));
    }
    if day < earliest().date_naive() {
        return Err(ValidationError::new(
            field,
            "That date is too far in the past (before 1970).",
        ));
    }
    Ok(day)
}

/// Parses a calendar day written as YYYY-MM-DD.
pub fn parse_day(field: &'static str, text: &str) -> Result<NaiveDate, ValidationError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        ValidationError::new(
            field,
            "That date could not be read. Use year-month-day, like 2026-11-22.",
        )
    })
}

/// Checks a whole number against an inclusive range, with a message naming `label`.
pub fn scale(
    field: &'static str,
    label: &str,
    value: i32,
    min: u8,
    max: u8,
) -> Result<u8, ValidationError> {
    u8::try_from(value)
        .ok()
        .filter(|v| (min..=max).contains(v))
        .ok_or_else(|| {
            ValidationError::new(
                field,
                format!("{label} must be a whole number from {min} to {max}."),
            )
        })
}

/// [`scale`] for an optional answer.
pub fn optional_scale(
    field: &'static str,
    label: &str,
    value: Option<i32>,
    min: u8,
    max: u8,
) -> Result<Option<u8>, ValidationError> {
    value.map(|v| scale(field, label, v, min, max)).transpose()
}

/// Cleans a list of short texts (tags, coping strategies): each trimmed and checked, blanks
/// dropped, repeats (ignoring case) dropped, at most [`LIST_MAX_ITEMS`].
pub fn short_text_list(
    field: &'static str,
    label: &str,
    items: &[String],
) -> Result<Vec<String>, ValidationError> {
    if items.len() > LIST_MAX_ITEMS {
        return Err(ValidationError::new(
            field,
            format!("Choose at most {LIST_MAX_ITEMS} {label}."),
        ));
    }
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        let Some(text) = optional_text(field, label, Some(item), SHORT_TEXT_MAX_CHARS)? else {
            continue;
        };
        if !out.iter().any(|o| o.to_lowercase() == text.to_lowercase()) {
            out.push(text);
        }
    }
    Ok(out)
}

/// Checks that every key is one of `allowed`, dropping repeats; `label` names the list.
pub fn keys_from(
    field: &'static str,
    label: &str,
    keys: &[String],
    allowed: &[&str],
) -> Result<Vec<String>, ValidationError> {
    if keys.len() > LIST_MAX_ITEMS {
        return Err(ValidationError::new(
            field,
            format!("Choose at most {LIST_MAX_ITEMS} {label}."),
        ));
    }
    let mut out: Vec<String> = Vec::with_capacity(keys.len());
    for key in keys {
        let key = key.trim();
        if !allowed.contains(&key) {
            return Err(ValidationError::new(
                field,
                format!("One of the {label} is not on the list; choose from the list shown."),
            ));
        }
        if !out.iter().any(|o| o == key) {
            out.push(key.to_string());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-22T23:30:00-05:00").unwrap()
    }

    #[test]
    fn today_is_the_persons_own_day_not_utcs() {
        // 23:30 in New York is already the 23rd in UTC.
        let day = day_or_today("date", None, now()).unwrap();
        assert_eq!(day.to_string(), "2026-11-22");
        assert_eq!(
            day_or_today("date", Some("2026-11-23"), now())
                .unwrap_err()
                .field,
            "date"
        );
        assert_eq!(
            day_or_today("date", Some("22/11/2026"), now())
                .unwrap_err()
                .field,
            "date"
        );
    }

    #[test]
    fn lists_drop_blanks_and_repeats_and_refuse_control_characters() {
        let items = vec![
            "Walk".to_string(),
            " walk ".to_string(),
            "".to_string(),
            "Call Sam".to_string(),
        ];
        assert_eq!(
            short_text_list("coping", "strategies", &items).unwrap(),
            vec!["Walk".to_string(), "Call Sam".to_string()]
        );
        let bad = vec!["a\u{0}b".to_string()];
        assert_eq!(
            short_text_list("coping", "strategies", &bad)
                .unwrap_err()
                .field,
            "coping"
        );
        let many = vec!["x".to_string(); LIST_MAX_ITEMS + 1];
        assert!(short_text_list("tags", "tags", &many).is_err());
    }

    #[test]
    fn keys_must_come_from_the_list() {
        let allowed = ["calm", "low"];
        assert_eq!(
            keys_from(
                "feelings",
                "feelings",
                &["low".into(), "low".into()],
                &allowed
            )
            .unwrap(),
            vec!["low".to_string()]
        );
        assert!(keys_from("feelings", "feelings", &["sad".into()], &allowed).is_err());
    }

    proptest! {
        #[test]
        fn scale_accepts_exactly_its_range(v in any::<i32>()) {
            prop_assert_eq!(scale("mood", "Mood", v, 1, 10).is_ok(), (1..=10).contains(&v));
        }

        #[test]
        fn day_parsing_never_panics(text in ".{0,40}") {
            let _ = day_or_today("date", Some(&text), now());
        }
    }
}
