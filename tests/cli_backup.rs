//! `waymark backup create|list|verify|restore` on real encrypted vaults in temporary directories.
//!
//! Entries are logged through the CLI, backed up, changed, and restored; the lists read back
//! after the restore must equal the lists read before the backup. Refusals are checked by
//! hashing every file in the data directory before and after.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{clean_cmd, files_under, text, Journal, PASS};
use serde_json::Value;

const MARKER: &str = "QUOKKA-BACKUP-MARKER-x7";

/// Every file under `dir` with its contents, to prove nothing changed.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

fn seeded() -> Journal {
    let j = Journal::new();
    j.ok(&["craving", "add", "--intensity", "6", "--note", MARKER]);
    j.ok(&["craving", "add", "--intensity", "3"]);
    j.ok(&["mood", "add", "--mood", "7"]);
    j
}

fn backup_to(j: &Journal, name: &str) -> PathBuf {
    let out = j.scratch().join(name);
    let stdout = j.ok(&["backup", "create", "--out", out.to_str().unwrap()]);
    assert!(stdout.contains("encrypted backup"), "{stdout}");
    out
}

#[test]
fn create_verify_and_restore_round_trip() {
    let j = seeded();
    let cravings = j.list("craving");
    let moods = j.list("mood");
    let out = backup_to(&j, "mine.backup");

    let bytes = std::fs::read(&out).unwrap();
    assert!(!bytes.windows(MARKER.len()).any(|w| w == MARKER.as_bytes()));
    assert!(!bytes.windows(15).any(|w| w == b"SQLite format 3"));

    let verified = j.ok(&["backup", "verify", out.to_str().unwrap()]);
    let entries = cravings.len() + moods.len();
    assert!(
        verified.contains(&format!("Entries: {entries}")),
        "{verified}"
    );

    // Refuses to overwrite without --force, and leaves the file as it was.
    j.fails(
        &["backup", "create", "--out", out.to_str().unwrap()],
        b"",
        5,
        "--out",
    );
    assert_eq!(std::fs::read(&out).unwrap(), bytes);

    j.ok(&["craving", "add", "--intensity", "9"]);
    j.ok(&["craving", "delete", &cravings[0]["id"].to_string()]);
    assert_ne!(j.list("craving"), cravings);

    let restored = j.ok(&["backup", "restore", out.to_str().unwrap(), "--yes"]);
    assert!(restored.contains("kept in"), "{restored}");
    assert_eq!(j.list("craving"), cravings);
    assert_eq!(j.list("mood"), moods);
    // The replaced journal is kept, not deleted.
    let kept: Vec<_> = files_under(&j.dir.join("backups"))
        .into_iter()
        .filter(|p| p.ends_with("waymark.db"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
}

#[test]
fn backups_in_the_data_directory_are_listed() {
    let j = seeded();
    let empty = j.ok(&["backup", "list"]);
    assert!(empty.contains("No backups yet"), "{empty}");
    j.ok(&["backup", "create"]);
    j.ok(&["backup", "create"]);
    let listed = match j.json(&["backup", "list", "--json"]) {
        Value::Array(items) => items,
        other => panic!("{other}"),
    };
    assert_eq!(listed.len(), 2);
    for item in &listed {
        assert_eq!(item["kind"], "manual");
        let name = item["fileName"].as_str().unwrap();
        let size = std::fs::metadata(j.dir.join("backups").join(name))
            .unwrap()
            .len();
        assert_eq!(item["sizeBytes"].as_u64(), Some(size));
    }
    let table = j.ok(&["backup", "list"]);
    let rows = table.lines().filter(|l| l.contains("  manual  ")).count();
    assert_eq!(rows, 2, "{table}");
}

#[test]
fn a_backup_restores_onto_an_empty_data_directory() {
    let j = seeded();
    let cravings = j.list("craving");
    let out = backup_to(&j, "carried.backup");
    let fresh = j.scratch().join("new computer");
    clean_cmd(&fresh)
        .env("WAYMARK_RECOVERY_KEY", &j.key)
        .args(["backup", "restore", out.to_str().unwrap(), "--yes"])
        .assert()
        .success();
    let listed = clean_cmd(&fresh)
        .env("WAYMARK_PASSPHRASE", PASS)
        .args(["craving", "list", "--json"])
        .assert()
        .success();
    let listed: Value = serde_json::from_slice(&listed.get_output().stdout).unwrap();
    assert_eq!(listed, Value::Array(cravings));
}

#[test]
fn a_wrong_secret_exits_3_and_changes_nothing() {
    let j = seeded();
    let out = backup_to(&j, "mine.backup");
    let before = snapshot(&j.dir);
    let file = out.to_str().unwrap();
    for args in [
        vec!["backup", "verify", file],
        vec!["backup", "restore", file, "--yes"],
    ] {
        let assert = clean_cmd(&j.dir)
            .env("WAYMARK_PASSPHRASE", "not the passphrase it was made with")
            .args(&args)
            .assert()
            .code(3);
        let stderr = text(&assert.get_output().stderr);
        assert!(
            stderr.contains("current when the backup was made"),
            "{stderr}"
        );
        // Only the count of wrong passphrases changes (guessing at a backup is slowed like
        // guessing at the journal); the journal and its key file do not.
        let mut after = snapshot(&j.dir);
        assert!(
            after.remove(&j.dir.join("unlock-throttle.json")).is_some(),
            "the wrong passphrase is counted"
        );
        assert_eq!(after, before, "{args:?}");
    }
}

#[test]
fn a_damaged_backup_exits_6_and_changes_nothing() {
    let j = seeded();
    let out = backup_to(&j, "mine.backup");
    let bytes = std::fs::read(&out).unwrap();
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x04;
    let cases = [
        ("flipped", flipped),
        ("truncated", bytes[..bytes.len() - 10].to_vec()),
        ("not a backup", b"just some text".to_vec()),
    ];
    let before = snapshot(&j.dir);
    for (what, damaged) in cases {
        let path = j.scratch().join(format!("{what}.backup"));
        std::fs::write(&path, damaged).unwrap();
        for args in [
            vec!["backup", "verify", path.to_str().unwrap()],
            vec!["backup", "restore", path.to_str().unwrap(), "--yes"],
        ] {
            let stderr = j.fails(&args, b"", 6, "damaged or not a Waymark backup");
            assert!(stderr.contains("Nothing was changed"), "{what}: {stderr}");
            assert_eq!(snapshot(&j.dir), before, "{what}: {args:?}");
        }
    }
    j.fails(
        &["backup", "restore", "/no/such/file.backup", "--yes"],
        b"",
        5,
        "FILE",
    );
}

#[test]
fn restore_asks_for_yes_when_not_in_a_terminal() {
    let j = seeded();
    let out = backup_to(&j, "mine.backup");
    let before = snapshot(&j.dir);
    j.fails(
        &["backup", "restore", out.to_str().unwrap()],
        b"y\n",
        2,
        "--yes",
    );
    assert_eq!(snapshot(&j.dir), before);
}
