//! `backup restore` killed while it stages the backup and while it swaps the files in.

use std::time::{Duration, Instant};

use serde_json::Value;
use waymark_core::vault::Vault;

use crate::common::Journal;
use crate::durability::{self, recovery, run, run_ok, seeded_rng, Ended, Kill};
use crate::serial;

/// A second vault made by `init`, unrelated to the template: its own data key and recovery key.
fn other_vault(root: &std::path::Path) -> (std::path::PathBuf, String) {
    let dir = root.join("other-vault");
    let mut init = durability::waymark(&dir);
    init.env("WAYMARK_PASSPHRASE", "quiet meadow copper violin")
        .arg("init");
    let stdout = run_ok(init).0;
    let key = stdout
        .split_whitespace()
        .find(|w| w.len() == 39 && w.matches('-').count() == 7)
        .expect("recovery key printed")
        .to_string();
    (dir, key)
}

/// The cravings of the vault in `dir` opened with `credential` (serialised as the CLI prints
/// them), or why it did not open.
fn cravings_with(
    dir: &std::path::Path,
    credential: &waymark_core::vault::Credential,
) -> Result<Vec<Value>, waymark_core::Error> {
    let store = Vault::at(dir).unlock(credential)?;
    let report = store.integrity_report()?;
    assert!(report.is_ok(), "the database is damaged: {report:?}");
    match serde_json::to_value(store.list_cravings(u32::MAX)?).expect("serialise") {
        Value::Array(items) => Ok(items),
        other => panic!("expected a list: {other}"),
    }
}

#[test]
fn backup_restore_killed_at_random_moments_leaves_the_old_or_the_backup_journal() {
    let _serial = serial();
    let (mut rng, _seed) = seeded_rng("backup restore");
    let started = Instant::now();
    // The journal being replaced (the template) and the one the backup comes from.
    let journal = Journal::new();
    let (other_dir, other_key) = other_vault(journal.scratch());
    let add = |dir: &std::path::Path, key: &str, note: &str| {
        let mut cmd = durability::waymark(dir);
        cmd.env("WAYMARK_RECOVERY_KEY", key).args([
            "craving",
            "add",
            "--intensity",
            "4",
            "--note",
            note,
        ]);
        run_ok(cmd);
    };
    for i in 0..3 {
        add(&journal.dir, &journal.key, &format!("old journal {i}"));
        add(&other_dir, &other_key, &format!("backed-up journal {i}"));
    }
    let backup = journal.scratch().join("other.waymark-backup");
    let mut create = durability::waymark(&other_dir);
    create
        .env("WAYMARK_RECOVERY_KEY", &other_key)
        .args(["backup", "create", "--out"])
        .arg(&backup);
    run_ok(create);
    let old_key = recovery(&journal.key);
    let backup_key = recovery(&other_key);
    let old_cravings = cravings_with(&journal.dir, &old_key).expect("the old journal opens");
    let backup_cravings = cravings_with(&other_dir, &backup_key).expect("the other opens");
    assert_ne!(old_cravings, backup_cravings);
    let pristine = journal.scratch().join("pristine");
    durability::copy_dir(&journal.dir, &pristine);

    let restore_cmd = || {
        let mut cmd = durability::waymark(&journal.dir);
        cmd.env("WAYMARK_RECOVERY_KEY", &other_key)
            .args(["backup", "restore", "--yes"])
            .arg(&backup);
        cmd
    };
    let (_, span) = run_ok(restore_cmd());
    eprintln!("backup restore: takes {span:?}");

    let staged = journal.dir.join("waymark.db.restoring");
    let marker = journal.dir.join("restore-in-progress.json");
    let (mut kills, mut kept_old, mut restored, mut completed) = (0, 0, 0, 0);
    let mut by_moment = [0; 3];
    let mut runs = 0;
    while kills < 24 {
        runs += 1;
        assert!(runs < 200, "too few kills landed: {kills}");
        // Every run starts from the old journal as it was.
        std::fs::remove_dir_all(&journal.dir).unwrap();
        durability::copy_dir(&pristine, &journal.dir);
        let staging = || staged.exists();
        let swapping = || marker.exists();
        let moment = rng.u8(0..10);
        let kill = match moment {
            0 => Kill::Never,
            1..=3 => Kill::After(Duration::from_micros(rng.u64(0..=span.as_micros() as u64))),
            4..=6 => Kill::When(&staging, span * 3),
            _ => Kill::When(&swapping, span * 3),
        };
        match run(restore_cmd(), kill).0 {
            Ended::Exited { code: 0, .. } => {
                completed += 1;
                continue;
            }
            Ended::Exited { code, stderr, .. } => panic!("restore failed with {code}: {stderr}"),
            Ended::Killed { .. } => {
                kills += 1;
                by_moment[match moment {
                    1..=3 => 0,
                    4..=6 => 1,
                    _ => 2,
                }] += 1;
            }
        }
        let context = format!("kill {kills}");
        // Unlocking first finishes (or sweeps) an interrupted restore, as the app's next start
        // does; then exactly one of the two journals is there, whole.
        let by_old = cravings_with(&journal.dir, &old_key);
        let by_backup = cravings_with(&journal.dir, &backup_key);
        match (by_old, by_backup) {
            (Ok(cravings), Err(e)) => {
                assert_eq!(e.code(), waymark_core::ErrorCode::WrongSecret, "{context}");
                assert_eq!(
                    cravings, old_cravings,
                    "{context}: not the old journal's data"
                );
                kept_old += 1;
            }
            (Err(e), Ok(cravings)) => {
                assert_eq!(e.code(), waymark_core::ErrorCode::WrongSecret, "{context}");
                assert_eq!(
                    cravings, backup_cravings,
                    "{context}: not the backup's data"
                );
                restored += 1;
            }
            (old, new) => panic!("{context}: opens with old: {old:?}, with backup: {new:?}"),
        }
    }
    eprintln!(
        "backup restore: {kills} kills ({} at a random time, {} while staging, {} during the \
         swap); {kept_old} left the old journal, {restored} the backup's; {completed} restores \
         finished; {:?} in all",
        by_moment[0],
        by_moment[1],
        by_moment[2],
        started.elapsed()
    );
}
