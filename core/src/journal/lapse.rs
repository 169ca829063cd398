//! Lapses: when, what led up to it, what the person learned, and what they will do differently.
//! A lapse is information, not failure; the person decides whether the counter restarts.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::craving::{unique_ids, TriggerRef, NOTE_MAX_CHARS};
use super::fields::{time_or_now, LIST_MAX_ITEMS};
use super::ids::TriggerId;
use super::mood::validate_feelings;
use super::text::optional_text;
use crate::error::ValidationError;

pub use super::ids::LapseId;

/// A lapse as entered.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "NewLapseInput")]
pub struct NewLapse {
    /// When, RFC 3339; `None` means now.
    #[serde(default)]
    pub occurred_at: Option<String>,
    /// Triggers from the catalogue that led up to it.
    #[serde(default)]
    pub trigger_ids: Vec<TriggerId>,
    /// Feeling keys from the built-in list.
    #[serde(default)]
    pub feelings: Vec<String>,
    /// The situation, in the person's words.
    #[serde(default)]
    pub situation: Option<String>,
    /// What they learned.
    #[serde(default)]
    pub learned: Option<String>,
    /// What they will do differently next time.
    #[serde(default)]
    pub next_time: Option<String>,
    /// Whether the recovery counter starts again from this lapse.
    #[serde(default)]
    pub restarts_counter: bool,
}

/// A lapse that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLapse {
    /// When.
    pub occurred_at: DateTime<FixedOffset>,
    /// Triggers, without repeats.
    pub trigger_ids: Vec<TriggerId>,
    /// Feelings, known keys.
    pub feelings: Vec<String>,
    /// Trimmed texts.
    pub situation: Option<String>,
    /// See [`NewLapse::learned`].
    pub learned: Option<String>,
    /// See [`NewLapse::next_time`].
    pub next_time: Option<String>,
    /// See [`NewLapse::restarts_counter`].
    pub restarts_counter: bool,
}

/// A stored lapse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Lapse {
    /// Its id.
    pub id: LapseId,
    /// When, RFC 3339 in the person's offset then.
    pub occurred_at: String,
    /// Triggers that led up to it.
    pub triggers: Vec<TriggerRef>,
    /// Feeling keys.
    pub feelings: Vec<String>,
    /// The situation.
    pub situation: Option<String>,
    /// What they learned.
    pub learned: Option<String>,
    /// What they will do differently.
    pub next_time: Option<String>,
    /// Whether the counter restarted here.
    pub restarts_counter: bool,
}

impl NewLapse {
    /// Checks the input; `now` fills in a missing time.
    pub fn validate(&self, now: DateTime<FixedOffset>) -> Result<ValidLapse, ValidationError> {
        if self.trigger_ids.len() > LIST_MAX_ITEMS {
            return Err(ValidationError::new(
                "triggers",
                format!("Choose at most {LIST_MAX_ITEMS} triggers."),
            ));
        }
        let text = |field, label, value: &Option<String>| {
            optional_text(field, label, value.as_deref(), NOTE_MAX_CHARS)
        };
        Ok(ValidLapse {
            occurred_at: time_or_now("occurredAt", "a lapse", self.occurred_at.as_deref(), now)?,
            trigger_ids: unique_ids(&self.trigger_ids),
            feelings: validate_feelings(&self.feelings)?,
            situation: text("situation", "The situation", &self.situation)?,
            learned: text("learned", "What you learned", &self.learned)?,
            next_time: text("nextTime", "What you'll do differently", &self.next_time)?,
            restarts_counter: self.restarts_counter,
        })
    }
}
