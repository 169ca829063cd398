//! Helplines: emergency, urgent medical, drugs and crisis numbers for the regions Waymark knows,
//! kept in `core/content/helplines.toml` with the page each number was checked against.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use specta::Type;

/// The content file, compiled into the binary.
const HELPLINES_TOML: &str = include_str!("../../content/helplines.toml");

/// What a helpline is for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum HelplineKind {
    /// The emergency number: a life is at risk now.
    Emergency,
    /// Medical help that is needed soon but is not an emergency.
    UrgentMedical,
    /// Advice about drugs and finding treatment.
    Drugs,
    /// Someone to talk to in emotional distress or a crisis.
    Crisis,
}

impl HelplineKind {
    /// Every kind, in the order they are shown.
    pub const ALL: [HelplineKind; 4] = [
        HelplineKind::Emergency,
        HelplineKind::UrgentMedical,
        HelplineKind::Drugs,
        HelplineKind::Crisis,
    ];

    /// The stored and serialized key, e.g. `urgent_medical`.
    pub fn key(self) -> &'static str {
        match self {
            HelplineKind::Emergency => "emergency",
            HelplineKind::UrgentMedical => "urgent_medical",
            HelplineKind::Drugs => "drugs",
            HelplineKind::Crisis => "crisis",
        }
    }

    /// The name shown to the person, e.g. "Urgent medical help".
    pub fn label(self) -> &'static str {
        match self {
            HelplineKind::Emergency => "Emergency",
            HelplineKind::UrgentMedical => "Urgent medical help",
            HelplineKind::Drugs => "Drugs advice",
            HelplineKind::Crisis => "Someone to talk to",
        }
    }

    /// The kind with this key, if any; exact match.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One helpline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Helpline {
    /// The region it serves: `uk` or `us`.
    pub region: String,
    /// The service's name, e.g. "Samaritans".
    pub name: String,
    /// The number as dialled, e.g. "116 123"; only digits, spaces and dashes.
    pub number: String,
    /// What it is for.
    pub kind: HelplineKind,
    /// When it is answered, e.g. "24 hours, every day".
    pub hours: String,
    /// One sentence on when to call and what to expect.
    pub description: String,
    /// The organisation and the page the number and hours were checked against.
    pub source: String,
    /// When they were last checked, as `YYYY-MM-DD`.
    pub checked: String,
}

/// All of the built-in helplines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Helplines {
    /// The content format's version.
    pub version: u32,
    /// The helplines, grouped by region, in display order.
    pub helpline: Vec<Helpline>,
}

/// The file's own layout, kept separate from [`Helplines`] so the TOML's table names and the
/// camelCase API can change independently.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HelplinesFile {
    version: u32,
    helpline: Vec<Helpline>,
}

impl From<HelplinesFile> for Helplines {
    fn from(file: HelplinesFile) -> Self {
        Helplines {
            version: file.version,
            helpline: file.helpline,
        }
    }
}

/// Parses content in the file's layout.
fn parse(text: &str) -> Result<Helplines, toml::de::Error> {
    toml::from_str::<HelplinesFile>(text).map(Helplines::from)
}

/// The built-in helplines, parsed on first use.
pub fn helplines() -> &'static Helplines {
    static HELPLINES: OnceLock<Helplines> = OnceLock::new();
    HELPLINES.get_or_init(|| {
        parse(HELPLINES_TOML)
            .expect("core/content/helplines.toml is compiled in and checked by tests")
    })
}

