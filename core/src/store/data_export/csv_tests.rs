//! The CSV zip on a real vault: unzipped with the zip crate and parsed with the csv crate, row
//! counts match the fixture, tricky text reads back exactly, and the README lists every column.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use chrono::DateTime;

use super::fixture::{clock, fill, Fixture, FORMULA_NOTE, TRICKY_NOTE};
use super::tables::KINDS;
use crate::insights::ValidRange;
use crate::store::testing::{day, temp_store};

/// A parsed CSV file: its header and rows.
type Sheet = (Vec<String>, Vec<Vec<String>>);

fn unzip(bytes: Vec<u8>) -> (String, BTreeMap<String, Sheet>) {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut readme = String::new();
    let mut sheets = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        assert_eq!(file.compression(), zip::CompressionMethod::Deflated);
        let name = file.name().unwrap().to_string();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        if name == "README.txt" {
            readme = text;
            continue;
        }
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        for row in &rows {
            assert_eq!(row.len(), header.len(), "{name}");
        }
        sheets.insert(name, (header, rows));
    }
    assert!(!readme.is_empty(), "README.txt is missing");
    (readme, sheets)
}

fn column(sheet: &Sheet, name: &str) -> Vec<String> {
    let i = sheet.0.iter().position(|h| h == name).unwrap();
    sheet.1.iter().map(|r| r[i].clone()).collect()
}

fn fixture_counts(fx: &Fixture) -> Vec<(&'static str, usize)> {
    vec![
        ("cravings.csv", fx.cravings.len()),
        ("moods.csv", fx.moods.len()),
        ("journal.csv", fx.journal.len()),
        ("checkins.csv", fx.checkins.len()),
        ("weekly_reviews.csv", fx.review_weeks.len()),
        ("lapses.csv", fx.lapses.len()),
        ("meetings.csv", 2),
        ("meeting_attendance.csv", fx.attendance_days.len()),
        ("contacts.csv", 2),
        ("helplines.csv", 1),
        // 2 reasons, 1 warning sign, 1 if-then, and one item in each of the 4 other lists.
        ("plan.csv", 8),
    ]
}

#[test]
fn the_csv_zip_holds_one_readable_file_per_kind_and_a_readme() {
    let (_dir, store) = temp_store();
    let fx = fill(&store);
    let (readme, sheets) = unzip(store.export_csv_zip(None, &clock()).unwrap());

    for (file, rows) in fixture_counts(&fx) {
        assert_eq!(sheets[file].1.len(), rows, "{file}");
    }
    let counts = store.export_counts(None).unwrap();
    for kind in KINDS {
        let sheet = &sheets[&format!("{}.csv", kind.key)];
        if kind.key != "plan" {
            let count = counts.iter().find(|c| c.kind == kind.key).unwrap().count;
            assert_eq!(sheet.1.len(), count as usize, "{}", kind.key);
        }
    }
    assert_eq!(
        sheets["triggers.csv"].1.len(),
        store.list_triggers(true).unwrap().len()
    );
    assert_eq!(
        sheets["coping_strategies.csv"].1.len(),
        store.list_strategies(true).unwrap().len()
    );

    // Text reads back exactly, formulas are defused, lists are joined.
    let cravings = &sheets["cravings.csv"];
    let notes = column(cravings, "note");
    assert!(notes.contains(&TRICKY_NOTE.to_string()));
    assert!(notes.contains(&format!("'{FORMULA_NOTE}")));
    assert!(!notes.iter().any(|n| n.contains("deleted")));
    let triggers = column(cravings, "triggers");
    assert!(triggers[0].contains("Payday, \"cash\" day"));
    assert!(triggers[0].contains("; "));
    assert!(triggers[0].starts_with("'=Old street; "), "{}", triggers[0]);
    assert_eq!(
        column(cravings, "coping")[0],
        "Text my sister; ".to_string()
            + &store.list_strategies(false).unwrap()[0].title
            + "; Walked it off"
    );
    // Oldest first, in the person's own time.
    let first = DateTime::parse_from_rfc3339(fx.cravings[0]).unwrap();
    assert_eq!(
        column(cravings, "date")[0],
        first.format("%Y-%m-%d").to_string()
    );
    assert_eq!(column(cravings, "time")[0], "08:15");
    assert_eq!(column(cravings, "utc_offset")[2], "-05:00");
    assert_eq!(column(cravings, "hungry")[0], "yes");
    assert_eq!(column(cravings, "angry")[0], "no");
    assert_eq!(column(&sheets["checkins.csv"], "contacted_someone")[0], "");
    assert_eq!(
        column(&sheets["moods.csv"], "feelings")[0],
        "Hopeful; Tired"
    );
    assert_eq!(
        column(&sheets["meeting_attendance.csv"], "attended"),
        ["yes", "no", "yes", "yes"]
    );
    let meetings = &sheets["meetings.csv"];
    assert_eq!(column(meetings, "repeats")[0], "every week on Tue");
    assert_eq!(column(meetings, "skipped")[0], "2026-10-13 19:00");
    assert_eq!(
        column(meetings, "moved")[0],
        "2026-10-20 19:00 -> 2026-10-21 18:30"
    );
    let contacts = &sheets["contacts.csv"];
    assert_eq!(column(contacts, "phone")[1], "'+44 20 7946 0000");
    assert_eq!(
        column(contacts, "notes")[1],
        "Surgery, weekdays\nask for the nurse"
    );
    let settings = &sheets["settings.csv"];
    assert!(column(settings, "setting").contains(&"recovery_start".to_string()));
    assert!(!column(settings, "setting")
        .iter()
        .any(|s| s.contains("seeded")));

    // The README says the files are not encrypted and lists every file and column.
    assert!(readme.contains("NOT ENCRYPTED"));
    for (name, (header, _)) in &sheets {
        assert!(readme.contains(&format!("\r\n{name}: ")), "{name}");
        for h in header {
            assert!(readme.contains(&format!("  {h}: ")), "{name}: {h}");
        }
    }
}

#[test]
fn a_ranged_csv_export_holds_the_entries_of_its_days() {
    let (_dir, store) = temp_store();
    let fx = fill(&store);
    let range = ValidRange::new(day("2026-11-01"), day("2026-11-15")).unwrap();
    let (readme, sheets) = unzip(store.export_csv_zip(Some(range), &clock()).unwrap());
    let expected = fx
        .cravings
        .iter()
        .filter(|s| range.contains(DateTime::parse_from_rfc3339(s).unwrap().date_naive()))
        .count();
    assert_eq!(sheets["cravings.csv"].1.len(), expected);
    let journal = fx.journal.iter().filter(|d| range.contains(day(d))).count();
    assert_eq!(sheets["journal.csv"].1.len(), journal);
    assert_eq!(sheets["contacts.csv"].1.len(), 2, "reference data is whole");
    assert!(readme.contains("2026-11-01 to 2026-11-15"));
}
