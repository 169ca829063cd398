//! The coping toolkit, support network, helplines and relapse plan commands of the `waymark`
//! CLI, on real encrypted vaults in temporary directories.
//!
//! One vault is created per test binary (`init` runs the passphrase KDF) and copied for each
//! test; steps unlock with its recovery key, which needs no slow KDF.

mod common;

use std::path::Path;

use serde_json::{json, Value};

use common::{clean_cmd, files_under, text, Journal, PASS};

impl Journal {}

/// The listed item with `id`, if it is there.
fn by_id(items: &[Value], id: i64) -> Option<&Value> {
    items.iter().find(|i| i["id"] == id)
}

/// Whether any file under `dir` holds `marker` in the clear.
fn assert_nothing_readable(dir: &Path, markers: &[&str]) {
    let files = files_under(dir);
    assert!(files.len() >= 2);
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        for marker in markers {
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
fn the_strategy_list_shows_the_built_in_library() {
    let j = Journal::new();
    let all = j.list("strategy");
    assert!(all.len() >= 5, "{all:?}");
    assert!(all
        .iter()
        .all(|s| s["custom"] == false && s["key"].is_string()));
    let table = j.ok(&["strategy", "list"]);
    let rows: Vec<&str> = table.lines().skip(1).collect();
    assert_eq!(rows.len(), all.len(), "one line per strategy:\n{table}");
    for s in &all {
        let id = s["id"].as_i64().unwrap();
        let row = rows
            .iter()
            .find(|r| r.split_whitespace().next() == Some(&id.to_string()))
            .unwrap_or_else(|| panic!("strategy {id} listed:\n{table}"));
        assert!(row.contains("built-in"), "{row}");
        assert!(row.contains(s["category"].as_str().unwrap()), "{row}");
    }
}

#[test]
fn own_strategies_can_be_starred_hidden_and_ranked_by_what_works() {
    let j = Journal::new();
    let before = j.list("strategy").len();
    let title = "Cold water on my face";
    let added = j.json(&[
        "strategy",
        "add",
        "--title",
        title,
        "--category",
        "in_the_moment",
        "--summary",
        "A reset for the body",
        "--step",
        "Go to the sink.",
        "--step",
        "Splash for thirty seconds.",
        "--json",
    ]);
    let id = added["id"].as_i64().unwrap();
    assert_eq!(added["custom"], true);
    assert_eq!(added["category"], "in_the_moment");
    assert_eq!(
        added["steps"],
        json!(["Go to the sink.", "Splash for thirty seconds."])
    );
    assert_eq!(j.list("strategy").len(), before + 1);
    // The same title again is refused.
    j.fails(
        &[
            "strategy",
            "add",
            "--title",
            title,
            "--category",
            "connection",
            "--step",
            "x",
        ],
        b"",
        5,
        "--title",
    );
    // No steps is refused, naming --step.
    j.fails(
        &[
            "strategy",
            "add",
            "--title",
            "Other",
            "--category",
            "connection",
        ],
        b"",
        5,
        "--step",
    );

    let sid = id.to_string();
    j.ok(&["strategy", "star", &sid]);
    let list = j.list("strategy");
    assert_eq!(by_id(&list, id).unwrap()["starred"], true);
    let row = j
        .ok(&["strategy", "list"])
        .lines()
        .find(|l| l.contains(title))
        .unwrap()
        .to_string();
    assert!(row.contains('★') && row.contains("own"), "{row}");
    j.ok(&["strategy", "unstar", &sid]);
    assert_eq!(by_id(&j.list("strategy"), id).unwrap()["starred"], false);

    j.ok(&["strategy", "hide", &sid]);
    assert!(by_id(&j.list("strategy"), id).is_none());
    let all = j.json(&["strategy", "list", "--all", "--json"]);
    let hidden = by_id(all.as_array().unwrap(), id).unwrap();
    assert_eq!(hidden["hidden"], true);
    j.ok(&["strategy", "unhide", &sid]);
    assert!(by_id(&j.list("strategy"), id).is_some());

    // Nothing tried yet.
    assert_eq!(j.json(&["strategy", "works", "--json"]), json!([]));
    // Two cravings that tried it: 8 → 3 and 6 → 5, both passed.
    let logged = [(8, 3), (6, 5)];
    for (intensity, after) in logged {
        j.ok(&[
            "craving",
            "add",
            "--intensity",
            &intensity.to_string(),
            "--coped",
            title,
            "--outcome",
            "passed",
            "--after",
            &after.to_string(),
        ]);
    }
    let drops: Vec<f64> = logged.iter().map(|(i, a)| f64::from(i - a)).collect();
    let average = drops.iter().sum::<f64>() / drops.len() as f64;
    let works = j.json(&["strategy", "works", "--json"]);
    let works = works.as_array().unwrap();
    assert_eq!(works.len(), 1, "{works:?}");
    let w = &works[0];
    assert_eq!(w["strategyId"], id);
    assert_eq!(w["title"], title);
    assert_eq!(w["tried"], 2);
    assert_eq!(w["withOutcome"], 2);
    assert_eq!(w["passed"], 2);
    assert_eq!(w["passRate"].as_f64(), Some(1.0));
    assert_eq!(w["withDrop"], 2);
    assert_eq!(w["averageDrop"].as_f64(), Some(average));
    let table = j.ok(&["strategy", "works"]);
    assert_eq!(table.lines().count(), 2, "{table}");
    let row = table.lines().nth(1).unwrap();
    assert!(row.contains(title), "{row}");
    assert!(row.contains("100%"), "{row}");
    assert!(row.contains(&format!("{average:.1} (of 2)")), "{row}");

    // Own strategies can be deleted.
    j.ok(&["strategy", "delete", &sid]);
    let all = j.json(&["strategy", "list", "--all", "--json"]);
    assert!(by_id(all.as_array().unwrap(), id).is_none());
    j.fails(&["strategy", "delete", &sid], b"", 7, "not");
}

#[test]
fn built_in_strategies_cannot_be_deleted() {
    let j = Journal::new();
    let builtin = j.list("strategy")[0]["id"].as_i64().unwrap().to_string();
    j.fails(&["strategy", "delete", &builtin], b"", 5, "strategy ID");
    assert!(j
        .list("strategy")
        .iter()
        .any(|s| s["id"].as_i64().unwrap().to_string() == builtin));
    j.fails(&["strategy", "star", "999999"], b"", 7, "");
}

#[test]
fn contacts_keep_their_call_order_and_can_be_deleted() {
    let j = Journal::new();
    assert!(j.list("contact").is_empty());
    let sam = j.json(&[
        "contact",
        "add",
        "--name",
        "Sam",
        "--role",
        "sponsor",
        "--phone",
        "07700 900123",
        "--email",
        "sam@example.org",
        "--notes",
        "Evenings are best",
        "--json",
    ]);
    assert_eq!(sam["role"], "sponsor");
    assert_eq!(sam["phone"], "07700 900123");
    let ali = j.ok(&["contact", "add", "--name", "Ali", "--role", "friend"]);
    let ali: i64 = ali.trim().parse().unwrap();
    let kim = j.json(&["contact", "add", "--name", "Kim", "--json"]);
    assert_eq!(kim["role"], "other");
    let names = |j: &Journal| {
        j.list("contact")
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&j), ["Sam", "Ali", "Kim"]);
    let table = j.ok(&["contact", "list"]);
    assert_eq!(table.lines().count(), 4, "{table}");
    let order: Vec<&str> = table
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().nth(2).unwrap())
        .collect();
    assert_eq!(order, ["Sam", "Ali", "Kim"]);

    j.ok(&["contact", "delete", &ali.to_string()]);
    assert_eq!(names(&j), ["Sam", "Kim"]);
    let orders: Vec<i64> = j
        .list("contact")
        .iter()
        .map(|c| c["callOrder"].as_i64().unwrap())
        .collect();
    assert_eq!(orders, [0, 1]);
    j.fails(&["contact", "delete", &ali.to_string()], b"", 7, "");

    let err = j.fails(
        &[
            "contact",
            "add",
            "--name",
            "Jo",
            "--phone",
            "ring me secretly",
        ],
        b"",
        5,
        "--phone",
    );
    assert!(!err.contains("secretly"), "{err}");
    j.fails(
        &["contact", "add", "--name", "Jo", "--email", "jo at home"],
        b"",
        5,
        "--email",
    );
    assert_eq!(names(&j), ["Sam", "Kim"]);
}

