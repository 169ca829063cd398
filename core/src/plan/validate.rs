//! The rules a relapse-prevention plan must meet before it is saved.

use super::model::{
    IfThenPlan, RelapsePlan, WarningSign, PLAN_LIST_MAX_ITEMS, PLAN_TEXT_MAX_CHARS,
};
use crate::error::ValidationError;
use crate::journal::text::optional_text;

/// One line of the plan: trimmed, no control characters at all (line breaks included, so every
/// item stays one line in the export), at most [`PLAN_TEXT_MAX_CHARS`]; blank is `None`.
fn plan_line(
    field: &'static str,
    label: &str,
    text: &str,
) -> Result<Option<String>, ValidationError> {
    let text = text.trim();
    if text.contains(['\n', '\r']) {
        return Err(ValidationError::new(
            field,
            format!("{label} must fit on one line."),
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(ValidationError::new(
            field,
            format!("{label} contains a control character; remove it and try again."),
        ));
    }
    optional_text(field, label, Some(text), PLAN_TEXT_MAX_CHARS)
}

/// Refuses a list longer than [`PLAN_LIST_MAX_ITEMS`], naming it as `what`.
fn bounded<T>(field: &'static str, what: &str, items: &[T]) -> Result<(), ValidationError> {
    if items.len() > PLAN_LIST_MAX_ITEMS {
        return Err(ValidationError::new(
            field,
            format!("A plan can hold at most {PLAN_LIST_MAX_ITEMS} {what}."),
        ));
    }
    Ok(())
}

/// A list of plain lines: each checked, blanks dropped. `item` labels one line ("Reason").
fn lines(
    field: &'static str,
    what: &str,
    item: &str,
    items: &[String],
) -> Result<Vec<String>, ValidationError> {
    bounded(field, what, items)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, text) in items.iter().enumerate() {
        if let Some(text) = plan_line(field, &format!("{item} {}", i + 1), text)? {
            out.push(text);
        }
    }
    Ok(out)
}

fn warning_signs(signs: &[WarningSign]) -> Result<Vec<WarningSign>, ValidationError> {
    const FIELD: &str = "warningSigns";
    bounded(FIELD, "warning signs", signs)?;
    let mut out = Vec::with_capacity(signs.len());
    for (i, sign) in signs.iter().enumerate() {
        if let Some(text) = plan_line(FIELD, &format!("Warning sign {}", i + 1), &sign.text)? {
            out.push(WarningSign {
                kind: sign.kind,
                stage: sign.stage,
                text,
            });
        }
    }
    Ok(out)
}

fn if_then_plans(plans: &[IfThenPlan]) -> Result<Vec<IfThenPlan>, ValidationError> {
    const FIELD: &str = "highRiskSituations";
    bounded(FIELD, "high-risk situations", plans)?;
    let mut out = Vec::with_capacity(plans.len());
    for (i, p) in plans.iter().enumerate() {
        let n = i + 1;
        let situation = plan_line(FIELD, &format!("Situation {n}"), &p.situation)?;
        let plan = plan_line(FIELD, &format!("The plan for situation {n}"), &p.plan)?;
        match (situation, plan) {
            (None, None) => {}
            (Some(situation), Some(plan)) => out.push(IfThenPlan { situation, plan }),
            (None, Some(_)) => {
                return Err(ValidationError::new(
                    FIELD,
                    format!("Situation {n} has a plan but no situation; say when it applies."),
                ))
            }
            (Some(_), None) => {
                return Err(ValidationError::new(
                    FIELD,
                    format!("Situation {n} has no plan yet; say what you will do."),
                ))
            }
        }
    }
    Ok(out)
}

impl RelapsePlan {
    /// Checks every section and returns the plan as it will be saved: texts trimmed, blank
    /// items dropped. Each text is one line of at most [`PLAN_TEXT_MAX_CHARS`] characters and
    /// each list holds at most [`PLAN_LIST_MAX_ITEMS`]; the error names the section and the item,
    /// never the text.
    pub fn validate(&self) -> Result<RelapsePlan, ValidationError> {
        Ok(RelapsePlan {
            reasons: lines("reasons", "reasons", "Reason", &self.reasons)?,
            warning_signs: warning_signs(&self.warning_signs)?,
            high_risk_situations: if_then_plans(&self.high_risk_situations)?,
            people_to_call: lines(
                "peopleToCall",
                "people to call",
                "Person to call",
                &self.people_to_call,
            )?,
            safe_places: lines("safePlaces", "safe places", "Safe place", &self.safe_places)?,
            safe_activities: lines(
                "safeActivities",
                "safe activities",
                "Safe activity",
                &self.safe_activities,
            )?,
            aftercare: lines(
                "aftercare",
                "aftercare commitments",
                "Aftercare commitment",
                &self.aftercare,
            )?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::{WarningSignKind, WarningSignStage};
    use proptest::prelude::*;

    fn sign(text: &str) -> WarningSign {
        WarningSign {
            kind: WarningSignKind::Thoughts,
            stage: WarningSignStage::Early,
            text: text.into(),
        }
    }

    #[test]
    fn texts_are_trimmed_and_blank_items_dropped() {
        let plan = RelapsePlan {
            reasons: vec!["  My kids ".into(), " ".into(), "My health".into()],
            warning_signs: vec![sign(" Skipping meals "), sign("")],
            high_risk_situations: vec![
                IfThenPlan {
                    situation: " Payday ".into(),
                    plan: " Give my card to Sam ".into(),
                },
                IfThenPlan {
                    situation: " ".into(),
                    plan: "".into(),
                },
            ],
            ..Default::default()
        };
        let valid = plan.validate().unwrap();
        assert_eq!(valid.reasons, vec!["My kids", "My health"]);
        assert_eq!(valid.warning_signs, vec![sign("Skipping meals")]);
        assert_eq!(
            valid.high_risk_situations,
            vec![IfThenPlan {
                situation: "Payday".into(),
                plan: "Give my card to Sam".into()
            }]
        );
        assert!(RelapsePlan::default().validate().unwrap().is_empty());
    }

    #[test]
    fn every_rule_names_its_section_without_echoing_text() {
        let long = "x".repeat(PLAN_TEXT_MAX_CHARS + 1);
        let cases: Vec<(RelapsePlan, &str)> = vec![
            (
                RelapsePlan {
                    reasons: vec![long.clone()],
                    ..Default::default()
                },
                "reasons",
            ),
            (
                RelapsePlan {
                    safe_places: vec!["secret\nline".into()],
                    ..Default::default()
                },
                "safePlaces",
            ),
            (
                RelapsePlan {
                    aftercare: vec!["secret\u{7}bell".into()],
                    ..Default::default()
                },
                "aftercare",
            ),
            (
                RelapsePlan {
                    people_to_call: vec!["Jo".into(); PLAN_LIST_MAX_ITEMS + 1],
                    ..Default::default()
                },
                "peopleToCall",
            ),
            (
                RelapsePlan {
                    safe_activities: vec!["secret\ttab".into()],
                    ..Default::default()
                },
                "safeActivities",
            ),
            (
                RelapsePlan {
                    warning_signs: vec![sign(&long)],
                    ..Default::default()
                },
                "warningSigns",
            ),
            (
                RelapsePlan {
                    high_risk_situations: vec![IfThenPlan {
                        situation: "secret payday".into(),
                        plan: " ".into(),
                    }],
                    ..Default::default()
                },
                "highRiskSituations",
            ),
            (
                RelapsePlan {
                    high_risk_situations: vec![IfThenPlan {
                        situation: "".into(),
                        plan: "secret plan".into(),
                    }],
                    ..Default::default()
                },
                "highRiskSituations",
            ),
        ];
        for (plan, field) in cases {
            let err = plan.validate().unwrap_err();
            assert_eq!(err.field, field, "{}", err.message);
            assert!(!err.message.contains("secret"), "{}", err.message);
        }
    }

    #[test]
    fn the_limits_themselves_are_accepted() {
        let plan = RelapsePlan {
            reasons: vec!["é".repeat(PLAN_TEXT_MAX_CHARS); PLAN_LIST_MAX_ITEMS],
            ..Default::default()
        };
        assert_eq!(plan.validate().unwrap().reasons.len(), PLAN_LIST_MAX_ITEMS);
    }

    proptest! {
        #[test]
        fn validation_never_panics(texts in proptest::collection::vec("(?s).{0,40}", 0..8)) {
            let plan = RelapsePlan {
                reasons: texts.clone(),
                warning_signs: texts.iter().map(|t| sign(t)).collect(),
                ..Default::default()
            };
            let _ = plan.validate();
        }
    }
}
