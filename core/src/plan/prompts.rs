//! Guided prompts for a first draft of the plan: a few gentle questions per section, kept in
//! `core/content/plan.toml` so they can be reviewed and translated without code changes.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use specta::Type;

use super::model::PlanSection;

/// The content file, compiled into the binary.
const PLAN_TOML: &str = include_str!("../../content/plan.toml");

/// The prompts for one section of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PlanPrompt {
    /// The section they are for.
    pub section: PlanSection,
    /// The section's heading, as the plan and its export show it.
    pub title: String,
    /// Two or three questions to get the person started.
    pub questions: Vec<String>,
    /// The material sections the prompts rest on.
    pub source: String,
}

/// Every section's prompts, in the plan's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PlanPrompts {
    /// The content format's version.
    pub version: u32,
    /// One entry per section, in [`PlanSection::ALL`] order.
    pub prompts: Vec<PlanPrompt>,
}

/// One `[[plan_prompt]]` table as the file writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PromptEntry {
    section: PlanSection,
    questions: Vec<String>,
    source: String,
}

/// The file's own layout.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    version: u32,
    plan_prompt: Vec<PromptEntry>,
}

/// Parses content in the file's layout, putting the sections in the plan's order.
fn parse(text: &str) -> Result<PlanPrompts, toml::de::Error> {
    let file: PlanFile = toml::from_str(text)?;
    let mut prompts: Vec<PlanPrompt> = file
        .plan_prompt
        .into_iter()
        .map(|e| PlanPrompt {
            section: e.section,
            title: e.section.label().to_string(),
            questions: e.questions,
            source: e.source,
        })
        .collect();
    prompts.sort_by_key(|p| p.section);
    Ok(PlanPrompts {
        version: file.version,
        prompts,
    })
}

/// The built-in plan prompts, parsed on first use.
pub fn plan_prompts() -> &'static PlanPrompts {
    static PROMPTS: OnceLock<PlanPrompts> = OnceLock::new();
    PROMPTS.get_or_init(|| {
        parse(PLAN_TOML).expect("core/content/plan.toml is compiled in and checked by tests")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::material;

    fn all_questions() -> impl Iterator<Item = &'static String> {
        plan_prompts().prompts.iter().flat_map(|p| &p.questions)
    }

    #[test]
    fn file_parses_with_unknown_fields_refused() {
        assert_eq!(&parse(PLAN_TOML).unwrap(), plan_prompts());
        assert_eq!(plan_prompts().version, 1);
        assert!(parse(&format!("extra = 1\n{PLAN_TOML}")).is_err());
        let extra = format!(
            "{PLAN_TOML}\n[[plan_prompt]]\nsection = \"reasons\"\nquestions = [\"a?\"]\nsource = \"s\"\nnote = \"?\"\n"
        );
        assert!(parse(&extra).is_err());
    }

    #[test]
    fn every_section_has_one_entry_of_two_or_three_questions_in_plan_order() {
        let sections: Vec<PlanSection> = plan_prompts().prompts.iter().map(|p| p.section).collect();
        assert_eq!(sections, PlanSection::ALL);
        for p in &plan_prompts().prompts {
            assert!(
                (2..=3).contains(&p.questions.len()),
                "{:?} has {} questions",
                p.section,
                p.questions.len()
            );
            assert_eq!(p.title, p.section.label());
            for q in &p.questions {
                assert_eq!(q, q.trim(), "{q:?} has stray spaces");
                assert!(q.ends_with('?'), "{q:?} should be a question");
                assert!(
                    q.starts_with(char::is_uppercase),
                    "{q:?} should start with a capital"
                );
            }
        }
    }

    #[test]
    fn wording_is_not_shaming() {
        for q in all_questions() {
            let lower = q.to_lowercase();
            for word in ["clean", "dirty", "addict", "relapse"] {
                assert!(!lower.contains(word), "{q:?} contains {word:?}");
            }
        }
    }

    #[test]
    fn sources_cite_headings_that_exist() {
        for p in &plan_prompts().prompts {
            material::assert_cites_material(&format!("{:?}", p.section), &p.source);
        }
    }

    #[test]
    fn no_question_is_copied_from_the_material() {
        material::assert_not_copied(all_questions().map(String::as_str));
    }
}
