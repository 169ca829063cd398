//! Valid unusual text (right to left, emoji with joiners, combining marks) is accepted through
//! IPC and read back exactly as sent.

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};

use super::harness::{Harness, Outcome};
use super::seeds::{
    contact_input, craving_input, journal_input, meeting_input, seed, strategy_input,
};

/// Pieces of text from several scripts; whole grapheme clusters, so none is split.
const PIECES: &[&str] = &[
    "שלום",
    "مرحبا",
    "سلام",
    " ",
    "😀",
    "👩‍👩‍👧",
    "🏳️‍🌈",
    "👍🏽",
    "e\u{301}",
    "中文",
    "ß",
    "\u{200f}",
    "Ωmega",
    "ñ",
    "1",
    "\u{fe0f}",
];

/// Text of 1-12 pieces, trimmed (the backend trims; that is not what is tested) and not blank.
fn unusual_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<Index>(), 1..12)
        .prop_map(|picks| {
            picks
                .iter()
                .map(|i| *i.get(PIECES))
                .collect::<String>()
                .trim()
                .to_string()
        })
        .prop_filter("not blank", |t| !t.is_empty())
}

/// Whether `value` holds a string exactly equal to `text` anywhere.
fn holds(value: &Value, text: &str) -> bool {
    match value {
        Value::String(s) => s == text,
        Value::Array(items) => items.iter().any(|v| holds(v, text)),
        Value::Object(map) => map.values().any(|v| holds(v, text)),
        _ => false,
    }
}

#[test]
fn right_to_left_and_emoji_text_is_read_back_exactly() {
    let h = Harness::new();
    let s = seed(&h);
    let with_key = |mut input: Value, key: &str, text: &str| {
        input[key] = json!(text);
        input
    };
    let mut runner = TestRunner::new(Config {
        cases: 24,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&unusual_text(), |text| {
            let writes = [
                (
                    "update_journal_entry",
                    json!({"id": s.journal.0, "input": with_key(journal_input("2025-06-02"), "body", &text)}),
                    ("get_journal_entry", json!({"id": s.journal.0})),
                ),
                (
                    "update_craving",
                    json!({"id": s.craving.0, "input": with_key(craving_input(s.trigger), "note", &text)}),
                    ("get_craving", json!({"id": s.craving.0})),
                ),
                (
                    "update_contact",
                    json!({"id": s.contact.0, "input": with_key(contact_input(), "name", &text)}),
                    ("list_contacts", json!({})),
                ),
                (
                    "update_meeting",
                    json!({"id": s.meeting.0, "input": with_key(meeting_input(), "title", &text)}),
                    ("get_meeting", json!({"id": s.meeting.0})),
                ),
                (
                    "update_strategy",
                    json!({"id": s.strategy.0, "input": with_key(strategy_input(), "title", &text)}),
                    ("list_strategies", json!({"includeHidden": true})),
                ),
            ];
            for (command, args, (read, read_args)) in writes {
                match h.invoke(command, args) {
                    Outcome::Ok(_) => {}
                    other => {
                        return Err(TestCaseError::fail(format!(
                            "{command} refused valid text: {:?}",
                            match other {
                                Outcome::Err(e) => e["message"].clone(),
                                _ => json!("no response"),
                            }
                        )))
                    }
                }
                let back = h.ok(read, read_args);
                prop_assert!(holds(&back, &text), "{read} did not return the exact text");
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}
