//! The journal commands of the `waymark` CLI, on real encrypted vaults in temporary directories.
//!
//! One vault is created per test binary (`init` runs the passphrase KDF) and copied for each
//! test; steps unlock with its recovery key, which needs no slow KDF.

mod common;

use chrono::{Duration, Local, NaiveDate};
use predicates::prelude::*;
use serde_json::{json, Value};

use common::{clean_cmd, files_under, text, Journal, PASS};

/// Every kind of entry.
const KINDS: [&str; 6] = ["craving", "mood", "journal", "checkin", "review", "lapse"];

impl Journal {
    /// The listed entry of `kind` with `id`, if it is there.
    fn find(&self, kind: &str, id: &Value) -> Option<Value> {
        self.list(kind).into_iter().find(|e| &e["id"] == id)
    }

    /// Which (kind, id) pairs `search` finds for `word`.
    fn search(&self, word: &str) -> Vec<(String, i64)> {
        self.json(&["search", word, "--json"])
            .as_array()
            .unwrap()
            .iter()
            .map(|hit| {
                (
                    hit["entry"]["kind"].as_str().unwrap().to_string(),
                    hit["entry"]["id"].as_i64().unwrap(),
                )
            })
            .collect()
    }

    /// Every list, for "nothing was written" checks.
    fn everything(&self) -> Vec<Value> {
        let mut all: Vec<Value> = KINDS.iter().map(|k| Value::Array(self.list(k))).collect();
        all.push(self.json(&["trigger", "list", "--all", "--json"]));
        all.push(self.json(&["profile", "show", "--json"]));
        all
    }
}

/// Asserts every field of `expected` (an object) has that value in `actual`.
fn assert_fields(actual: &Value, expected: &Value, step: &str) {
    for (key, value) in expected.as_object().unwrap() {
        assert_eq!(&actual[key], value, "{step}: field {key} of {actual}");
    }
}

fn trigger_names(entry: &Value) -> Vec<String> {
    entry["triggers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect()
}

/// One kind's whole life through the CLI: add, list, edit one field, search, delete.
struct RoundTrip<'a> {
    kind: &'a str,
    /// What `delete` calls it.
    noun: &'a str,
    add: &'a [&'a str],
    /// The fields `add` must have saved.
    saved: Value,
    edit: &'a [&'a str],
    /// The fields the edit changes; every other field of `saved` must stay.
    edited: Value,
    /// A word only this entry's text holds.
    word: &'a str,
}

impl RoundTrip<'_> {
    fn run(&self, j: &Journal) -> Value {
        let kind = self.kind;
        let before = j.list(kind).len();
        let mut add = vec![kind, "add"];
        add.extend_from_slice(self.add);
        add.push("--json");
        let added = j.json(&add);
        assert_fields(&added, &self.saved, "add --json");
        let id = added["id"].clone();
        assert!(id.as_i64().unwrap() > 0);

        let listed = j.find(kind, &id).expect("list shows the new entry");
        assert_eq!(j.list(kind).len(), before + 1);
        assert_fields(&listed, &self.saved, "list after add");
        assert_eq!(listed, added, "list and add show the same entry");

        let id_text = id.to_string();
        let mut edit = vec![kind, "edit", id_text.as_str()];
        edit.extend_from_slice(self.edit);
        edit.push("--json");
        let edited = j.json(&edit);
        assert_fields(&edited, &self.edited, "edit --json");
        let listed = j.find(kind, &id).expect("list still shows it");
        assert_fields(&listed, &self.edited, "list after edit");
        let mut kept = self.saved.clone();
        for key in self.edited.as_object().unwrap().keys() {
            kept.as_object_mut().unwrap().remove(key);
        }
        assert_fields(&listed, &kept, "fields the edit did not touch");

        let hit = (kind.to_string(), id.as_i64().unwrap());
        assert!(
            j.search(self.word).contains(&hit),
            "search finds {kind} {id}"
        );

        j.cmd()
            .args([kind, "delete", &id_text])
            .assert()
            .success()
            .stdout(format!("Deleted {} {id}.\n", self.noun));
        assert!(j.find(kind, &id).is_none(), "deleted {kind} is gone");
        assert_eq!(j.list(kind).len(), before);
        assert!(!j.search(self.word).contains(&hit), "search forgets it");
        listed
    }
}

