//! Coping strategies as the vault holds them: the built-in library plus the person's own, each
//! with the person's star and hide flags.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::coping::StrategyCategory;
use crate::error::ValidationError;
use crate::journal::text::optional_text;

pub use crate::journal::ids::StrategyId;

/// The longest strategy title, in characters.
pub const STRATEGY_TITLE_MAX_CHARS: usize = 60;
/// The longest strategy summary, in characters.
pub const STRATEGY_SUMMARY_MAX_CHARS: usize = 300;
/// The longest single step, in characters.
pub const STRATEGY_STEP_MAX_CHARS: usize = 300;
/// The most steps a strategy may have.
pub const STRATEGY_STEPS_MAX: usize = 5;

/// A strategy of the person's own, as typed, before validation.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "NewStrategyInput")]
pub struct NewStrategy {
    /// Its title, e.g. "Text my sister".
    pub title: String,
    /// One optional sentence on what it is.
    #[serde(default)]
    pub summary: Option<String>,
    /// One to five steps; blank ones are dropped.
    #[serde(default)]
    pub steps: Vec<String>,
    /// Its category key: `in_the_moment`, `daily_habits`, `connection`, `professional_help` or
    /// `body_and_health`.
    pub category: String,
}

/// A strategy that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidStrategy {
    /// Trimmed title.
    pub title: String,
    /// Trimmed summary, `None` if blank.
    pub summary: Option<String>,
    /// Trimmed steps, blanks dropped, one to five.
    pub steps: Vec<String>,
    /// Its category.
    pub category: StrategyCategory,
}

impl NewStrategy {
    /// Checks the title, summary, steps and category. Messages never repeat the text.
    pub fn validate(&self) -> Result<ValidStrategy, ValidationError> {
        if self.title.contains(['\n', '\r', '\t']) {
            return Err(ValidationError::new(
                "title",
                "A strategy's title must fit on one line.",
            ));
        }
        let title = optional_text(
            "title",
            "The title",
            Some(&self.title),
            STRATEGY_TITLE_MAX_CHARS,
        )?
        .ok_or_else(|| ValidationError::new("title", "Give the strategy a title."))?;
        let summary = optional_text(
            "summary",
            "The summary",
            self.summary.as_deref(),
            STRATEGY_SUMMARY_MAX_CHARS,
        )?;
        let mut steps = Vec::with_capacity(self.steps.len());
        for (i, step) in self.steps.iter().enumerate() {
            let label = format!("Step {}", i + 1);
            if let Some(step) = optional_text("steps", &label, Some(step), STRATEGY_STEP_MAX_CHARS)?
            {
                steps.push(step);
            }
        }
        if steps.is_empty() || steps.len() > STRATEGY_STEPS_MAX {
            return Err(ValidationError::new(
                "steps",
                format!("A strategy needs from 1 to {STRATEGY_STEPS_MAX} steps."),
            ));
        }
        let category = StrategyCategory::from_key(self.category.trim()).ok_or_else(|| {
            ValidationError::new(
                "category",
                "Choose a category: in the moment, daily habits, connection, professional help, \
                 or body and health.",
            )
        })?;
        Ok(ValidStrategy {
            title,
            summary,
            steps,
            category,
        })
    }
}

/// A coping strategy in the vault: built in (with its content key) or the person's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Strategy {
    /// Its id.
    pub id: StrategyId,
    /// The built-in library's stable key; `None` for the person's own.
    pub key: Option<String>,
    /// Its title; coping typed on a craving that matches it (in any case) counts for it.
    pub title: String,
    /// What it is and why it helps.
    pub summary: Option<String>,
    /// One to five steps.
    pub steps: Vec<String>,
    /// The group it is shown in.
    pub category: StrategyCategory,
    /// For built-ins, the material sections it rests on.
    pub source: Option<String>,
    /// The person's own (can be edited and deleted), not built in.
    pub custom: bool,
    /// Starred as a favourite: shown first, in the SOS panel too.
    pub starred: bool,
    /// Hidden as not fitting the person: left out of the library and the SOS panel.
    pub hidden: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn input(title: &str, steps: &[&str], category: &str) -> NewStrategy {
        NewStrategy {
            title: title.into(),
            summary: None,
            steps: steps.iter().map(|s| s.to_string()).collect(),
            category: category.into(),
        }
    }

    #[test]
    fn a_good_strategy_is_trimmed_and_blank_steps_dropped() {
        let v = input(
            "  Text my sister ",
            &["Open the chat.", "  ", "Say hi."],
            "connection",
        )
        .validate()
        .unwrap();
        assert_eq!(v.title, "Text my sister");
        assert_eq!(v.steps, vec!["Open the chat.", "Say hi."]);
        assert_eq!(v.category, StrategyCategory::Connection);
        assert_eq!(v.summary, None);
    }

    #[test]
    fn each_rule_names_its_field() {
        let long = "x".repeat(STRATEGY_TITLE_MAX_CHARS + 1);
        let cases = [
            (input(" ", &["a"], "connection"), "title"),
            (input("two\nlines", &["a"], "connection"), "title"),
            (input(&long, &["a"], "connection"), "title"),
            (input("Walk", &[], "connection"), "steps"),
            (input("Walk", &["  "], "connection"), "steps"),
            (
                input("Walk", &["a", "b", "c", "d", "e", "f"], "connection"),
                "steps",
            ),
            (input("Walk", &["a\u{0}b"], "connection"), "steps"),
            (input("Walk", &["a"], "weather"), "category"),
        ];
        for (case, field) in cases {
            assert_eq!(case.validate().unwrap_err().field, field, "{case:?}");
        }
        let mut summary = input("Walk", &["a"], "connection");
        summary.summary = Some("s".repeat(STRATEGY_SUMMARY_MAX_CHARS + 1));
        assert_eq!(summary.validate().unwrap_err().field, "summary");
    }

    proptest! {
        #[test]
        fn validation_never_panics(title in "(?s).{0,80}", step in "(?s).{0,80}", category in ".{0,20}") {
            let _ = NewStrategy { title, summary: None, steps: vec![step], category }.validate();
        }
    }
}