#[test]
fn helplines_list_the_regions_numbers() {
    let j = Journal::new();
    let uk = j.ok(&["helplines", "--region", "uk"]);
    for number in ["999", "111", "0300 123 6600", "116 123"] {
        assert!(uk.contains(number), "{number} in:\n{uk}");
    }
    let us = j.ok(&["helplines", "--region", "us"]);
    for number in ["911", "988", "1-800-662-4357"] {
        assert!(us.contains(number), "{number} in:\n{us}");
    }
    assert!(!us.contains("116 123"));
    // The profile's region is the default.
    j.ok(&["profile", "set", "--region", "us"]);
    let json = j.json(&["helplines", "--json"]);
    assert_eq!(json["region"], "us");
    let numbers: Vec<&str> = json["builtin"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["number"].as_str().unwrap())
        .collect();
    assert!(numbers.contains(&"988"), "{numbers:?}");

    // With no journal, --region still shows the built-in lines, and creates nothing.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("none");
    let out = clean_cmd(&dir)
        .args(["helplines", "--region", "uk"])
        .assert()
        .success();
    assert!(text(&out.get_output().stdout).contains("0300 123 6600"));
    assert!(!dir.exists());
    clean_cmd(&dir).args(["helplines"]).assert().code(4);
}

fn plan_json() -> Value {
    json!({
        "reasons": ["pt-plan-reason-p1"],
        "warningSigns": [
            {"kind": "thoughts", "stage": "early", "text": "pt-plan-sign-p2"}
        ],
        "highRiskSituations": [
            {"situation": "pt-plan-situation-p3", "plan": "pt-plan-then-p4"}
        ],
        "peopleToCall": ["pt-plan-person-p5"],
        "safePlaces": ["pt-plan-place-p6"],
        "safeActivities": ["pt-plan-activity-p7"],
        "aftercare": ["pt-plan-aftercare-p8"]
    })
}