#[test]
fn a_craving_with_every_detail_round_trips() {
    let j = Journal::new();
    RoundTrip {
        kind: "craving",
        noun: "craving",
        add: &[
            "--intensity",
            "7",
            "--at",
            "2025-03-10T08:15:00+01:00",
            "--duration",
            "25",
            "--new-trigger",
            "Payday:times_and_situations",
            "--trigger",
            "feeling STRESSED",
            "--halt",
            "hungry,tired",
            "--where",
            "the bus stop",
            "--with",
            "my cousin",
            "--doing",
            "waiting around",
            "--coped",
            "slow breathing",
            "--coped",
            "called Sam",
            "--outcome",
            "passed",
            "--after",
            "3",
            "--note",
            "zebracrossing thoughts",
        ],
        saved: json!({
            "intensity": 7,
            "occurredAt": "2025-03-10T08:15:00+01:00",
            "durationMinutes": 25,
            "halt": {"hungry": true, "angry": false, "lonely": false, "tired": true},
            "place": "the bus stop",
            "withWhom": "my cousin",
            "activity": "waiting around",
            "coping": ["slow breathing", "called Sam"],
            "outcome": "passed",
            "intensityAfter": 3,
            "note": "zebracrossing thoughts",
        }),
        edit: &["--intensity", "4"],
        edited: json!({"intensity": 4}),
        word: "zebracrossing",
    }
    .run(&j);
}

#[test]
fn craving_edits_keep_triggers_and_clear_only_what_is_asked() {
    let j = Journal::new();
    let added = j.json(&[
        "craving",
        "add",
        "--intensity",
        "6",
        "--trigger",
        "Feeling stressed",
        "--new-trigger",
        "Payday:times_and_situations",
        "--note",
        "keep me",
        "--where",
        "home",
        "--json",
    ]);
    assert_eq!(trigger_names(&added), ["Feeling stressed", "Payday"]);
    let id = added["id"].to_string();
    let edited = j.json(&["craving", "edit", &id, "--outcome", "ongoing", "--json"]);
    assert_eq!(trigger_names(&edited), ["Feeling stressed", "Payday"]);
    assert_eq!(edited["note"], "keep me");
    assert_eq!(edited["outcome"], "ongoing");
    let cleared = j.json(&[
        "craving",
        "edit",
        &id,
        "--note",
        "",
        "--trigger",
        "",
        "--halt",
        "none",
        "--json",
    ]);
    assert_eq!(cleared["note"], Value::Null);
    assert_eq!(cleared["triggers"], json!([]));
    assert_eq!(cleared["place"], "home");
    let replaced = j.json(&["craving", "edit", &id, "--trigger", "payday", "--json"]);
    assert_eq!(trigger_names(&replaced), ["Payday"]);
}

#[test]
fn a_mood_check_in_round_trips() {
    let j = Journal::new();
    RoundTrip {
        kind: "mood",
        noun: "mood check-in",
        add: &[
            "--mood",
            "6",
            "--at",
            "2025-03-11T21:00:00Z",
            "--feeling",
            "calm",
            "--feeling",
            "hopeful",
            "--note",
            "quokkasmile evening",
        ],
        saved: json!({
            "mood": 6,
            "occurredAt": "2025-03-11T21:00:00Z",
            "note": "quokkasmile evening",
        }),
        edit: &["--mood", "8"],
        edited: json!({"mood": 8}),
        word: "quokkasmile",
    }
    .run(&j);
    let mood = j.json(&[
        "mood",
        "add",
        "--mood",
        "5",
        "--feeling",
        "hopeful",
        "--feeling",
        "calm",
        "--json",
    ]);
    let mut feelings: Vec<&str> = mood["feelings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    feelings.sort_unstable();
    assert_eq!(feelings, ["calm", "hopeful"]);
}

#[test]
fn a_journal_entry_round_trips() {
    let j = Journal::new();
    RoundTrip {
        kind: "journal",
        noun: "journal entry",
        add: &[
            "--date",
            "2025-03-12",
            "--text",
            "Wrote to my sister about the narwhalpost.\nFelt lighter after.",
            "--went-well",
            "a long walk",
            "--tag",
            "Family",
            "--tag",
            "#walks",
        ],
        saved: json!({
            "date": "2025-03-12",
            "body": "Wrote to my sister about the narwhalpost.\nFelt lighter after.",
            "wentWell": "a long walk",
            "tags": ["family", "walks"],
        }),
        edit: &["--went-well", "cooked dinner"],
        edited: json!({"wentWell": "cooked dinner"}),
        word: "narwhalpost",
    }
    .run(&j);
}

#[test]
fn a_daily_check_in_round_trips() {
    let j = Journal::new();
    RoundTrip {
        kind: "checkin",
        noun: "check-in",
        add: &[
            "--date",
            "2025-03-13",
            "--slept",
            "yes",
            "--ate",
            "no",
            "--medication",
            "yes",
            "--support",
            "no",
            "--contacted",
            "yes",
            "--activity",
            "yes",
            "--risky",
            "no",
            "--used",
            "no",
            "--day",
            "7",
            "--note",
            "axolotlcalm day",
        ],
        saved: json!({
            "date": "2025-03-13",
            "answers": {
                "sleptWell": true,
                "ateWell": false,
                "tookMedication": true,
                "attendedSupport": false,
                "contactedSomeone": true,
                "healthyActivity": true,
                "highRiskSituation": false,
                "usedToday": false,
            },
            "dayRating": 7,
            "note": "axolotlcalm day",
        }),
        edit: &["--day", "9"],
        edited: json!({"dayRating": 9}),
        word: "axolotlcalm",
    }
    .run(&j);
    let checkin = j.json(&[
        "checkin",
        "add",
        "--date",
        "2025-03-14",
        "--slept",
        "no",
        "--json",
    ]);
    let id = checkin["id"].to_string();
    let skipped = j.json(&[
        "checkin", "edit", &id, "--slept", "skip", "--ate", "yes", "--json",
    ]);
    assert_eq!(skipped["answers"]["sleptWell"], Value::Null);
    assert_eq!(skipped["answers"]["ateWell"], true);
}

#[test]
fn a_weekly_review_round_trips() {
    let j = Journal::new();
    let questions = j.json(&["review", "questions", "--json"]);
    let keys: Vec<&str> = questions
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["key"].as_str().unwrap())
        .collect();
    assert!(keys.contains(&"days_support") && keys.contains(&"confidence"));
    j.cmd()
        .args(["review", "questions"])
        .assert()
        .success()
        .stdout(predicate::str::contains("days_support").and(predicate::str::contains("0-7")));
    RoundTrip {
        kind: "review",
        noun: "weekly review",
        add: &[
            "--week-of",
            "2025-03-13",
            "--answer",
            "days_support=3",
            "--answer",
            "confidence=8",
            "--note",
            "pangolinweek was steady",
        ],
        saved: json!({
            "weekStart": "2025-03-10",
            "answers": {"days_support": 3, "confidence": 8},
            "note": "pangolinweek was steady",
        }),
        edit: &["--answer", "confidence=9"],
        edited: json!({"answers": {"days_support": 3, "confidence": 9}}),
        word: "pangolinweek",
    }
    .run(&j);
    let review = j.json(&[
        "review",
        "add",
        "--answer",
        "days_used=0",
        "--answer",
        "confidence=5",
        "--json",
    ]);
    let id = review["id"].to_string();
    let edited = j.json(&["review", "edit", &id, "--answer", "days_used=", "--json"]);
    assert_eq!(edited["answers"], json!({"confidence": 5}));
}

