//! The schedule commands of the `waymark` CLI (meetings, reminders, calendar files), on real
//! encrypted vaults in temporary directories.
//!
//! One vault is created per test binary (`init` runs the passphrase KDF) and copied for each
//! test; steps unlock with its recovery key, which needs no slow KDF. Dates the CLI prints are
//! checked against dates computed here with chrono-tz, not against the code under test.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command as Process;

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use predicates::prelude::*;
use serde_json::{json, Value};

use common::{text, Journal};

/// Text that must never leave the vault: put in notes, looked for everywhere else.
const NOTES_MARKER: &str = "NOTES-MARKER-q7z";

impl Journal {
    /// `meeting list --json`.
    fn meetings(&self) -> Vec<Value> {
        self.list("meeting")
    }

    /// Adds a meeting with `args` after `meeting add`, returning it as saved.
    fn add_meeting(&self, args: &[&str]) -> Value {
        let mut all = vec!["meeting", "add"];
        all.extend_from_slice(args);
        all.push("--json");
        self.json(&all)
    }

    /// `meeting next --json` with `args`.
    fn next(&self, args: &[&str]) -> Vec<Value> {
        let mut all = vec!["meeting", "next", "--json"];
        all.extend_from_slice(args);
        match self.json(&all) {
            Value::Array(items) => items,
            other => panic!("meeting next: {other}"),
        }
    }
}

/// A meeting's id as a command argument.
fn id_of(meeting: &Value) -> String {
    meeting["id"].as_i64().expect("meeting id").to_string()
}

fn instant(text: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text.as_str().expect("a time"))
        .unwrap_or_else(|e| panic!("{text}: {e}"))
        .with_timezone(&Utc)
}

/// The instant a wall-clock time names in `zone` (never a skipped hour in these tests).
fn at(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    zone.from_local_datetime(&local)
        .earliest()
        .expect("time exists")
        .with_timezone(&Utc)
}

fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
}

