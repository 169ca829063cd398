//! Mood check-ins: a 1-10 scale with words, feelings from a list, and an optional note.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::content::journal_content;
use super::craving::NOTE_MAX_CHARS;
use super::fields::{keys_from, scale, time_or_now};
use super::text::optional_text;
use crate::error::ValidationError;

pub use super::ids::MoodId;

/// A mood check-in as entered.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "NewMoodInput")]
pub struct NewMood {
    /// 1 (very low) to 10 (very good).
    pub mood: i32,
    /// When, RFC 3339; `None` means now.
    #[serde(default)]
    pub occurred_at: Option<String>,
    /// Feeling keys from the built-in list.
    #[serde(default)]
    pub feelings: Vec<String>,
    /// An optional note.
    #[serde(default)]
    pub note: Option<String>,
}

/// A mood check-in that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMood {
    /// 1 to 10.
    pub mood: u8,
    /// When.
    pub occurred_at: DateTime<FixedOffset>,
    /// Known feeling keys, without repeats.
    pub feelings: Vec<String>,
    /// Trimmed note.
    pub note: Option<String>,
}

/// A stored mood check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Mood {
    /// Its id.
    pub id: MoodId,
    /// When, RFC 3339 in the person's offset then.
    pub occurred_at: String,
    /// 1 to 10.
    pub mood: u8,
    /// Feeling keys.
    pub feelings: Vec<String>,
    /// The note.
    pub note: Option<String>,
}

/// The keys of every feeling on the built-in list.
pub fn feeling_keys() -> Vec<&'static str> {
    journal_content()
        .feeling
        .iter()
        .map(|f| f.key.as_str())
        .collect()
}

/// Checks a list of feeling keys against the built-in list.
pub fn validate_feelings(keys: &[String]) -> Result<Vec<String>, ValidationError> {
    keys_from("feelings", "feelings", keys, &feeling_keys())
}

impl NewMood {
    /// Checks the input; `now` fills in a missing time.
    pub fn validate(&self, now: DateTime<FixedOffset>) -> Result<ValidMood, ValidationError> {
        Ok(ValidMood {
            mood: scale("mood", "Mood", self.mood, 1, 10)?,
            occurred_at: time_or_now("occurredAt", "a check-in", self.occurred_at.as_deref(), now)?,
            feelings: validate_feelings(&self.feelings)?,
            note: optional_text("note", "The note", self.note.as_deref(), NOTE_MAX_CHARS)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-22T15:00:00+00:00").unwrap()
    }

    #[test]
    fn mood_needs_a_known_feeling_and_a_1_to_10_score() {
        let ok = NewMood {
            mood: 6,
            feelings: vec!["calm".into(), "hopeful".into()],
            ..Default::default()
        };
        assert_eq!(ok.validate(now()).unwrap().feelings.len(), 2);
        let zero = NewMood {
            mood: 0,
            ..Default::default()
        };
        assert_eq!(zero.validate(now()).unwrap_err().field, "mood");
        let unknown = NewMood {
            mood: 5,
            feelings: vec!["sad-ish".into()],
            ..Default::default()
        };
        assert_eq!(unknown.validate(now()).unwrap_err().field, "feelings");
    }

    proptest! {
        #[test]
        fn validation_never_panics(mood in any::<i32>(), feeling in ".{0,20}", note in "(?s).{0,200}") {
            let input = NewMood { mood, occurred_at: None, feelings: vec![feeling], note: Some(note) };
            let _ = input.validate(now());
        }
    }
}
