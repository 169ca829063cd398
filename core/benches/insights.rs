//! Insights at ten years of heavy use (10 cravings, 3 mood check-ins, a check-in and a journal
//! entry every day, and a twice-weekly meeting): the home dashboard, every chart's figures over
//! the last 365 days, the counsellor summary's data over the same year, and that year's summary
//! as a PDF. Targets: dashboard under 50 ms, 1-year PDF under 1 s. Run with
//! `cargo bench -p waymark-core --bench insights` (building the vault takes a few minutes).

mod fixture;

use criterion::{criterion_group, criterion_main, Criterion};
use waymark_core::export::{export_bytes, ExportFormat, SummaryRequest, SummarySection};
use waymark_core::insights::ValidRange;
use waymark_core::journal::clock::FixedClock;
use waymark_core::store::Store;

use fixture::{clock_at, full_vault, now, Use};

/// The last 365 days, today included.
fn last_year() -> ValidRange {
    ValidRange::last_days(now().date_naive(), 365)
}

/// The summary a person would send before a session: every section but the journal's text, no
/// notes.
fn year_request() -> SummaryRequest {
    SummaryRequest {
        range: last_year().to_day_range(),
        sections: SummarySection::defaults(),
        include_notes: false,
    }
}

fn figures(c: &mut Criterion, store: &Store, clock: &FixedClock) {
    let mut group = c.benchmark_group("insights (10 years of heavy use)");
    group.bench_function("dashboard", |b| {
        b.iter(|| store.dashboard(clock).unwrap());
    });
    group.bench_function("insights, last 365 days", |b| {
        b.iter(|| store.insights(last_year()).unwrap());
    });
    group.bench_function("summary report, last 365 days", |b| {
        b.iter(|| store.summary_report(&year_request(), clock).unwrap());
    });
    group.finish();
}

/// Kept apart from [`figures`] so it can be measured, or left out, on its own.
fn pdf(c: &mut Criterion, store: &Store, clock: &FixedClock) {
    let mut group = c.benchmark_group("insights (10 years of heavy use)");
    group.sample_size(10);
    group.bench_function("summary PDF, last 365 days", |b| {
        b.iter(|| export_bytes(store, &year_request(), ExportFormat::Pdf, clock).unwrap());
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let (_dir, store) = full_vault(Use::INSIGHTS);
    let clock = clock_at(now());
    figures(c, &store, &clock);
    pdf(c, &store, &clock);
}

criterion_group!(insights_benches, benches);
criterion_main!(insights_benches);