/// Every original start of `meeting`'s occurrences for a weekly rule in `[from, to)`, computed
/// day by day: every `interval` weeks (weeks starting Monday) from the week of the first day.
fn weekly_starts(
    first: NaiveDateTime,
    zone: Tz,
    interval: i64,
    days: &[Weekday],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(NaiveDateTime, DateTime<Utc>)> {
    let first_monday =
        first.date() - Duration::days(i64::from(first.weekday().num_days_from_monday()));
    let mut day = (from - Duration::days(2)).date_naive().max(first.date());
    let last = (to + Duration::days(2)).date_naive();
    let mut out = Vec::new();
    while day <= last {
        let weeks = (day - first_monday).num_days() / 7;
        if days.contains(&day.weekday()) && weeks % interval == 0 {
            let start = day.and_time(first.time());
            let when = at(zone, start);
            if when >= from && when < to {
                out.push((start, when));
            }
        }
        day = day.succ_opt().unwrap();
    }
    out
}

#[test]
fn every_kind_of_repeat_round_trips_through_add_list_show_edit_and_delete() {
    let j = Journal::new();
    // (--repeat flags, the rule they describe, a flag edit and the rule after it)
    let cases: Vec<(Vec<&str>, Value, Vec<&str>, Value)> = vec![
        (
            vec![],
            json!({"type": "once"}),
            vec!["--repeat", "daily"],
            json!({"type": "daily", "interval": 1}),
        ),
        (
            vec!["--repeat", "daily", "--every", "3", "--until", "2027-06-30"],
            json!({"type": "daily", "interval": 3}),
            vec!["--every", "5"],
            json!({"type": "daily", "interval": 5}),
        ),
        (
            vec!["--repeat", "weekly", "--days", "tue,thu", "--every", "2"],
            json!({"type": "weekly", "interval": 2, "days": ["tue", "thu"]}),
            vec!["--days", "mon", "--days", "friday"],
            json!({"type": "weekly", "interval": 2, "days": ["mon", "fri"]}),
        ),
        (
            vec!["--repeat", "monthly-day", "--month-day", "last"],
            json!({"type": "monthlyOnDay", "interval": 1, "day": -1}),
            vec!["--month-day", "15", "--every", "3"],
            json!({"type": "monthlyOnDay", "interval": 3, "day": 15}),
        ),
        (
            vec![
                "--repeat",
                "monthly-weekday",
                "--week",
                "2",
                "--weekday",
                "tue",
            ],
            json!({"type": "monthlyOnWeekday", "interval": 1, "week": 2, "weekday": "tue"}),
            vec!["--week", "-1"],
            json!({"type": "monthlyOnWeekday", "interval": 1, "week": -1, "weekday": "tue"}),
        ),
    ];
    for (repeat, rule, edit, edited_rule) in cases {
        let step = format!("{repeat:?}");
        let title = format!("Group {}", j.meetings().len());
        let mut args = vec![
            "--title",
            &title,
            "--kind",
            "group_therapy",
            "--date",
            "2026-03-03",
            "--time",
            "18:45",
            "--zone",
            "Europe/London",
            "--duration",
            "90",
            "--place",
            "Room 4",
            "--link",
            "https://example.org/room",
            "--notes",
            "bring the workbook",
            "--remind",
            "30m",
            "--remind",
            "1d",
        ];
        args.extend_from_slice(&repeat);
        let added = j.add_meeting(&args);
        let until = if repeat.contains(&"--until") {
            json!("2027-06-30")
        } else {
            Value::Null
        };
        let mut expected = json!({
            "id": added["id"],
            "title": title,
            "kind": "group_therapy",
            "startLocal": "2026-03-03T18:45",
            "timeZone": "Europe/London",
            "durationMinutes": 90,
            "recurrence": rule,
            "until": until,
            "place": "Room 4",
            "link": "https://example.org/room",
            "notes": "bring the workbook",
            "reminderMinutes": [1440, 30],
            "exceptions": [],
        });
        assert_eq!(added, expected, "{step}: add");
        let id = id_of(&added);
        let listed = j.meetings();
        assert_eq!(
            listed.iter().find(|m| m["id"] == added["id"]),
            Some(&expected),
            "{step}: list"
        );
        assert_eq!(j.json(&["meeting", "show", &id, "--json"]), expected);
        let shown = j.ok(&["meeting", "show", &id]);
        assert!(
            shown.contains(&title) && shown.contains("Room 4"),
            "{shown}"
        );

        // Only the flags given change.
        let changed = j.json(&[
            "meeting", "edit", &id, "--place", "Room 5", "--remind", "2h", "--json",
        ]);
        expected["place"] = json!("Room 5");
        expected["reminderMinutes"] = json!([120]);
        assert_eq!(changed, expected, "{step}: edit place and reminders");
        let mut edit_args = vec!["meeting", "edit", &id, "--json"];
        edit_args.extend_from_slice(&edit);
        let changed = j.json(&edit_args);
        expected["recurrence"] = edited_rule;
        assert_eq!(changed, expected, "{step}: edit {edit:?}");
        let cleared = j.json(&[
            "meeting", "edit", &id, "--notes", "", "--link", "", "--remind", "none", "--title",
            "Renamed", "--json",
        ]);
        expected["notes"] = Value::Null;
        expected["link"] = Value::Null;
        expected["reminderMinutes"] = json!([]);
        expected["title"] = json!("Renamed");
        assert_eq!(cleared, expected, "{step}: clear");
        assert_eq!(
            j.meetings().iter().find(|m| m["id"] == added["id"]),
            Some(&expected)
        );

        j.ok(&["meeting", "delete", &id]);
        assert!(j.meetings().iter().all(|m| m["id"] != added["id"]));
        j.fails(&["meeting", "show", &id], b"", 7, "not found");
    }
    assert!(j.meetings().is_empty());
}

#[test]
fn a_meeting_needs_only_its_title_kind_and_start() {
    let j = Journal::new();
    let m = j.add_meeting(&[
        "--title",
        "Keyworker",
        "--kind",
        "keyworker",
        "--date",
        "2026-12-01",
        "--time",
        "10:30",
    ]);
    assert_eq!(m["durationMinutes"], 60);
    assert_eq!(m["recurrence"], json!({"type": "once"}));
    assert_eq!(m["reminderMinutes"], json!([]));
    assert!(m["timeZone"].as_str().is_some_and(|z| !z.is_empty()));
    // Notes can come from standard input, so they stay off the command line.
    let id = id_of(&m);
    j.cmd()
        .args(["meeting", "edit", &id, "--notes", "-"])
        .write_stdin("first line\nsecond line\n")
        .assert()
        .success();
    assert_eq!(j.meetings()[0]["notes"], "first line\nsecond line");
    let id_line = j.ok(&[
        "meeting",
        "add",
        "--title",
        "X",
        "--kind",
        "other",
        "--date",
        "2026-12-02",
        "--time",
        "09:00",
    ]);
    assert!(id_line.trim().parse::<i64>().is_ok(), "{id_line}");
    let table = j.ok(&["meeting", "list"]);
    assert_eq!(
        table.lines().count(),
        3,
        "a header and one line each:\n{table}"
    );
    assert!(table.contains("Keyworker") && table.contains("keyworker"));
}

#[test]
fn the_next_weeks_match_dates_computed_independently() {
    let j = Journal::new();
    let new_york: Tz = "America/New_York".parse().unwrap();
    let london: Tz = "Europe/London".parse().unwrap();
    let weekly = j.add_meeting(&[
        "--title",
        "Mon and Thu",
        "--kind",
        "twelve_step",
        "--date",
        "2025-01-06",
        "--time",
        "19:30",
        "--zone",
        "America/New_York",
        "--repeat",
        "weekly",
        "--days",
        "mon,thu",
    ]);
    let fortnightly = j.add_meeting(&[
        "--title",
        "Every other Wednesday",
        "--kind",
        "smart_recovery",
        "--date",
        "2025-01-01",
        "--time",
        "12:15",
        "--zone",
        "Europe/London",
        "--repeat",
        "weekly",
        "--days",
        "wed",
        "--every",
        "2",
    ]);
    let before = Utc::now();
    let next = j.next(&["--days", "28"]);
    let after = Utc::now();
    let expected = |now: DateTime<Utc>| {
        let to = now + Duration::days(28);
        let ny = weekly_starts(
            local("2025-01-06T19:30"),
            new_york,
            1,
            &[Weekday::Mon, Weekday::Thu],
            now,
            to,
        );
        let ldn = weekly_starts(
            local("2025-01-01T12:15"),
            london,
            2,
            &[Weekday::Wed],
            now,
            to,
        );
        (ny, ldn)
    };
    let of = |meeting: &Value| -> Vec<(NaiveDateTime, DateTime<Utc>)> {
        next.iter()
            .filter(|o| o["meetingId"] == meeting["id"])
            .map(|o| {
                (
                    local(o["occurrence"].as_str().unwrap()),
                    instant(&o["startsAt"]),
                )
            })
            .collect()
    };
    let actual = (of(&weekly), of(&fortnightly));
    // The CLI read the clock between `before` and `after`; an occurrence at that very edge
    // is the only way the two could differ.
    assert!(
        actual == expected(before) || actual == expected(after),
        "{actual:?}\nexpected {:?}",
        expected(before)
    );
    assert_eq!(actual.0.len(), 8, "Mondays and Thursdays in four weeks");
    assert_eq!(actual.1.len(), 2, "every other Wednesday in four weeks");
    assert_eq!(next.len(), 10);
    // Soonest first, each lasting its hour, in its own zone.
    let starts: Vec<DateTime<Utc>> = next.iter().map(|o| instant(&o["startsAt"])).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    for o in &next {
        assert_eq!(
            instant(&o["endsAt"]) - instant(&o["startsAt"]),
            Duration::hours(1)
        );
        assert_eq!(o["moved"], false);
        assert_eq!(o["attendance"], Value::Null);
    }
    // The table has one line per occurrence, each with the occurrence the commands take.
    let table = j.ok(&["meeting", "next", "--days", "28"]);
    let rows: Vec<&str> = table.lines().skip(1).collect();
    assert!(rows.len() == next.len(), "{table}");
    for (row, o) in rows.iter().zip(&next) {
        assert!(row.contains(o["occurrence"].as_str().unwrap()), "{row}");
        assert!(row.contains(o["title"].as_str().unwrap()), "{row}");
    }
}

#[test]
fn occurrences_can_be_skipped_moved_restored_and_marked() {
    let j = Journal::new();
    let utc: Tz = "UTC".parse().unwrap();
    let start_day = (Utc::now() - Duration::days(10)).date_naive();
    // Half a day from now, so no occurrence starts while the test runs.
    let time = (Utc::now() + Duration::hours(12))
        .format("%H:%M")
        .to_string();
    let daily = j.add_meeting(&[
        "--title",
        "Daily check-in call",
        "--kind",
        "other",
        "--date",
        &start_day.to_string(),
        "--time",
        &time,
        "--zone",
        "UTC",
        "--repeat",
        "daily",
    ]);
    let id = id_of(&daily);
    let coming = j.next(&["--days", "4"]);
    assert_eq!(coming.len(), 4, "{coming:?}");
    let first = coming[0]["occurrence"].as_str().unwrap().to_string();
    let second = coming[1]["occurrence"].as_str().unwrap().to_string();

    // Skip, then put back.
    let skipped = j.json(&["meeting", "skip", &id, "--occurrence", &first, "--json"]);
    assert_eq!(
        skipped["exceptions"],
        json!([{"occurrence": first, "movedTo": null}])
    );
    let now = j.next(&["--days", "4"]);
    assert_eq!(now.len(), 3);
    assert!(now.iter().all(|o| o["occurrence"] != first.as_str()));
    let restored = j.json(&["meeting", "restore", &id, "--occurrence", &first, "--json"]);
    assert_eq!(restored["exceptions"], json!([]));
    assert_eq!(j.next(&["--days", "4"]), coming);

    // Move the second a day and two hours later: it keeps its name, at its new time.
    let moved_to = local(&second) + Duration::hours(26);
    let moved_text = moved_to.format("%Y-%m-%dT%H:%M").to_string();
    let moved = j.json(&[
        "meeting",
        "move",
        &id,
        "--occurrence",
        &second,
        "--to",
        &moved_text,
        "--json",
    ]);
    assert_eq!(
        moved["exceptions"],
        json!([{"occurrence": second, "movedTo": moved_text}])
    );
    let now = j.next(&["--days", "4"]);
    let entry = now
        .iter()
        .find(|o| o["occurrence"] == second.as_str())
        .expect("moved occurrence listed");
    assert_eq!(entry["moved"], true);
    assert_eq!(instant(&entry["startsAt"]), at(utc, moved_to));
    let table = j.ok(&["meeting", "next", "--days", "4"]);
    assert!(
        table
            .lines()
            .any(|l| l.contains(&second) && l.contains("moved")),
        "{table}"
    );
    j.ok(&["meeting", "restore", &id, "--occurrence", &second]);
    assert_eq!(j.next(&["--days", "4"]), coming);

    // A time that has not come yet cannot be marked.
    let stderr = j.fails(
        &[
            "meeting",
            "attend",
            &id,
            "--occurrence",
            &first,
            "--status",
            "attended",
        ],
        b"",
        5,
        "--occurrence",
    );
    assert!(stderr.contains("not started yet"), "{stderr}");

    // A past one can, and `next --from` shows it.
    let past_day = start_day + Duration::days(1);
    let past = format!("{past_day}T{time}");
    let look_back = |j: &Journal| -> Value {
        let from = (past_day - Duration::days(1)).to_string();
        j.next(&["--from", &from, "--days", "3"])
            .into_iter()
            .find(|o| o["occurrence"] == past.as_str())
            .expect("past occurrence listed")
    };
    assert_eq!(look_back(&j)["attendance"], Value::Null);
    for (status, shown) in [
        ("attended", json!("attended")),
        ("missed", json!("missed")),
        ("clear", Value::Null),
    ] {
        j.ok(&[
            "meeting",
            "attend",
            &id,
            "--occurrence",
            &past,
            "--status",
            status,
        ]);
        assert_eq!(look_back(&j)["attendance"], shown, "{status}");
    }
    // A space instead of the T is read too.
    j.ok(&[
        "meeting",
        "attend",
        &id,
        "--occurrence",
        &past.replace('T', " "),
        "--status",
        "attended",
    ]);
    assert_eq!(look_back(&j)["attendance"], "attended");

    // A skipped time cannot be marked; a time the meeting never has cannot be changed.
    j.ok(&["meeting", "skip", &id, "--occurrence", &past]);
    let stderr = j.fails(
        &[
            "meeting",
            "attend",
            &id,
            "--occurrence",
            &past,
            "--status",
            "missed",
        ],
        b"",
        5,
        "--occurrence",
    );
    assert!(stderr.contains("skipped"), "{stderr}");
    let half_past = (local(&past) + Duration::minutes(30))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    j.fails(
        &["meeting", "skip", &id, "--occurrence", &half_past],
        b"",
        5,
        "--occurrence",
    );
    j.fails(
        &["meeting", "restore", &id, "--occurrence", &second],
        b"",
        5,
        "--occurrence",
    );
    let far = (local(&second) + Duration::days(90))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    j.fails(
        &[
            "meeting",
            "move",
            &id,
            "--occurrence",
            &second,
            "--to",
            &far,
        ],
        b"",
        5,
        "--to",
    );
}

#[test]
fn invalid_input_exits_5_names_the_flag_and_writes_nothing() {
    let j = Journal::new();
    let kept = j.add_meeting(&[
        "--title",
        "Kept",
        "--kind",
        "clinic",
        "--date",
        "2026-05-05",
        "--time",
        "09:00",
        "--repeat",
        "weekly",
        "--days",
        "tue",
        "--notes",
        "unchanged",
    ]);
    let kept_id = id_of(&kept);
    let before = j.meetings();
    let two_mb = vec![b'x'; 2 * 1024 * 1024];
    let nul = b"before\0after".to_vec();
    let base = [
        "meeting",
        "add",
        "--title",
        "New",
        "--kind",
        "other",
        "--date",
        "2026-06-01",
        "--time",
        "10:00",
    ];
    let strings = |args: &[&str]| -> Vec<String> { args.iter().map(|a| a.to_string()).collect() };
    let add = |extra: &[&str]| -> Vec<String> {
        let mut args = strings(&base);
        args.extend(strings(extra));
        args
    };
    let edit = |extra: &[&str]| -> Vec<String> {
        let mut args = strings(&["meeting", "edit", &kept_id]);
        args.extend(strings(extra));
        args
    };
    // `base` with one value changed.
    let replace = |at: usize, value: &str| -> Vec<String> {
        let mut args = strings(&base);
        args[at] = value.to_string();
        args
    };
    let none = Vec::new();
    let cases: Vec<(Vec<String>, &Vec<u8>, &str)> = vec![
        (replace(5, "bowling"), &none, "--kind"),
        (replace(9, "25:00"), &none, "--time"),
        (replace(7, "2026-02-30"), &none, "--date"),
        (replace(3, "   "), &none, "--title"),
        (add(&["--zone", "Mars/Base"]), &none, "--zone"),
        (add(&["--duration", "0"]), &none, "--duration"),
        (add(&["--duration", "721"]), &none, "--duration"),
        (
            add(&["--repeat", "daily", "--every", "0"]),
            &none,
            "--every",
        ),
        (add(&["--repeat", "weekly"]), &none, "--days"),
        (
            add(&["--repeat", "weekly", "--days", "funday"]),
            &none,
            "--days",
        ),
        (
            add(&["--repeat", "daily", "--days", "mon"]),
            &none,
            "--days",
        ),
        (
            add(&["--repeat", "monthly-day", "--month-day", "32"]),
            &none,
            "--month-day",
        ),
        (add(&["--repeat", "monthly-day"]), &none, "--month-day"),
        (
            add(&[
                "--repeat",
                "monthly-weekday",
                "--week",
                "5",
                "--weekday",
                "tue",
            ]),
            &none,
            "--week",
        ),
        (
            add(&["--repeat", "monthly-weekday", "--week", "2"]),
            &none,
            "--weekday",
        ),
        (
            add(&["--repeat", "daily", "--until", "2026-05-01"]),
            &none,
            "--until",
        ),
        (add(&["--until", "2026-07-01"]), &none, "--until"),
        (add(&["--link", "javascript:alert(1)"]), &none, "--link"),
        (add(&["--remind", "20000"]), &none, "--remind"),
        (add(&["--remind", "8d"]), &none, "--remind"),
        (add(&["--remind", "1,2,3,4,5"]), &none, "--remind"),
        (add(&["--remind", "soon"]), &none, "--remind"),
        (add(&["--notes", "-"]), &nul, "--notes"),
        (add(&["--notes", "-"]), &two_mb, "--notes"),
        // The clocks go forward in London at 01:00 on 29 March 2026: 01:30 never happens.
        (
            strings(&[
                "meeting",
                "add",
                "--title",
                "Early",
                "--kind",
                "other",
                "--date",
                "2026-03-29",
                "--time",
                "01:30",
                "--zone",
                "Europe/London",
            ]),
            &none,
            "--time",
        ),
        (edit(&["--notes", "-"]), &nul, "--notes"),
        (edit(&["--notes", "-"]), &two_mb, "--notes"),
        (edit(&["--duration", "0"]), &none, "--duration"),
        (edit(&["--days", ""]), &none, "--days"),
        (edit(&["--every", "53"]), &none, "--every"),
        (edit(&["--month-day", "3"]), &none, "--month-day"),
        (edit(&["--kind", "party"]), &none, "--kind"),
        (
            strings(&["meeting", "next", "--days", "0"]),
            &none,
            "--days",
        ),
        (
            strings(&["meeting", "next", "--days", "401"]),
            &none,
            "--days",
        ),
        (
            strings(&["meeting", "next", "--from", "2026-13-01"]),
            &none,
            "--from",
        ),
        (
            strings(&["meeting", "next", "--from", "262000-01-01"]),
            &none,
            "--from",
        ),
        (
            strings(&["reminders", "due", "--hours", "0"]),
            &none,
            "--hours",
        ),
    ];
    assert!(cases.len() >= 15);
    for (args, stdin, flag) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let stderr = j.fails(&args, stdin, 5, flag);
        // Messages never repeat what was typed.
        for typed in ["bowling", "funday", "party", "soon"] {
            assert!(!stderr.contains(typed), "{stderr}");
        }
    }
    assert_eq!(j.meetings(), before, "nothing was written");
}

