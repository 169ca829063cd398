//! The journal's hot paths at ten years of heavy use: 10 cravings a day (with triggers, HALT,
//! coping and a note), a mood check-in, a check-in and a journal entry every day. Measures saving
//! a full craving, the timeline's default 30 days, full-text search, the trigger catalogue with
//! its counts, recovery time, and the SOS panel (with "what works" over every craving, a support
//! network, local helplines and a full plan). Run with
//! `cargo bench -p waymark-core --bench journal`.

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use waymark_core::journal::clock::FixedClock;
use waymark_core::journal::kind::TimelineQuery;
use waymark_core::journal::{
    CheckinAnswers, CravingOutcome, Halt, NewCheckin, NewCraving, NewJournalEntry, NewLapse,
    NewMood, ProfileInput, TriggerId,
};
use waymark_core::library::coping_library;
use waymark_core::plan::{IfThenPlan, RelapsePlan, WarningSign, WarningSignKind, WarningSignStage};
use waymark_core::store::Store;
use waymark_core::support::{NewContact, NewLocalHelpline};
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
        // One line names a built-in strategy (so "what works" has links to count), one is free
        // text.
        coping: vec![
            coping_library().strategy[(seed % 8) as usize].title.clone(),
            "Walked round the block".into(),
        ],
        outcome: Some(if seed % 4 == 0 {
            CravingOutcome::Used
        } else {
            CravingOutcome::Passed
        }),
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
    support_and_plan(&store, &clock_at(end));
    (dir, store)
}

/// A full support network, local helplines, some starred strategies and a long plan.
fn support_and_plan(store: &Store, clock: &FixedClock) {
    for i in 0..12 {
        store
            .add_contact(
                &NewContact {
                    name: format!("Contact {i}"),
                    role: ["sponsor", "family", "friend", "peer"][i % 4].into(),
                    phone: Some(format!("07700 900{i:03}")),
                    email: Some(format!("person{i}@example.org")),
                    notes: Some(sentence(i as i64, 10)),
                },
                clock,
            )
            .unwrap();
    }
    for i in 0..4 {
        store
            .add_local_helpline(
                &NewLocalHelpline {
                    name: format!("Local line {i}"),
                    number: format!("0161 000 000{i}"),
                    note: Some(sentence(i, 6)),
                },
                clock,
            )
            .unwrap();
    }
    for s in store.list_strategies(false).unwrap().iter().step_by(7) {
        store.set_strategy_starred(s.id, true).unwrap();
    }
    let lines = |n: usize| (0..n).map(|i| sentence(i as i64, 12)).collect::<Vec<_>>();
    let plan = RelapsePlan {
        reasons: lines(20),
        warning_signs: (0..30)
            .map(|i| WarningSign {
                kind: WarningSignKind::ALL[i % 3],
                stage: WarningSignStage::ALL[i / 10],
                text: sentence(i as i64, 12),
            })
            .collect(),
        high_risk_situations: (0..20)
            .map(|i| IfThenPlan {
                situation: sentence(i, 8),
                plan: sentence(i + 1, 12),
            })
            .collect(),
        people_to_call: lines(10),
        safe_places: lines(10),
        safe_activities: lines(20),
        aftercare: lines(10),
    };
    store.set_plan(&plan, clock).unwrap();
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
    group.bench_function("SOS panel (sos_summary)", |b| {
        b.iter(|| store.sos_summary().unwrap());
    });
    group.bench_function("what works for me", |b| {
        b.iter(|| store.what_works().unwrap());
    });
    group.finish();
}

criterion_group!(journal_benches, benches);
criterion_main!(journal_benches);