#[test]
fn a_lapse_round_trips() {
    let j = Journal::new();
    let listed = RoundTrip {
        kind: "lapse",
        noun: "lapse",
        add: &[
            "--at",
            "2025-03-14T23:30:00Z",
            "--trigger",
            "feeling stressed",
            "--feeling",
            "anxious",
            "--situation",
            "a party with okapifriends",
            "--learned",
            "leave early",
            "--next-time",
            "bring a friend",
            "--restart-counter",
        ],
        saved: json!({
            "occurredAt": "2025-03-14T23:30:00Z",
            "feelings": ["anxious"],
            "situation": "a party with okapifriends",
            "learned": "leave early",
            "nextTime": "bring a friend",
            "restartsCounter": true,
        }),
        edit: &["--no-restart-counter"],
        edited: json!({"restartsCounter": false}),
        word: "okapifriends",
    }
    .run(&j);
    assert_eq!(trigger_names(&listed), ["Feeling stressed"]);
}

#[test]
fn the_trigger_catalogue_can_be_managed() {
    let j = Journal::new();
    let starters = j.json(&["trigger", "list", "--json"]);
    assert!(!starters.as_array().unwrap().is_empty(), "starter triggers");
    let added = j.json(&[
        "trigger",
        "add",
        "--name",
        "Payday",
        "--category",
        "times_and_situations",
        "--json",
    ]);
    assert_eq!(added["name"], "Payday");
    assert_eq!(added["category"], "times_and_situations");
    assert_eq!(added["uses"], 0);
    assert_eq!(added["archived"], false);
    let id = added["id"].to_string();
    j.fails(
        &["trigger", "add", "--name", "payday", "--category", "things"],
        b"",
        5,
        "--name",
    );
    let edited = j.json(&["trigger", "edit", &id, "--name", "Pay day", "--json"]);
    assert_eq!(edited["name"], "Pay day");
    assert_eq!(edited["category"], "times_and_situations");
    let edited = j.json(&["trigger", "edit", &id, "--category", "things", "--json"]);
    assert_eq!(edited["name"], "Pay day");
    assert_eq!(edited["category"], "things");

    j.ok(&["trigger", "archive", &id]);
    let active = j.json(&["trigger", "list", "--json"]);
    assert!(!active
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["id"] == added["id"]));
    let all = j.json(&["trigger", "list", "--all", "--json"]);
    let archived = all
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == added["id"])
        .unwrap();
    assert_eq!(archived["archived"], true);
    j.ok(&["trigger", "unarchive", &id]);
    j.cmd().args(["trigger", "list"]).assert().success().stdout(
        predicate::str::contains("Pay day")
            .and(predicate::str::contains("USES"))
            .and(predicate::str::contains("ARCHIVED")),
    );

    // In use: refused, and kept; unused: deleted.
    j.ok(&["craving", "add", "--intensity", "3", "--trigger", "pay day"]);
    j.fails(&["trigger", "delete", &id], b"", 5, "trigger ID");
    let in_use = j.json(&["trigger", "list", "--json"]);
    let kept = in_use
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == added["id"])
        .unwrap();
    assert_eq!(kept["uses"], 1);
    let spare = j.json(&[
        "trigger",
        "add",
        "--name",
        "Spare",
        "--category",
        "things",
        "--json",
    ]);
    let spare_id = spare["id"].to_string();
    j.cmd()
        .args(["trigger", "delete", &spare_id])
        .assert()
        .success()
        .stdout(format!("Deleted trigger {spare_id}.\n"));
    let all = j.json(&["trigger", "list", "--all", "--json"]);
    assert!(!all
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["id"] == spare["id"]));
}