#[test]
fn unknown_meetings_exit_7() {
    let j = Journal::new();
    let occurrence = ["--occurrence", "2026-06-01T10:00"];
    let commands: Vec<Vec<&str>> = vec![
        vec!["meeting", "show", "999"],
        vec!["meeting", "edit", "999", "--title", "x"],
        vec!["meeting", "delete", "999"],
        vec!["meeting", "skip", "999", occurrence[0], occurrence[1]],
        vec!["meeting", "restore", "999", occurrence[0], occurrence[1]],
        vec![
            "meeting",
            "move",
            "999",
            occurrence[0],
            occurrence[1],
            "--to",
            "2026-06-02T10:00",
        ],
        vec![
            "meeting",
            "attend",
            "999",
            occurrence[0],
            occurrence[1],
            "--status",
            "attended",
        ],
    ];
    for args in commands {
        j.fails(&args, b"", 7, "That meeting was not found");
    }
    // Deleted once, gone.
    let id = id_of(&j.add_meeting(&[
        "--title",
        "Once",
        "--kind",
        "other",
        "--date",
        "2026-06-01",
        "--time",
        "10:00",
    ]));
    j.ok(&["meeting", "delete", &id]);
    j.fails(&["meeting", "delete", &id], b"", 7, "not found");
}

