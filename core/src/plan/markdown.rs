//! The plan as a readable Markdown document, to print or hand to a counsellor.

use std::fmt::Write as _;

use super::model::{IfThenPlan, PlanSection, RelapsePlan, WarningSignKind, WarningSignStage};
use crate::support::Contact;

/// What an empty section says, so the reader sees it was not forgotten in the export.
const EMPTY: &str = "_Nothing written here yet._";

/// Escapes the person's text so Markdown shows it as written: inline marks everywhere, and a
/// leading character that would start a heading, quote or list.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    // "1. " or "1) " at the start would become a numbered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// One bullet per item, or the empty marker.
fn bullets(out: &mut String, items: &[String]) {
    if items.is_empty() {
        let _ = writeln!(out, "{EMPTY}");
    }
    for item in items {
        let _ = writeln!(out, "- {}", escape(item));
    }
}

/// "If …, then …", without doubling an "If" or "then" the person already typed, and ending in
/// a full stop unless the plan already ends in punctuation.
fn if_then_line(p: &IfThenPlan) -> String {
    fn strip_word<'a>(text: &'a str, word: &str) -> &'a str {
        match (text.get(..word.len()), text.get(word.len()..)) {
            (Some(head), Some(rest))
                if head.eq_ignore_ascii_case(word) && !rest.trim().is_empty() =>
            {
                rest.trim_start()
            }
            _ => text,
        }
    }
    let situation = strip_word(&p.situation, "if ").trim_end_matches([',', '.', ';', ':']);
    let plan = strip_word(&p.plan, "then ");
    let stop = if plan.ends_with(['.', '!', '?']) {
        ""
    } else {
        "."
    };
    format!("If {}, then {}{stop}", escape(situation), escape(plan))
}

impl RelapsePlan {
    /// The plan as a Markdown document: a heading per section, warning signs grouped by stage
    /// then kind, high-risk situations as "If …, then …" lines, and under "People I can call"
    /// the plan's own lines followed by `contacts` in call order (name, role, phone, email;
    /// their notes stay out). The person's text is escaped so it reads exactly as written.
    pub fn to_markdown(&self, contacts: &[Contact]) -> String {
        let mut out = String::from("# My relapse-prevention plan\n");
        for section in PlanSection::ALL {
            let _ = write!(out, "\n## {}\n\n", section.label());
            match section {
                PlanSection::Reasons => bullets(&mut out, &self.reasons),
                PlanSection::WarningSigns => self.warning_signs_markdown(&mut out),
                PlanSection::HighRiskSituations => {
                    let lines: Vec<String> =
                        self.high_risk_situations.iter().map(if_then_line).collect();
                    if lines.is_empty() {
                        let _ = writeln!(out, "{EMPTY}");
                    }
                    for line in lines {
                        let _ = writeln!(out, "- {line}");
                    }
                }
                PlanSection::PeopleToCall => {
                    people_markdown(&mut out, &self.people_to_call, contacts)
                }
                PlanSection::SafePlaces => bullets(&mut out, &self.safe_places),
                PlanSection::SafeActivities => bullets(&mut out, &self.safe_activities),
                PlanSection::Aftercare => bullets(&mut out, &self.aftercare),
            }
        }
        out.push_str(
            "\n---\n\n_This copy of the plan is not encrypted. Keep it somewhere private, or \
             delete it when you no longer need it._\n",
        );
        out
    }

    fn warning_signs_markdown(&self, out: &mut String) {
        if self.warning_signs.is_empty() {
            let _ = writeln!(out, "{EMPTY}");
            return;
        }
        let mut first = true;
        for stage in WarningSignStage::ALL {
            if !self.warning_signs.iter().any(|s| s.stage == stage) {
                continue;
            }
            if !first {
                out.push('\n');
            }
            first = false;
            let _ = writeln!(out, "### {}", stage.label());
            for kind in WarningSignKind::ALL {
                let texts: Vec<String> = self
                    .warning_signs
                    .iter()
                    .filter(|s| s.stage == stage && s.kind == kind)
                    .map(|s| s.text.clone())
                    .collect();
                if !texts.is_empty() {
                    let _ = write!(out, "\n**{}**\n\n", kind.label());
                    bullets(out, &texts);
                }
            }
        }
    }
}