#[test]
fn an_unknown_trigger_name_is_refused_and_a_new_one_needs_its_category() {
    let j = Journal::new();
    j.ok(&["craving", "add", "--intensity", "2"]);
    let before = j.everything();
    let stderr = j.fails(
        &[
            "craving",
            "add",
            "--intensity",
            "5",
            "--trigger",
            "private-trigger-words",
        ],
        b"",
        5,
        "--trigger",
    );
    assert!(stderr.contains("waymark trigger list"), "{stderr}");
    assert!(!stderr.contains("private-trigger-words"), "{stderr}");
    j.fails(
        &["lapse", "add", "--trigger", "private-trigger-words"],
        b"",
        5,
        "--trigger",
    );
    let stderr = j.fails(
        &[
            "craving",
            "add",
            "--intensity",
            "5",
            "--new-trigger",
            "private-name:bogus",
        ],
        b"",
        5,
        "--new-trigger",
    );
    assert!(!stderr.contains("private-name"), "{stderr}");
    j.fails(
        &[
            "craving",
            "add",
            "--intensity",
            "5",
            "--new-trigger",
            "no category",
        ],
        b"",
        5,
        "--new-trigger",
    );
    assert_eq!(j.everything(), before, "nothing was written");

    let craving = j.json(&[
        "craving",
        "add",
        "--intensity",
        "5",
        "--new-trigger",
        "Payday:times_and_situations",
        "--json",
    ]);
    assert_eq!(trigger_names(&craving), ["Payday"]);
    let triggers = j.json(&["trigger", "list", "--json"]);
    let payday = triggers
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Payday")
        .expect("--new-trigger added it to the catalogue");
    assert_eq!(payday["category"], "times_and_situations");
    assert_eq!(payday["uses"], 1);
    // Now it exists, --trigger finds it in any case.
    let again = j.json(&[
        "craving",
        "add",
        "--intensity",
        "4",
        "--trigger",
        "PAYDAY",
        "--json",
    ]);
    assert_eq!(again["triggers"][0]["id"], payday["id"]);
}

#[test]
fn merging_triggers_repoints_cravings_and_lapses() {
    let j = Journal::new();
    let from = j.json(&[
        "trigger",
        "add",
        "--name",
        "Pay day",
        "--category",
        "things",
        "--json",
    ]);
    let into = j.json(&[
        "trigger",
        "add",
        "--name",
        "Payday",
        "--category",
        "times_and_situations",
        "--json",
    ]);
    let craving = j.json(&[
        "craving",
        "add",
        "--intensity",
        "6",
        "--trigger",
        "Pay day",
        "--json",
    ]);
    let lapse = j.json(&["lapse", "add", "--trigger", "Pay day", "--json"]);
    let from_id = from["id"].to_string();
    let into_id = into["id"].to_string();
    let kept = j.json(&["trigger", "merge", &from_id, "--into", &into_id, "--json"]);
    assert_eq!(kept["id"], into["id"]);
    assert_eq!(kept["uses"], 2);
    let craving = j.find("craving", &craving["id"]).unwrap();
    assert_eq!(trigger_names(&craving), ["Payday"]);
    let lapse = j.find("lapse", &lapse["id"]).unwrap();
    assert_eq!(trigger_names(&lapse), ["Payday"]);
    let all = j.json(&["trigger", "list", "--all", "--json"]);
    assert!(!all
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["id"] == from["id"]));
    j.fails(
        &["trigger", "merge", &into_id, "--into", &into_id],
        b"",
        5,
        "--into",
    );
}

