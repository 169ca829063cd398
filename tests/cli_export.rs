//! `waymark export` and `waymark import` on real encrypted vaults in temporary directories.
//!
//! A month of entries is logged through the CLI; the figures the summary should print are
//! computed here from what was logged, then compared with the text `pdftotext` extracts from the
//! PDF. The CSV zip is read back with Python's own `zipfile` and `csv` modules, an independent
//! reader. The JSON export is imported into a new journal and every list is compared.

mod common;

use std::path::Path;
use std::process::Command as Process;

use chrono::{Duration, Local, NaiveDate};
use serde_json::Value;

use common::{text, Journal};

/// Text put in notes: a summary leaves it out unless notes are included.
const NOTE_MARKER: &str = "NOTE-MARKER-k3v";

/// What the seeded month holds, counted as it was logged.
struct Seeded {
    first_day: NaiveDate,
    today: NaiveDate,
    cravings: u32,
    intensity_sum: u32,
    passed: u32,
    moods: u32,
    mood_sum: u32,
    checkins: u32,
    medication_yes: u32,
    lapses: u32,
}

impl Seeded {
    fn days(&self) -> i64 {
        (self.today - self.first_day).num_days() + 1
    }
}

/// Logs 20 days of varied entries, ending yesterday (so none is in the future at any hour the
/// test runs), and counts them.
fn seed(j: &Journal) -> Seeded {
    let today = Local::now().date_naive();
    let first_day = today - Duration::days(20);
    let mut s = Seeded {
        first_day,
        today,
        cravings: 0,
        intensity_sum: 0,
        passed: 0,
        moods: 0,
        mood_sum: 0,
        checkins: 0,
        medication_yes: 0,
        lapses: 0,
    };
    j.ok(&["profile", "set", "--medication", "methadone"]);
    for offset in 0..20i64 {
        let day = first_day + Duration::days(offset);
        let at = |hour: i64| format!("{day} 0{}:{:02}", hour, (offset * 7) % 60);
        let cravings_today = 1 + (offset % 3);
        for n in 0..cravings_today {
            let intensity = ((offset * 3 + n * 5) % 11) as u32;
            let passed = (offset + n) % 4 != 0;
            let mut args = vec![
                "craving".to_string(),
                "add".into(),
                "--intensity".into(),
                intensity.to_string(),
                "--at".into(),
                at(n + 1),
                "--duration".into(),
                (5 + offset * 2).to_string(),
                "--outcome".into(),
                if passed { "passed" } else { "ongoing" }.into(),
                "--trigger".into(),
                "Money worries".into(),
            ];
            if offset == 3 && n == 0 {
                args.extend([
                    "--note".into(),
                    format!("Rode it out, \"just\" {NOTE_MARKER}"),
                ]);
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            j.ok(&args);
            s.cravings += 1;
            s.intensity_sum += intensity;
            s.passed += u32::from(passed);
        }
        if offset % 2 == 0 {
            let mood = 3 + (offset % 6) as u32;
            j.ok(&["mood", "add", "--mood", &mood.to_string(), "--at", &at(2)]);
            s.moods += 1;
            s.mood_sum += mood;
        }
        if offset % 5 != 4 {
            let took = offset % 7 != 2;
            j.ok(&[
                "checkin",
                "add",
                "--date",
                &day.to_string(),
                "--medication",
                if took { "yes" } else { "no" },
                "--slept",
                "yes",
                "--day",
                "6",
            ]);
            s.checkins += 1;
            s.medication_yes += u32::from(took);
        }
    }
    j.ok(&[
        "lapse",
        "add",
        "--at",
        &format!("{} 03:10", first_day + Duration::days(9)),
        "--situation",
        &format!("A hard evening {NOTE_MARKER}"),
    ]);
    s.lapses = 1;
    s
}

/// The text of a PDF, as `pdftotext -layout` extracts it.
fn pdf_text(path: &Path) -> String {
    let out = Process::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/test.sh");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// The PDF's page count, from `pdfinfo`.
fn pdf_pages(path: &Path) -> u32 {
    let out = Process::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo (poppler-utils)");
    text(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count")
}

/// The text with runs of whitespace made single spaces, so figures can be found next to their
/// labels whatever the layout's column gaps.
fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_pdf_summary_prints_the_figures_of_the_entries_logged() {
    let j = Journal::new();
    let s = seed(&j);
    let out = j.scratch().join("summary.pdf");
    let stdout = j.ok(&[
        "export",
        "--format",
        "pdf",
        "--from",
        &s.first_day.to_string(),
        "--to",
        &s.today.to_string(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(stdout.contains("summary.pdf"), "{stdout}");
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    assert!(pdf_pages(&out) <= 2, "a month fits on one or two pages");
    let pdf = squeezed(&pdf_text(&out));
    let expect = |needle: &str| assert!(pdf.contains(needle), "expected {needle:?} in: {pdf}");
    expect(&s.cravings.to_string());
    expect(&format!(
        "{:.1}",
        f64::from(s.intensity_sum) / f64::from(s.cravings)
    ));
    expect(&format!(
        "{:.1}",
        f64::from(s.mood_sum) / f64::from(s.moods)
    ));
    expect(&format!("{} of {}", s.checkins, s.days()));
    expect("Money worries");
    expect("Page 1 of");
    assert!(!pdf.contains(NOTE_MARKER), "notes stay out unless included");
    assert!(!pdf.contains("Waymark"), "no app branding");
    let _ = (s.passed, s.medication_yes, s.lapses);

    // With notes included, the craving's and the lapse's notes are in.
    let with_notes = j.scratch().join("with-notes.pdf");
    j.ok(&[
        "export",
        "--format",
        "pdf",
        "--from",
        &s.first_day.to_string(),
        "--include-notes",
        "--out",
        with_notes.to_str().unwrap(),
    ]);
    let pdf = squeezed(&pdf_text(&with_notes));
    assert_eq!(pdf.matches(NOTE_MARKER).count(), 2, "{pdf}");

    // Only the sections asked for.
    let mood_only = j.scratch().join("mood.pdf");
    j.ok(&[
        "export",
        "--format",
        "pdf",
        "--sections",
        "mood",
        "--out",
        mood_only.to_str().unwrap(),
    ]);
    let pdf = squeezed(&pdf_text(&mood_only));
    assert!(pdf.contains("Mood"), "{pdf}");
    assert!(
        !pdf.contains("Money worries"),
        "no trigger names without that section"
    );
}

/// Each CSV file's data rows, read with Python's `zipfile` and `csv` modules.
fn csv_rows(zip: &Path) -> Value {
    let script = r#"
import csv, io, json, sys, zipfile
out = {}
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in z.namelist():
        if name.endswith(".csv"):
            rows = list(csv.DictReader(io.StringIO(z.read(name).decode("utf-8-sig"))))
            out[name] = rows
        else:
            out[name] = z.read(name).decode("utf-8")
print(json.dumps(out))
"#;
    let out = Process::new("python3")
        .args(["-c", script, zip.to_str().unwrap()])
        .output()
        .expect("python3");
    assert!(out.status.success(), "python: {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_csv_zip_holds_every_entry_in_the_range() {
    let j = Journal::new();
    let s = seed(&j);
    let out = j.scratch().join("data.zip");
    j.ok(&["export", "--format", "csv", "--out", out.to_str().unwrap()]);
    let files = csv_rows(&out);
    let rows = |name: &str| {
        files[name]
            .as_array()
            .unwrap_or_else(|| {
                panic!(
                    "{name} in the zip: {:?}",
                    files.as_object().map(|o| o.keys().collect::<Vec<_>>())
                )
            })
            .clone()
    };
    assert_eq!(rows("cravings.csv").len() as u32, s.cravings);
    assert_eq!(rows("moods.csv").len() as u32, s.moods);
    assert_eq!(rows("checkins.csv").len() as u32, s.checkins);
    assert_eq!(rows("lapses.csv").len() as u32, s.lapses);
    // The note with a comma and quotes reads back exactly.
    let notes: Vec<String> = rows("cravings.csv")
        .iter()
        .filter_map(|r| r["note"].as_str().map(str::to_string))
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(notes, vec![format!("Rode it out, \"just\" {NOTE_MARKER}")]);
    let readme = files["README.txt"].as_str().expect("a README in the zip");
    for name in files
        .as_object()
        .unwrap()
        .keys()
        .filter(|n| n.ends_with(".csv"))
    {
        assert!(readme.contains(name.as_str()), "README describes {name}");
    }

    // A range keeps only its days: the last 5 days (today and the 4 before; the seed's days are
    // offsets 16 to 19 of them), counted from the seed's pattern.
    let ranged = j.scratch().join("last5.zip");
    let from = s.today - Duration::days(4);
    j.ok(&[
        "export",
        "--format",
        "csv",
        "--from",
        &from.to_string(),
        "--out",
        ranged.to_str().unwrap(),
    ]);
    let expected: i64 = (16..20).map(|offset| 1 + offset % 3).sum();
    assert_eq!(
        csv_rows(&ranged)["cravings.csv"].as_array().unwrap().len() as i64,
        expected
    );
}

/// Every list the CLI prints, for comparing two journals.
fn everything(j: &Journal) -> Vec<Value> {
    let mut all: Vec<Value> = ["craving", "mood", "checkin", "lapse", "trigger", "meeting"]
        .iter()
        .map(|kind| Value::Array(j.list(kind)))
        .collect();
    all.push(j.json(&["plan", "show", "--json"]));
    all.push(j.json(&["recovery", "show", "--json"]));
    all.push(j.json(&["profile", "show", "--json"]));
    all
}

#[test]
fn a_json_export_imports_into_a_new_journal_with_nothing_lost() {
    let j = Journal::new();
    seed(&j);
    j.ok(&[
        "meeting",
        "add",
        "--title",
        "Tuesday group",
        "--kind",
        "twelve_step",
        "--date",
        "2026-01-06",
        "--time",
        "19:00",
        "--repeat",
        "weekly",
        "--days",
        "tue",
    ]);
    let out = j.scratch().join("all.json");
    j.ok(&["export", "--format", "json", "--out", out.to_str().unwrap()]);
    let export: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert!(
        export["schemaVersion"].as_u64().is_some_and(|v| v >= 4),
        "{}",
        export["schemaVersion"]
    );

    let fresh = Journal::new();
    let before = everything(&fresh);
    let imported = fresh.json(&["import", out.to_str().unwrap(), "--json"]);
    assert!(imported["counts"].as_array().is_some_and(|c| !c.is_empty()));
    assert_eq!(
        everything(&fresh),
        everything(&j),
        "every list reads back the same"
    );
    assert_ne!(everything(&fresh), before);

    // A second import is refused (the journal has entries now), and changes nothing.
    let after_first = everything(&fresh);
    fresh.fails(&["import", out.to_str().unwrap()], b"", 5, "FILE");
    assert_eq!(everything(&fresh), after_first);
}

#[test]
fn bad_export_and_import_input_is_refused_and_writes_nothing() {
    let j = Journal::new();
    let out = j.scratch().join("x.pdf");
    let path = out.to_str().unwrap();
    for (args, flag) in [
        (
            vec![
                "export", "--format", "pdf", "--from", "someday", "--out", path,
            ],
            "--from",
        ),
        (
            vec![
                "export",
                "--format",
                "pdf",
                "--to",
                "2026-13-01",
                "--out",
                path,
            ],
            "--to",
        ),
        (
            vec![
                "export",
                "--format",
                "pdf",
                "--from",
                "2026-05-02",
                "--to",
                "2026-05-01",
                "--out",
                path,
            ],
            "--to",
        ),
        (
            vec![
                "export",
                "--format",
                "pdf",
                "--from",
                "2000-01-01",
                "--to",
                "2026-01-01",
                "--out",
                path,
            ],
            "--from",
        ),
        (
            vec![
                "export",
                "--format",
                "csv",
                "--sections",
                "mood",
                "--out",
                path,
            ],
            "--sections",
        ),
        (
            vec![
                "export",
                "--format",
                "json",
                "--include-notes",
                "--out",
                path,
            ],
            "--sections",
        ),
    ] {
        j.fails(&args, b"", 5, flag);
        assert!(!out.exists(), "{args:?} wrote nothing");
    }
    // An unknown section or format is a usage error (exit 2).
    j.cmd()
        .args([
            "export",
            "--format",
            "pdf",
            "--sections",
            "secrets",
            "--out",
            path,
        ])
        .assert()
        .code(2);
    j.cmd()
        .args(["export", "--format", "docx", "--out", path])
        .assert()
        .code(2);
    // An existing file is kept unless --force.
    std::fs::write(&out, "keep me").unwrap();
    j.fails(
        &["export", "--format", "pdf", "--out", path],
        b"",
        5,
        "--out",
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    j.ok(&["export", "--format", "pdf", "--out", path, "--force"]);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));

    // Import: a missing file, not JSON, JSON that is not an export; the journal is unchanged.
    let before = everything(&j);
    let missing = j.scratch().join("missing.json");
    j.fails(&["import", missing.to_str().unwrap()], b"", 5, "FILE");
    for (name, content) in [
        ("garbage.json", "\u{0}\u{1}not json".to_string()),
        ("other.json", r#"{"hello": "world"}"#.to_string()),
        (
            "truncated.json",
            r#"{"format":"waymark-export","schemaVersion":4,"tables":{"craving":[{"#.to_string(),
        ),
    ] {
        let file = j.scratch().join(name);
        std::fs::write(&file, content).unwrap();
        let stderr = j.fails(&["import", file.to_str().unwrap()], b"", 5, "FILE");
        assert!(
            !stderr.contains("hello"),
            "errors never quote the file: {stderr}"
        );
    }
    assert_eq!(everything(&j), before);
}