/// The helplines for one region (`uk` or `us`, exact match), in display order; empty for a
/// region Waymark has no numbers for.
pub fn helplines_for(region: &str) -> Vec<&'static Helpline> {
    helplines()
        .helpline
        .iter()
        .filter(|h| h.region == region)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const REGIONS: [&str; 2] = ["uk", "us"];

    fn numbers(region: &str) -> Vec<&'static str> {
        helplines_for(region)
            .into_iter()
            .map(|h| h.number.as_str())
            .collect()
    }

    #[test]
    fn file_parses() {
        let parsed = parse(HELPLINES_TOML).unwrap_or_else(|e| panic!("helplines.toml: {e}"));
        assert_eq!(&parsed, helplines());
    }

    #[test]
    fn version_is_1() {
        assert_eq!(helplines().version, 1);
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let extra = format!(
            "{HELPLINES_TOML}\n[[helpline]]\nregion = \"uk\"\nname = \"X\"\nnumber = \"1\"\nkind = \"crisis\"\nhours = \"h\"\ndescription = \"d\"\nsource = \"s\"\nchecked = \"2026-11-22\"\nnote = \"?\"\n"
        );
        assert!(parse(&extra).is_err());
        assert!(parse(&format!("extra = 1\n{HELPLINES_TOML}")).is_err());
    }

    #[test]
    fn every_helpline_is_filled_in_sourced_and_dated() {
        for h in &helplines().helpline {
            for (field, value) in [
                ("name", &h.name),
                ("hours", &h.hours),
                ("description", &h.description),
                ("source", &h.source),
            ] {
                assert!(!value.trim().is_empty(), "{}: empty {field}", h.name);
                assert_eq!(value, value.trim(), "{}: {field} has stray spaces", h.name);
            }
            assert!(
                chrono::NaiveDate::parse_from_str(&h.checked, "%Y-%m-%d").is_ok(),
                "{}: checked {:?} is not a YYYY-MM-DD date",
                h.name,
                h.checked
            );
            assert!(
                h.description.ends_with('.'),
                "{}: description should be a sentence",
                h.name
            );
        }
    }

    #[test]
    fn regions_are_known() {
        for h in &helplines().helpline {
            assert!(
                REGIONS.contains(&h.region.as_str()),
                "{}: unknown region {:?}",
                h.name,
                h.region
            );
        }
    }

    #[test]
    fn numbers_are_digits_spaces_and_dashes() {
        for h in &helplines().helpline {
            assert!(
                h.number
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ' ' || c == '-'),
                "{}: {:?} has other characters",
                h.name,
                h.number
            );
            assert!(
                h.number.starts_with(|c: char| c.is_ascii_digit())
                    && h.number.ends_with(|c: char| c.is_ascii_digit()),
                "{}: {:?} should start and end with a digit",
                h.name,
                h.number
            );
        }
    }

    #[test]
    fn uk_has_the_essential_numbers() {
        let uk = numbers("uk");
        for number in ["999", "111", "0300 123 6600", "116 123"] {
            assert!(uk.contains(&number), "the UK set lacks {number}");
        }
    }

    #[test]
    fn us_has_the_essential_numbers() {
        let us = numbers("us");
        for number in ["911", "988", "1-800-662-4357"] {
            assert!(us.contains(&number), "the US set lacks {number}");
        }
    }

    #[test]
    fn each_region_has_one_emergency_number_first() {
        for region in REGIONS {
            let lines = helplines_for(region);
            let emergencies: Vec<_> = lines
                .iter()
                .filter(|h| h.kind == HelplineKind::Emergency)
                .collect();
            assert_eq!(emergencies.len(), 1, "{region} needs one emergency number");
            assert_eq!(
                lines.first().map(|h| h.kind),
                Some(HelplineKind::Emergency),
                "{region}: the emergency number comes first"
            );
        }
        assert_eq!(numbers("uk")[0], "999");
        assert_eq!(numbers("us")[0], "911");
    }

    #[test]
    fn numbers_are_unique_within_a_region() {
        for region in REGIONS {
            let mut seen = HashSet::new();
            for number in numbers(region) {
                assert!(seen.insert(number), "{region}: {number} appears twice");
            }
        }
    }

    #[test]
    fn no_commercial_lines_from_the_material() {
        // Admissions and enquiry lines of private providers printed in the source material.
        const COMMERCIAL: [&str; 3] = ["08003265559", "03303338188", "8008171247"];
        for h in &helplines().helpline {
            let digits: String = h.number.chars().filter(char::is_ascii_digit).collect();
            for commercial in COMMERCIAL {
                assert!(
                    !digits.ends_with(commercial),
                    "{}: {} is a commercial line",
                    h.name,
                    h.number
                );
            }
        }
    }

    #[test]
    fn helplines_for_filters_by_exact_region() {
        let uk = helplines_for("uk");
        assert!(!uk.is_empty());
        assert!(uk.iter().all(|h| h.region == "uk"));
        assert_eq!(
            uk.len() + helplines_for("us").len(),
            helplines().helpline.len()
        );
        assert!(helplines_for("UK").is_empty());
        assert!(helplines_for("other").is_empty());
        assert!(helplines_for("").is_empty());
    }

    #[test]
    fn every_kind_is_used() {
        let used: HashSet<_> = helplines().helpline.iter().map(|h| h.kind).collect();
        for kind in HelplineKind::ALL {
            assert!(used.contains(&kind), "no {} helpline", kind.key());
        }
    }

    #[test]
    fn wording_is_not_shaming() {
        const WORDS: [&str; 4] = ["clean", "dirty", "addict", "relapse"];
        for h in &helplines().helpline {
            let lower = h.description.to_lowercase();
            for word in WORDS {
                assert!(
                    !lower.contains(word),
                    "{}: description contains {word:?}",
                    h.name
                );
            }
        }
    }

    #[test]
    fn kind_keys_round_trip() {
        for kind in HelplineKind::ALL {
            assert_eq!(HelplineKind::from_key(kind.key()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::Value::from(kind.key())
            );
            assert!(!kind.label().is_empty());
        }
        assert_eq!(HelplineKind::from_key("Crisis"), None);
    }

    #[test]
    fn api_shape_round_trips() {
        let json = serde_json::to_value(helplines()).unwrap();
        assert_eq!(json["version"], 1);
        let first = &json["helpline"][0];
        for field in [
            "region",
            "name",
            "number",
            "kind",
            "hours",
            "description",
            "source",
            "checked",
        ] {
            assert!(first.get(field).is_some(), "helpline JSON lacks {field:?}");
        }
        let back: Helplines = serde_json::from_value(json).unwrap();
        assert_eq!(&back, helplines());
    }
}