#[test]
fn invalid_input_exits_5_names_the_flag_and_writes_nothing() {
    let j = Journal::new();
    let today = Local::now().date_naive();
    j.ok(&["journal", "add", "--text", "today's entry"]);
    j.ok(&["checkin", "add", "--slept", "yes"]);
    let before = j.everything();
    let tomorrow = (today + Duration::days(1)).to_string();
    let future_time = (Local::now() + Duration::days(1)).to_rfc3339();
    let two_mb = vec![b'x'; 2 * 1024 * 1024];
    let nul = b"before\0after".to_vec();
    let cases: Vec<(Vec<&str>, &[u8], &str)> = vec![
        (vec!["mood", "add", "--mood", "0"], b"", "--mood"),
        (vec!["mood", "add", "--mood", "11"], b"", "--mood"),
        (
            vec!["craving", "add", "--intensity", "11"],
            b"",
            "--intensity",
        ),
        (
            vec!["craving", "add", "--intensity", "5", "--after", "11"],
            b"",
            "--after",
        ),
        (
            vec!["craving", "add", "--intensity", "5", "--duration", "2000"],
            b"",
            "--duration",
        ),
        (
            vec!["craving", "add", "--intensity", "5", "--at", &future_time],
            b"",
            "--at",
        ),
        (
            vec!["mood", "add", "--mood", "5", "--feeling", "nope"],
            b"",
            "--feeling",
        ),
        (vec!["lapse", "add", "--feeling", "nope"], b"", "--feeling"),
        (vec!["lapse", "add", "--at", "last tuesday"], b"", "--at"),
        (
            vec!["journal", "add", "--text", "x", "--date", &tomorrow],
            b"",
            "--date",
        ),
        (
            vec!["journal", "add", "--text", "x", "--date", "2025-01-99"],
            b"",
            "--date",
        ),
        (vec!["journal", "add", "--text", "x"], b"", "--date"),
        (vec!["journal", "add", "--text", "  "], b"", "--text"),
        (
            vec!["checkin", "add", "--slept", "yes", "--date", "2025-02-99"],
            b"",
            "--date",
        ),
        (
            vec!["checkin", "add", "--slept", "yes", "--date", &tomorrow],
            b"",
            "--date",
        ),
        (
            vec!["checkin", "add", "--date", "2025-01-01"],
            b"",
            "--slept",
        ),
        (
            vec!["checkin", "add", "--date", "2025-01-02", "--day", "99"],
            b"",
            "--day",
        ),
        (
            vec!["review", "add", "--answer", "days_used=8"],
            b"",
            "--answer",
        ),
        (
            vec!["review", "add", "--answer", "no_such_question=1"],
            b"",
            "--answer",
        ),
        (
            vec!["review", "add", "--note", "x", "--week-of", &tomorrow],
            b"",
            "--week-of",
        ),
        (
            vec!["craving", "add", "--intensity", "5", "--note", "-"],
            &nul,
            "--note",
        ),
        (
            vec!["craving", "add", "--intensity", "5", "--note", "-"],
            &two_mb,
            "--note",
        ),
        (
            vec!["mood", "add", "--mood", "5", "--note", "-"],
            &nul,
            "--note",
        ),
        (
            vec!["journal", "add", "--text", "-", "--date", "2025-01-03"],
            &nul,
            "--text",
        ),
        (
            vec!["lapse", "add", "--next-time", "-"],
            &nul,
            "--next-time",
        ),
        (vec!["lapse", "add", "--learned", "-"], &two_mb, "--learned"),
        (
            vec!["trigger", "add", "--name", " ", "--category", "things"],
            b"",
            "--name",
        ),
        (vec!["recovery", "set-start", &tomorrow], b"", "DATE"),
        (
            vec!["timeline", "--from", "2025-05-01", "--to", "2025-04-01"],
            b"",
            "--from",
        ),
        (vec!["timeline", "--to", "2025-99-01"], b"", "--to"),
        (vec!["search", "  "], b"", "TEXT"),
    ];
    for (args, stdin, flag) in &cases {
        j.fails(args, stdin, 5, flag);
    }
    assert_eq!(j.everything(), before, "nothing was written");
}

