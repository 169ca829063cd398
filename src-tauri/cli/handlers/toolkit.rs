//! `waymark strategy ...`, `waymark contact ...`, `waymark helplines` and `waymark plan ...`.

use std::io::Read;
use std::path::Path;

use serde_json::{Map, Value};
use waymark_core::journal::SystemClock;
use waymark_core::library::{helplines_for, NewStrategy, StrategyCategory, StrategyId};
use waymark_core::plan::RelapsePlan;
use waymark_core::store::Store;
use waymark_core::support::{ContactId, ContactRole, NewContact, RegionHelplines};

use crate::cli::args::fields::Context;
use crate::cli::args::{ContactCommand, HelplinesArgs, PlanCommand, StrategyCommand};
use crate::cli::error::{CliError, InContext};
use crate::cli::input::{non_blank, TextReader};
use crate::cli::output::{self, tables};

/// The most bytes read from a plan file: far above the largest plan core accepts.
const PLAN_MAX_BYTES: u64 = 1 << 20;

/// Runs `waymark strategy ...`.
pub fn strategies(store: &Store, command: &StrategyCommand) -> Result<(), CliError> {
    let within = Context::Strategy;
    match command {
        StrategyCommand::List { all, json } => {
            output::list(&store.list_strategies(*all)?, *json, tables::strategies);
        }
        StrategyCommand::Add {
            title,
            category,
            summary,
            step,
            json,
        } => {
            let mut reader = TextReader::new();
            let input = NewStrategy {
                title: title.clone(),
                summary: reader.text("--summary", summary.as_deref())?,
                steps: non_blank(step),
                category: StrategyCategory::from(*category).key().to_string(),
            };
            let strategy = store.add_strategy(&input, &SystemClock).within(within)?;
            output::saved(&strategy, strategy.id, *json);
        }
        StrategyCommand::Star(s) => {
            store
                .set_strategy_starred(StrategyId(s.id), true)
                .within(within)?;
            outln!("Starred strategy {}.", s.id);
        }
        StrategyCommand::Unstar(s) => {
            store
                .set_strategy_starred(StrategyId(s.id), false)
                .within(within)?;
            outln!("Strategy {} is no longer starred.", s.id);
        }
        StrategyCommand::Hide(s) => {
            store
                .set_strategy_hidden(StrategyId(s.id), true)
                .within(within)?;
            outln!(
                "Hid strategy {}. `waymark strategy list --all` still shows it.",
                s.id
            );
        }
        StrategyCommand::Unhide(s) => {
            store
                .set_strategy_hidden(StrategyId(s.id), false)
                .within(within)?;
            outln!("Strategy {} is shown again.", s.id);
        }
        StrategyCommand::Delete(s) => {
            store.delete_strategy(StrategyId(s.id)).within(within)?;
            outln!("Deleted strategy {}.", s.id);
        }
        StrategyCommand::Works { json } => {
            output::list(&store.what_works()?, *json, tables::what_works);
        }
    }
    Ok(())
}

/// Runs `waymark contact ...`.
pub fn contacts(store: &Store, command: &ContactCommand) -> Result<(), CliError> {
    let within = Context::Contact;
    match command {
        ContactCommand::List { json } => {
            output::list(&store.list_contacts()?, *json, tables::contacts);
        }
        ContactCommand::Add {
            name,
            role,
            phone,
            email,
            notes,
            json,
        } => {
            let mut reader = TextReader::new();
            let role = role.map_or(ContactRole::Other, ContactRole::from);
            let input = NewContact {
                name: name.clone(),
                role: role.key().to_string(),
                phone: phone.clone(),
                email: email.clone(),
                notes: reader.text("--notes", notes.as_deref())?,
            };
            let contact = store.add_contact(&input, &SystemClock).within(within)?;
            output::saved(&contact, contact.id, *json);
        }
        ContactCommand::Delete { id } => {
            store.delete_contact(ContactId(*id)).within(within)?;
            outln!("Deleted contact {id}.");
        }
    }
    Ok(())
}

/// The built-in helplines for `region`, with no journal (they are public content).
pub fn public_helplines(region: &str, json: bool) {
    let lines = RegionHelplines {
        region: Some(region.to_string()),
        builtin: helplines_for(region).into_iter().cloned().collect(),
        local: Vec::new(),
    };
    show_helplines(&lines, json);
}

/// Runs `waymark helplines` on the unlocked journal: the region's lines and the person's own.
pub fn helplines(store: &Store, args: &HelplinesArgs) -> Result<(), CliError> {
    let lines = match args.region {
        Some(region) => RegionHelplines {
            region: Some(region.key().to_string()),
            builtin: helplines_for(region.key()).into_iter().cloned().collect(),
            local: store.list_local_helplines()?,
        },
        None => store.region_helplines()?,
    };
    show_helplines(&lines, args.json);
    Ok(())
}

