//! Cravings: the urge log.

use chrono::{DateTime, FixedOffset, SecondsFormat, TimeZone};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::fields::{optional_scale, scale, short_text_list, time_or_now, SHORT_TEXT_MAX_CHARS};
use super::ids::TriggerId;
use super::text::optional_text;
use super::trigger::{NewTrigger, ValidTrigger};
use crate::error::ValidationError;

pub use super::ids::CravingId;

/// The longest note a craving (or any entry) may carry, in characters.
pub const NOTE_MAX_CHARS: usize = 10_000;
/// The longest a craving can be recorded as lasting, in minutes (a day).
pub const DURATION_MAX_MINUTES: i32 = 1440;

/// Hungry, angry, lonely, tired: the states that make cravings more likely.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct Halt {
    /// Hungry.
    pub hungry: bool,
    /// Angry.
    pub angry: bool,
    /// Lonely.
    pub lonely: bool,
    /// Tired.
    pub tired: bool,
}

impl Halt {
    /// The states that are set, as lower-case words.
    pub fn words(&self) -> Vec<&'static str> {
        [
            (self.hungry, "hungry"),
            (self.angry, "angry"),
            (self.lonely, "lonely"),
            (self.tired, "tired"),
        ]
        .into_iter()
        .filter_map(|(on, word)| on.then_some(word))
        .collect()
    }
}

/// How a craving ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CravingOutcome {
    /// It passed without using.
    Passed,
    /// The person used.
    Used,
    /// It is still going.
    Ongoing,
}

impl CravingOutcome {
    /// Every outcome, in the order the UI offers them.
    pub const ALL: [CravingOutcome; 3] = [
        CravingOutcome::Passed,
        CravingOutcome::Used,
        CravingOutcome::Ongoing,
    ];

    /// The key stored in the database and typed in the CLI.
    pub fn key(self) -> &'static str {
        match self {
            CravingOutcome::Passed => "passed",
            CravingOutcome::Used => "used",
            CravingOutcome::Ongoing => "ongoing",
        }
    }

    /// Reads a stored or typed key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.key() == key)
    }

    /// Plain words for lists and exports.
    pub fn label(self) -> &'static str {
        match self {
            CravingOutcome::Passed => "passed without using",
            CravingOutcome::Used => "used",
            CravingOutcome::Ongoing => "still going",
        }
    }
}

/// A craving as the person enters it, before validation. Only `intensity` is needed; every
/// other detail can be added later by editing.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "NewCravingInput")]
pub struct NewCraving {
    /// How strong the urge is, 0 (none) to 10 (overwhelming).
    pub intensity: i32,
    /// When it started, RFC 3339 with an offset; `None` means now.
    #[serde(default)]
    pub occurred_at: Option<String>,
    /// How long it lasted, in minutes.
    #[serde(default)]
    pub duration_minutes: Option<i32>,
    /// Triggers from the catalogue.
    #[serde(default)]
    pub trigger_ids: Vec<TriggerId>,
    /// Triggers typed in place, added to the catalogue when the craving is saved (or reused,
    /// when one of that name exists).
    #[serde(default)]
    pub new_triggers: Vec<NewTrigger>,
    /// Hungry, angry, lonely, tired.
    #[serde(default)]
    pub halt: Halt,
    /// Where the person was.
    #[serde(default)]
    pub place: Option<String>,
    /// Who they were with.
    #[serde(default)]
    pub with_whom: Option<String>,
    /// What they were doing.
    #[serde(default)]
    pub activity: Option<String>,
    /// Coping strategies tried, in the person's words.
    #[serde(default)]
    pub coping: Vec<String>,
    /// How it ended.
    #[serde(default)]
    pub outcome: Option<CravingOutcome>,
    /// Intensity afterwards, 0 to 10.
    #[serde(default)]
    pub intensity_after: Option<i32>,
    /// An optional free-text note.
    #[serde(default)]
    pub note: Option<String>,
}

