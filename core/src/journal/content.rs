//! The journal's built-in content (starter triggers, feelings, safety facts, weekly review),
//! kept in `core/content/journal.toml` so it can be reviewed and translated without code changes.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use specta::Type;

/// The content file, compiled into the binary.
const JOURNAL_TOML: &str = include_str!("../../content/journal.toml");

/// The category a trigger belongs to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum TriggerCategory {
    /// Someone, or a kind of company.
    People,
    /// Somewhere.
    Places,
    /// An emotion or state of mind.
    Feelings,
    /// Something physical: pain, withdrawal, tiredness.
    BodyStates,
    /// A time, an occasion or a circumstance.
    TimesAndSituations,
    /// An object or substance.
    Things,
}

impl TriggerCategory {
    /// Every category, in the order they are offered.
    pub const ALL: [TriggerCategory; 6] = [
        TriggerCategory::People,
        TriggerCategory::Places,
        TriggerCategory::Feelings,
        TriggerCategory::BodyStates,
        TriggerCategory::TimesAndSituations,
        TriggerCategory::Things,
    ];

    /// The stored and serialized key, e.g. `body_states`.
    pub fn key(self) -> &'static str {
        match self {
            TriggerCategory::People => "people",
            TriggerCategory::Places => "places",
            TriggerCategory::Feelings => "feelings",
            TriggerCategory::BodyStates => "body_states",
            TriggerCategory::TimesAndSituations => "times_and_situations",
            TriggerCategory::Things => "things",
        }
    }

    /// The name shown to the person, e.g. "Body states".
    pub fn label(self) -> &'static str {
        match self {
            TriggerCategory::People => "People",
            TriggerCategory::Places => "Places",
            TriggerCategory::Feelings => "Feelings",
            TriggerCategory::BodyStates => "Body states",
            TriggerCategory::TimesAndSituations => "Times and situations",
            TriggerCategory::Things => "Things",
        }
    }

    /// The category with this key, if any; exact match.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// A trigger offered when the person starts their own catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StarterTrigger {
    /// Short, sentence-case name, at most 40 characters.
    pub name: String,
    /// Its category.
    pub category: TriggerCategory,
    /// Where the material supports it: "<material file>: <section heading>".
    pub source: String,
}

/// How a feeling generally sits with a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Painful or difficult.
    Hard,
    /// Neither clearly hard nor clearly good.
    Mixed,
    /// Pleasant or helpful.
    Good,
}

/// A feeling offered in a mood check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Feeling {
    /// Stable snake_case key, stored with check-ins.
    pub key: String,
    /// The word shown, capitalised.
    pub label: String,
    /// Its general tone.
    pub tone: Tone,
}

/// One fact on the opioid safety card shown after a lapse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SafetyFact {
    /// Stable key, e.g. `tolerance`.
    pub key: String,
    /// Short heading.
    pub title: String,
    /// One or two plain sentences.
    pub text: String,
    /// A material section or a public authority with the date it was checked.
    pub source: String,
}

/// Where the person is, for the emergency number on the safety card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Region {
    /// `uk`, `us` or `other`.
    pub key: String,
    /// The name shown, e.g. "United Kingdom".
    pub label: String,
    /// The number to call; empty means "your local emergency number".
    pub emergency: String,
    /// Where the number comes from, with the date it was checked.
    pub source: String,
}

/// Which part of recovery a weekly question looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// Opioid, alcohol and other drug use.
    Use,
    /// Things that make using more likely: cravings, poor sleep, low mood, conflict, risky
    /// places and people.
    Risk,
    /// Things that support recovery: people, meetings and treatment, purpose, confidence.
    Protective,
}

/// How a weekly question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// A count of days in the past week, 0 to 7.
    Days,
    /// A rating from 0 to 10, with labels for the two ends.
    Scale,
}