fn show_helplines(lines: &RegionHelplines, json: bool) {
    if json {
        output::json(lines);
    } else {
        tables::helplines(lines);
    }
}

/// Runs `waymark plan ...`.
pub fn plan(store: &Store, command: &PlanCommand) -> Result<(), CliError> {
    match command {
        PlanCommand::Show { json: true } => output::json(&store.plan()?.plan),
        PlanCommand::Show { json: false } => {
            outln!("{}", store.plan_markdown()?.trim_end());
        }
        PlanCommand::Edit { file, json } => {
            let plan = read_plan(file)?;
            let saved = store.set_plan(&plan, &SystemClock).within(Context::Plan)?;
            if *json {
                output::json(&saved.plan);
            } else {
                outln!("Saved your plan. See it with `waymark plan show`.");
            }
        }
    }
    Ok(())
}

/// Reads the plan from `path` (`-` for standard input). Messages name `--file` and never
/// repeat what the file holds.
fn read_plan(path: &Path) -> Result<RelapsePlan, CliError> {
    let text = if path.as_os_str() == "-" {
        TextReader::new()
            .text("--file", Some("-"))?
            .unwrap_or_default()
    } else {
        let file = std::fs::File::open(path).map_err(|e| {
            CliError::usage(format!(
                "could not read the --file plan file ({})",
                e.kind()
            ))
        })?;
        let mut bytes = Vec::new();
        file.take(PLAN_MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                CliError::usage(format!(
                    "could not read the --file plan file ({})",
                    e.kind()
                ))
            })?;
        if bytes.len() as u64 > PLAN_MAX_BYTES {
            return Err(CliError::invalid(
                "The plan file is far too long; nothing was saved",
                "--file",
            ));
        }
        String::from_utf8(bytes).map_err(|_| {
            CliError::invalid(
                "The plan file is not UTF-8 text; nothing was saved",
                "--file",
            )
        })?
    };
    parse_plan(&text)
}

/// Reads a plan in the shape `plan show --json` prints. Missing sections are empty; unknown
/// ones are refused, so a misspelt section is never silently dropped.
fn parse_plan(text: &str) -> Result<RelapsePlan, CliError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        CliError::invalid(
            format!(
                "The plan file is not valid JSON (line {}, column {}); nothing was saved",
                e.line(),
                e.column()
            ),
            "--file",
        )
    })?;
    let Value::Object(given) = value else {
        return Err(CliError::invalid(
            "The plan file must be a JSON object, in the shape `waymark plan show --json` \
             prints; nothing was saved",
            "--file",
        ));
    };
    let Ok(Value::Object(empty)) = serde_json::to_value(RelapsePlan::default()) else {
        return Err(CliError::usage("could not read the plan"));
    };
    if given.keys().any(|k| !empty.contains_key(k)) {
        let sections = empty.keys().cloned().collect::<Vec<_>>().join(", ");
        return Err(CliError::invalid(
            format!(
                "The plan file has a section Waymark doesn't know; the sections are {sections}; \
                 nothing was saved"
            ),
            "--file",
        ));
    }
    // Each section on its own, so a wrong one can be named.
    let mut plan = empty.clone();
    for (key, section) in given {
        let mut alone: Map<String, Value> = empty.clone();
        alone.insert(key.clone(), section.clone());
        if serde_json::from_value::<RelapsePlan>(Value::Object(alone)).is_err() {
            return Err(CliError::invalid(
                format!(
                    "The plan file's {key} section does not have the shape `waymark plan show \
                     --json` prints; nothing was saved"
                ),
                "--file",
            ));
        }
        plan.insert(key, section);
    }
    serde_json::from_value(Value::Object(plan)).map_err(|_| {
        CliError::invalid(
            "The plan file does not have the shape `waymark plan show --json` prints; nothing \
             was saved",
            "--file",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_files_are_read_strictly_without_quoting_them() {
        let plan = parse_plan(r#"{"reasons": ["my kids"]}"#).unwrap();
        assert_eq!(plan.reasons, vec!["my kids".to_string()]);
        assert!(plan.aftercare.is_empty());
        for bad in [
            "{not json secret",
            "[\"secret\"]",
            r#"{"reason": ["secret"]}"#,
            r#"{"reasons": "secret"}"#,
            r#"{"warningSigns": [{"kind": "secret", "stage": "early", "text": "x"}]}"#,
        ] {
            let e = parse_plan(bad).unwrap_err();
            assert_eq!(e.code, crate::cli::exit::INVALID_INPUT, "{bad}");
            assert!(e.message.contains("--file"), "{}", e.message);
            assert!(!e.message.contains("secret"), "{}", e.message);
        }
        let e = parse_plan(r#"{"reasons": "secret"}"#).unwrap_err();
        assert!(e.message.contains("reasons"), "{}", e.message);
    }
}
