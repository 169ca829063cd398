//! JSON export and import on real encrypted vaults: a full vault goes out and comes back with
//! nothing lost, twice; a range keeps only the entries of its days.

use chrono::{DateTime, NaiveDate, Utc};

use super::fixture::{clock, fill, Fixture, DELETED_NOTE, SEARCH_WORD, TRICKY_NOTE};
use super::snapshot::snapshot;
use crate::insights::ValidRange;
use crate::journal::review::week_start;
use crate::store::migrations::latest_version;
use crate::store::testing::{day, temp_store};
use crate::store::Store;

/// Tables that are not the person's data: the search indexes (compared through search
/// instead) and the reminder delivery log.
const NOT_EXPORTED: &[&str] = &["search_", "reminder_delivery"];

fn local_day(instant: &str) -> NaiveDate {
    DateTime::parse_from_rfc3339(instant).unwrap().date_naive()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// Everything the app shows, read through its own repositories.
fn domain_view(store: &Store) -> String {
    let c = clock();
    let now = c.0.with_timezone(&Utc);
    // The tallies come out in no particular order (ranking sorts them later); compare them sorted.
    let mut tallies = store.strategy_tallies().unwrap();
    tallies.sort_by_key(|t| t.strategy_id);
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        store.list_cravings(1000).unwrap(),
        store.list_moods(1000).unwrap(),
        store.list_journal_entries(1000).unwrap(),
        store.list_checkins(1000).unwrap(),
        store.list_reviews(1000).unwrap(),
        store.list_lapses(1000).unwrap(),
        store.list_triggers(true).unwrap(),
        store.list_strategies(true).unwrap(),
        tallies,
        store.list_contacts().unwrap(),
        store.list_local_helplines().unwrap(),
        store.plan().unwrap(),
        store.profile().unwrap(),
        store.reminder_settings().unwrap(),
        store.list_meetings().unwrap(),
        store
            .occurrences(now - chrono::Duration::days(60), now + chrono::Duration::days(30))
            .unwrap(),
    ) + &format!("{:?}", store.recovery_summary(&c).unwrap())
}

#[test]
fn a_full_vault_round_trips_through_json_with_nothing_lost() {
    let (_a, source) = temp_store();
    let fx = fill(&source);
    let bytes = source.export_json(None, &clock()).unwrap();
    assert!(
        !contains(&bytes, DELETED_NOTE),
        "a deleted entry must not be exported"
    );
    let parsed: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(parsed["format"], "waymark-export");
    assert_eq!(parsed["schemaVersion"], latest_version());
    assert_eq!(parsed["exportedAt"], "2026-11-22T18:00:00Z");
    assert!(parsed["range"].is_null());

    let (_b, target) = temp_store();
    let summary = target.import_json(&bytes, &clock()).unwrap();
    assert_eq!(i64::from(summary.schema_version), latest_version());
    let added = |kind: &str| {
        summary
            .counts
            .iter()
            .find(|c| c.kind == kind)
            .unwrap()
            .count as usize
    };
    assert_eq!(added("cravings"), fx.cravings.len());
    assert_eq!(added("moods"), fx.moods.len());
    assert_eq!(added("journal"), fx.journal.len());
    assert_eq!(added("lapses"), fx.lapses.len());
    assert_eq!(added("meeting_attendance"), fx.attendance_days.len());

    // The source's deleted craving would be purged at lock; after that, every table the export
    // covers is identical, row for row and column for column.
    source.purge_deleted().unwrap();
    let before = snapshot(&source, NOT_EXPORTED);
    let after = snapshot(&target, NOT_EXPORTED);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (table, rows) in &before {
        assert_eq!(rows, &after[table], "table {table} differs after import");
    }
    assert!(before["craving"].len() == fx.cravings.len());
    assert_eq!(domain_view(&source), domain_view(&target));

    // Search works on the imported journal: the word is in a craving's note and the journal.
    let found = target.search(SEARCH_WORD, 20).unwrap();
    assert_eq!(found.len(), 1 + fx.journal.len());
    assert_eq!(found.len(), source.search(SEARCH_WORD, 20).unwrap().len());
    assert_eq!(target.search("barely", 5).unwrap().len(), 1);

    // A second trip gives the very same file.
    let again = target.export_json(None, &clock()).unwrap();
    assert_eq!(
        String::from_utf8(again).unwrap(),
        String::from_utf8(bytes).unwrap()
    );

    // The search triggers set aside during the import are back: new entries are found.
    let later = crate::journal::NewCraving {
        intensity: 4,
        note: Some("afterwards".into()),
        ..Default::default()
    };
    target.add_craving(&later, &clock()).unwrap();
    assert_eq!(target.search("afterwards", 5).unwrap().len(), 1);
}

#[test]
fn the_export_keeps_text_exactly_and_one_row_per_line() {
    let (_a, source) = temp_store();
    fill(&source);
    let bytes = source.export_json(None, &clock()).unwrap();
    let parsed: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let notes: Vec<&str> = parsed["tables"]["craving"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["note"].as_str())
        .collect();
    assert!(notes.contains(&TRICKY_NOTE));
    let text = String::from_utf8(bytes).unwrap();
    let craving_lines = text
        .lines()
        .filter(|l| l.trim_start().starts_with("{\"id\":") && l.contains("\"intensity\":"))
        .count();
    assert_eq!(craving_lines, notes.len());
}

