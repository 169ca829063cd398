//! Generated bad values (proptest) and the flags they are put into.

use proptest::prelude::*;
use proptest::sample::Index;

use super::cases::{Bad, Ids, INVALID, MARKER, USAGE};

/// A flag that generated values are put into.
pub struct Slot {
    pub leaf: String,
    args: Vec<String>,
    kind: Kind,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Number,
    Day,
}

/// A generated bad value.
#[derive(Debug, Clone)]
pub enum Generated {
    Text(String),
    Number(String),
    Day(String),
}

impl Slot {
    /// The invocation with `value` in place of `{}`, if the value fits this kind of flag.
    pub fn with(&self, value: &Generated) -> Option<Bad> {
        let (text, codes) = match (self.kind, value) {
            (Kind::Text, Generated::Text(t)) => (t.clone(), vec![INVALID]),
            (Kind::Number, Generated::Number(n)) => (n.clone(), vec![USAGE, INVALID]),
            (Kind::Day, Generated::Day(d)) => (d.clone(), vec![INVALID]),
            _ => return None,
        };
        Some(Bad {
            label: format!(
                "generated {}",
                match self.kind {
                    Kind::Text => "text",
                    Kind::Number => "number",
                    Kind::Day => "day",
                }
            ),
            args: self.args.iter().map(|a| a.replace("{}", &text)).collect(),
            stdin: None,
            env: Vec::new(),
            codes,
        })
    }
}

/// The flags generated values go into.
pub fn generated_slots(ids: &Ids) -> Vec<Slot> {
    let slot = |kind, args: &[&str]| Slot {
        leaf: args
            .iter()
            .take_while(|a| !a.starts_with('-') && !a.contains("{}"))
            .take(2)
            .cloned()
            .collect::<Vec<_>>()
            .join(" "),
        args: args.iter().map(|a| a.to_string()).collect(),
        kind,
    };
    vec![
        slot(
            Kind::Text,
            &["craving", "add", "--intensity", "5", "--note", "{}"],
        ),
        slot(
            Kind::Text,
            // Not --text: it takes 100 000 characters, more than one argument can carry.
            &[
                "journal",
                "add",
                "--date",
                "2025-05-02",
                "--text",
                "x",
                "--went-well",
                "{}",
            ],
        ),
        slot(
            Kind::Text,
            &["trigger", "add", "--category", "people", "--name", "{}"],
        ),
        slot(Kind::Text, &["contact", "add", "--name", "{}"]),
        slot(
            Kind::Text,
            &["meeting", "edit", &ids.meeting.0, "--title", "{}"],
        ),
        slot(Kind::Text, &["lapse", "add", "--learned", "{}"]),
        slot(Kind::Number, &["craving", "add", "--intensity", "{}"]),
        slot(Kind::Number, &["mood", "add", "--mood", "{}"]),
        slot(
            Kind::Number,
            &["checkin", "add", "--date", "2025-05-02", "--day", "{}"],
        ),
        slot(Kind::Number, &["reminders", "due", "--hours={}"]),
        slot(Kind::Number, &["meeting", "next", "--days={}"]),
        slot(Kind::Day, &["journal", "add", "--text", "x", "--date={}"]),
        slot(Kind::Day, &["checkin", "add", "--day", "5", "--date={}"]),
        slot(Kind::Day, &["recovery", "set-start", "--", "{}"]),
        slot(Kind::Day, &["meeting", "next", "--from={}"]),
        slot(Kind::Day, &["review", "add", "--note", "x", "--week-of={}"]),
    ]
}

const CONTROLS: &[char] = &[
    '\u{1}', '\u{7}', '\u{8}', '\u{b}', '\u{1b}', '\u{7f}', '\u{9b}',
];

/// One bad value of each kind: control-character or 64-100 KB text, a number outside every
/// flag's range, a far day. The test uses the one that fits the chosen flag.
pub fn generated_values() -> impl Strategy<Value = [Generated; 3]> {
    let text = prop_oneof![
        ("[a-zA-Zשل😀 ]{0,12}", any::<Index>(), "[a-zA-Zשل😀]{1,12}")
            .prop_map(|(a, c, b)| format!("{a}{MARKER}{}{b}", c.get(CONTROLS))),
        (16_000usize..25_000).prop_map(|n| format!("{MARKER}{}", "😀".repeat(n))),
    ];
    let number = prop_oneof![
        (i64::MIN..-1).prop_map(|n| n.to_string()),
        (i64::from(u32::MAX) + 1..i64::MAX).prop_map(|n| n.to_string()),
        (-1e9f64..1e9).prop_map(|f| format!("{}", f.trunc() + 0.5)),
    ];
    let day = (
        prop_oneof![-262_143i32..1970, 2201i32..=262_142],
        1u32..=12,
        1u32..=28,
    )
        .prop_map(|(y, m, d)| {
            let day = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            day.format("%Y-%m-%d").to_string()
        });
    (text, number, day)
        .prop_map(|(t, n, d)| [Generated::Text(t), Generated::Number(n), Generated::Day(d)])
}
