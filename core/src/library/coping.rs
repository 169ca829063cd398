//! The coping library: practical strategies for cravings, hard days and long-term recovery,
//! kept in `core/content/coping.toml` so they can be reviewed and translated without code changes.
//!
//! Every strategy is written in Waymark's own words and cites the sections of the source material
//! it rests on; the tests below check those citations and that no wording was lifted.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use specta::Type;

/// The content file, compiled into the binary.
const COPING_TOML: &str = include_str!("../../content/coping.toml");

/// Which kind of help a strategy offers, used to group the library.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum StrategyCategory {
    /// For a craving, a hard feeling or a slip that is happening now.
    InTheMoment,
    /// Things to build into ordinary days.
    DailyHabits,
    /// People, peers and groups.
    Connection,
    /// Services, treatment and therapy.
    ProfessionalHelp,
    /// Looking after the body: fluids, food, exercise, sleep.
    BodyAndHealth,
}

impl StrategyCategory {
    /// Every category, in the order the library shows them.
    pub const ALL: [StrategyCategory; 5] = [
        StrategyCategory::InTheMoment,
        StrategyCategory::DailyHabits,
        StrategyCategory::Connection,
        StrategyCategory::ProfessionalHelp,
        StrategyCategory::BodyAndHealth,
    ];

    /// The stored and serialized key, e.g. `in_the_moment`.
    pub fn key(self) -> &'static str {
        match self {
            StrategyCategory::InTheMoment => "in_the_moment",
            StrategyCategory::DailyHabits => "daily_habits",
            StrategyCategory::Connection => "connection",
            StrategyCategory::ProfessionalHelp => "professional_help",
            StrategyCategory::BodyAndHealth => "body_and_health",
        }
    }

    /// The name shown to the person, e.g. "In the moment".
    pub fn label(self) -> &'static str {
        match self {
            StrategyCategory::InTheMoment => "In the moment",
            StrategyCategory::DailyHabits => "Daily habits",
            StrategyCategory::Connection => "Connection",
            StrategyCategory::ProfessionalHelp => "Professional help",
            StrategyCategory::BodyAndHealth => "Body and health",
        }
    }

    /// The category with this key, if any; exact match.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// One coping strategy in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LibraryStrategy {
    /// Stable snake_case key; journal entries may refer to it, so it is never reused.
    pub key: String,
    /// Short, sentence-case title, at most 50 characters.
    pub title: String,
    /// One sentence saying what the strategy is and why it helps.
    pub summary: String,
    /// Two to five concrete steps, addressed to the person.
    pub steps: Vec<String>,
    /// The group it is shown in.
    pub category: StrategyCategory,
    /// The material sections it rests on: "<file>: <heading>", several separated by "; ".
    pub source: String,
}

/// The whole coping library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CopingLibrary {
    /// The content format's version.
    pub version: u32,
    /// The strategies, in display order within each category.
    pub strategy: Vec<LibraryStrategy>,
}

/// The file's own layout, kept separate from [`CopingLibrary`] so the TOML's table names and the
/// camelCase API can change independently.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CopingFile {
    version: u32,
    strategy: Vec<LibraryStrategy>,
}

impl From<CopingFile> for CopingLibrary {
    fn from(file: CopingFile) -> Self {
        CopingLibrary {
            version: file.version,
            strategy: file.strategy,
        }
    }
}

/// Parses content in the file's layout.
fn parse(text: &str) -> Result<CopingLibrary, toml::de::Error> {
    toml::from_str::<CopingFile>(text).map(CopingLibrary::from)
}

