//! The daily aftercare check-in: a handful of yes/no questions and a 1-10 rating of the day.
//! Every answer may be skipped; at least one must be given.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::craving::NOTE_MAX_CHARS;
use super::fields::{day_or_today, optional_scale};
use super::text::optional_text;
use crate::error::ValidationError;

pub use super::ids::CheckinId;

/// The yes/no answers of a check-in; `None` means skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct CheckinAnswers {
    /// Slept well?
    pub slept_well: Option<bool>,
    /// Eaten properly?
    pub ate_well: Option<bool>,
    /// Took medication as prescribed (asked only when the person takes one).
    pub took_medication: Option<bool>,
    /// Went to a meeting, therapy or a keyworker appointment.
    pub attended_support: Option<bool>,
    /// Contacted someone from the support network.
    pub contacted_someone: Option<bool>,
    /// Exercise or another healthy activity.
    pub healthy_activity: Option<bool>,
    /// Been in a high-risk situation.
    pub high_risk_situation: Option<bool>,
    /// Used today.
    pub used_today: Option<bool>,
}

impl CheckinAnswers {
    /// Each answer with its column name and a short label, in the order they are asked.
    pub fn labelled(&self) -> [(&'static str, &'static str, Option<bool>); 8] {
        [
            ("slept_well", "Slept well", self.slept_well),
            ("ate_well", "Ate properly", self.ate_well),
            (
                "took_medication",
                "Took medication as prescribed",
                self.took_medication,
            ),
            (
                "attended_support",
                "Meeting, therapy or keyworker",
                self.attended_support,
            ),
            (
                "contacted_someone",
                "Contacted someone supportive",
                self.contacted_someone,
            ),
            (
                "healthy_activity",
                "Exercise or a healthy activity",
                self.healthy_activity,
            ),
            (
                "high_risk_situation",
                "Was in a high-risk situation",
                self.high_risk_situation,
            ),
            ("used_today", "Used today", self.used_today),
        ]
    }
}

/// A check-in as entered.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "NewCheckinInput")]
pub struct NewCheckin {
    /// The day, YYYY-MM-DD; `None` means today.
    #[serde(default)]
    pub date: Option<String>,
    /// The yes/no answers.
    #[serde(default)]
    pub answers: CheckinAnswers,
    /// The day overall, 1 to 10.
    #[serde(default)]
    pub day_rating: Option<i32>,
    /// An optional note.
    #[serde(default)]
    pub note: Option<String>,
}

/// A check-in that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCheckin {
    /// The day.
    pub date: NaiveDate,
    /// The answers.
    pub answers: CheckinAnswers,
    /// 1 to 10.
    pub day_rating: Option<u8>,
    /// Trimmed note.
    pub note: Option<String>,
}

/// A stored check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Checkin {
    /// Its id.
    pub id: CheckinId,
    /// The day, YYYY-MM-DD.
    pub date: String,
    /// The answers.
    pub answers: CheckinAnswers,
    /// The day overall, 1 to 10.
    pub day_rating: Option<u8>,
    /// The note.
    pub note: Option<String>,
}

impl NewCheckin {
    /// Checks the input; `now` gives today.
    pub fn validate(&self, now: DateTime<FixedOffset>) -> Result<ValidCheckin, ValidationError> {
        let date = day_or_today("date", self.date.as_deref(), now)?;
        let day_rating = optional_scale("dayRating", "The day's rating", self.day_rating, 1, 10)?;
        let note = optional_text("note", "The note", self.note.as_deref(), NOTE_MAX_CHARS)?;
        let answered = self.answers.labelled().iter().any(|(_, _, a)| a.is_some());
        if !answered && day_rating.is_none() && note.is_none() {
            return Err(ValidationError::new(
                "answers",
                "Answer at least one question before saving.",
            ));
        }
        Ok(ValidCheckin {
            date,
            answers: self.answers,
            day_rating,
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
    fn an_empty_check_in_is_refused_and_one_answer_is_enough() {
        assert_eq!(
            NewCheckin::default().validate(now()).unwrap_err().field,
            "answers"
        );
        let one = NewCheckin {
            answers: CheckinAnswers {
                used_today: Some(false),
                ..Default::default()
            },
            ..Default::default()
        };
        assert!(one.validate(now()).is_ok());
        let bad = NewCheckin {
            day_rating: Some(11),
            ..Default::default()
        };
        assert_eq!(bad.validate(now()).unwrap_err().field, "dayRating");
    }
}
