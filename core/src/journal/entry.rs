//! The daily journal: one entry per day, free text (plain or Markdown), "one thing that went
//! well", and tags.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::fields::{day_or_today, short_text_list};
use super::text::optional_text;
use crate::error::ValidationError;

pub use super::ids::JournalEntryId;

/// The longest journal entry, in characters (about forty pages).
pub const ENTRY_MAX_CHARS: usize = 100_000;
/// The longest "one thing that went well", in characters.
pub const WENT_WELL_MAX_CHARS: usize = 1_000;
/// The longest tag, in characters.
const TAG_MAX_CHARS: usize = 40;

/// A journal entry as written.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "NewJournalEntryInput")]
pub struct NewJournalEntry {
    /// The day it is about, YYYY-MM-DD; `None` means today.
    #[serde(default)]
    pub date: Option<String>,
    /// The text, plain or Markdown.
    pub body: String,
    /// One thing that went well today.
    #[serde(default)]
    pub went_well: Option<String>,
    /// Short tags.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A journal entry that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidJournalEntry {
    /// The day.
    pub date: NaiveDate,
    /// The text, trimmed.
    pub body: String,
    /// Trimmed, `None` if blank.
    pub went_well: Option<String>,
    /// Lower-cased, trimmed, unique.
    pub tags: Vec<String>,
}

/// A stored journal entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    /// Its id.
    pub id: JournalEntryId,
    /// The day, YYYY-MM-DD.
    pub date: String,
    /// The text.
    pub body: String,
    /// One thing that went well.
    pub went_well: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
}

impl NewJournalEntry {
    /// Checks the input; `now` gives today.
    pub fn validate(
        &self,
        now: DateTime<FixedOffset>,
    ) -> Result<ValidJournalEntry, ValidationError> {
        let date = day_or_today("date", self.date.as_deref(), now)?;
        let went_well = optional_text(
            "wentWell",
            "One thing that went well",
            self.went_well.as_deref(),
            WENT_WELL_MAX_CHARS,
        )?;
        let body = optional_text("body", "The entry", Some(&self.body), ENTRY_MAX_CHARS)?
            .ok_or_else(|| ValidationError::new("body", "Write something before saving."))?;
        let tags = short_text_list("tags", "tags", &self.tags)?
            .into_iter()
            .map(|t| t.trim_start_matches('#').trim().to_lowercase())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>();
        if tags.iter().any(|t| t.chars().count() > TAG_MAX_CHARS) {
            return Err(ValidationError::new(
                "tags",
                format!("A tag can be at most {TAG_MAX_CHARS} characters."),
            ));
        }
        let mut unique: Vec<String> = Vec::with_capacity(tags.len());
        for tag in tags {
            if !unique.contains(&tag) {
                unique.push(tag);
            }
        }
        Ok(ValidJournalEntry {
            date,
            body,
            went_well,
            tags: unique,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-22T09:00:00+00:00").unwrap()
    }

    #[test]
    fn an_entry_needs_text_and_tags_are_normalised() {
        let empty = NewJournalEntry {
            body: "  ".into(),
            ..Default::default()
        };
        assert_eq!(empty.validate(now()).unwrap_err().field, "body");
        let e = NewJournalEntry {
            body: "A **good** day".into(),
            tags: vec!["#Work".into(), "work".into(), " Family ".into()],
            ..Default::default()
        }
        .validate(now())
        .unwrap();
        assert_eq!(e.tags, vec!["work".to_string(), "family".to_string()]);
        assert_eq!(e.date.to_string(), "2026-11-22");
    }

    proptest! {
        #[test]
        fn validation_never_panics(body in "(?s).{0,300}", tag in ".{0,60}", date in ".{0,12}") {
            let input = NewJournalEntry { date: Some(date), body, went_well: None, tags: vec![tag] };
            let _ = input.validate(now());
        }
    }
}
