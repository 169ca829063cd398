//! Hot paths at ten years of heavy use: unlocking, and saving or listing cravings in a vault
//! holding 100,000 of them. Run with `cargo bench -p waymark-core`.

use chrono::{Duration, FixedOffset, TimeZone};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use waymark_core::journal::clock::FixedClock;
use waymark_core::journal::NewCraving;
use waymark_core::vault::{Credential, Vault};
use zeroize::Zeroizing;

const PASS: &str = "harbour lantern pickle seven";
const CRAVINGS: usize = 100_000;

fn clock() -> FixedClock {
    let offset = FixedOffset::east_opt(3600).unwrap();
    FixedClock(offset.with_ymd_and_hms(2026, 11, 22, 15, 0, 0).unwrap())
}

fn passphrase() -> Credential {
    Credential::Passphrase(Zeroizing::new(PASS.to_string()))
}

/// A vault with calibrated KDF parameters (as a real user gets) and 100,000 cravings spread over
/// ten years, each with a short note.
fn full_vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::at(dir.path().join("data"));
    let (store, _) = vault.create(PASS).unwrap();
    let now = clock().0;
    let step = Duration::minutes(10 * 365 * 24 * 60 / CRAVINGS as i64);
    let inputs: Vec<NewCraving> = (0..CRAVINGS)
        .map(|i| NewCraving {
            intensity: (i % 11) as i32,
            occurred_at: Some((now - step * (i as i32 + 1)).to_rfc3339()),
            note: Some(format!("craving number {i}, after a long day")),
            ..Default::default()
        })
        .collect();
    store.add_cravings(&inputs, &clock()).unwrap();
    assert_eq!(store.count_cravings().unwrap(), CRAVINGS as u64);
    (dir, vault)
}

fn benches(c: &mut Criterion) {
    let (_dir, vault) = full_vault();

    let mut group = c.benchmark_group("vault");
    group.sample_size(10);
    group.bench_function("unlock (calibrated Argon2id, 100k cravings)", |b| {
        b.iter(|| vault.unlock(&passphrase()).unwrap());
    });
    group.finish();

    let store = vault.unlock(&passphrase()).unwrap();
    let mut group = c.benchmark_group("cravings");
    group.bench_function("save one craving (100k stored)", |b| {
        b.iter_batched(
            || NewCraving {
                intensity: 6,
                occurred_at: None,
                note: Some("benchmark note".into()),
                ..Default::default()
            },
            |input| store.add_craving(&input, &clock()).unwrap(),
            BatchSize::SmallInput,
        );
    });
    group.bench_function("list newest 50 (100k stored)", |b| {
        b.iter(|| store.list_cravings(50).unwrap());
    });
    group.finish();
}

criterion_group!(vault_benches, benches);
criterion_main!(vault_benches);
