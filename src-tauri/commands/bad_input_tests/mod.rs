//! Bad input through the real IPC path: tauri's mock runtime deserialises the JSON arguments
//! exactly as for the window, then the command runs over a real SQLCipher vault. Every command
//! gets wrong types, missing fields, empty, huge and control-character text, out-of-range
//! numbers, far dates, and unknown and deleted ids; each must be refused with a specific error,
//! without a panic, and without anything written.

mod cases;
mod check;
mod dialog_args;
mod extras;
mod harness;
mod mutate;
mod props;
mod registry;
mod round_trip;
mod seeds;

use std::collections::BTreeSet;

use serde_json::{json, Value};

use self::cases::{cases, Effect};
use self::check::{Checker, Expect};
use self::harness::{Harness, Outcome};
use self::mutate::{
    bad_numbers, bad_texts, far_dates, field, get, in_list, inside_list, looks_like_date,
    not_objects, oversized_list, paths, show, with, without, wrong_types,
};
use self::registry::EXCLUDED;
use self::seeds::seed;

/// Put inside every bad text, so an error that echoes the input is caught.
pub const MARKER: &str = "QZXW-input-7781";

/// Top-level arguments that are `Option`s: leaving them out is valid.
const OPTIONAL_ARGS: &[&str] = &["attendance"];