/// A question in the weekly review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WeeklyQuestion {
    /// Stable snake_case key, stored with answers.
    pub key: String,
    /// The domain it covers.
    pub domain: Domain,
    /// The question, addressed to the person, about the past 7 days.
    pub prompt: String,
    /// How it is answered.
    pub answer: AnswerKind,
    /// Label for 0 on a scale question; none (null) for day counts.
    pub low: Option<String>,
    /// Label for 10 on a scale question; none (null) for day counts.
    pub high: Option<String>,
}

/// A medication for opioid recovery the person may say they take. Names only: no doses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Medication {
    /// `methadone`, `buprenorphine`, `naltrexone` or `other`.
    pub key: String,
    /// The name shown.
    pub label: String,
    /// The material section describing it; empty for `other`.
    pub source: String,
}

/// All of the journal's built-in content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JournalContent {
    /// The content format's version.
    pub version: u32,
    /// Starter triggers.
    pub trigger: Vec<StarterTrigger>,
    /// Feelings for mood check-ins.
    pub feeling: Vec<Feeling>,
    /// The safety card, in display order.
    pub safety_fact: Vec<SafetyFact>,
    /// Regions and their emergency numbers.
    pub region: Vec<Region>,
    /// The weekly review, in display order.
    pub weekly_question: Vec<WeeklyQuestion>,
    /// Medication options.
    pub medication: Vec<Medication>,
}

/// The file's own layout: the same as [`JournalContent`], but with the snake_case table names
/// the TOML uses, so the API can stay camelCase.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContentFile {
    version: u32,
    trigger: Vec<StarterTrigger>,
    feeling: Vec<Feeling>,
    safety_fact: Vec<SafetyFact>,
    region: Vec<Region>,
    weekly_question: Vec<WeeklyQuestion>,
    medication: Vec<Medication>,
}

impl From<ContentFile> for JournalContent {
    fn from(file: ContentFile) -> Self {
        JournalContent {
            version: file.version,
            trigger: file.trigger,
            feeling: file.feeling,
            safety_fact: file.safety_fact,
            region: file.region,
            weekly_question: file.weekly_question,
            medication: file.medication,
        }
    }
}

/// Parses content in the file's layout.
fn parse(text: &str) -> Result<JournalContent, toml::de::Error> {
    toml::from_str::<ContentFile>(text).map(JournalContent::from)
}

