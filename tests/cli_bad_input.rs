//! Bad input to every `waymark` subcommand, through the real binary over a real vault: empty,
//! huge and control-character text (NUL through files and standard input, which argv cannot
//! carry), out-of-range numbers, far dates, unknown and deleted ids. Each must exit with its
//! documented code (2 usage, 4 journal exists, 5 invalid, 7 not found), print one line on
//! stderr that neither panics nor repeats the input, and write nothing. Valid right-to-left and
//! emoji text must be accepted and read back exactly.

mod common;

#[path = "cli_bad_input/cases.rs"]
mod cases;
#[path = "cli_bad_input/entries.rs"]
mod entries;
#[path = "cli_bad_input/files.rs"]
mod files;
#[path = "cli_bad_input/generated.rs"]
mod generated;
#[path = "cli_bad_input/planning.rs"]
mod planning;

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;

use cases::{Bad, Ids, MARKER};
use common::{text, Journal};

/// Every runnable subcommand path (`["craving", "add"]`), read from `--help` recursively.
fn leaves(j: &Journal) -> Vec<Vec<String>> {
    fn commands(j: &Journal, path: &[String]) -> Vec<String> {
        let out = j.cmd().args(path).arg("--help").output().unwrap();
        let help = text(&out.stdout);
        help.lines()
            .skip_while(|l| !l.starts_with("Commands:"))
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
            .filter_map(|l| l.split_whitespace().next().map(str::to_string))
            .filter(|name| name != "help")
            .collect()
    }
    let mut out = Vec::new();
    let mut todo = vec![Vec::new()];
    while let Some(path) = todo.pop() {
        let subs = commands(j, &path);
        for sub in subs.iter().cloned() {
            let mut next = path.clone();
            next.push(sub);
            todo.push(next);
        }
        if subs.is_empty() && !path.is_empty() {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// What the journal holds, as the JSON export has it (its timestamp removed), with the key slots.
fn contents(j: &Journal) -> Vec<u8> {
    let file = j.scratch().join("contents.json");
    j.cmd()
        .args(["export", "--format", "json", "--force", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    let mut export: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    export["exportedAt"] = Value::Null;
    let mut out = serde_json::to_vec(&export).unwrap();
    out.extend(std::fs::read(j.dir.join("keyslots.json")).unwrap());
    out
}

/// Runs one bad invocation; returns a description of what was wrong with the result, if anything.
fn run(j: &Journal, leaf: &str, bad: &Bad) -> Option<String> {
    let out = j
        .cmd()
        .args(&bad.args)
        .envs(bad.env.iter().map(|(k, v)| (k, v)))
        .write_stdin(bad.stdin.clone().unwrap_or_default())
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("For more information"))
        .collect();
    let code = out.status.code();
    let what = &bad.label;
    if !bad.codes.contains(&code.unwrap_or(-1)) {
        return Some(format!(
            "{leaf} / {what}: exit {code:?}, expected one of {:?} ({})",
            bad.codes,
            lines.first().unwrap_or(&"")
        ));
    }
    if code == Some(0) {
        return None; // A read that may accept the text (a search).
    }
    if stderr.contains("panicked") || stderr.contains("internal error") || code == Some(101) {
        return Some(format!("{leaf} / {what}: panicked"));
    }
    if stderr.contains(MARKER) || text(&out.stdout).contains(MARKER) {
        return Some(format!("{leaf} / {what}: the message repeats the input"));
    }
    // One line; a usage error may follow clap's one-line `error:` with the usage it names.
    let usage_block = code == Some(2) && lines.first().is_some_and(|l| l.starts_with("error: "));
    if lines.len() != 1 && !usage_block {
        return Some(format!("{leaf} / {what}: {} lines on stderr", lines.len()));
    }
    if !out.stdout.is_empty() {
        return Some(format!("{leaf} / {what}: printed to stdout while failing"));
    }
    None
}

/// The guard: every subcommand `--help` lists has cases here; none are stale.
#[test]
fn every_subcommand_has_bad_input_cases() {
    let j = Journal::new();
    let ids = Ids::seed(&j);
    let table = cases::table(&j, &ids);
    let found: BTreeSet<String> = leaves(&j).iter().map(|p| p.join(" ")).collect();
    let covered: BTreeSet<String> = table.keys().cloned().collect();
    let missing: Vec<_> = found.difference(&covered).collect();
    let stale: Vec<_> = covered.difference(&found).collect();
    assert!(
        missing.is_empty(),
        "subcommands without bad-input cases: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "cases for subcommands that no longer exist: {stale:?}"
    );
    assert!(table.values().all(|cases| !cases.is_empty()));
}

/// Every case of every subcommand: the right exit code, one line, no echo, nothing written.
#[test]
fn every_subcommand_refuses_bad_input_and_writes_nothing() {
    let j = Journal::new();
    let ids = Ids::seed(&j);
    let table: BTreeMap<String, Vec<Bad>> = cases::table(&j, &ids);
    let mut failures = Vec::new();
    let mut before = contents(&j);
    for (leaf, bads) in &table {
        for bad in bads {
            failures.extend(run(&j, leaf, bad));
        }
        let after = contents(&j);
        if after != before {
            failures.push(format!("{leaf}: the journal's contents changed"));
            before = after;
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Generated bad values in text, number and date flags, a few per run (each is a process).
#[test]
fn generated_bad_values_are_refused() {
    let j = Journal::new();
    let ids = Ids::seed(&j);
    let before = contents(&j);
    let slots = generated::generated_slots(&ids);
    let mut runner = TestRunner::new(Config {
        cases: 40,
        failure_persistence: None,
        max_shrink_iters: 16,
        ..Config::default()
    });
    let strategy = (any::<Index>(), generated::generated_values());
    let result = runner.run(&strategy, |(pick, values)| {
        let slot = pick.get(&slots);
        let bad = values
            .iter()
            .find_map(|v| slot.with(v))
            .expect("one value fits every slot");
        if let Some(problem) = run(&j, &slot.leaf, &bad) {
            return Err(TestCaseError::fail(problem));
        }
        Ok(())
    });
    if let Err(proptest::test_runner::TestError::Fail(reason, _)) = &result {
        panic!("{reason}");
    }
    result.unwrap();
    assert!(
        contents(&j) == before,
        "generated input changed the journal"
    );
}

/// Pieces of valid text from several scripts, whole grapheme clusters.
const PIECES: &[&str] = &[
    "שלום",
    "مرحبا",
    " ",
    "😀",
    "👩‍👩‍👧",
    "🏳️‍🌈",
    "👍🏽",
    "e\u{301}",
    "中文",
    "ß",
    "\u{200f}",
];

/// Whether `value` holds a string exactly equal to `text` anywhere.
fn holds(value: &Value, text: &str) -> bool {
    match value {
        Value::String(s) => s == text,
        Value::Array(items) => items.iter().any(|v| holds(v, text)),
        Value::Object(map) => map.values().any(|v| holds(v, text)),
        _ => false,
    }
}

/// Right-to-left, emoji and combining text is valid: accepted, and read back byte for byte.
#[test]
fn right_to_left_and_emoji_text_is_read_back_exactly() {
    let j = Journal::new();
    let mut runner = TestRunner::new(Config {
        cases: 6,
        failure_persistence: None,
        ..Config::default()
    });
    let texts = prop::collection::vec(any::<Index>(), 1..10).prop_filter_map("blank", |picks| {
        let t: String = picks.iter().map(|i| *i.get(PIECES)).collect();
        let t = t.trim().to_string();
        (!t.is_empty()).then_some(t)
    });
    let day = std::cell::Cell::new(0);
    runner
        .run(&texts, |t| {
            day.set(day.get() + 1);
            let date = format!("2025-03-{:02}", day.get());
            let writes: [(&[&str], &str); 3] = [
                (&["journal", "add", "--date", &date, "--text", &t], "journal"),
                (&["craving", "add", "--intensity", "3", "--note", &t], "craving"),
                (&["contact", "add", "--name", &t], "contact"),
            ];
            for (args, kind) in writes {
                j.ok(args);
                prop_assert!(holds(&Value::Array(j.list(kind)), &t), "{kind}: text changed");
            }
            // Text from a file is read back as exactly as text from the command line.
            let plan = serde_json::json!({"reasons": [t], "warningSigns": [], "highRiskSituations": [],
                "peopleToCall": [], "safePlaces": [], "safeActivities": [], "aftercare": []});
            let plan_file = j.scratch().join("plan.json");
            std::fs::write(&plan_file, plan.to_string()).unwrap();
            j.ok(&["plan", "edit", "--file", plan_file.to_str().unwrap()]);
            prop_assert!(holds(&j.json(&["plan", "show", "--json"]), &t), "plan: text changed");
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}
