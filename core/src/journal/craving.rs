//! Cravings: the urge log.

use chrono::{DateTime, FixedOffset, SecondsFormat, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::text::optional_text;
use crate::error::ValidationError;

/// The longest note a craving may carry, in characters.
pub const NOTE_MAX_CHARS: usize = 10_000;
/// How far ahead of "now" a craving time may be, to allow for clock skew between devices.
const FUTURE_TOLERANCE_MINUTES: i64 = 5;

/// Identifies a craving.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(transparent)]
pub struct CravingId(pub i64);

impl std::fmt::Display for CravingId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A craving as the person enters it, before validation.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "NewCravingInput")]
pub struct NewCraving {
    /// How strong the urge is, 0 (none) to 10 (overwhelming).
    pub intensity: i32,
    /// When it started, RFC 3339 with an offset; `None` means now.
    pub occurred_at: Option<String>,
    /// An optional free-text note.
    pub note: Option<String>,
}

/// A craving that passed validation, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCraving {
    /// 0 to 10.
    pub intensity: u8,
    /// The start time, with the offset the person was at.
    pub occurred_at: DateTime<FixedOffset>,
    /// Trimmed note, `None` if blank.
    pub note: Option<String>,
}

/// A stored craving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Craving {
    /// Its id.
    pub id: CravingId,
    /// When it started, RFC 3339 in the person's offset at that time.
    pub occurred_at: String,
    /// 0 to 10.
    pub intensity: u8,
    /// The note, if any.
    pub note: Option<String>,
    /// When it was saved, RFC 3339 UTC.
    pub created_at: String,
}

/// Formats an instant the way every API output does: RFC 3339, whole seconds.
pub fn format_instant<Tz: TimeZone>(t: &DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Parses a time typed or sent by the person, with a specific message for `field`.
pub fn parse_time(
    field: &'static str,
    text: &str,
) -> Result<DateTime<FixedOffset>, ValidationError> {
    DateTime::parse_from_rfc3339(text.trim()).map_err(|_| {
        ValidationError::new(
            field,
            "That time could not be read. Use a date and time with a zone, like 2026-11-22T14:30:00+00:00.",
        )
    })
}

impl NewCraving {
    /// Checks the input against the rules; `now` fills in a missing time and bounds the range.
    pub fn validate(&self, now: DateTime<FixedOffset>) -> Result<ValidCraving, ValidationError> {
        let intensity = u8::try_from(self.intensity)
            .ok()
            .filter(|i| *i <= 10)
            .ok_or_else(|| {
                ValidationError::new(
                    "intensity",
                    "Intensity must be a whole number from 0 to 10.",
                )
            })?;
        let occurred_at = match self
            .occurred_at
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            None => now,
            Some(text) => parse_time("occurredAt", text)?,
        };
        if occurred_at > now + chrono::Duration::minutes(FUTURE_TOLERANCE_MINUTES) {
            return Err(ValidationError::new(
                "occurredAt",
                "That time is in the future; a craving can only be logged once it has started.",
            ));
        }
        let earliest = Utc
            .with_ymd_and_hms(1970, 1, 1, 0, 0, 0)
            .single()
            .expect("valid constant date");
        if occurred_at < earliest {
            return Err(ValidationError::new(
                "occurredAt",
                "That date is too far in the past (before 1970).",
            ));
        }
        let note = optional_text("note", "The note", self.note.as_deref(), NOTE_MAX_CHARS)?;
        Ok(ValidCraving {
            intensity,
            occurred_at,
            note,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-22T15:00:00+01:00").unwrap()
    }

    fn craving(intensity: i32, at: Option<&str>, note: Option<&str>) -> NewCraving {
        NewCraving {
            intensity,
            occurred_at: at.map(Into::into),
            note: note.map(Into::into),
        }
    }

    #[rstest]
    #[case(-1)]
    #[case(11)]
    #[case(i32::MAX)]
    #[case(i32::MIN)]
    fn intensity_outside_0_to_10_is_refused(#[case] intensity: i32) {
        let err = craving(intensity, None, None).validate(now()).unwrap_err();
        assert_eq!(err.field, "intensity");
    }

    #[rstest]
    #[case("yesterday")]
    #[case("2026-13-01T00:00:00Z")]
    #[case("2026-11-22 14:00")]
    fn unreadable_times_are_refused(#[case] at: &str) {
        let err = craving(5, Some(at), None).validate(now()).unwrap_err();
        assert_eq!(err.field, "occurredAt");
    }

    #[test]
    fn future_and_ancient_times_are_refused() {
        assert_eq!(
            craving(5, Some("2026-11-22T15:30:00+01:00"), None)
                .validate(now())
                .unwrap_err()
                .field,
            "occurredAt"
        );
        assert_eq!(
            craving(5, Some("1969-12-31T23:00:00Z"), None)
                .validate(now())
                .unwrap_err()
                .field,
            "occurredAt"
        );
        assert!(craving(5, Some("2026-11-22T15:04:00+01:00"), None)
            .validate(now())
            .is_ok());
    }

    #[test]
    fn missing_time_means_now_and_offset_is_kept() {
        let v = craving(3, None, Some("  ")).validate(now()).unwrap();
        assert_eq!(v.occurred_at, now());
        assert_eq!(v.note, None);
        let v = craving(3, Some("2026-11-22T08:15:00-05:00"), None)
            .validate(now())
            .unwrap();
        assert_eq!(v.occurred_at.offset().local_minus_utc(), -5 * 3600);
    }

    #[test]
    fn over_long_notes_are_refused() {
        let long = "a".repeat(NOTE_MAX_CHARS + 1);
        assert_eq!(
            craving(3, None, Some(&long))
                .validate(now())
                .unwrap_err()
                .field,
            "note"
        );
        let max = "a".repeat(NOTE_MAX_CHARS);
        assert!(craving(3, None, Some(&max)).validate(now()).is_ok());
    }

    proptest! {
        #[test]
        fn validation_accepts_exactly_0_to_10(intensity in any::<i32>()) {
            let result = craving(intensity, None, None).validate(now());
            prop_assert_eq!(result.is_ok(), (0..=10).contains(&intensity));
        }

        #[test]
        fn validation_never_panics_on_any_text(at in ".{0,64}", note in "(?s).{0,256}") {
            let _ = craving(5, Some(&at), Some(&note)).validate(now());
        }
    }
}
