//! The person's catalogue of triggers: named, grouped by category, archived when no longer
//! relevant, and merged when two turn out to be the same thing.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::content::TriggerCategory;
use super::text::optional_text;
use crate::error::ValidationError;

pub use super::ids::TriggerId;

/// The longest trigger name, in characters.
pub const TRIGGER_NAME_MAX_CHARS: usize = 60;

/// A trigger as typed, before validation.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "NewTriggerInput")]
pub struct NewTrigger {
    /// Its name, e.g. "Payday".
    pub name: String,
    /// Its category key: `people`, `places`, `feelings`, `body_states`,
    /// `times_and_situations` or `things`.
    pub category: String,
}

/// A trigger that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTrigger {
    /// Trimmed name.
    pub name: String,
    /// Its category.
    pub category: TriggerCategory,
}

impl NewTrigger {
    /// Checks the name and category.
    pub fn validate(&self) -> Result<ValidTrigger, ValidationError> {
        let name = validate_trigger_name(&self.name)?;
        let category = TriggerCategory::from_key(self.category.trim()).ok_or_else(|| {
            ValidationError::new(
                "category",
                "Choose a category: people, places, feelings, body states, times and situations, or things.",
            )
        })?;
        Ok(ValidTrigger { name, category })
    }
}

/// Checks a trigger name: required, one line, at most [`TRIGGER_NAME_MAX_CHARS`].
pub fn validate_trigger_name(name: &str) -> Result<String, ValidationError> {
    if name.contains(['\n', '\r', '\t']) {
        return Err(ValidationError::new(
            "name",
            "A trigger name must fit on one line.",
        ));
    }
    optional_text("name", "The name", Some(name), TRIGGER_NAME_MAX_CHARS)?
        .ok_or_else(|| ValidationError::new("name", "Give the trigger a name."))
}

/// A trigger in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Trigger {
    /// Its id.
    pub id: TriggerId,
    /// Its name.
    pub name: String,
    /// Its category.
    pub category: TriggerCategory,
    /// Archived triggers are kept on old entries but not offered for new ones.
    pub archived: bool,
    /// How many cravings and lapses name it.
    pub uses: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_are_required_single_line_and_bounded() {
        let t = |name: &str| {
            NewTrigger {
                name: name.into(),
                category: "places".into(),
            }
            .validate()
        };
        assert_eq!(t("  Payday ").unwrap().name, "Payday");
        assert_eq!(t("   ").unwrap_err().field, "name");
        assert_eq!(t("two\nlines").unwrap_err().field, "name");
        assert_eq!(
            t(&"x".repeat(TRIGGER_NAME_MAX_CHARS + 1))
                .unwrap_err()
                .field,
            "name"
        );
        let bad_category = NewTrigger {
            name: "Payday".into(),
            category: "weather".into(),
        };
        assert_eq!(bad_category.validate().unwrap_err().field, "category");
    }

    proptest! {
        #[test]
        fn validation_never_panics(name in "(?s).{0,100}", category in ".{0,20}") {
            let _ = NewTrigger { name, category }.validate();
        }
    }
}