/// A craving that passed validation, ready to store. Trigger ids are checked by the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCraving {
    /// 0 to 10.
    pub intensity: u8,
    /// The start time, with the offset the person was at.
    pub occurred_at: DateTime<FixedOffset>,
    /// Minutes, 0 to a day.
    pub duration_minutes: Option<u16>,
    /// Catalogue triggers, without repeats.
    pub trigger_ids: Vec<TriggerId>,
    /// Triggers to create or reuse by name.
    pub new_triggers: Vec<ValidTrigger>,
    /// HALT states.
    pub halt: Halt,
    /// Where; trimmed, `None` if blank.
    pub place: Option<String>,
    /// With whom; trimmed, `None` if blank.
    pub with_whom: Option<String>,
    /// Doing what; trimmed, `None` if blank.
    pub activity: Option<String>,
    /// Coping strategies, trimmed, without repeats.
    pub coping: Vec<String>,
    /// How it ended.
    pub outcome: Option<CravingOutcome>,
    /// 0 to 10.
    pub intensity_after: Option<u8>,
    /// Trimmed note, `None` if blank.
    pub note: Option<String>,
}

/// A trigger as shown on an entry: its id and current name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TriggerRef {
    /// Its id.
    pub id: TriggerId,
    /// Its name now (a rename shows everywhere).
    pub name: String,
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
    /// How long it lasted, in minutes.
    pub duration_minutes: Option<u16>,
    /// Its triggers, by name.
    pub triggers: Vec<TriggerRef>,
    /// HALT states.
    pub halt: Halt,
    /// Where.
    pub place: Option<String>,
    /// With whom.
    pub with_whom: Option<String>,
    /// Doing what.
    pub activity: Option<String>,
    /// Coping strategies tried.
    pub coping: Vec<String>,
    /// How it ended.
    pub outcome: Option<CravingOutcome>,
    /// Intensity afterwards.
    pub intensity_after: Option<u8>,
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

/// Drops repeated ids, keeping the first of each.
pub(crate) fn unique_ids<T: PartialEq + Copy>(ids: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if !out.contains(id) {
            out.push(*id);
        }
    }
    out
}

impl NewCraving {
    /// Checks the input against the rules; `now` fills in a missing time and bounds the range.
    pub fn validate(&self, now: DateTime<FixedOffset>) -> Result<ValidCraving, ValidationError> {
        let intensity = scale("intensity", "Intensity", self.intensity, 0, 10)?;
        let occurred_at = time_or_now("occurredAt", "a craving", self.occurred_at.as_deref(), now)?;
        let duration_minutes = match self.duration_minutes {
            None => None,
            Some(m) if (0..=DURATION_MAX_MINUTES).contains(&m) => Some(m as u16),
            Some(_) => {
                return Err(ValidationError::new(
                    "durationMinutes",
                    "How long it lasted must be between 0 and 1440 minutes (a day).",
                ))
            }
        };
        if self.trigger_ids.len() + self.new_triggers.len() > super::fields::LIST_MAX_ITEMS {
            return Err(ValidationError::new(
                "triggers",
                format!("Choose at most {} triggers.", super::fields::LIST_MAX_ITEMS),
            ));
        }
        let new_triggers = self
            .new_triggers
            .iter()
            .map(|t| {
                t.validate()
                    .map_err(|e| ValidationError::new("triggers", e.message))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let short = |field, label, text: &Option<String>| {
            optional_text(field, label, text.as_deref(), SHORT_TEXT_MAX_CHARS)
        };
        Ok(ValidCraving {
            intensity,
            occurred_at,
            duration_minutes,
            trigger_ids: unique_ids(&self.trigger_ids),
            new_triggers,
            halt: self.halt,
            place: short("place", "Where you were", &self.place)?,
            with_whom: short("withWhom", "Who you were with", &self.with_whom)?,
            activity: short("activity", "What you were doing", &self.activity)?,
            coping: short_text_list("coping", "coping strategies", &self.coping)?,
            outcome: self.outcome,
            intensity_after: optional_scale(
                "intensityAfter",
                "Intensity afterwards",
                self.intensity_after,
                0,
                10,
            )?,
            note: optional_text("note", "The note", self.note.as_deref(), NOTE_MAX_CHARS)?,
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
            ..Default::default()
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
