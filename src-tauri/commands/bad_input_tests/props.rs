//! Generated bad input (proptest) over every command: text with control characters, text of
//! one to four megabytes, days far outside 1970-2200 and numbers outside every field's type,
//! each put in a randomly chosen argument of a randomly chosen command.

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{json, Value};

use super::cases::{cases, Case, Effect};
use super::check::{Checker, Expect};
use super::harness::Harness;
use super::mutate::{get, looks_like_date, paths, show, with, Path};
use super::seeds::seed;
use super::MARKER;

/// Characters text is built from: Latin, Hebrew and Arabic (right to left), emoji with and
/// without joiners, combining marks.
const POOL: &[&str] = &[
    "a",
    "Z",
    " ",
    "ש",
    "ل",
    "م",
    "😀",
    "👩‍👩‍👧",
    "🏳️‍🌈",
    "e\u{301}",
    "ß",
    "中",
];

/// Control characters no text field takes (newline and tab are allowed in long text).
const CONTROLS: &[char] = &[
    '\u{0}', '\u{1}', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}',
];

fn text_from(pieces: &[Index]) -> String {
    pieces.iter().map(|i| *i.get(POOL)).collect()
}

/// Text with one control character somewhere in it.
fn with_control() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(any::<Index>(), 0..12),
        any::<Index>(),
        prop::collection::vec(any::<Index>(), 0..12),
    )
        .prop_map(|(head, c, tail)| {
            // A letter after it, so trimming the ends cannot remove it.
            format!(
                "{}{MARKER}{}x{}",
                text_from(&head),
                c.get(CONTROLS),
                text_from(&tail)
            )
        })
}

/// Text of one to four megabytes, built from the pool.
fn huge() -> impl Strategy<Value = String> {
    (1usize..=4, prop::collection::vec(any::<Index>(), 1..6)).prop_map(|(mb, pieces)| {
        // A letter in each unit: spaces alone would be trimmed away, leaving a short text.
        let unit = format!("{}x", text_from(&pieces));
        let mut out = String::from(MARKER);
        while out.len() < mb << 20 {
            out.push_str(&unit);
        }
        out
    })
}

/// A real calendar day outside 1970-2200, anywhere in chrono's range.
fn far_day() -> impl Strategy<Value = NaiveDate> {
    (
        prop_oneof![-262_143i32..1970, 2201i32..=262_142],
        1u32..=12,
        1u32..=28,
    )
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("valid day"))
}

/// Numbers outside every integer field's type and range, or not whole.
fn bad_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (i64::MIN..=-2).prop_map(|n| json!(n)),
        (i64::from(u32::MAX) + 1..=i64::MAX).prop_map(|n| json!(n)),
        (-1e12f64..1e12).prop_map(|f| json!(f.trunc() + 0.5)),
    ]
}

/// Every (case, path) whose baseline value passes `keep`.
fn leaves(cases: &[Case], keep: impl Fn(&Value) -> bool) -> Vec<(usize, Path)> {
    let mut out = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        for path in paths(&case.args) {
            if keep(get(&case.args, &path)) {
                out.push((i, path));
            }
        }
    }
    out
}

/// Runs `cases` generated values through randomly chosen arguments, checking each outcome
/// and that nothing was written.
fn sweep<S: Strategy>(
    h: &Harness,
    all: &[Case],
    targets: &[(usize, Path)],
    values: S,
    runs: u32,
    to_json: impl Fn(&S::Value, &Value) -> Value,
    read_may_accept: bool,
) where
    S::Value: std::fmt::Debug,
{
    let before = h.contents();
    let mut runner = TestRunner::new(Config {
        cases: runs,
        failure_persistence: None,
        max_shrink_iters: 32,
        ..Config::default()
    });
    let strategy = (any::<Index>(), values);
    let result = runner.run(&strategy, |(pick, value)| {
        let (i, path) = pick.get(targets);
        let case = &all[*i];
        let expect = if case.effect == Effect::Read && read_may_accept {
            Expect::Either
        } else {
            Expect::Refused
        };
        let new = to_json(&value, get(&case.args, path));
        let outcome = h.invoke(case.command, with(&case.args, path, new));
        let mut checker = Checker::default();
        checker.check(case.command, &show(path), expect, &outcome);
        if !checker.problems().is_empty() {
            return Err(TestCaseError::fail(checker.problems()));
        }
        Ok(())
    });
    // The failure names the command and argument; the generated value is not printed.
    if let Err(e) = result {
        match e {
            proptest::test_runner::TestError::Fail(reason, _) => panic!("{reason}"),
            other => panic!("{other:?}"),
        }
    }
    assert!(h.contents() == before, "generated input changed the vault");
}

#[test]
fn generated_bad_text_numbers_and_days_are_refused() {
    let h = Harness::new();
    let panics = Checker::default();
    let seeds = seed(&h);
    let all = cases(&seeds);
    let texts = leaves(&all, Value::is_string);
    let days = leaves(&all, |v| {
        looks_like_date(v)
            && v.as_str()
                .is_some_and(|s| s.as_bytes().get(2) != Some(&b':'))
    });
    let numbers = leaves(&all, Value::is_number);
    let as_text = |s: &String, _: &Value| json!(s);
    sweep(&h, &all, &texts, with_control(), 64, as_text, true);
    sweep(&h, &all, &texts, huge(), 24, as_text, true);
    // The day replaces the baseline's first ten characters, so times keep their time part.
    let as_day = |d: &NaiveDate, base: &Value| {
        let rest = base.as_str().and_then(|s| s.get(10..)).unwrap_or("");
        json!(format!("{}{rest}", d.format("%Y-%m-%d")))
    };
    sweep(&h, &all, &days, far_day(), 64, as_day, true);
    sweep(
        &h,
        &all,
        &numbers,
        bad_number(),
        64,
        |n: &Value, _| n.clone(),
        false,
    );
    panics.finish(&h);
}