#[test]
fn unknown_ids_exit_7() {
    let j = Journal::new();
    j.fails(
        &["craving", "edit", "999", "--intensity", "3"],
        b"",
        7,
        "That craving was not found; it may have been deleted.",
    );
    j.fails(
        &["craving", "delete", "999"],
        b"",
        7,
        "That craving was not found",
    );
    let edits: [(&str, &[&str], &str); 5] = [
        ("mood", &["--mood", "3"], "mood check-in"),
        ("journal", &["--text", "x"], "journal entry"),
        ("checkin", &["--day", "3"], "check-in"),
        ("review", &["--note", "x"], "weekly review"),
        ("lapse", &["--learned", "x"], "lapse"),
    ];
    for (kind, flags, noun) in edits {
        let mut args = vec![kind, "edit", "999"];
        args.extend_from_slice(flags);
        j.fails(&args, b"", 7, &format!("That {noun} was not found"));
        j.fails(
            &[kind, "delete", "999"],
            b"",
            7,
            &format!("That {noun} was not found"),
        );
    }
    j.fails(
        &["trigger", "edit", "9999", "--name", "x"],
        b"",
        7,
        "That trigger was not found",
    );
    j.fails(&["trigger", "delete", "9999"], b"", 7, "not found");
    j.fails(&["trigger", "archive", "9999"], b"", 7, "not found");
    j.fails(
        &["trigger", "merge", "9999", "--into", "1"],
        b"",
        7,
        "not found",
    );
    // Deleted once, gone: a second delete is "not found".
    let id = j.ok(&["mood", "add", "--mood", "5"]);
    let id = id.trim();
    j.ok(&["mood", "delete", id]);
    j.fails(&["mood", "delete", id], b"", 7, "not found");
}