#[test]
fn reminder_settings_round_trip_and_only_the_flags_given_change() {
    let j = Journal::new();
    assert_eq!(
        j.json(&["reminders", "settings", "--json"]),
        json!({"checkinTime": null, "medication": [], "style": "neutral"})
    );
    let set = j.json(&[
        "reminders",
        "set",
        "--checkin",
        "20:00",
        "--medication",
        "21:30",
        "--medication",
        "08:00",
        "--medication-label",
        "blue pill",
        "--style",
        "detailed",
        "--json",
    ]);
    let mut expected = json!({
        "checkinTime": "20:00",
        "medication": [
            {"time": "08:00", "label": "blue pill"},
            {"time": "21:30", "label": "blue pill"},
        ],
        "style": "detailed",
    });
    assert_eq!(set, expected);
    assert_eq!(j.json(&["reminders", "settings", "--json"]), expected);
    let shown = j.ok(&["reminders", "settings"]);
    assert!(
        shown.contains("20:00") && shown.contains("blue pill") && shown.contains("detailed"),
        "{shown}"
    );

    j.ok(&["reminders", "set", "--style", "private"]);
    expected["style"] = json!("private");
    assert_eq!(j.json(&["reminders", "settings", "--json"]), expected);
    // New times keep the label a reminder at the same time had.
    j.ok(&[
        "reminders",
        "set",
        "--medication",
        "08:00",
        "--medication",
        "13:00",
    ]);
    expected["medication"] = json!([
        {"time": "08:00", "label": "blue pill"},
        {"time": "13:00", "label": null},
    ]);
    assert_eq!(j.json(&["reminders", "settings", "--json"]), expected);
    j.ok(&["reminders", "set", "--checkin", "off"]);
    expected["checkinTime"] = Value::Null;
    assert_eq!(j.json(&["reminders", "settings", "--json"]), expected);
    j.ok(&["reminders", "set", "--medication", "off"]);
    expected["medication"] = json!([]);
    assert_eq!(j.json(&["reminders", "settings", "--json"]), expected);

    for (args, flag) in [
        (vec!["reminders", "set", "--checkin", "8pm"], "--checkin"),
        (
            vec!["reminders", "set", "--medication", "24:00"],
            "--medication",
        ),
        (
            vec![
                "reminders",
                "set",
                "--medication",
                "08:00",
                "--medication",
                "8:00",
            ],
            "--medication",
        ),
        (
            vec![
                "reminders",
                "set",
                "--medication",
                "off",
                "--medication",
                "09:00",
            ],
            "--medication",
        ),
        (
            vec![
                "reminders",
                "set",
                "--medication",
                "09:00",
                "--medication-label",
                "a\u{7}b",
            ],
            "--medication-label",
        ),
    ] {
        j.fails(&args, b"", 5, flag);
    }
    let seven: Vec<String> = (1..=7).map(|h| format!("0{h}:00")).collect();
    let mut args = vec!["reminders", "set"];
    for time in &seven {
        args.extend_from_slice(&["--medication", time]);
    }
    j.fails(&args, b"", 5, "--medication");
    assert_eq!(j.json(&["reminders", "settings", "--json"]), expected);
}

