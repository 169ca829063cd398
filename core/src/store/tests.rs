//! Tests across the repositories: cravings with triggers, merge, delete and undo, search, the
//! timeline, recovery time, the safety card, and the upgrade from schema 1.

use proptest::prelude::*;
use rusqlite::Connection;

use super::testing::{at, temp_store};
use super::Store;
use crate::error::{Error, ErrorCode};
use crate::journal::clock::FixedClock;
use crate::journal::content::journal_content;
use crate::journal::kind::{TimelineQuery, MATCH_END, MATCH_START};
use crate::journal::{
    CheckinAnswers, CravingOutcome, EntryKind, EntryRef, Halt, NewCheckin, NewCraving,
    NewJournalEntry, NewLapse, NewMood, NewTrigger, ProfileInput, TriggerId,
};
use crate::vault::DataKey;

fn clock() -> FixedClock {
    FixedClock(at("2026-11-22T18:00:00+00:00"))
}

fn count(store: &Store, sql: &str) -> i64 {
    store.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn full_craving(trigger: TriggerId) -> NewCraving {
    NewCraving {
        intensity: 8,
        occurred_at: Some("2026-11-22T11:30:00-05:00".into()),
        duration_minutes: Some(25),
        trigger_ids: vec![trigger, trigger],
        new_triggers: vec![NewTrigger {
            name: "Payday".into(),
            category: "times_and_situations".into(),
        }],
        halt: Halt {
            hungry: true,
            tired: true,
            ..Default::default()
        },
        place: Some("Bus stop".into()),
        with_whom: Some("On my own".into()),
        activity: Some("Waiting".into()),
        coping: vec![
            "Urge surfing".into(),
            "Called Sam".into(),
            " called sam ".into(),
        ],
        outcome: Some(CravingOutcome::Passed),
        intensity_after: Some(3),
        note: Some("It peaked and passed".into()),
    }
}

#[test]
fn the_starter_triggers_are_seeded_once() {
    let (dir, store) = temp_store();
    let starters = journal_content().trigger.len();
    assert_eq!(store.list_triggers(true).unwrap().len(), starters);
    let first = store.list_triggers(false).unwrap()[0].id;
    store.delete_trigger(first).unwrap();
    drop(store);
    let store = Store::open(&dir.path().join("waymark.db"), &DataKey::for_tests([7; 32])).unwrap();
    assert_eq!(
        store.list_triggers(true).unwrap().len(),
        starters - 1,
        "a deleted starter must not come back"
    );
}

#[test]
fn a_full_craving_round_trips_with_its_triggers_halt_and_coping() {
    let (_dir, store) = temp_store();
    let stress = store.list_triggers(false).unwrap()[0].clone();
    let saved = store
        .add_craving(&full_craving(stress.id), &clock())
        .unwrap();
    assert_eq!(saved.intensity, 8);
    assert_eq!(saved.occurred_at, "2026-11-22T11:30:00-05:00");
    assert_eq!(saved.duration_minutes, Some(25));
    let mut names: Vec<_> = saved.triggers.iter().map(|t| t.name.clone()).collect();
    names.sort();
    let mut expected = vec![stress.name.clone(), "Payday".to_string()];
    expected.sort();
    assert_eq!(names, expected);
    assert!(saved.halt.hungry && saved.halt.tired && !saved.halt.angry);
    assert_eq!(saved.coping, vec!["Urge surfing", "Called Sam"]);
    assert_eq!(saved.outcome, Some(CravingOutcome::Passed));
    assert_eq!(saved.intensity_after, Some(3));
    assert_eq!(store.craving(saved.id).unwrap(), saved);
    assert_eq!(store.list_cravings(10).unwrap(), vec![saved.clone()]);
    assert_eq!(store.trigger(stress.id).unwrap().uses, 1);

    // A quick log edited later keeps its id and gains the details.
    let quick = store
        .add_craving(
            &NewCraving {
                intensity: 5,
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    let edited = store
        .update_craving(quick.id, &full_craving(stress.id), &clock())
        .unwrap();
    assert_eq!(edited.id, quick.id);
    assert_eq!(edited.coping.len(), 2);
    assert_eq!(store.trigger(stress.id).unwrap().uses, 2);
}

#[test]
fn an_unknown_trigger_writes_nothing_at_all() {
    let (_dir, store) = temp_store();
    let mut input = full_craving(TriggerId(9_999));
    input.new_triggers = vec![NewTrigger {
        name: "Brand new".into(),
        category: "things".into(),
    }];
    let err = store.add_craving(&input, &clock()).unwrap_err();
    assert_eq!(err.field(), Some("triggers"));
    assert_eq!(count(&store, "SELECT count(*) FROM craving"), 0);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM trigger_item WHERE name = 'Brand new'"
        ),
        0
    );
}

#[test]
fn merging_re_points_every_craving_and_lapse() {
    let (_dir, store) = temp_store();
    let triggers = store.list_triggers(false).unwrap();
    let (a, b) = (triggers[0].id, triggers[1].id);
    let both = NewCraving {
        intensity: 4,
        trigger_ids: vec![a, b],
        ..Default::default()
    };
    let only_a = NewCraving {
        intensity: 6,
        trigger_ids: vec![a],
        ..Default::default()
    };
    let c1 = store.add_craving(&both, &clock()).unwrap();
    let c2 = store.add_craving(&only_a, &clock()).unwrap();
    let lapse = store
        .add_lapse(
            &NewLapse {
                trigger_ids: vec![a],
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    let merged = store.merge_triggers(a, b).unwrap();
    assert_eq!(merged.uses, 3);
    assert_eq!(store.trigger(a).unwrap_err().code(), ErrorCode::NotFound);
    for id in [c1.id, c2.id] {
        let triggers = store.craving(id).unwrap().triggers;
        assert_eq!(triggers.iter().map(|t| t.id).collect::<Vec<_>>(), vec![b]);
    }
    assert_eq!(store.lapse(lapse.id).unwrap().triggers[0].id, b);
    assert_eq!(
        store.merge_triggers(b, b).unwrap_err().field(),
        Some("into")
    );
}

#[test]
fn rename_archive_and_names_that_clash() {
    let (_dir, store) = temp_store();
    let added = store
        .add_trigger(
            &NewTrigger {
                name: "Old street".into(),
                category: "places".into(),
            },
            &clock(),
        )
        .unwrap();
    let clash = NewTrigger {
        name: "old STREET".into(),
        category: "places".into(),
    };
    assert_eq!(
        store.add_trigger(&clash, &clock()).unwrap_err().field(),
        Some("name")
    );
    let renamed = store
        .update_trigger(
            added.id,
            &NewTrigger {
                name: "The old street".into(),
                category: "places".into(),
            },
        )
        .unwrap();
    assert_eq!(renamed.name, "The old street");
    store.set_trigger_archived(added.id, true).unwrap();
    assert!(!store
        .list_triggers(false)
        .unwrap()
        .iter()
        .any(|t| t.id == added.id));
    assert!(store
        .list_triggers(true)
        .unwrap()
        .iter()
        .any(|t| t.id == added.id && t.archived));
}

#[test]
fn delete_hides_undo_restores_and_lock_purges() {
    let (_dir, store) = temp_store();
    let craving = store
        .add_craving(
            &NewCraving {
                intensity: 7,
                note: Some("marble staircase".into()),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    let entry = EntryRef {
        kind: EntryKind::Craving,
        id: craving.id.0,
    };
    assert_eq!(store.search("marble", 10).unwrap().len(), 1);
    store.delete_entry(entry, &clock()).unwrap();
    assert_eq!(
        store.craving(craving.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert!(store.list_cravings(10).unwrap().is_empty());
    assert!(store.search("marble", 10).unwrap().is_empty());
    assert_eq!(
        store.delete_entry(entry, &clock()).unwrap_err().code(),
        ErrorCode::NotFound
    );
    store.restore_entry(entry).unwrap();
    assert_eq!(store.craving(craving.id).unwrap(), craving);
    assert_eq!(store.search("marble", 10).unwrap().len(), 1);

    store.delete_entry(entry, &clock()).unwrap();
    assert_eq!(store.purge_deleted().unwrap(), 1);
    assert_eq!(count(&store, "SELECT count(*) FROM craving"), 0);
    assert_eq!(
        store.restore_entry(entry).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn a_restore_that_would_make_two_entries_for_one_day_is_refused() {
    let (_dir, store) = temp_store();
    let entry = |body: &str| NewJournalEntry {
        body: body.into(),
        ..Default::default()
    };
    let first = store.add_journal_entry(&entry("first"), &clock()).unwrap();
    let first_ref = EntryRef {
        kind: EntryKind::Journal,
        id: first.id.0,
    };
    store.delete_entry(first_ref, &clock()).unwrap();
    store.add_journal_entry(&entry("second"), &clock()).unwrap();
    assert_eq!(
        store.restore_entry(first_ref).unwrap_err().field(),
        Some("date")
    );
}

#[test]
fn search_finds_every_kind_inside_the_database_and_marks_the_match() {
    let (_dir, store) = temp_store();
    store
        .add_craving(
            &NewCraving {
                intensity: 6,
                place: Some("The river café".into()),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    store
        .add_mood(
            &NewMood {
                mood: 4,
                note: Some("Thinking about the river again".into()),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    store
        .add_journal_entry(
            &NewJournalEntry {
                body: "# Sunday\nWalked by the **river** with Dana.".into(),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    store
        .add_checkin(
            &NewCheckin {
                answers: CheckinAnswers {
                    slept_well: Some(true),
                    ..Default::default()
                },
                note: Some("Slept by the open window".into()),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    let hits = store.search("river", 50).unwrap();
    let mut kinds: Vec<_> = hits.iter().map(|h| h.entry.kind).collect();
    kinds.sort_by_key(|k| k.key());
    assert_eq!(
        kinds,
        vec![EntryKind::Craving, EntryKind::Journal, EntryKind::Mood],
        "every kind that mentions the river"
    );
    let journal = hits
        .iter()
        .find(|h| h.entry.kind == EntryKind::Journal)
        .unwrap();
    let excerpt = journal.excerpt.as_deref().unwrap();
    assert!(
        excerpt.contains(&format!("{MATCH_START}river{MATCH_END}")),
        "{excerpt:?}"
    );
    assert_eq!(
        store.search("window", 50).unwrap()[0].entry.kind,
        EntryKind::Checkin
    );
    assert_eq!(
        store.search("cafe", 50).unwrap().len(),
        1,
        "diacritics fold"
    );
    assert!(
        store.search("dana river", 50).unwrap().len() == 1,
        "all words must match"
    );
    assert_eq!(store.search("  ", 50).unwrap_err().field(), Some("query"));
}

#[test]
fn the_timeline_holds_every_kind_by_the_persons_own_day() {
    let (_dir, store) = temp_store();
    // 23:30 in New York on the 21st is the 22nd in UTC: it belongs to the 21st.
    store
        .add_craving(
            &NewCraving {
                intensity: 3,
                occurred_at: Some("2026-11-21T23:30:00-05:00".into()),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    store
        .add_mood(
            &NewMood {
                mood: 7,
                feelings: vec!["calm".into()],
                occurred_at: Some("2026-11-22T09:00:00+00:00".into()),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    store
        .add_journal_entry(
            &NewJournalEntry {
                body: "A steady day".into(),
                tags: vec!["work".into()],
                date: Some("2026-11-20".into()),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    store
        .add_lapse(
            &NewLapse {
                occurred_at: Some("2026-10-01T12:00:00+01:00".into()),
                learned: Some("Payday evenings need a plan".into()),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    let all = store.timeline(&TimelineQuery::default(), &clock()).unwrap();
    let days: Vec<_> = all.iter().map(|i| (i.entry.kind, i.day.as_str())).collect();
    assert_eq!(
        days,
        vec![
            (EntryKind::Mood, "2026-11-22"),
            (EntryKind::Craving, "2026-11-21"),
            (EntryKind::Journal, "2026-11-20"),
        ],
        "the October lapse is outside the default 30 days"
    );
    assert_eq!(all[0].summary, "Mood 7/10 · calm");
    assert_eq!(all[2].summary, "Journal entry · #work");
    let lapses = store
        .timeline(
            &TimelineQuery {
                from: Some("2026-09-01".into()),
                to: None,
                kinds: vec![EntryKind::Lapse],
            },
            &clock(),
        )
        .unwrap();
    assert_eq!(lapses.len(), 1);
    assert_eq!(lapses[0].day, "2026-10-01");
    assert_eq!(
        lapses[0].excerpt.as_deref(),
        Some("Payday evenings need a plan")
    );
    let backwards = TimelineQuery {
        from: Some("2026-11-22".into()),
        to: Some("2026-11-01".into()),
        kinds: vec![],
    };
    assert_eq!(
        store.timeline(&backwards, &clock()).unwrap_err().field(),
        Some("from")
    );
}

#[test]
fn recovery_time_follows_the_start_date_and_restarting_lapses() {
    let (_dir, store) = temp_store();
    let none = store.recovery_summary(&clock()).unwrap();
    assert_eq!(none.start_date, None);
    store
        .set_profile(
            &ProfileInput {
                recovery_start: Some("2026-10-01".into()),
                region: Some("uk".into()),
                medication: Some("buprenorphine".into()),
            },
            &clock(),
        )
        .unwrap();
    let s = store.recovery_summary(&clock()).unwrap();
    assert_eq!(s.current_days, 52);
    assert_eq!(s.next_milestone.unwrap().label, "60 days");
    let kept = store
        .add_lapse(
            &NewLapse {
                occurred_at: Some("2026-11-01T20:00:00+00:00".into()),
                restarts_counter: false,
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    assert_eq!(store.recovery_summary(&clock()).unwrap().current_days, 52);
    let restart = store
        .add_lapse(
            &NewLapse {
                occurred_at: Some("2026-11-15T20:00:00+00:00".into()),
                restarts_counter: true,
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    let s = store.recovery_summary(&clock()).unwrap();
    assert_eq!(
        (s.current_days, s.attempts, s.longest_days, s.lapses),
        (7, 2, 45, 2)
    );
    assert_eq!(s.total_days, 52);
    // Deleting the restarting lapse gives the whole period back.
    store
        .delete_entry(
            EntryRef {
                kind: EntryKind::Lapse,
                id: restart.id.0,
            },
            &clock(),
        )
        .unwrap();
    let s = store.recovery_summary(&clock()).unwrap();
    assert_eq!((s.current_days, s.attempts, s.lapses), (52, 1, 1));
    let _ = kept;
    let bad = ProfileInput {
        region: Some("mars".into()),
        ..Default::default()
    };
    assert_eq!(
        store.set_profile(&bad, &clock()).unwrap_err().field(),
        Some("region")
    );
    assert_eq!(store.profile().unwrap().region.as_deref(), Some("uk"));
}

#[test]
fn the_safety_card_follows_lapses_and_use_after_a_gap() {
    let (_dir, store) = temp_store();
    store
        .set_profile(
            &ProfileInput {
                recovery_start: Some("2026-11-01".into()),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    let used = |when: &str| NewCraving {
        intensity: 9,
        occurred_at: Some(when.into()),
        outcome: Some(CravingOutcome::Used),
        ..Default::default()
    };
    let craving_ref = |id: i64| EntryRef {
        kind: EntryKind::Craving,
        id,
    };
    // Three weeks after the start date: tolerance may have fallen.
    let first = store
        .add_craving(&used("2026-11-20T21:00:00+00:00"), &clock())
        .unwrap();
    assert!(store.safety_card_due(craving_ref(first.id.0)).unwrap());
    // The next evening: no new gap.
    let second = store
        .add_craving(&used("2026-11-21T21:00:00+00:00"), &clock())
        .unwrap();
    assert!(!store.safety_card_due(craving_ref(second.id.0)).unwrap());
    // A craving that passed never brings the card.
    let passed = store
        .add_craving(
            &NewCraving {
                intensity: 9,
                outcome: Some(CravingOutcome::Passed),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    assert!(!store.safety_card_due(craving_ref(passed.id.0)).unwrap());
    let lapse = store.add_lapse(&NewLapse::default(), &clock()).unwrap();
    assert!(store
        .safety_card_due(EntryRef {
            kind: EntryKind::Lapse,
            id: lapse.id.0
        })
        .unwrap());
}

/// Builds a vault file exactly as the foundation's schema 1 left it, with cravings in it.
fn schema_1_vault(path: &std::path::Path, key: &DataKey, notes: &[&str]) {
    let conn = Connection::open(path).unwrap();
    super::apply_key(&conn, key).unwrap();
    super::configure(&conn).unwrap();
    conn.execute_batch(super::migrations::MIGRATIONS[0].1)
        .unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    for (i, note) in notes.iter().enumerate() {
        conn.execute(
            "INSERT INTO craving (occurred_at, utc_offset, intensity, note, created_at) \
             VALUES (?1, 3600, ?2, ?3, ?1)",
            rusqlite::params![
                1_763_800_000_000i64 + i as i64 * 60_000,
                (i % 11) as i64,
                note
            ],
        )
        .unwrap();
    }
}

#[test]
fn a_schema_1_vault_upgrades_with_nothing_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("waymark.db");
    let key = DataKey::for_tests([9; 32]);
    let notes: Vec<String> = (0..40)
        .map(|i| format!("old note {i} harbourlight"))
        .collect();
    let note_refs: Vec<&str> = notes.iter().map(String::as_str).collect();
    schema_1_vault(&path, &key, &note_refs);

    let store = Store::open(&path, &key).unwrap();
    assert_eq!(
        super::migrations::current_version(store.connection()).unwrap(),
        super::migrations::latest_version()
    );
    let cravings = store.list_cravings(100).unwrap();
    assert_eq!(cravings.len(), 40);
    for (i, note) in notes.iter().enumerate() {
        let c = cravings
            .iter()
            .find(|c| c.note.as_deref() == Some(note.as_str()))
            .unwrap_or_else(|| panic!("note {i} lost"));
        assert_eq!(c.intensity, (i % 11) as u8);
        assert!(c.occurred_at.ends_with("+01:00"));
        assert!(c.triggers.is_empty() && c.coping.is_empty() && c.outcome.is_none());
    }
    assert_eq!(store.search("harbourlight", 100).unwrap().len(), 40);
    assert_eq!(
        store.list_triggers(false).unwrap().len(),
        journal_content().trigger.len()
    );
    // And the upgraded vault takes the new details.
    let id = cravings[0].id;
    let mut edit = NewCraving {
        intensity: 2,
        outcome: Some(CravingOutcome::Passed),
        ..Default::default()
    };
    edit.note = cravings[0].note.clone();
    assert_eq!(
        store.update_craving(id, &edit, &clock()).unwrap().outcome,
        Some(CravingOutcome::Passed)
    );
}

#[test]
fn not_found_is_its_own_error() {
    let (_dir, store) = temp_store();
    let err = store.craving(crate::journal::CravingId(12345)).unwrap_err();
    assert!(matches!(err, Error::NotFound("craving")));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn cravings_round_trip_through_the_store(
        intensity in 0i32..=10,
        after in proptest::option::of(0i32..=10),
        minutes in proptest::option::of(0i32..=1440),
        halt in any::<(bool, bool, bool, bool)>(),
        note in proptest::option::of("[a-zA-Z0-9 éü漢😀\n]{1,200}"),
        place in proptest::option::of("[a-zA-Z ]{1,40}"),
        coping in proptest::collection::vec("[a-z]{1,12}", 0..4),
    ) {
        let (_dir, store) = temp_store();
        let input = NewCraving {
            intensity,
            occurred_at: Some("2026-11-22T10:00:00+02:00".into()),
            duration_minutes: minutes,
            halt: Halt { hungry: halt.0, angry: halt.1, lonely: halt.2, tired: halt.3 },
            place: place.clone(),
            coping: coping.clone(),
            intensity_after: after,
            note: note.clone(),
            ..Default::default()
        };
        let valid = input.validate(clock().0).unwrap();
        let saved = store.add_craving(&input, &clock()).unwrap();
        let read = store.craving(saved.id).unwrap();
        prop_assert_eq!(&read, &saved);
        prop_assert_eq!(read.intensity as i32, intensity);
        prop_assert_eq!(read.intensity_after.map(i32::from), after);
        prop_assert_eq!(read.duration_minutes.map(i32::from), minutes);
        prop_assert_eq!(read.note, valid.note);
        prop_assert_eq!(read.place, valid.place);
        prop_assert_eq!(read.coping, valid.coping);
        prop_assert_eq!(read.halt, input.halt);
    }
}

#[test]
fn search_covers_coping_trigger_names_and_tags_and_follows_renames() {
    let (_dir, store) = temp_store();
    let craving = store
        .add_craving(
            &NewCraving {
                intensity: 5,
                coping: vec!["Juggling oranges".into()],
                new_triggers: vec![NewTrigger {
                    name: "Tramline bridge".into(),
                    category: "places".into(),
                }],
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    store
        .add_journal_entry(
            &NewJournalEntry {
                body: "Quiet day".into(),
                tags: vec!["allotment".into()],
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    assert_eq!(store.search("oranges", 10).unwrap().len(), 1);
    assert_eq!(store.search("tramline", 10).unwrap().len(), 1);
    assert_eq!(store.search("allotment", 10).unwrap().len(), 1);
    let trigger = craving.triggers[0].id;
    store
        .update_trigger(
            trigger,
            &NewTrigger {
                name: "Viaduct".into(),
                category: "places".into(),
            },
        )
        .unwrap();
    assert!(store.search("tramline", 10).unwrap().is_empty());
    assert_eq!(store.search("viaduct", 10).unwrap().len(), 1);
    // Editing the craving's coping list re-indexes it.
    let mut edit = NewCraving {
        intensity: 5,
        coping: vec!["Cold water".into()],
        trigger_ids: vec![trigger],
        ..Default::default()
    };
    edit.note = None;
    store.update_craving(craving.id, &edit, &clock()).unwrap();
    assert!(store.search("oranges", 10).unwrap().is_empty());
    assert_eq!(store.search("water", 10).unwrap().len(), 1);
    // Erasing every entry leaves nothing behind in the index.
    for kind in [EntryKind::Craving, EntryKind::Journal] {
        for item in store
            .timeline(
                &TimelineQuery {
                    kinds: vec![kind],
                    ..Default::default()
                },
                &clock(),
            )
            .unwrap()
        {
            store.erase_entry(item.entry).unwrap();
        }
    }
    let indexed = count(
        &store,
        "SELECT (SELECT count(*) FROM search_craving) + (SELECT count(*) FROM search_journal)",
    );
    assert_eq!(indexed, 0);
}

#[test]
fn trigger_uses_leave_out_entries_marked_deleted() {
    let (_dir, store) = temp_store();
    let trigger = store.list_triggers(false).unwrap()[0].id;
    let with_trigger = NewCraving {
        intensity: 5,
        trigger_ids: vec![trigger],
        ..Default::default()
    };
    let first = store.add_craving(&with_trigger, &clock()).unwrap();
    store.add_craving(&with_trigger, &clock()).unwrap();
    store
        .add_lapse(
            &NewLapse {
                trigger_ids: vec![trigger],
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    assert_eq!(store.trigger(trigger).unwrap().uses, 3);
    let entry = EntryRef {
        kind: EntryKind::Craving,
        id: first.id.0,
    };
    store.delete_entry(entry, &clock()).unwrap();
    assert_eq!(store.trigger(trigger).unwrap().uses, 2);
    store.restore_entry(entry).unwrap();
    assert_eq!(store.trigger(trigger).unwrap().uses, 3);
}

#[test]
fn editing_a_missing_or_deleted_craving_or_lapse_is_not_found_and_writes_nothing() {
    let (_dir, store) = temp_store();
    let triggers = count(&store, "SELECT count(*) FROM trigger_item");
    let craving_edit = NewCraving {
        intensity: 4,
        new_triggers: vec![NewTrigger {
            name: "Never saved".into(),
            category: "times_and_situations".into(),
        }],
        ..Default::default()
    };
    let lapse_edit = NewLapse {
        learned: Some("never saved".into()),
        ..Default::default()
    };
    assert!(matches!(
        store.update_craving(crate::journal::CravingId(404), &craving_edit, &clock()),
        Err(Error::NotFound("craving"))
    ));
    assert!(matches!(
        store.update_lapse(crate::journal::LapseId(404), &lapse_edit, &clock()),
        Err(Error::NotFound("lapse"))
    ));

    let craving = store
        .add_craving(
            &NewCraving {
                intensity: 7,
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    let lapse = store.add_lapse(&NewLapse::default(), &clock()).unwrap();
    for entry in [
        EntryRef {
            kind: EntryKind::Craving,
            id: craving.id.0,
        },
        EntryRef {
            kind: EntryKind::Lapse,
            id: lapse.id.0,
        },
    ] {
        store.delete_entry(entry, &clock()).unwrap();
    }
    assert!(matches!(
        store.update_craving(craving.id, &craving_edit, &clock()),
        Err(Error::NotFound("craving"))
    ));
    assert!(matches!(
        store.update_lapse(lapse.id, &lapse_edit, &clock()),
        Err(Error::NotFound("lapse"))
    ));
    assert_eq!(
        count(&store, "SELECT count(*) FROM craving WHERE intensity = 7"),
        1
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM lapse WHERE learned IS NULL"),
        1
    );
    assert_eq!(count(&store, "SELECT count(*) FROM trigger_item"), triggers);
}

#[test]
fn search_returns_the_newest_matches_of_every_kind_up_to_the_limit() {
    let (_dir, store) = temp_store();
    for (day, hour) in [
        ("2026-11-18", "08"),
        ("2026-11-19", "08"),
        ("2026-11-21", "20"),
    ] {
        store
            .add_craving(
                &NewCraving {
                    intensity: 4,
                    occurred_at: Some(format!("{day}T{hour}:00:00+00:00")),
                    note: Some("lantern".into()),
                    ..Default::default()
                },
                &clock(),
            )
            .unwrap();
    }
    store
        .add_journal_entry(
            &NewJournalEntry {
                date: Some("2026-11-20".into()),
                body: "The lantern again".into(),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    let hits = store.search("lantern", 2).unwrap();
    let days: Vec<_> = hits
        .iter()
        .map(|h| (h.entry.kind, h.day.as_str()))
        .collect();
    assert_eq!(
        days,
        vec![
            (EntryKind::Craving, "2026-11-21"),
            (EntryKind::Journal, "2026-11-20")
        ]
    );
    assert_eq!(store.search("lantern", 10).unwrap().len(), 4);
}