#[test]
fn a_lapse_shows_the_safety_card_with_the_emergency_number() {
    let j = Journal::new();
    j.ok(&["profile", "set", "--region", "uk"]);
    // No card after a craving that passed.
    j.cmd()
        .args(["craving", "add", "--intensity", "8", "--outcome", "passed"])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
    // Use logged with no history before it: the card follows a check-in or craving too.
    j.cmd()
        .args(["checkin", "add", "--used", "yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains("call 999"));
    let out = j
        .cmd()
        .args(["craving", "add", "--intensity", "8", "--outcome", "used"])
        .assert()
        .success();
    assert_eq!(text(&out.get_output().stdout).trim(), "2");
    assert!(text(&out.get_output().stderr).contains("999"));

    let out = j
        .cmd()
        .args([
            "lapse",
            "add",
            "--learned",
            "call first",
            "--restart-counter",
        ])
        .assert()
        .success();
    assert_eq!(
        text(&out.get_output().stdout).trim(),
        "1",
        "stdout keeps only the id"
    );
    let card = text(&out.get_output().stderr);
    assert!(card.contains("In an emergency, call 999."), "{card}");
    assert!(card.contains("information, not failure"), "{card}");
    assert!(card.contains("naloxone"), "{card}");
    for word in ["relapse", "addict", "clean", "dirty"] {
        assert!(!card.to_lowercase().contains(word), "{word} in {card}");
    }

    let out = j
        .cmd()
        .args(["lapse", "add", "--json"])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
    let saved: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(saved["id"], 2);

    j.ok(&["profile", "set", "--region", "us"]);
    j.cmd()
        .args(["lapse", "add"])
        .assert()
        .success()
        .stderr(predicate::str::contains("call 911"));
}

#[test]
fn recovery_days_are_counted_from_the_start_date() {
    let j = Journal::new();
    let today: NaiveDate = Local::now().date_naive();
    let start = today - Duration::days(40);
    let empty = j.json(&["recovery", "show", "--json"]);
    assert_eq!(empty["startDate"], Value::Null);
    j.cmd()
        .args(["recovery", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("recovery set-start"));

    j.cmd()
        .args(["recovery", "set-start", &start.to_string()])
        .assert()
        .success()
        .stdout(predicate::str::contains("40 days"));
    let summary = j.json(&["recovery", "show", "--json"]);
    assert_eq!(summary["startDate"], start.to_string());
    assert_eq!(summary["currentDays"], 40);
    assert_eq!(summary["attempts"], 1);
    assert_eq!(summary["longestDays"], 40);
    assert_eq!(summary["totalDays"], 40);
    assert_eq!(summary["lastMilestone"]["label"], "30 days");
    assert_eq!(summary["nextMilestone"]["days"], 60);
    assert_eq!(
        summary["nextMilestone"]["date"],
        (start + Duration::days(60)).to_string()
    );
    assert_eq!(summary["periods"].as_array().unwrap().len(), 1);
    j.cmd()
        .args(["recovery", "show"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Current: 40 days")
                .and(predicate::str::contains("Next milestone: 60 days")),
        );

    // A lapse ten days ago that restarts the counter starts a new period; the history stays.
    let lapse_day = today - Duration::days(10);
    let at = format!("{lapse_day}T12:00:00");
    j.ok(&["lapse", "add", "--at", &at, "--restart-counter"]);
    let summary = j.json(&["recovery", "show", "--json"]);
    assert_eq!(summary["currentDays"], 10);
    assert_eq!(summary["attempts"], 2);
    assert_eq!(summary["longestDays"], 30);
    assert_eq!(summary["totalDays"], 40);
    assert_eq!(summary["lapses"], 1);
    assert_eq!(summary["periods"][0]["days"], 30);
    assert_eq!(summary["periods"][1]["start"], lapse_day.to_string());

    j.ok(&["recovery", "clear-start"]);
    assert_eq!(
        j.json(&["recovery", "show", "--json"])["startDate"],
        Value::Null
    );
}

#[test]
fn the_profile_keeps_what_is_not_changed() {
    let j = Journal::new();
    let p = j.json(&["profile", "show", "--json"]);
    assert_eq!(
        p,
        json!({"recoveryStart": null, "region": null, "medication": null})
    );
    let p = j.json(&[
        "profile",
        "set",
        "--region",
        "uk",
        "--medication",
        "buprenorphine",
        "--json",
    ]);
    assert_eq!(p["region"], "uk");
    assert_eq!(p["medication"], "buprenorphine");
    j.ok(&["recovery", "set-start", "2025-01-01"]);
    let p = j.json(&["profile", "set", "--medication", "none", "--json"]);
    assert_eq!(
        p,
        json!({"recoveryStart": "2025-01-01", "region": "uk", "medication": null})
    );
    j.cmd()
        .args(["profile", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("United Kingdom"));
    j.cmd()
        .args(["profile", "set", "--region", "mars"])
        .assert()
        .code(2);
    j.cmd().args(["profile", "set"]).assert().code(2);
}

#[test]
fn search_marks_matches_and_the_timeline_filters_by_day_and_kind() {
    let j = Journal::new();
    let today = Local::now().date_naive();
    let day = |n: i64| (today - Duration::days(n)).to_string();
    let noon = |n: i64| format!("{}T12:00:00", day(n));
    j.ok(&[
        "mood",
        "add",
        "--mood",
        "4",
        "--at",
        &noon(1),
        "--note",
        "a heron by the canal",
    ]);
    j.ok(&[
        "craving",
        "add",
        "--intensity",
        "6",
        "--at",
        &noon(2),
        "--where",
        "canal path",
    ]);
    j.ok(&[
        "journal",
        "add",
        "--date",
        &day(3),
        "--text",
        "walked the canal again",
    ]);
    j.ok(&[
        "mood",
        "add",
        "--mood",
        "7",
        "--at",
        &noon(40),
        "--note",
        "old canal day",
    ]);

    let hits = j.json(&["search", "canal", "--json"]);
    assert_eq!(hits.as_array().unwrap().len(), 4);
    let excerpt = hits[0]["excerpt"].as_str().unwrap();
    assert!(excerpt.contains("\u{2}canal\u{3}"), "{excerpt:?}");
    let listed = j.ok(&["search", "heron", "canal"]);
    assert_eq!(listed.lines().count(), 1, "{listed}");
    assert!(
        listed.contains("[heron]") && listed.contains("[canal]"),
        "{listed}"
    );
    assert!(!listed.contains('\u{2}'));
    assert_eq!(
        j.json(&["search", "canal", "--limit", "2", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        j.ok(&["search", "nothingmatchesthis"]).trim(),
        "Nothing matched."
    );

    let kinds = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["timeline", "--json"];
        all.extend_from_slice(args);
        j.json(&all)
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["entry"]["kind"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        kinds(&[]),
        ["mood", "craving", "journal"],
        "newest day first; 30 days"
    );
    assert_eq!(kinds(&["--kind", "mood"]), ["mood"]);
    assert_eq!(
        kinds(&["--kind", "mood", "--kind", "journal"]),
        ["mood", "journal"]
    );
    assert_eq!(kinds(&["--from", &day(2), "--to", &day(2)]), ["craving"]);
    assert_eq!(
        kinds(&["--from", &day(50), "--kind", "mood"]),
        ["mood", "mood"]
    );
    let timeline = j.ok(&["timeline"]);
    assert_eq!(timeline.lines().count(), 3, "{timeline}");
    assert!(timeline.contains("Mood 4/10"), "{timeline}");
}

#[test]
fn tables_keep_one_line_per_entry() {
    let j = Journal::new();
    let long = format!("first line\nsecond\tline\r\n{}", "word ".repeat(60));
    j.cmd()
        .args([
            "craving",
            "add",
            "--intensity",
            "5",
            "--note",
            "-",
            "--where",
            "here",
        ])
        .write_stdin(long.clone())
        .assert()
        .success();
    j.cmd()
        .args(["journal", "add", "--text", "-", "--tag", "one"])
        .write_stdin(long.clone())
        .assert()
        .success();
    j.cmd()
        .args(["lapse", "add", "--learned", "-"])
        .write_stdin(long.clone())
        .assert()
        .success();
    j.cmd()
        .args(["mood", "add", "--mood", "3", "--note", "-"])
        .write_stdin(long.clone())
        .assert()
        .success();
    j.cmd()
        .args(["checkin", "add", "--note", "-"])
        .write_stdin(long.clone())
        .assert()
        .success();
    j.cmd()
        .args(["review", "add", "--note", "-"])
        .write_stdin(long.clone())
        .assert()
        .success();
    for kind in KINDS {
        let table = j.ok(&[kind, "list"]);
        assert_eq!(
            table.lines().count(),
            2,
            "{kind}: header and one line:\n{table}"
        );
        assert!(!table.contains('\t') && !table.contains('\r'), "{kind}");
        let line = table.lines().nth(1).unwrap();
        assert!(
            line.contains("first line second line word"),
            "{kind}: {line}"
        );
        assert!(line.ends_with('…'), "{kind}: long text is clipped: {line}");
        assert!(line.chars().count() < 200, "{kind}: {line}");
    }
    let timeline = j.ok(&["timeline"]);
    assert_eq!(timeline.lines().count(), 6, "{timeline}");
    assert!(
        timeline.lines().all(|l| l.chars().count() < 250),
        "{timeline}"
    );
    // JSON keeps the text whole.
    assert_eq!(
        j.list("craving")[0]["note"],
        long.trim(),
        "the note is stored in full"
    );
}

#[test]
fn only_one_flag_can_read_standard_input() {
    let j = Journal::new();
    j.cmd()
        .args(["lapse", "add", "--situation", "-", "--learned", "-"])
        .write_stdin("text")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("only one flag"));
    assert!(j.list("lapse").is_empty());
    j.cmd()
        .args(["search", "-"])
        .write_stdin("nothing here")
        .assert()
        .success();
}

#[test]
fn usage_errors_never_repeat_what_was_typed() {
    let j = Journal::new();
    for args in [
        vec!["craving", "add", "--intensity", "5", "private words here"],
        vec!["private words here"],
        vec![
            "craving",
            "add",
            "--intensity",
            "5",
            "--outcome",
            "private words here",
        ],
        vec!["review", "add", "--answer", "private words here"],
    ] {
        j.cmd()
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("private").not());
    }
    j.cmd()
        .args(["craving", "add", "--intensity", "5", "--outcome", "maybe"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("passed, used, ongoing"));
}

#[test]
fn no_text_typed_into_any_field_is_readable_in_any_file() {
    let j = Journal::new();
    let markers = [
        "pt-craving-note-c1",
        "pt-craving-where-c2",
        "pt-craving-with-c3",
        "pt-craving-doing-c4",
        "pt-craving-coped-c5",
        "pt-trigger-name-c6",
        "pt-mood-note-m1",
        "pt-journal-text-j1",
        "pt-journal-wentwell-j2",
        "pt-journal-tag-j3",
        "pt-checkin-note-k1",
        "pt-review-note-r1",
        "pt-lapse-situation-l1",
        "pt-lapse-learned-l2",
        "pt-lapse-nexttime-l3",
    ];
    let new_trigger = format!("{}:things", markers[5]);
    j.ok(&[
        "craving",
        "add",
        "--intensity",
        "6",
        "--note",
        markers[0],
        "--where",
        markers[1],
        "--with",
        markers[2],
        "--doing",
        markers[3],
        "--coped",
        markers[4],
        "--new-trigger",
        &new_trigger,
    ]);
    j.ok(&["mood", "add", "--mood", "5", "--note", markers[6]]);
    j.ok(&[
        "journal",
        "add",
        "--text",
        markers[7],
        "--went-well",
        markers[8],
        "--tag",
        markers[9],
    ]);
    j.ok(&["checkin", "add", "--note", markers[10]]);
    j.ok(&["review", "add", "--note", markers[11]]);
    j.ok(&[
        "lapse",
        "add",
        "--trigger",
        markers[5],
        "--situation",
        markers[12],
        "--learned",
        markers[13],
        "--next-time",
        markers[14],
    ]);
    // Everything was saved and reads back...
    let everything = j
        .everything()
        .iter()
        .map(Value::to_string)
        .collect::<String>();
    for marker in markers {
        assert!(everything.contains(marker), "{marker} was saved");
    }
    // ...and search finds it, from inside the encrypted database.
    assert!(!j.search("pt-lapse-learned-l2").is_empty());
    // No file holds any of it in the clear.
    let files = files_under(&j.dir);
    assert!(files.len() >= 2);
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        for marker in markers.iter().copied().chain([PASS, j.key.as_str()]) {
            assert!(
                !bytes.windows(marker.len()).any(|w| w == marker.as_bytes()),
                "{marker} found in {}",
                path.display()
            );
        }
        assert!(!bytes.starts_with(b"SQLite format 3"), "{}", path.display());
    }
}

#[test]
fn reference_lists_need_no_journal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("none");
    let feelings = clean_cmd(&dir)
        .args(["mood", "feelings", "--json"])
        .assert()
        .success();
    let feelings: Value = serde_json::from_slice(&feelings.get_output().stdout).unwrap();
    assert!(feelings
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["key"] == "anxious"));
    clean_cmd(&dir)
        .args(["review", "questions"])
        .assert()
        .success();
    assert!(!dir.exists());
}
