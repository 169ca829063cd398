//! What the person told Waymark about themselves: recovery start date, region (for the
//! emergency number), and whether they take a medication for opioid recovery (never which dose).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::content::journal_content;
use super::fields::day_or_today;
use crate::error::ValidationError;

/// The profile as stored and shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// The recovery start date, YYYY-MM-DD.
    pub recovery_start: Option<String>,
    /// Region key from the content file (`uk`, `us`, `other`).
    pub region: Option<String>,
    /// Medication key from the content file, or `None` when the person takes none.
    pub medication: Option<String>,
}

/// A profile change as entered; every field is replaced.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "ProfileInput")]
pub struct ProfileInput {
    /// The recovery start date, YYYY-MM-DD; `None` clears it.
    #[serde(default)]
    pub recovery_start: Option<String>,
    /// Region key.
    #[serde(default)]
    pub region: Option<String>,
    /// Medication key, or `None`.
    #[serde(default)]
    pub medication: Option<String>,
}

/// A profile that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProfile {
    /// See [`Profile::recovery_start`].
    pub recovery_start: Option<NaiveDate>,
    /// See [`Profile::region`].
    pub region: Option<String>,
    /// See [`Profile::medication`].
    pub medication: Option<String>,
}

fn known_key(
    field: &'static str,
    message: &str,
    value: Option<&str>,
    keys: &[&str],
) -> Result<Option<String>, ValidationError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) if keys.contains(&v) => Ok(Some(v.to_string())),
        Some(_) => Err(ValidationError::new(field, message)),
    }
}

impl ProfileInput {
    /// Checks the input; the start date cannot be after today.
    pub fn validate(&self, now: DateTime<FixedOffset>) -> Result<ValidProfile, ValidationError> {
        let content = journal_content();
        let recovery_start = match self
            .recovery_start
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(text) => Some(day_or_today("recoveryStart", Some(text), now)?),
        };
        Ok(ValidProfile {
            recovery_start,
            region: known_key(
                "region",
                "Choose a region from the list.",
                self.region.as_deref(),
                &content
                    .region
                    .iter()
                    .map(|r| r.key.as_str())
                    .collect::<Vec<_>>(),
            )?,
            medication: known_key(
                "medication",
                "Choose a medication from the list, or none.",
                self.medication.as_deref(),
                &content
                    .medication
                    .iter()
                    .map(|m| m.key.as_str())
                    .collect::<Vec<_>>(),
            )?,
        })
    }
}
