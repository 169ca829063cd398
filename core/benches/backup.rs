//! Backups at ten years of heavy use (the `insights` fixture): making one (a `VACUUM INTO` copy,
//! hashing, writing the file) and checking one in full (hash, unwrap, MAC, integrity checks).
//! Prints the database and backup sizes once. Run with
//! `cargo bench -p waymark-core --bench backup` (building the vault takes a few minutes).

mod fixture;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use waymark_core::backup::{verify_backup, write_backup, BackupKind};
use waymark_core::vault::{Credential, Vault};
use zeroize::Zeroizing;

use fixture::{clock_at, full_vault, now, Use};

fn backup(c: &mut Criterion) {
    let (dir, store) = full_vault(Use::INSIGHTS);
    let vault = Vault::at(dir.path().join("data"));
    let clock = clock_at(now());
    let out = dir.path().join("bench.backup");
    write_backup(&store, &vault, &out, BackupKind::Manual, &clock).unwrap();
    let db_len = std::fs::metadata(vault.database_path()).unwrap().len();
    let backup_len = std::fs::metadata(&out).unwrap().len();
    eprintln!(
        "database {:.1} MiB, backup {:.1} MiB",
        db_len as f64 / 1048576.0,
        backup_len as f64 / 1048576.0
    );
    let mut group = c.benchmark_group("backup");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("create, ten years", |b| {
        b.iter(|| write_backup(&store, &vault, &out, BackupKind::Manual, &clock).unwrap())
    });
    let credential = Credential::Passphrase(Zeroizing::new("harbour lantern pickle seven".into()));
    group.bench_function("verify, ten years (minimum Argon2 cost)", |b| {
        b.iter(|| verify_backup(&vault, &out, &credential).unwrap())
    });
    group.finish();
}

criterion_group!(benches, backup);
criterion_main!(benches);