#[test]
fn due_reminders_list_the_check_in_and_meetings_without_notes() {
    let j = Journal::new();
    j.ok(&[
        "reminders",
        "set",
        "--checkin",
        "20:00",
        "--style",
        "detailed",
    ]);
    // A one-off in Tokyo (no clock changes) about five hours from now.
    let tokyo: Tz = "Asia/Tokyo".parse().unwrap();
    let in_five_hours = (Utc::now() + Duration::hours(5)).with_timezone(&tokyo);
    let start_local = local(&in_five_hours.format("%Y-%m-%dT%H:%M").to_string());
    let title = "Counselling with Sam";
    let meeting = j.add_meeting(&[
        "--title",
        title,
        "--kind",
        "counselling",
        "--date",
        &start_local.date().to_string(),
        "--time",
        &start_local.format("%H:%M").to_string(),
        "--zone",
        "Asia/Tokyo",
        "--remind",
        "90m,1d",
        "--notes",
        NOTES_MARKER,
    ]);
    let start = at(tokyo, start_local);

    let due_json = j.ok(&["reminders", "due", "--hours", "48", "--json"]);
    assert!(!due_json.contains(NOTES_MARKER), "{due_json}");
    let due: Vec<Value> = serde_json::from_str(&due_json).unwrap();
    // The meeting's 90-minute reminder; its day-before one has already passed.
    let for_meeting: Vec<&Value> = due.iter().filter(|r| r["kind"] == "meeting").collect();
    assert_eq!(for_meeting.len(), 1, "{due_json}");
    let r = for_meeting[0];
    assert_eq!(instant(&r["dueAt"]), start - Duration::minutes(90));
    assert_eq!(r["eventTime"], start_local.format("%H:%M").to_string());
    assert_eq!(r["title"], title);
    assert_eq!(r["meetingId"], meeting["id"]);
    assert!(r["key"].as_str().is_some_and(|k| !k.is_empty()));

    // The check-in at 20:00 on this computer's clock, once a day.
    let checkins: Vec<&Value> = due.iter().filter(|r| r["kind"] == "checkin").collect();
    assert!((1..=3).contains(&checkins.len()), "{due_json}");
    let now = Utc::now();
    for c in &checkins {
        let event = DateTime::parse_from_rfc3339(c["eventAt"].as_str().unwrap()).unwrap();
        assert_eq!(event.format("%H:%M").to_string(), "20:00", "{c}");
        assert_eq!(event.with_timezone(&Utc), instant(&c["dueAt"]));
        assert!(instant(&c["dueAt"]) > now - Duration::minutes(5));
        assert!(instant(&c["dueAt"]) <= now + Duration::hours(48));
    }
    for pair in checkins.windows(2) {
        let gap = instant(&pair[1]["dueAt"]) - instant(&pair[0]["dueAt"]);
        assert!(gap >= Duration::hours(23) && gap <= Duration::hours(25));
    }
    let times: Vec<DateTime<Utc>> = due.iter().map(|r| instant(&r["dueAt"])).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));

    // The table says only the time and the kind, in neutral words.
    let table = j.ok(&["reminders", "due", "--hours", "48"]);
    assert!(
        !table.contains(NOTES_MARKER) && !table.contains(title),
        "{table}"
    );
    let expected_line = format!("Reminder at {}", start_local.format("%H:%M"));
    assert!(
        table
            .lines()
            .any(|l| l.contains("meeting") && l.contains(&expected_line)),
        "{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.contains("check-in") && l.contains("Reminder at 20:00")),
        "{table}"
    );
    // Listing records nothing: they are all still due. Only a reminder falling due (or into
    // the window's far end) between the two calls could tell them apart, so those are left out.
    let asked = Utc::now();
    let again: Vec<Value> =
        serde_json::from_str(&j.ok(&["reminders", "due", "--hours", "48", "--json"])).unwrap();
    let steady = |items: &[Value]| -> Vec<Value> {
        items
            .iter()
            .filter(|r| {
                let at = instant(&r["dueAt"]);
                at > asked + Duration::minutes(1) && at < now + Duration::hours(47)
            })
            .cloned()
            .collect()
    };
    assert_eq!(steady(&again), steady(&due));
    assert!(!steady(&due).is_empty());
}

