//! The weekly review: the person's own look back at the week, over the domains recovery
//! monitoring covers (use, risks, protective factors). Questions live in the content file.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::content::{journal_content, AnswerKind};
use super::craving::NOTE_MAX_CHARS;
use super::fields::day_or_today;
use super::text::optional_text;
use crate::error::ValidationError;

pub use super::ids::ReviewId;

/// A weekly review as entered.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "NewReviewInput")]
pub struct NewReview {
    /// Any day of the week under review, YYYY-MM-DD; `None` means this week. Stored as the
    /// week's Monday.
    #[serde(default)]
    pub week_of: Option<String>,
    /// Answers by question key: a count of days (0-7) or a 0-10 scale, as the question says.
    #[serde(default)]
    pub answers: BTreeMap<String, i32>,
    /// An optional note.
    #[serde(default)]
    pub note: Option<String>,
}

/// A review that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReview {
    /// The Monday of the week.
    pub week_start: NaiveDate,
    /// Known keys, values in range.
    pub answers: BTreeMap<String, u8>,
    /// Trimmed note.
    pub note: Option<String>,
}

/// A stored weekly review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    /// Its id.
    pub id: ReviewId,
    /// The Monday the week starts on, YYYY-MM-DD.
    pub week_start: String,
    /// Answers by question key.
    pub answers: BTreeMap<String, u8>,
    /// The note.
    pub note: Option<String>,
}

/// The Monday of the week holding `day`.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    // The earliest days chrono can hold have no Monday before them: clamp rather than panic.
    day.checked_sub_signed(Duration::days(i64::from(
        day.weekday().num_days_from_monday(),
    )))
    .unwrap_or(NaiveDate::MIN)
}

impl NewReview {
    /// Checks every answer against its question; `now` gives this week.
    pub fn validate(&self, now: DateTime<FixedOffset>) -> Result<ValidReview, ValidationError> {
        let day = day_or_today("weekOf", self.week_of.as_deref(), now)?;
        let questions = &journal_content().weekly_question;
        let mut answers = BTreeMap::new();
        for (key, value) in &self.answers {
            let question = questions.iter().find(|q| &q.key == key).ok_or_else(|| {
                ValidationError::new("answers", "One of the answers is for an unknown question.")
            })?;
            let max = match question.answer {
                AnswerKind::Days => 7,
                AnswerKind::Scale => 10,
            };
            let value = u8::try_from(*value)
                .ok()
                .filter(|v| *v <= max)
                .ok_or_else(|| {
                    ValidationError::new(
                        "answers",
                        format!("Answers to \"{}\" go from 0 to {max}.", question.prompt),
                    )
                })?;
            answers.insert(key.clone(), value);
        }
        let note = optional_text("note", "The note", self.note.as_deref(), NOTE_MAX_CHARS)?;
        if answers.is_empty() && note.is_none() {
            return Err(ValidationError::new(
                "answers",
                "Answer at least one question before saving.",
            ));
        }
        Ok(ValidReview {
            week_start: week_start(day),
            answers,
            note,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-22T09:00:00+00:00").unwrap()
    }

    #[test]
    fn answers_are_checked_against_their_questions() {
        let questions = &journal_content().weekly_question;
        let days = questions
            .iter()
            .find(|q| q.answer == AnswerKind::Days)
            .unwrap();
        let scale = questions
            .iter()
            .find(|q| q.answer == AnswerKind::Scale)
            .unwrap();
        let review = |key: &str, v: i32| NewReview {
            answers: BTreeMap::from([(key.to_string(), v)]),
            ..Default::default()
        };
        assert!(review(&days.key, 7).validate(now()).is_ok());
        assert!(review(&days.key, 8).validate(now()).is_err());
        assert!(review(&scale.key, 10).validate(now()).is_ok());
        assert!(review(&scale.key, -1).validate(now()).is_err());
        assert!(review("made_up", 1).validate(now()).is_err());
        // 22 Nov 2026 is a Sunday; its week starts on Monday the 16th.
        assert_eq!(
            review(&days.key, 1)
                .validate(now())
                .unwrap()
                .week_start
                .to_string(),
            "2026-11-16"
        );
    }
}