/// The built-in content, parsed on first use.
pub fn journal_content() -> &'static JournalContent {
    static CONTENT: OnceLock<JournalContent> = OnceLock::new();
    CONTENT.get_or_init(|| {
        parse(JOURNAL_TOML).expect("core/content/journal.toml is compiled in and checked by tests")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::material::{MATERIAL_DIR, MATERIAL_FILES};
    use std::collections::HashSet;
    use std::path::Path;

    fn content() -> &'static JournalContent {
        journal_content()
    }

    /// Splits "<file>: <heading>" when the source cites a material file.
    fn material_citation(source: &str) -> Option<(&str, &str)> {
        let (file, heading) = source.split_once(": ")?;
        MATERIAL_FILES
            .contains(&file)
            .then_some((file, heading.trim()))
    }

    /// An authority citation ends in "checked YYYY-MM-DD".
    fn has_checked_date(source: &str) -> bool {
        source.rsplit_once("checked ").is_some_and(|(_, date)| {
            chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").is_ok()
        })
    }

    fn assert_cited(what: &str, source: &str) {
        assert!(!source.trim().is_empty(), "{what} has no source");
        assert!(
            material_citation(source).is_some() || has_checked_date(source),
            "{what}: source {source:?} names neither a material file nor an authority with a checked date"
        );
    }

    /// Every source in the file, with what it belongs to.
    fn all_sources() -> Vec<(String, &'static str)> {
        let c = content();
        let mut out = Vec::new();
        out.extend(
            c.trigger
                .iter()
                .map(|t| (format!("trigger {:?}", t.name), t.source.as_str())),
        );
        out.extend(
            c.safety_fact
                .iter()
                .map(|f| (format!("safety fact {:?}", f.key), f.source.as_str())),
        );
        out.extend(
            c.region
                .iter()
                .map(|r| (format!("region {:?}", r.key), r.source.as_str())),
        );
        out.extend(
            c.medication
                .iter()
                .filter(|m| m.key != "other")
                .map(|m| (format!("medication {:?}", m.key), m.source.as_str())),
        );
        out
    }

    #[test]
    fn file_parses() {
        let parsed = parse(JOURNAL_TOML).unwrap_or_else(|e| panic!("journal.toml: {e}"));
        assert_eq!(&parsed, journal_content());
    }

    #[test]
    fn version_is_1() {
        assert_eq!(content().version, 1);
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let extra = format!("{JOURNAL_TOML}\n[[region]]\nkey = \"x\"\nlabel = \"X\"\nemergency = \"1\"\nsource = \"s\"\nnote = \"?\"\n");
        assert!(parse(&extra).is_err());
    }

    #[test]
    fn counts_are_in_range() {
        let c = content();
        assert!(
            (14..=20).contains(&c.trigger.len()),
            "{} triggers",
            c.trigger.len()
        );
        assert!(
            (14..=18).contains(&c.feeling.len()),
            "{} feelings",
            c.feeling.len()
        );
        assert!(
            (4..=6).contains(&c.safety_fact.len()),
            "{} safety facts",
            c.safety_fact.len()
        );
        assert!(
            (8..=11).contains(&c.weekly_question.len()),
            "{} weekly questions",
            c.weekly_question.len()
        );
    }

    #[test]
    fn everything_that_needs_a_source_has_one() {
        for (what, source) in all_sources() {
            assert_cited(&what, source);
        }
        let other = content()
            .medication
            .iter()
            .find(|m| m.key == "other")
            .expect("an `other` medication");
        assert_eq!(other.source, "", "`other` medication cites nothing");
    }

    #[test]
    fn cited_material_files_and_headings_exist() {
        let dir = Path::new(MATERIAL_DIR);
        if !dir.is_dir() {
            eprintln!("skipped: {} is not here", dir.display());
            return;
        }
        for (what, source) in all_sources() {
            let Some((file, heading)) = material_citation(source) else {
                continue;
            };
            let path = dir.join(format!("{file}.txt"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{what}: cannot read {}: {e}", path.display()));
            assert!(
                text.lines().any(|line| line.trim() == heading),
                "{what}: no section headed {heading:?} in {file}"
            );
        }
    }

    #[test]
    fn trigger_names_are_unique_short_and_sentence_case() {
        let mut seen = HashSet::new();
        for t in &content().trigger {
            assert!(!t.name.trim().is_empty());
            assert_eq!(t.name, t.name.trim(), "{:?} has stray spaces", t.name);
            assert!(
                t.name.chars().count() <= 40,
                "{:?} is over 40 characters",
                t.name
            );
            assert!(
                t.name.chars().next().is_some_and(char::is_uppercase),
                "{:?} should start with a capital",
                t.name
            );
            assert!(
                seen.insert(t.name.to_lowercase()),
                "{:?} appears twice",
                t.name
            );
        }
    }

    #[test]
    fn every_category_has_a_starter_trigger() {
        let used: HashSet<_> = content().trigger.iter().map(|t| t.category).collect();
        for category in TriggerCategory::ALL {
            assert!(
                used.contains(&category),
                "no starter trigger in {}",
                category.key()
            );
        }
    }

    #[test]
    fn feeling_keys_are_unique_snake_case() {
        let mut seen = HashSet::new();
        for f in &content().feeling {
            assert!(
                !f.key.is_empty() && f.key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{:?} is not snake_case",
                f.key
            );
            assert!(!f.label.trim().is_empty());
            assert!(seen.insert(f.key.as_str()), "{:?} appears twice", f.key);
        }
        for tone in [Tone::Hard, Tone::Mixed, Tone::Good] {
            assert!(
                content().feeling.iter().any(|f| f.tone == tone),
                "no {tone:?} feeling"
            );
        }
    }

    #[test]
    fn regions_have_the_right_numbers() {
        let number = |key: &str| {
            content()
                .region
                .iter()
                .find(|r| r.key == key)
                .unwrap_or_else(|| panic!("no region {key}"))
                .emergency
                .as_str()
        };
        assert_eq!(number("uk"), "999");
        assert_eq!(number("us"), "911");
        assert_eq!(number("other"), "");
        assert_eq!(content().region.len(), 3);
    }

    #[test]
    fn weekly_questions_fit_their_answer_kind() {
        let mut keys = HashSet::new();
        for q in &content().weekly_question {
            assert!(keys.insert(q.key.as_str()), "{:?} appears twice", q.key);
            assert!(
                q.prompt.contains("past 7 days"),
                "{:?} should ask about the past 7 days",
                q.key
            );
            assert!(
                q.prompt.contains("you"),
                "{:?} should speak to the person",
                q.key
            );
            match q.answer {
                AnswerKind::Scale => assert!(
                    q.low.as_deref().is_some_and(|l| !l.trim().is_empty())
                        && q.high.as_deref().is_some_and(|h| !h.trim().is_empty()),
                    "scale question {:?} needs low and high labels",
                    q.key
                ),
                AnswerKind::Days => assert!(
                    q.low.is_none() && q.high.is_none(),
                    "day-count question {:?} takes no labels",
                    q.key
                ),
            }
        }
        for domain in [Domain::Use, Domain::Risk, Domain::Protective] {
            assert!(
                content().weekly_question.iter().any(|q| q.domain == domain),
                "no {domain:?} question"
            );
        }
    }

    #[test]
    fn safety_card_covers_the_essentials() {
        let keys: HashSet<_> = content()
            .safety_fact
            .iter()
            .map(|f| f.key.as_str())
            .collect();
        assert_eq!(
            keys.len(),
            content().safety_fact.len(),
            "duplicate safety fact keys"
        );
        for key in ["tolerance", "naloxone", "not_alone", "emergency"] {
            assert!(keys.contains(key), "the safety card lacks {key:?}");
        }
    }

    #[test]
    fn medications_are_the_four_options() {
        let keys: Vec<_> = content()
            .medication
            .iter()
            .map(|m| m.key.as_str())
            .collect();
        assert_eq!(keys, ["methadone", "buprenorphine", "naltrexone", "other"]);
    }

    #[test]
    fn wording_is_not_shaming() {
        const WORDS: [&str; 4] = ["clean", "dirty", "addict", "relapse"];
        let c = content();
        let texts = c
            .safety_fact
            .iter()
            .flat_map(|f| [f.title.as_str(), f.text.as_str()])
            .chain(c.weekly_question.iter().flat_map(|q| {
                [Some(q.prompt.as_str()), q.low.as_deref(), q.high.as_deref()]
                    .into_iter()
                    .flatten()
            }))
            .chain(c.trigger.iter().map(|t| t.name.as_str()))
            .chain(c.feeling.iter().map(|f| f.label.as_str()))
            .chain(c.medication.iter().map(|m| m.label.as_str()));
        for text in texts {
            let lower = text.to_lowercase();
            for word in WORDS {
                assert!(!lower.contains(word), "{text:?} contains {word:?}");
            }
        }
    }

    #[test]
    fn category_keys_round_trip() {
        for category in TriggerCategory::ALL {
            assert_eq!(TriggerCategory::from_key(category.key()), Some(category));
            assert_eq!(
                serde_json::to_value(category).unwrap(),
                serde_json::Value::from(category.key())
            );
            assert!(!category.label().is_empty());
        }
        assert_eq!(TriggerCategory::BodyStates.label(), "Body states");
        assert_eq!(TriggerCategory::from_key("weather"), None);
        assert_eq!(TriggerCategory::from_key("People"), None);
    }

    #[test]
    fn api_shape_is_camel_case() {
        let json = serde_json::to_value(content()).unwrap();
        assert!(json.get("safetyFact").is_some());
        assert!(json.get("weeklyQuestion").is_some());
        let back: JournalContent = serde_json::from_value(json).unwrap();
        assert_eq!(&back, content());
    }
}