/// The SUMMARY, DTSTART (as an instant) and RRULE parts of each main event, as Python's
/// `icalendar` reads `file`; `None` when no Python here has that module.
fn python_events(file: &Path) -> Option<Vec<Value>> {
    const SCRIPT: &str = r#"
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for ev in cal.walk('VEVENT'):
    if ev.get('RECURRENCE-ID') is not None:
        continue
    rule = ev.get('RRULE')
    out.append({
        'summary': str(ev.get('SUMMARY')),
        'dtstart': ev.decoded('DTSTART').isoformat(),
        'rrule': {k: [v.isoformat() if hasattr(v, 'isoformat') else str(v) for v in vs]
                  for k, vs in rule.items()} if rule else None,
    })
print(json.dumps(out))
"#;
    // Debian's python3-icalendar is for the system Python, which a version manager may shadow.
    for python in ["python3", "/usr/bin/python3"] {
        let Ok(out) = Process::new(python).args(["-c", SCRIPT]).arg(file).output() else {
            continue;
        };
        if out.status.success() {
            return Some(serde_json::from_slice(&out.stdout).expect("python printed JSON"));
        }
    }
    None
}

/// The RRULE parts a stored recurrence stands for, written out here independently.
fn rule_parts(recurrence: &Value) -> Option<Value> {
    let interval = recurrence["interval"].as_i64().unwrap_or(1).to_string();
    let day = |d: &Value| d.as_str().unwrap()[..2].to_uppercase();
    match recurrence["type"].as_str().unwrap() {
        "once" => None,
        "daily" => Some(json!({"FREQ": ["DAILY"], "INTERVAL": [interval]})),
        "weekly" => Some(json!({
            "FREQ": ["WEEKLY"],
            "INTERVAL": [interval],
            "BYDAY": recurrence["days"].as_array().unwrap().iter().map(day).collect::<Vec<_>>(),
        })),
        "monthlyOnDay" => Some(json!({
            "FREQ": ["MONTHLY"],
            "INTERVAL": [interval],
            "BYMONTHDAY": [recurrence["day"].to_string()],
        })),
        "monthlyOnWeekday" => Some(json!({
            "FREQ": ["MONTHLY"],
            "INTERVAL": [interval],
            "BYDAY": [format!("{}{}", recurrence["week"], day(&recurrence["weekday"]))],
        })),
        other => panic!("unknown rule {other}"),
    }
}