/// The plan's own lines, then the contacts in call order.
fn people_markdown(out: &mut String, lines: &[String], contacts: &[Contact]) {
    if lines.is_empty() && contacts.is_empty() {
        let _ = writeln!(out, "{EMPTY}");
        return;
    }
    for line in lines {
        let _ = writeln!(out, "- {}", escape(line));
    }
    for c in contacts {
        let mut line = format!("- {} ({})", escape(&c.name), c.role.label());
        let reach: Vec<String> = [&c.phone, &c.email]
            .into_iter()
            .flatten()
            .map(|s| escape(s))
            .collect();
        if !reach.is_empty() {
            let _ = write!(line, ": {}", reach.join(", "));
        }
        let _ = writeln!(out, "{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::WarningSign;
    use crate::support::{ContactId, ContactRole};

    fn sign(stage: WarningSignStage, kind: WarningSignKind, text: &str) -> WarningSign {
        WarningSign {
            kind,
            stage,
            text: text.into(),
        }
    }

    fn contact(name: &str, role: ContactRole, phone: Option<&str>, email: Option<&str>) -> Contact {
        Contact {
            id: ContactId(1),
            name: name.into(),
            role,
            phone: phone.map(Into::into),
            email: email.map(Into::into),
            notes: Some("private note".into()),
            call_order: 0,
        }
    }

    #[test]
    fn a_full_plan_reads_as_expected() {
        use WarningSignKind::*;
        use WarningSignStage::*;
        let plan = RelapsePlan {
            reasons: vec!["My daughter".into(), "My health".into()],
            warning_signs: vec![
                sign(Late, Behaviour, "Carrying cash"),
                sign(Early, Thoughts, "Just once won't hurt"),
                sign(Early, Feelings, "Restless"),
                sign(Early, Feelings, "Short with people"),
            ],
            high_risk_situations: vec![
                IfThenPlan {
                    situation: "it's payday".into(),
                    plan: "I give my card to Jo".into(),
                },
                IfThenPlan {
                    situation: "If I see my old dealer,".into(),
                    plan: "then I walk away and call Sam!".into(),
                },
            ],
            people_to_call: vec!["My sister".into()],
            safe_places: vec![],
            safe_activities: vec!["Swimming".into()],
            aftercare: vec!["NA on Tuesdays".into()],
        };
        let contacts = vec![
            contact("Sam", ContactRole::Sponsor, Some("07700 900123"), None),
            contact(
                "Dr Lee",
                ContactRole::Gp,
                Some("0161 000 0000"),
                Some("lee@example.org"),
            ),
            contact("Ana", ContactRole::Peer, None, None),
        ];
        let expected = "\
# My relapse-prevention plan

## My reasons for recovery

- My daughter
- My health

## Warning signs

### Early signs

**Feelings**

- Restless
- Short with people

**Thoughts**

- Just once won't hurt

### Late signs

**Behaviour**

- Carrying cash

## High-risk situations and my plans

- If it's payday, then I give my card to Jo.
- If I see my old dealer, then I walk away and call Sam!

## People I can call

- My sister
- Sam (Sponsor): 07700 900123
- Dr Lee (GP): 0161 000 0000, lee@example.org
- Ana (Peer)

## Safe places

_Nothing written here yet._

## Safe things to do

- Swimming

## My aftercare commitments

- NA on Tuesdays

---

_This copy of the plan is not encrypted. Keep it somewhere private, or delete it when you no longer need it._
";
        assert_eq!(plan.to_markdown(&contacts), expected);
        assert!(!plan.to_markdown(&contacts).contains("private note"));
    }

    #[test]
    fn markdown_marks_in_the_persons_text_are_shown_as_written() {
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("1. not numbered"), "1\\. not numbered");
        assert_eq!(
            escape("*not bold* [link](x) <b>"),
            "\\*not bold\\* \\[link\\](x) \\<b\\>"
        );
        assert_eq!(escape("2 cups of tea"), "2 cups of tea");
    }

    #[test]
    fn an_empty_plan_still_shows_every_section() {
        let text = RelapsePlan::default().to_markdown(&[]);
        for section in PlanSection::ALL {
            assert!(
                text.contains(&format!("## {}\n\n{EMPTY}\n", section.label())),
                "{section:?}"
            );
        }
    }
}
