//! The person's own local helplines (their drug service, their keyworker's line), and the
//! helplines for their region that the app shows: built-in ones plus their own.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::phone::optional_phone;
use crate::error::ValidationError;
use crate::journal::text::optional_text;
use crate::library::Helpline;

pub use crate::journal::ids::LocalHelplineId;

/// The longest local helpline name, in characters.
pub const HELPLINE_NAME_MAX_CHARS: usize = 100;
/// The longest note on a local helpline, in characters.
pub const HELPLINE_NOTE_MAX_CHARS: usize = 500;

/// A local helpline as typed, before validation.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "NewLocalHelplineInput")]
pub struct NewLocalHelpline {
    /// Its name, e.g. "My drug service".
    pub name: String,
    /// The number: digits, spaces, `+`, `-` and brackets.
    pub number: String,
    /// A note: opening hours, who to ask for.
    #[serde(default)]
    pub note: Option<String>,
}

/// A local helpline that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLocalHelpline {
    /// Trimmed name.
    pub name: String,
    /// Trimmed number.
    pub number: String,
    /// Trimmed note, `None` if blank.
    pub note: Option<String>,
}

impl NewLocalHelpline {
    /// Checks the name, number and note.
    pub fn validate(&self) -> Result<ValidLocalHelpline, ValidationError> {
        if self.name.contains(['\n', '\r', '\t']) {
            return Err(ValidationError::new("name", "A name must fit on one line."));
        }
        let name = optional_text(
            "name",
            "The name",
            Some(&self.name),
            HELPLINE_NAME_MAX_CHARS,
        )?
        .ok_or_else(|| ValidationError::new("name", "Give the helpline a name."))?;
        let number = optional_phone("number", Some(&self.number))?
            .ok_or_else(|| ValidationError::new("number", "Enter the helpline's number."))?;
        let note = optional_text(
            "note",
            "The note",
            self.note.as_deref(),
            HELPLINE_NOTE_MAX_CHARS,
        )?;
        Ok(ValidLocalHelpline { name, number, note })
    }
}

/// One of the person's own helplines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LocalHelpline {
    /// Its id.
    pub id: LocalHelplineId,
    /// Its name.
    pub name: String,
    /// The number, as typed.
    pub number: String,
    /// The person's note.
    pub note: Option<String>,
}

/// The helplines to show: the built-in ones for the person's region and their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RegionHelplines {
    /// The profile's region key (`uk`, `us`, `other`), `None` when not set.
    pub region: Option<String>,
    /// The built-in helplines for that region, emergency number first; empty for a region
    /// Waymark has no numbers for.
    pub builtin: Vec<Helpline>,
    /// The person's own, in the order they were added.
    pub local: Vec<LocalHelpline>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, number: &str) -> NewLocalHelpline {
        NewLocalHelpline {
            name: name.into(),
            number: number.into(),
            note: None,
        }
    }

    #[test]
    fn name_and_number_are_required_and_checked() {
        let v = input(" My drug service ", " 0161 000 0000 ")
            .validate()
            .unwrap();
        assert_eq!(v.name, "My drug service");
        assert_eq!(v.number, "0161 000 0000");
        assert_eq!(input("", "0161").validate().unwrap_err().field, "name");
        assert_eq!(
            input("Service", " ").validate().unwrap_err().field,
            "number"
        );
        assert_eq!(
            input("Service", "ask at desk")
                .validate()
                .unwrap_err()
                .field,
            "number"
        );
        let mut long_note = input("Service", "0161 000 0000");
        long_note.note = Some("n".repeat(HELPLINE_NOTE_MAX_CHARS + 1));
        assert_eq!(long_note.validate().unwrap_err().field, "note");
    }
}
