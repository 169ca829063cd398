//! The journal's hot paths at ten years of heavy use: 10 cravings a day (with triggers, HALT,
//! coping and a note), a mood check-in, a check-in and a journal entry every day. Measures saving
//! a full craving, the timeline's default 30 days, full-text search, the trigger catalogue with
//! its counts, and recovery time. Run with `cargo bench -p waymark-core --bench journal`.

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use waymark_core::journal::clock::FixedClock;
use waymark_core::journal::kind::TimelineQuery;
use waymark_core::journal::{
    CheckinAnswers, CravingOutcome, Halt, NewCheckin, NewCraving, NewJournalEntry, NewLapse,
    NewMood, ProfileInput, TriggerId,
};
use waymark_core::store::Store;
use waymark_core::vault::{KdfParams, Vault};

const YEARS: i64 = 10;
const CRAVINGS_PER_DAY: i64 = 10;

fn now() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 22, 21, 0, 0)
        .unwrap()
}

fn clock_at(t: DateTime<FixedOffset>) -> FixedClock {
    FixedClock(t)
}

const WORDS: &[&str] = &[
    "walked", "river", "called", "sponsor", "tired", "work", "sister", "meeting", "rain", "bus",
    "kitchen", "music", "payday", "quiet", "garden", "coffee", "evening", "shift", "friend",
    "worried",
];

fn sentence(seed: i64, words: usize) -> String {
    (0..words)
        .map(|i| WORDS[((seed * 31 + i as i64 * 7) % WORDS.len() as i64) as usize])
        .collect::<Vec<_>>()
        .join(" ")
}

fn full_craving(seed: i64, at: Option<String>, triggers: &[TriggerId]) -> NewCraving {
    NewCraving {
        intensity: (seed % 11) as i32,
        occurred_at: at,
        duration_minutes: Some((seed % 45) as i32 + 5),
        trigger_ids: vec![
            triggers[(seed as usize) % triggers.len()],
            triggers[(seed as usize * 7 + 3) % triggers.len()],
        ],
        halt: Halt {
            hungry: seed % 2 == 0,
            tired: seed % 3 == 0,
            ..Default::default()
        },
        place: Some("home".into()),
        coping: vec!["Urge surfing".into(), "Walked round the block".into()],
        outcome: Some(CravingOutcome::Passed),
        intensity_after: Some(2),
        note: Some(sentence(seed, 12)),
        ..Default::default()
    }
}

/// A vault with ten years of heavy use. The Argon2 cost is the minimum: unlocking is measured
/// by the `vault` benchmark, not here.
fn full_vault() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::at(dir.path().join("data"));
    let (store, _) = vault
        .create_with_params("harbour lantern pickle seven", KdfParams::MINIMUM)
        .unwrap();
    let triggers: Vec<TriggerId> = store
        .list_triggers(false)
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    let days = YEARS * 365;
    let end = now();
    let cravings: Vec<NewCraving> = (0..days * CRAVINGS_PER_DAY)
        .map(|i| {
            let at = end - Duration::minutes(i * 24 * 60 / CRAVINGS_PER_DAY + 30);
            full_craving(i, Some(at.to_rfc3339()), &triggers)
        })
        .collect();
    store.add_cravings(&cravings, &clock_at(end)).unwrap();
    for day in 0..days {
        let at = end - Duration::days(day);
        let clock = clock_at(at);
        store
            .add_mood(
                &NewMood {
                    mood: (day % 10) as i32 + 1,
                    feelings: vec!["calm".into()],
                    note: Some(sentence(day, 8)),
                    ..Default::default()
                },
                &clock,
            )
            .unwrap();
        store
            .add_journal_entry(
                &NewJournalEntry {
                    body: sentence(day, 120),
                    went_well: Some(sentence(day + 1, 6)),
                    tags: vec!["work".into()],
                    ..Default::default()
                },
                &clock,
            )
            .unwrap();
        store
            .add_checkin(
                &NewCheckin {
                    answers: CheckinAnswers {
                        slept_well: Some(day % 2 == 0),
                        used_today: Some(false),
                        ..Default::default()
                    },
                    day_rating: Some(7),
                    ..Default::default()
                },
                &clock,
            )
            .unwrap();
        if day % 90 == 45 {
            store
                .add_lapse(
                    &NewLapse {
                        restarts_counter: true,
                        learned: Some(sentence(day, 20)),
                        ..Default::default()
                    },
                    &clock,
                )
                .unwrap();
        }
    }
    store
        .set_profile(
            &ProfileInput {
                recovery_start: Some((end - Duration::days(days)).date_naive().to_string()),
                region: Some("uk".into()),
                medication: None,
            },
            &clock_at(end),
        )
        .unwrap();
    (dir, store)
}

fn benches(c: &mut Criterion) {
    let (_dir, store) = full_vault();
    let triggers: Vec<TriggerId> = store
        .list_triggers(false)
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    let clock = clock_at(now());
    let mut group = c.benchmark_group("journal (10 years of heavy use)");
    group.bench_function("save a full craving", |b| {
        let mut seed = 0;
        b.iter_batched(
            || {
                seed += 1;
                full_craving(seed, None, &triggers)
            },
            |input| store.add_craving(&input, &clock).unwrap(),
            BatchSize::SmallInput,
        );
    });
    group.bench_function("timeline, last 30 days, every kind", |b| {
        b.iter(|| store.timeline(&TimelineQuery::default(), &clock).unwrap());
    });
    group.bench_function("search a common word (best 50)", |b| {
        b.iter(|| store.search("river", 50).unwrap());
    });
    group.bench_function("search two words (best 50)", |b| {
        b.iter(|| store.search("sponsor garden", 50).unwrap());
    });
    group.bench_function("trigger catalogue with counts", |b| {
        b.iter(|| store.list_triggers(true).unwrap());
    });
    group.bench_function("recovery summary", |b| {
        b.iter(|| store.recovery_summary(&clock).unwrap());
    });
    group.finish();
}

criterion_group!(journal_benches, benches);
criterion_main!(journal_benches);
