//! `passphrase change` killed during the KDF, while the new key slot file is written, and
//! right after its rename.

use std::time::{Duration, Instant};

use waymark_core::vault::{KeySlotFile, Vault};

use crate::common::{Journal, PASS};
use crate::durability::{
    self, assert_whole, passphrase, recovery, run, run_ok, seeded_rng, Ended, Kill,
};
use crate::serial;

/// The passphrases the change harness moves through, all strong enough to be accepted.
fn nth_passphrase(n: usize) -> String {
    if n == 0 {
        PASS.to_string()
    } else {
        format!("quiet meadow copper violin {n}")
    }
}

/// Which of `candidates` unwrap the data key from the key slot file as it is now, with the key
/// each unwrapped. Checked straight on the slot file (no unlock attempt is recorded), the
/// candidates in parallel: each is a full Argon2id run with the vault's real parameters.
fn passphrases_that_open(
    dir: &std::path::Path,
    candidates: &[String],
) -> Vec<(String, waymark_core::vault::DataKey)> {
    let bytes = std::fs::read(Vault::at(dir).keyslots_path()).expect("the key slot file exists");
    let slots = KeySlotFile::from_bytes(&bytes).expect("the key slot file is whole");
    std::thread::scope(|scope| {
        let checks: Vec<_> = candidates
            .iter()
            .map(|c| {
                let slots = &slots;
                scope.spawn(move || {
                    slots
                        .unwrap_key(&passphrase(c))
                        .ok()
                        .map(|k| (c.clone(), k))
                })
            })
            .collect();
        checks
            .into_iter()
            .filter_map(|h| h.join().expect("check thread"))
            .collect()
    })
}

#[test]
fn passphrase_change_killed_at_random_moments_leaves_one_passphrase_working() {
    let _serial = serial();
    let (mut rng, seed) = seeded_rng("passphrase change");
    // The template vault was made by `init`: its KDF parameters are the calibrated, real ones.
    let journal = Journal::new();
    let key = recovery(&journal.key);
    let started = Instant::now();
    let marker = format!("kept-through-changes-{seed}");
    let mut add = durability::waymark(&journal.dir);
    add.env("WAYMARK_RECOVERY_KEY", &journal.key)
        .args(["mood", "add", "--mood", "6", "--note", &marker]);
    let mood_id: i64 = run_ok(add).0.trim().parse().expect("an id");

    // Half the changes prove the right to change with the passphrase (two KDF runs), half with
    // the recovery key (one).
    let change_cmd = |current: &str, new: &str, with_recovery_key: bool| {
        let mut cmd = durability::waymark(&journal.dir);
        if with_recovery_key {
            cmd.env("WAYMARK_RECOVERY_KEY", &journal.key);
        } else {
            cmd.env("WAYMARK_PASSPHRASE", current);
        }
        cmd.env("WAYMARK_NEW_PASSPHRASE", new)
            .args(["passphrase", "change"]);
        cmd
    };
    let mut current = 0;
    let mut spans = [Duration::ZERO; 2];
    for (mode, span) in spans.iter_mut().enumerate() {
        let (_, took) = run_ok(change_cmd(
            &nth_passphrase(current),
            &nth_passphrase(current + 1),
            mode == 1,
        ));
        *span = took;
        current += 1;
    }
    eprintln!(
        "passphrase change: takes {:?} with the passphrase, {:?} with the recovery key",
        spans[0], spans[1]
    );

    let slots_path = Vault::at(&journal.dir).keyslots_path();
    let temp_path = journal.dir.join("keyslots.json.tmp");
    let inode = |path: &std::path::Path| {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).map(|m| m.ino()).ok()
    };
    let (mut kills, mut kept_old, mut took_new, mut completed) = (0, 0, 0, 0);
    let mut by_moment = [0; 3];
    let mut next = current + 1;
    while kills < 22 {
        assert!(next < 200, "too few kills landed: {kills}");
        // Most changes prove the right to change with the recovery key (one KDF run instead of
        // two), which keeps the harness quick.
        let with_recovery_key = rng.u8(0..3) != 0;
        let span = spans[usize::from(with_recovery_key)];
        let old = nth_passphrase(current);
        let new = nth_passphrase(next);
        next += 1;
        let before = inode(&slots_path);
        // The new key slot file is being written: the temp file exists, the rename is to come.
        // A temp file left by an earlier kill is stale: only one written by this run counts
        // (the margin covers the coarse clock file times are stamped with).
        let run_started = std::time::SystemTime::now() - Duration::from_millis(50);
        let temp_exists = || {
            std::fs::metadata(&temp_path)
                .and_then(|m| m.modified())
                .is_ok_and(|t| t >= run_started)
        };
        // The rename has happened: the directory's fsync, the message and the exit are left.
        let renamed = || inode(&slots_path) != before;
        let moment = rng.u8(0..10);
        let kill = match moment {
            0 => Kill::Never,
            1..=3 => Kill::After(Duration::from_micros(rng.u64(0..=span.as_micros() as u64))),
            4..=6 => Kill::When(&temp_exists, span * 3),
            _ => Kill::When(&renamed, span * 3),
        };
        let (ended, _) = run(change_cmd(&old, &new, with_recovery_key), kill);
        match ended {
            Ended::Exited { code: 0, .. } => {
                completed += 1;
                current = next - 1;
                continue;
            }
            Ended::Exited { code, stderr, .. } => panic!("the change failed with {code}: {stderr}"),
            Ended::Killed { .. } => {
                kills += 1;
                by_moment[match moment {
                    1..=3 => 0,
                    4..=6 => 1,
                    _ => 2,
                }] += 1;
            }
        }
        let opens = passphrases_that_open(&journal.dir, &[old.clone(), new.clone()]);
        let context = format!("kill {kills}");
        assert_eq!(
            opens.len(),
            1,
            "{context}: exactly one passphrase must open it"
        );
        let (working, data_key) = &opens[0];
        if *working == new {
            took_new += 1;
            current = next - 1;
        } else {
            kept_old += 1;
        }
        // The key the working passphrase unwrapped opens the database (as `Vault::unlock` would
        // with it, without a third Argon2id run), and so does the recovery key.
        let store =
            waymark_core::store::Store::open(&Vault::at(&journal.dir).database_path(), data_key)
                .unwrap_or_else(|e| panic!("{context}: the database did not open: {e}"));
        let mood = store
            .mood(waymark_core::journal::MoodId(mood_id))
            .unwrap_or_else(|e| panic!("{context}: the entry is gone: {e}"));
        assert_eq!(mood.note.as_deref(), Some(marker.as_str()), "{context}");
        drop(store);
        assert_whole(&journal.dir, &key, &context);
    }
    eprintln!(
        "passphrase change: {kills} kills ({} at a random time, {} while the new key file was \
         written, {} after its rename); {kept_old} kept the old passphrase, {took_new} had the \
         new one; {completed} changes finished; {:?} in all",
        by_moment[0],
        by_moment[1],
        by_moment[2],
        started.elapsed()
    );
}
