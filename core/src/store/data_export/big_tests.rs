//! Slow checks run by hand (`cargo test -p waymark-core --release data_export::big -- --ignored
//! --nocapture`): the export of ten years of heavy use, timed, and sample files to look at.

use std::time::Instant;

use chrono::{DateTime, Duration, FixedOffset, TimeZone};

use super::fixture::{clock, fill};
use crate::journal::clock::FixedClock;
use crate::journal::{CravingOutcome, Halt, NewCraving, NewJournalEntry, NewMood};
use crate::store::testing::temp_store;

/// Writes a sample JSON export and CSV zip of the test fixture to `WAYMARK_EXPORT_SAMPLES`.
#[test]
#[ignore = "writes sample files for a person to look at"]
fn write_sample_files() {
    let Ok(dir) = std::env::var("WAYMARK_EXPORT_SAMPLES") else {
        return;
    };
    let (_d, store) = temp_store();
    fill(&store);
    let dir = std::path::Path::new(&dir);
    std::fs::write(
        dir.join("sample.json"),
        store.export_json(None, &clock()).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.join("sample.zip"),
        store.export_csv_zip(None, &clock()).unwrap(),
    )
    .unwrap();
}

fn end() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 22, 21, 0, 0)
        .unwrap()
}

/// Ten years of 10 cravings, 3 moods and a journal entry a day: export and import timed.
#[test]
#[ignore = "builds a ten-year vault; a measurement, run by hand"]
fn ten_years_of_heavy_use_export_and_import() {
    let (_d, store) = temp_store();
    let end = end();
    let days = 3650i64;
    let triggers: Vec<_> = store
        .list_triggers(false)
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    let cravings: Vec<NewCraving> = (0..days * 10)
        .map(|i| NewCraving {
            intensity: (i % 11) as i32,
            occurred_at: Some((end - Duration::minutes(i * 144 + 30)).to_rfc3339()),
            duration_minutes: Some(15),
            trigger_ids: vec![triggers[(i as usize) % triggers.len()]],
            halt: Halt {
                tired: i % 3 == 0,
                ..Default::default()
            },
            place: Some("home".into()),
            coping: vec!["Walked round the block".into()],
            outcome: Some(CravingOutcome::Passed),
            intensity_after: Some(2),
            note: Some("walked to the river and called my sponsor, it passed".into()),
            ..Default::default()
        })
        .collect();
    let started = Instant::now();
    store.add_cravings(&cravings, &FixedClock(end)).unwrap();
    for day in 0..days {
        let at = end - Duration::days(day);
        let clock = FixedClock(at);
        for hour in [0, 5, 10] {
            store
                .add_mood(
                    &NewMood {
                        mood: (day % 10) as i32 + 1,
                        occurred_at: Some((at - Duration::hours(hour)).to_rfc3339()),
                        feelings: vec!["calm".into()],
                        note: Some("quiet evening, some worry about work".into()),
                    },
                    &clock,
                )
                .unwrap();
        }
        store
            .add_journal_entry(
                &NewJournalEntry {
                    body: "Today I went to work, came home, cooked, and rang my sister. ".repeat(8),
                    went_well: Some("Cooked a proper meal".into()),
                    tags: vec!["work".into()],
                    ..Default::default()
                },
                &clock,
            )
            .unwrap();
    }
    println!("filled in {:?}", started.elapsed());

    let now = FixedClock(end);
    let t = Instant::now();
    let counts = store.export_counts(None).unwrap();
    println!("counts in {:?}: {counts:?}", t.elapsed());
    let t = Instant::now();
    let json = store.export_json(None, &now).unwrap();
    println!("JSON export: {} bytes in {:?}", json.len(), t.elapsed());
    let t = Instant::now();
    let zip = store.export_csv_zip(None, &now).unwrap();
    println!("CSV zip export: {} bytes in {:?}", zip.len(), t.elapsed());
    let (_d2, target) = temp_store();
    let t = Instant::now();
    let summary = target.import_json(&json, &now).unwrap();
    println!("import in {:?}", t.elapsed());
    assert_eq!(summary.counts, counts);
}