/// The IPC names of every command in the generated bindings, which `specta_builder` writes.
fn registered_commands() -> BTreeSet<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("api.ts");
    crate::bindings::export(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    text.split("__TAURI_INVOKE(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

/// Fields the bindings mark optional (`name?:`): leaving them out, or blank, is valid.
fn optional_fields() -> BTreeSet<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("api.ts");
    crate::bindings::export(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    text.split("?:")
        .filter_map(|before| {
            let name: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            (!name.is_empty()).then(|| name.chars().rev().collect())
        })
        .collect()
}

/// A new command must get a case here (or be excluded with its reason), or this fails.
#[test]
fn every_command_has_a_bad_input_case() {
    let h = Harness::new();
    let seeds = seed(&h);
    let mut covered: BTreeSet<String> = cases(&seeds)
        .iter()
        .map(|c| c.command.to_string())
        .collect();
    covered.insert("lock".into()); // `a_locked_session_refuses_every_command`.
    covered.extend(EXCLUDED.iter().map(|(name, _)| name.to_string()));
    let registered = registered_commands();
    let missing: Vec<_> = registered.difference(&covered).collect();
    let stale: Vec<_> = covered.difference(&registered).collect();
    assert!(
        missing.is_empty(),
        "commands without a bad-input case: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "cases for commands that no longer exist: {stale:?}"
    );
    // The mock registration is the same list minus the exclusions: an unknown name is refused.
    match h.invoke("no_such_command", json!({})) {
        Outcome::Err(_) => {}
        other => panic!("an unknown command should be refused: {other:?}"),
    }
}

/// Each mutation of one valid argument set, with what it must lead to.
struct Mutation {
    label: String,
    args: Value,
    expect: Expect,
}

/// All deterministic mutations of a case's arguments.
fn mutations(case: &cases::Case, optional: &BTreeSet<String>) -> Vec<Mutation> {
    let write = case.effect == Effect::Write;
    let mut out = Vec::new();
    let mut push = |label: String, args: Value, expect: Expect| {
        out.push(Mutation {
            label,
            args,
            expect,
        })
    };
    let no_args = case.args.as_object().is_some_and(|m| m.is_empty());
    for (label, args) in not_objects() {
        let expect = if no_args {
            Expect::Either
        } else {
            Expect::Refused
        };
        push(label.into(), args, expect);
    }
    if !no_args {
        push("no arguments".into(), json!({}), Expect::Refused);
    }
    for path in paths(&case.args) {
        let value = get(&case.args, &path);
        let key = field(&path).unwrap_or("");
        let optional_key =
            !in_list(&path) && (optional.contains(key) || OPTIONAL_ARGS.contains(&key));
        let at = show(&path);
        if !in_list(&path) && !optional_key {
            push(
                format!("{at}: missing"),
                without(&case.args, &path),
                Expect::Refused,
            );
        }
        if !optional_key || in_list(&path) {
            push(
                format!("{at}: null"),
                with(&case.args, &path, Value::Null),
                Expect::Refused,
            );
        }
        for (label, wrong) in wrong_types(value) {
            push(
                format!("{at}: {label}"),
                with(&case.args, &path, wrong),
                Expect::Refused,
            );
        }
        let semantic = if write {
            Expect::Refused
        } else {
            Expect::Either
        };
        match value {
            Value::Number(_) => {
                for (label, n) in bad_numbers() {
                    push(
                        format!("{at}: {label}"),
                        with(&case.args, &path, n),
                        Expect::Refused,
                    );
                }
                if key == "id"
                    || key == "ids"
                    || key.ends_with("Ids")
                    || key == "from"
                    || key == "into"
                {
                    push(
                        format!("{at}: unknown id"),
                        with(&case.args, &path, json!(987_654_321)),
                        Expect::Refused,
                    );
                }
            }
            Value::String(_) => {
                for (label, text) in bad_texts(MARKER) {
                    push(
                        format!("{at}: {label}"),
                        with(&case.args, &path, json!(text)),
                        semantic,
                    );
                }
                if !optional_key && !inside_list(&path) {
                    push(
                        format!("{at}: empty"),
                        with(&case.args, &path, json!("")),
                        semantic,
                    );
                    push(
                        format!("{at}: blank"),
                        with(&case.args, &path, json!(" \t ")),
                        semantic,
                    );
                }
                if looks_like_date(value) {
                    for (label, date) in far_dates() {
                        push(
                            format!("{at}: {label}"),
                            with(&case.args, &path, date),
                            semantic,
                        );
                    }
                }
            }
            Value::Array(items) => {
                if let Some(list) = oversized_list(items) {
                    push(
                        format!("{at}: 10 000 items"),
                        with(&case.args, &path, list),
                        semantic,
                    );
                }
            }
            _ => {}
        }
    }
    for (key, gone) in &case.deleted {
        for path in paths(&case.args) {
            if field(&path) == Some(key) && get(&case.args, &path).is_number() {
                push(
                    format!("{}: deleted id", show(&path)),
                    with(&case.args, &path, json!(gone)),
                    Expect::Refused,
                );
            }
        }
    }
    out
}

/// The deterministic sweep: every command, every mutation; nothing written, nothing panics.
#[test]
fn every_command_refuses_bad_input_and_writes_nothing() {
    let h = Harness::new();
    let seeds = seed(&h);
    let optional = optional_fields();
    let mut checker = Checker::default();
    let mut calls = 0;
    for case in cases(&seeds) {
        let before = h.contents();
        for m in mutations(&case, &optional) {
            let outcome = h.invoke(case.command, m.args);
            checker.check(case.command, &m.label, m.expect, &outcome);
            calls += 1;
        }
        if h.contents() != before {
            checker.fail(
                case.command,
                "all mutations",
                "the vault's contents changed",
            );
        }
    }
    let before = h.contents();
    for (command, label, args) in extras::extras(&seeds) {
        let outcome = h.invoke(command, args);
        checker.check(command, label, Expect::Refused, &outcome);
        calls += 1;
    }
    for (command, label, args) in extras::edge_reads() {
        let outcome = h.invoke(command, args);
        checker.check(command, label, Expect::Either, &outcome);
        calls += 1;
    }
    if h.contents() != before {
        checker.fail("extras", "all", "the vault's contents changed");
    }
    checker.report_tally("deterministic sweep", calls);
    checker.finish(&h);
}

/// Locked, every command that needs the vault says so, whatever its arguments; nothing panics.
#[test]
fn a_locked_session_refuses_every_command() {
    let h = Harness::new();
    let seeds = seed(&h);
    let before = h.contents();
    match h.invoke("lock", json!({"unexpected": [1, 2]})) {
        Outcome::Ok(_) => {}
        other => panic!("lock should ignore unknown arguments: {other:?}"),
    }
    let mut checker = Checker::default();
    for case in cases(&seeds) {
        if matches!(
            case.command,
            "unlock" | "unlock_with_recovery_key" | "create_vault"
        ) {
            continue;
        }
        let outcome = h.invoke(case.command, case.args.clone());
        checker.check_locked(case.command, &outcome);
    }
    let store = h.vault.unlock(&waymark_core::vault::Credential::Passphrase(
        zeroize::Zeroizing::new(harness::PASS.to_string()),
    ));
    h.state().open_session(store.expect("unlock again"), None);
    if h.contents() != before {
        checker.fail("lock", "locked calls", "the vault's contents changed");
    }
    checker.finish(&h);
}