fn in_range(range: &ValidRange, days: impl IntoIterator<Item = NaiveDate>) -> usize {
    days.into_iter().filter(|d| range.contains(*d)).count()
}

/// Expected entries per JSON table for `range`, from the fixture's own inputs.
fn expected(fx: &Fixture, range: &ValidRange) -> Vec<(&'static str, usize)> {
    vec![
        (
            "craving",
            in_range(range, fx.cravings.iter().map(|s| local_day(s))),
        ),
        (
            "mood_checkin",
            in_range(range, fx.moods.iter().map(|s| local_day(s))),
        ),
        (
            "journal_entry",
            in_range(range, fx.journal.iter().map(|s| day(s))),
        ),
        (
            "daily_checkin",
            in_range(range, fx.checkins.iter().map(|s| day(s))),
        ),
        (
            "weekly_review",
            in_range(range, fx.review_weeks.iter().map(|s| week_start(day(s)))),
        ),
        (
            "lapse",
            in_range(range, fx.lapses.iter().map(|s| local_day(s))),
        ),
        (
            "meeting_attendance",
            in_range(range, fx.attendance_days.iter().map(|s| day(s))),
        ),
    ]
}

fn ids(rows: &serde_json::Value, column: &str) -> Vec<i64> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r[column].as_i64().unwrap())
        .collect()
}

#[test]
fn a_ranged_export_keeps_the_entries_of_its_days_and_all_reference_data() {
    let (_a, source) = temp_store();
    let fx = fill(&source);
    let range = ValidRange::new(day("2026-11-01"), day("2026-11-15")).unwrap();
    let bytes = source.export_json(Some(range), &clock()).unwrap();
    let parsed: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(
        parsed["range"],
        serde_json::json!({"from": "2026-11-01", "to": "2026-11-15"})
    );
    let tables = &parsed["tables"];
    let expectations = expected(&fx, &range);
    for (table, count) in &expectations {
        assert_eq!(
            tables[table].as_array().unwrap().len(),
            *count,
            "rows of {table}"
        );
    }
    // The boundaries are the person's own days: 23:30 at -05:00 on the 1st is in, 00:30 at
    // +09:00 on the 16th (still the 15th in UTC) is out.
    assert_eq!(expectations[0].1, 3);

    // Links come with their entries, and only theirs.
    let conn = source.connection();
    for (child, parent, key) in [
        ("craving_trigger", "craving", "craving_id"),
        ("craving_coping", "craving", "craving_id"),
        ("mood_feeling", "mood_checkin", "mood_id"),
        ("journal_tag", "journal_entry", "entry_id"),
        ("lapse_trigger", "lapse", "lapse_id"),
        ("lapse_feeling", "lapse", "lapse_id"),
    ] {
        let parents = ids(&tables[parent], "id");
        let children = ids(&tables[child], key);
        let mut stored = 0usize;
        for id in &parents {
            let n: i64 = conn
                .query_row(
                    &format!("SELECT count(*) FROM {child} WHERE {key} = ?1"),
                    [id],
                    |r| r.get(0),
                )
                .unwrap();
            stored += n as usize;
        }
        assert_eq!(children.len(), stored, "{child}");
        assert!(children.iter().all(|c| parents.contains(c)), "{child}");
    }
    // Reference data is always whole.
    for table in [
        "trigger_item",
        "coping_strategy",
        "support_contact",
        "local_helpline",
        "relapse_plan",
        "meeting",
        "meeting_exception",
        "profile_setting",
    ] {
        let stored: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            tables[table].as_array().unwrap().len() as i64,
            stored,
            "{table}"
        );
    }

    // The preview's counts say the same.
    let counts = source.export_counts(Some(range)).unwrap();
    let count = |kind: &str| counts.iter().find(|c| c.kind == kind).unwrap().count as usize;
    assert_eq!(count("cravings"), expectations[0].1);
    assert_eq!(count("moods"), expectations[1].1);
    assert_eq!(count("journal"), expectations[2].1);
    assert_eq!(count("checkins"), expectations[3].1);
    assert_eq!(count("weekly_reviews"), expectations[4].1);
    assert_eq!(count("lapses"), expectations[5].1);
    assert_eq!(count("meeting_attendance"), expectations[6].1);
    assert_eq!(count("meetings"), 2);
    assert_eq!(count("plan"), 1);
    let everything = source.export_counts(None).unwrap();
    let all = |kind: &str| everything.iter().find(|c| c.kind == kind).unwrap().count as usize;
    assert_eq!(
        all("cravings"),
        fx.cravings.len(),
        "the deleted one is not counted"
    );
    assert_eq!(all("moods"), fx.moods.len());

    // A ranged export imports too.
    let (_b, target) = temp_store();
    target.import_json(&bytes, &clock()).unwrap();
    assert_eq!(target.count_cravings().unwrap() as usize, expectations[0].1);
}