/// `meeting list --json` without what another vault gives differently: ids and notes.
fn portable(meetings: &[Value]) -> Vec<Value> {
    meetings
        .iter()
        .map(|m| {
            let mut m = m.clone();
            let fields = m.as_object_mut().unwrap();
            fields.remove("id");
            fields.remove("notes");
            m
        })
        .collect()
}

#[test]
fn a_calendar_file_exports_without_notes_and_imports_once() {
    let j = Journal::new();
    j.add_meeting(&[
        "--title",
        "Tuesday NA",
        "--kind",
        "twelve_step",
        "--date",
        "2025-01-07",
        "--time",
        "19:00",
        "--zone",
        "Europe/London",
        "--duration",
        "90",
        "--repeat",
        "weekly",
        "--days",
        "tue,thu",
        "--place",
        "St Mark's hall",
        "--notes",
        NOTES_MARKER,
        "--remind",
        "1d,30m",
    ]);
    j.add_meeting(&[
        "--title",
        "Online SMART",
        "--kind",
        "smart_recovery",
        "--date",
        "2025-02-28",
        "--time",
        "18:00",
        "--zone",
        "America/New_York",
        "--repeat",
        "monthly-day",
        "--month-day",
        "last",
        "--link",
        "https://example.org/smart",
        "--until",
        "2027-12-31",
    ]);
    j.add_meeting(&[
        "--title",
        "Clinic",
        "--kind",
        "clinic",
        "--date",
        "2026-09-15",
        "--time",
        "08:40",
        "--zone",
        "Asia/Tokyo",
        "--duration",
        "20",
        "--remind",
        "2h",
    ]);
    let na = id_of(&j.meetings()[0]);
    let skip = j
        .next(&["--days", "14"])
        .into_iter()
        .find(|o| o["title"] == "Tuesday NA")
        .expect("a Tuesday NA coming up")["occurrence"]
        .as_str()
        .unwrap()
        .to_string();
    j.ok(&["meeting", "skip", &na, "--occurrence", &skip]);
    let original = j.meetings();
    assert_eq!(original.len(), 3);

    let file = j.scratch().join("schedule.ics");
    let file_arg = file.to_str().unwrap();
    let out = j
        .cmd()
        .args(["ics", "export", "--out", file_arg])
        .assert()
        .success();
    let stderr = text(&out.get_output().stderr);
    assert!(stderr.contains("not encrypted"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    let exported = std::fs::read_to_string(&file).unwrap();
    assert!(exported.starts_with("BEGIN:VCALENDAR"), "{exported}");
    assert!(!exported.contains(NOTES_MARKER));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // An existing file is kept unless --force.
    std::fs::write(&file, "mine").unwrap();
    j.fails(&["ics", "export", "--out", file_arg], b"", 5, "--out");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    j.ok(&["ics", "export", "--out", file_arg, "--force"]);
    let exported = std::fs::read_to_string(&file).unwrap();
    assert!(exported.starts_with("BEGIN:VCALENDAR"));

    // Another program's reading of the file.
    match python_events(&file) {
        None => println!("note: python3 with the icalendar module is not here; skipped that check"),
        Some(events) => {
            assert_eq!(events.len(), original.len(), "{events:?}");
            for m in &original {
                let event = events
                    .iter()
                    .find(|e| e["summary"] == m["title"])
                    .unwrap_or_else(|| panic!("{} exported: {events:?}", m["title"]));
                let zone: Tz = m["timeZone"].as_str().unwrap().parse().unwrap();
                let start = at(zone, local(m["startLocal"].as_str().unwrap()));
                assert_eq!(instant(&event["dtstart"]), start, "{event}");
                let Some(mut expected) = rule_parts(&m["recurrence"]) else {
                    assert_eq!(event["rrule"], Value::Null, "{event}");
                    continue;
                };
                let mut actual = event["rrule"].clone();
                let parts = actual.as_object_mut().unwrap();
                // Written or not, an interval of 1 and a Monday week start mean the same.
                parts.entry("INTERVAL").or_insert(json!(["1"]));
                parts.remove("WKST");
                // UNTIL is the end of the last day, as an instant (RFC 5545 wants UTC).
                if let Some(until) = parts.remove("UNTIL") {
                    let last_day = instant(&until[0]).with_timezone(&zone).date_naive();
                    assert_eq!(json!(last_day.to_string()), m["until"], "{until}");
                }
                if let Some(days) = parts.get_mut("BYDAY") {
                    let set: BTreeSet<String> = days
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|d| d.as_str().unwrap().to_string())
                        .collect();
                    *days = json!(set);
                    let want: BTreeSet<String> = expected["BYDAY"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|d| d.as_str().unwrap().to_string())
                        .collect();
                    expected["BYDAY"] = json!(want);
                }
                assert_eq!(actual, expected, "{}", m["title"]);
            }
        }
    }

    // Into a second, fresh vault: the same meetings, skipped date included, without notes.
    let other = Journal::new();
    let report = other.json(&["ics", "import", file_arg, "--json"]);
    assert_eq!(report["imported"].as_array().unwrap().len(), 3, "{report}");
    assert_eq!(report["skipped"], json!([]));
    let imported = other.meetings();
    assert!(imported.iter().all(|m| m["notes"].is_null()));
    assert_eq!(portable(&imported), portable(&original));
    // Twice adds nothing.
    let again = other.ok(&["ics", "import", file_arg]);
    assert!(again.starts_with("Imported 0 meetings."), "{again}");
    assert_eq!(
        again.lines().count(),
        4,
        "one line per event left out:\n{again}"
    );
    assert_eq!(other.meetings(), imported);
    // A file that is not a calendar is refused whole.
    let not_ics = j.scratch().join("notes.txt");
    std::fs::write(&not_ics, "Dear diary,\nnothing to see here.\n").unwrap();
    let stderr = other.fails(
        &["ics", "import", not_ics.to_str().unwrap()],
        b"",
        5,
        "FILE",
    );
    assert!(!stderr.contains("diary"), "{stderr}");
    other.fails(
        &[
            "ics",
            "import",
            j.scratch().join("missing.ics").to_str().unwrap(),
        ],
        b"",
        5,
        "FILE",
    );
    other.fails(
        &["ics", "import", file_arg, "--zone", "Mars/Base"],
        b"",
        5,
        "--zone",
    );
    assert_eq!(other.meetings(), imported);
}

#[test]
fn help_lists_the_schedule_commands_and_usage_errors_never_repeat_values() {
    let j = Journal::new();
    j.cmd().arg("--help").assert().success().stdout(
        predicate::str::contains("meeting")
            .and(predicate::str::contains("reminders"))
            .and(predicate::str::contains("ics")),
    );
    for (command, subs) in [
        (
            "meeting",
            &[
                "add", "list", "show", "edit", "delete", "skip", "move", "restore", "attend",
                "next",
            ][..],
        ),
        ("reminders", &["due", "settings", "set"][..]),
        ("ics", &["export", "import"][..]),
    ] {
        j.cmd().args([command, "--help"]).assert().success();
        for sub in subs {
            j.cmd().args([command, sub, "--help"]).assert().success();
        }
    }
    j.cmd()
        .args(["meeting", "add", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--remind").and(predicate::str::contains("--repeat")));
    for args in [
        vec!["meeting", "add", "--title", "x", "private words here"],
        vec![
            "meeting",
            "add",
            "--title",
            "x",
            "--kind",
            "other",
            "--date",
            "2026-01-01",
            "--time",
            "10:00",
            "--repeat",
            "private words here",
        ],
        vec!["meeting", "next", "--days", "private words here"],
        vec!["reminders", "set", "--style", "private words here"],
    ] {
        j.cmd()
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("words here").not());
    }
    j.cmd()
        .args(["meeting", "add", "--title", "x"])
        .assert()
        .code(2);
}
