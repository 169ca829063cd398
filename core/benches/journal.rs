//! The journal's hot paths at ten years of heavy use: 10 cravings a day (with triggers, HALT,
//! coping and a note), a mood check-in, a check-in and a journal entry every day. Measures saving
//! a full craving, the timeline's default 30 days, full-text search, the trigger catalogue with
//! its counts, recovery time, and the SOS panel (with "what works" over every craving, a support
//! network, local helplines and a full plan). Run with
//! `cargo bench -p waymark-core --bench journal`.

mod fixture;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use waymark_core::journal::kind::TimelineQuery;
use waymark_core::journal::TriggerId;

use fixture::{clock_at, full_craving, full_vault, now, Use};

fn benches(c: &mut Criterion) {
    let (_dir, store) = full_vault(Use::JOURNAL);
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