const PLAN_MARKERS: [&str; 8] = [
    "pt-plan-reason-p1",
    "pt-plan-sign-p2",
    "pt-plan-situation-p3",
    "pt-plan-then-p4",
    "pt-plan-person-p5",
    "pt-plan-place-p6",
    "pt-plan-activity-p7",
    "pt-plan-aftercare-p8",
];

#[test]
fn the_plan_is_edited_from_json_and_shown_as_markdown() {
    let j = Journal::new();
    let empty = j.json(&["plan", "show", "--json"]);
    assert_eq!(empty["reasons"], json!([]));
    let file = j.scratch().join("plan.json");
    std::fs::write(&file, plan_json().to_string()).unwrap();
    j.ok(&["plan", "edit", "--file", file.to_str().unwrap()]);
    let shown = j.ok(&["plan", "show"]);
    assert!(shown.starts_with("# "), "{shown}");
    for marker in PLAN_MARKERS {
        assert!(shown.contains(marker), "{marker} in:\n{shown}");
    }
    // show --json round-trips through edit --file.
    let saved = j.json(&["plan", "show", "--json"]);
    assert_eq!(saved, plan_json());
    std::fs::write(&file, saved.to_string()).unwrap();
    j.ok(&["plan", "edit", "--file", file.to_str().unwrap()]);
    assert_eq!(j.json(&["plan", "show", "--json"]), saved);
    // `-` reads standard input; missing sections are empty.
    j.cmd()
        .args(["plan", "edit", "--file", "-"])
        .write_stdin(r#"{"reasons": ["stdin reason"]}"#)
        .assert()
        .success();
    let only = j.json(&["plan", "show", "--json"]);
    assert_eq!(only["reasons"], json!(["stdin reason"]));
    assert_eq!(only["aftercare"], json!([]));
}

#[test]
fn an_invalid_plan_exits_5_and_changes_nothing() {
    let j = Journal::new();
    let file = j.scratch().join("plan.json");
    std::fs::write(&file, plan_json().to_string()).unwrap();
    let path = file.to_str().unwrap().to_string();
    j.ok(&["plan", "edit", "--file", &path]);
    let before = j.json(&["plan", "show", "--json"]);
    for bad in [
        "{\"reasons\": [\"pt-secret-x\"",
        "not json pt-secret-x",
        r#"["pt-secret-x"]"#,
        r#"{"reason": ["pt-secret-x"]}"#,
        r#"{"reasons": "pt-secret-x"}"#,
    ] {
        std::fs::write(&file, bad).unwrap();
        let err = j.fails(&["plan", "edit", "--file", &path], b"", 5, "--file");
        assert!(!err.contains("pt-secret-x"), "{err}");
        let err = j.fails(
            &["plan", "edit", "--file", "-"],
            bad.as_bytes(),
            5,
            "--file",
        );
        assert!(!err.contains("pt-secret-x"), "{err}");
    }
    // A validation error names the section.
    let mut two_lines = plan_json();
    two_lines["safePlaces"] = json!(["pt-secret-x\nsecond line"]);
    std::fs::write(&file, two_lines.to_string()).unwrap();
    let err = j.fails(&["plan", "edit", "--file", &path], b"", 5, "safePlaces");
    assert!(!err.contains("pt-secret-x"), "{err}");
    let mut half = plan_json();
    half["highRiskSituations"] = json!([{"situation": "pt-secret-x", "plan": ""}]);
    std::fs::write(&file, half.to_string()).unwrap();
    j.fails(
        &["plan", "edit", "--file", &path],
        b"",
        5,
        "highRiskSituations",
    );
    assert_eq!(j.json(&["plan", "show", "--json"]), before);
    // A missing file is a usage error.
    j.fails(
        &["plan", "edit", "--file", "/nonexistent/plan.json"],
        b"",
        2,
        "--file",
    );
}

#[test]
fn no_toolkit_text_is_readable_in_any_file() {
    let j = Journal::new();
    let markers = [
        "pt-contact-name-t1",
        "pt-contact-notes-t2",
        "pt-strategy-title-t3",
        "pt-strategy-step-t4",
        "pt-strategy-summary-t5",
    ];
    j.ok(&[
        "contact",
        "add",
        "--name",
        markers[0],
        "--notes",
        markers[1],
        "--phone",
        "07700 900123",
    ]);
    j.ok(&[
        "strategy",
        "add",
        "--title",
        markers[2],
        "--category",
        "connection",
        "--step",
        markers[3],
        "--summary",
        markers[4],
    ]);
    let file = j.scratch().join("plan.json");
    std::fs::write(&file, plan_json().to_string()).unwrap();
    j.ok(&["plan", "edit", "--file", file.to_str().unwrap()]);
    std::fs::remove_file(&file).unwrap();
    // Everything was saved and reads back...
    let saved = [
        j.json(&["contact", "list", "--json"]).to_string(),
        j.json(&["strategy", "list", "--json"]).to_string(),
        j.json(&["plan", "show", "--json"]).to_string(),
    ]
    .concat();
    for marker in markers.iter().chain(PLAN_MARKERS.iter()) {
        assert!(saved.contains(marker), "{marker} was saved");
    }
    // ...and no file holds any of it in the clear.
    let all: Vec<&str> = markers
        .iter()
        .chain(PLAN_MARKERS.iter())
        .copied()
        .chain([PASS, j.key.as_str()])
        .collect();
    assert_nothing_readable(&j.dir, &all);
}