/// The built-in coping library, parsed on first use.
pub fn coping_library() -> &'static CopingLibrary {
    static LIBRARY: OnceLock<CopingLibrary> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        parse(COPING_TOML).expect("core/content/coping.toml is compiled in and checked by tests")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::material::{material, words, MATERIAL_FILES};
    use std::collections::HashSet;

    /// Runs of this many words shared with the material count as copying.
    const COPY_RUN: usize = 8;

    fn library() -> &'static CopingLibrary {
        coping_library()
    }

    /// Splits a source into its "<file>: <heading>" citations.
    fn citations(source: &str) -> Vec<(&str, &str)> {
        source
            .split("; ")
            .map(|citation| {
                let (file, heading) = citation
                    .split_once(": ")
                    .unwrap_or_else(|| panic!("{citation:?} is not \"<file>: <heading>\""));
                (file.trim(), heading.trim())
            })
            .collect()
    }

    /// Every text a person reads, with what it belongs to.
    fn all_texts() -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        for s in &library().strategy {
            out.push((format!("{} title", s.key), s.title.as_str()));
            out.push((format!("{} summary", s.key), s.summary.as_str()));
            for (i, step) in s.steps.iter().enumerate() {
                out.push((format!("{} step {}", s.key, i + 1), step.as_str()));
            }
        }
        out
    }

    #[test]
    fn file_parses() {
        let parsed = parse(COPING_TOML).unwrap_or_else(|e| panic!("coping.toml: {e}"));
        assert_eq!(&parsed, coping_library());
    }

    #[test]
    fn version_is_1() {
        assert_eq!(library().version, 1);
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let extra = format!(
            "{COPING_TOML}\n[[strategy]]\nkey = \"x\"\ntitle = \"X\"\nsummary = \"X.\"\nsteps = [\"a\", \"b\"]\ncategory = \"connection\"\nsource = \"s\"\nnote = \"?\"\n"
        );
        assert!(parse(&extra).is_err());
        assert!(parse(&format!("extra = 1\n{COPING_TOML}")).is_err());
    }

    #[test]
    fn library_has_a_sensible_size() {
        let n = library().strategy.len();
        assert!((20..=30).contains(&n), "{n} strategies");
    }

    #[test]
    fn keys_are_unique_snake_case() {
        let mut seen = HashSet::new();
        for s in &library().strategy {
            assert!(
                !s.key.is_empty()
                    && s.key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                    && !s.key.starts_with('_')
                    && !s.key.ends_with('_'),
                "{:?} is not snake_case",
                s.key
            );
            assert!(seen.insert(s.key.as_str()), "{:?} appears twice", s.key);
        }
    }

    #[test]
    fn titles_are_unique_short_and_sentence_case() {
        let mut seen = HashSet::new();
        for s in &library().strategy {
            assert_eq!(s.title, s.title.trim(), "{:?} has stray spaces", s.title);
            assert!(!s.title.is_empty(), "{} has no title", s.key);
            assert!(
                s.title.chars().count() <= 50,
                "{:?} is over 50 characters",
                s.title
            );
            assert!(
                s.title.chars().next().is_some_and(char::is_uppercase),
                "{:?} should start with a capital",
                s.title
            );
            assert!(
                !s.title.ends_with('.'),
                "{:?} should not end in a full stop",
                s.title
            );
            assert!(
                seen.insert(s.title.to_lowercase()),
                "{:?} appears twice",
                s.title
            );
        }
    }

    #[test]
    fn summaries_are_single_sentences() {
        for s in &library().strategy {
            let summary = s.summary.trim();
            assert!(!summary.is_empty(), "{} has no summary", s.key);
            assert!(
                summary.ends_with('.'),
                "{}: summary should end with a full stop",
                s.key
            );
            let body = &summary[..summary.len() - 1];
            assert!(
                !body.contains(". ") && !body.contains("? ") && !body.contains("! "),
                "{}: summary should be one sentence",
                s.key
            );
        }
    }

    #[test]
    fn every_strategy_has_two_to_five_steps() {
        for s in &library().strategy {
            assert!(
                (2..=5).contains(&s.steps.len()),
                "{} has {} steps",
                s.key,
                s.steps.len()
            );
            for step in &s.steps {
                assert!(!step.trim().is_empty(), "{} has an empty step", s.key);
                assert_eq!(
                    step,
                    step.trim(),
                    "{}: step {step:?} has stray spaces",
                    s.key
                );
                assert!(
                    step.chars().next().is_some_and(char::is_uppercase),
                    "{}: step {step:?} should start with a capital",
                    s.key
                );
                assert!(
                    step.ends_with('.'),
                    "{}: step {step:?} should end with a full stop",
                    s.key
                );
            }
        }
    }

    #[test]
    fn every_category_is_used() {
        let used: HashSet<_> = library().strategy.iter().map(|s| s.category).collect();
        for category in StrategyCategory::ALL {
            assert!(
                used.contains(&category),
                "no strategy in {}",
                category.key()
            );
        }
    }

    #[test]
    fn every_source_cites_the_material() {
        for s in &library().strategy {
            assert!(!s.source.trim().is_empty(), "{} has no source", s.key);
            let cited = citations(&s.source);
            let mut seen = HashSet::new();
            for (file, heading) in cited {
                assert!(
                    MATERIAL_FILES.contains(&file),
                    "{}: {file:?} is not a material file",
                    s.key
                );
                assert!(
                    !heading.is_empty(),
                    "{}: citation of {file} has no heading",
                    s.key
                );
                assert!(
                    seen.insert((file, heading)),
                    "{}: cites {file}: {heading} twice",
                    s.key
                );
            }
        }
    }

    #[test]
    fn cited_headings_exist_in_the_material() {
        let Some(material) = material() else {
            return;
        };
        for s in &library().strategy {
            for (file, heading) in citations(&s.source) {
                let (_, text) = material
                    .iter()
                    .find(|(name, _)| *name == file)
                    .unwrap_or_else(|| panic!("{}: {file:?} is not a material file", s.key));
                assert!(
                    text.lines().any(|line| line.trim() == heading),
                    "{}: no section headed {heading:?} in {file}",
                    s.key
                );
            }
        }
    }

    /// Every run of [`COPY_RUN`] words in `texts`.
    fn word_runs<'a>(texts: impl IntoIterator<Item = &'a str>) -> HashSet<Vec<String>> {
        let mut runs = HashSet::new();
        for text in texts {
            for window in words(text).windows(COPY_RUN) {
                runs.insert(window.to_vec());
            }
        }
        runs
    }

    /// The first run of [`COPY_RUN`] words in `text` that also appears in `runs`.
    fn shared_run(text: &str, runs: &HashSet<Vec<String>>) -> Option<String> {
        words(text)
            .windows(COPY_RUN)
            .find(|window| runs.contains(*window))
            .map(|window| window.join(" "))
    }

    #[test]
    fn no_text_is_copied_from_the_material() {
        let Some(material) = material() else {
            return;
        };
        let runs = word_runs(material.iter().map(|(_, text)| text.as_str()));
        for s in &library().strategy {
            for text in std::iter::once(&s.summary).chain(&s.steps) {
                if let Some(run) = shared_run(text, &runs) {
                    panic!("{}: {text:?} copies {run:?} from the material", s.key);
                }
            }
        }
    }

    #[test]
    fn copy_check_ignores_case_and_punctuation() {
        let runs = word_runs(["Whether you\u{2019}re at home or away, reaching out for support can make all the difference."]);
        assert_eq!(
            shared_run(
                "Reaching out for SUPPORT can make all the difference!",
                &runs
            )
            .as_deref(),
            Some("reaching out for support can make all the")
        );
        assert_eq!(
            shared_run("Whether you're at home, or away: reaching out", &runs).as_deref(),
            Some("whether you re at home or away reaching")
        );
        assert_eq!(
            shared_run("Call someone you trust and tell them how you feel.", &runs),
            None
        );
        assert_eq!(shared_run("Too short to matter.", &runs), None);
    }

    #[test]
    fn wording_is_not_shaming() {
        const WORDS: [&str; 4] = ["clean", "dirty", "addict", "relapse"];
        for (what, text) in all_texts() {
            let lower = text.to_lowercase();
            for word in WORDS {
                assert!(!lower.contains(word), "{what}: {text:?} contains {word:?}");
            }
        }
    }

    #[test]
    fn no_doses() {
        const UNITS: [&str; 5] = ["mg", "ml", "mcg", "milligram", "dose"];
        for (what, text) in all_texts() {
            for word in words(text) {
                assert!(
                    !UNITS.iter().any(|unit| word.starts_with(unit)),
                    "{what}: {text:?} mentions {word:?}"
                );
            }
        }
    }

    #[test]
    fn category_keys_round_trip() {
        for category in StrategyCategory::ALL {
            assert_eq!(StrategyCategory::from_key(category.key()), Some(category));
            assert_eq!(
                serde_json::to_value(category).unwrap(),
                serde_json::Value::from(category.key())
            );
        }
        let labels: Vec<_> = StrategyCategory::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(
            labels,
            [
                "In the moment",
                "Daily habits",
                "Connection",
                "Professional help",
                "Body and health"
            ]
        );
        assert_eq!(StrategyCategory::from_key("In the moment"), None);
        assert_eq!(StrategyCategory::from_key("weather"), None);
    }

    #[test]
    fn api_shape_round_trips() {
        let json = serde_json::to_value(library()).unwrap();
        assert_eq!(json["version"], 1);
        let first = &json["strategy"][0];
        for field in ["key", "title", "summary", "steps", "category", "source"] {
            assert!(first.get(field).is_some(), "strategy JSON lacks {field:?}");
        }
        let back: CopingLibrary = serde_json::from_value(json).unwrap();
        assert_eq!(&back, library());
    }
}
