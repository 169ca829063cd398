//! Damaged files: truncated or bit-flipped databases and key files, a lost WAL, a full disk.
//! Each is met through the real CLI (and core where the app would meet it there): a clear
//! message naming the file and pointing to the backups, the documented exit code, no panic, and
//! not one byte of the data directory changed, so the damaged file can still be handed to
//! someone who recovers data.

mod common;
mod durability;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use waymark_core::vault::Vault;
use waymark_core::ErrorCode;

use common::Journal;
use durability::{json_list, recovery, run, snapshot, Ended, Kill};

/// The documented exit code for a damaged journal (src-tauri/cli/error.rs).
const EXIT_DAMAGED: i32 = 6;
/// The documented exit code for a wrong passphrase or recovery key.
const EXIT_WRONG_SECRET: i32 = 3;
/// The documented exit code for failures not covered by another code (storage among them).
const EXIT_FAILURE: i32 = 1;

/// A journal holding a few entries of each kind, and what `craving list --json` showed.
struct Prepared {
    journal: Journal,
    cravings: Vec<Value>,
}

fn prepared() -> Prepared {
    let journal = Journal::new();
    for i in 0..4 {
        journal.ok(&[
            "craving",
            "add",
            "--intensity",
            "6",
            "--new-trigger",
            &format!("damage-test-{i}:places"),
            "--note",
            &"a note long enough to take some room in the pages. ".repeat(20),
        ]);
        journal.ok(&["mood", "add", "--mood", "4"]);
    }
    let cravings = journal.list("craving");
    assert_eq!(cravings.len(), 4);
    Prepared { journal, cravings }
}

impl Prepared {
    /// A copy of the prepared data directory, to damage.
    fn copy(&self, name: &str) -> PathBuf {
        let dir = self.journal.scratch().join(name);
        durability::copy_dir(&self.journal.dir, &dir);
        dir
    }

    /// The CLI on data directory `dir`, unlocked with the recovery key (no wrong-passphrase
    /// delay can get in the way).
    fn cli(&self, dir: &Path, args: &[&str]) -> Ended {
        let mut cmd = durability::waymark(dir);
        cmd.env("WAYMARK_RECOVERY_KEY", &self.journal.key)
            .args(args);
        run(cmd, Kill::Never).0
    }
}

fn database(dir: &Path) -> PathBuf {
    Vault::at(dir).database_path()
}

fn keyslots(dir: &Path) -> PathBuf {
    Vault::at(dir).keyslots_path()
}

fn flip_bit(path: &Path, offset: usize) {
    let mut bytes = std::fs::read(path).unwrap();
    bytes[offset] ^= 0x04;
    std::fs::write(path, bytes).unwrap();
}

fn truncate(path: &Path, len: usize) {
    let bytes = std::fs::read(path).unwrap();
    std::fs::write(path, &bytes[..len]).unwrap();
}

/// Asserts the failure is one clear line naming `file` and the way back (a backup), with exit
/// `code`, nothing on stdout and no panic.
fn assert_clear_failure(ended: &Ended, code: i32, file: &str, case: &str) {
    let Ended::Exited {
        code: got,
        stdout,
        stderr,
    } = ended
    else {
        panic!("{case}: the CLI did not exit by itself");
    };
    assert!(!stderr.contains("panicked"), "{case}: {stderr}");
    assert_eq!(*got, code, "{case}: {stderr}");
    assert!(stdout.is_empty(), "{case}: printed {stdout}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{case}: one clear line, not: {stderr}");
    assert!(lines[0].starts_with("waymark: "), "{case}: {stderr}");
    assert!(
        lines[0].contains(file),
        "{case}: does not name {file}: {stderr}"
    );
    assert!(
        lines[0].contains("waymark backup restore"),
        "{case}: does not point to the backups: {stderr}"
    );
}

/// Asserts no file under `dir` changed, appeared or went away since `before`.
fn assert_untouched(dir: &Path, before: &BTreeMap<PathBuf, Vec<u8>>, case: &str) {
    let after = snapshot(dir);
    let names = |s: &BTreeMap<PathBuf, Vec<u8>>| s.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&after), names(before), "{case}: files came or went");
    for (path, bytes) in before {
        assert!(after[path] == *bytes, "{case}: {} changed", path.display());
    }
}

/// Runs `craving list --json` on `dir`, which must be refused as damaged with `file` named,
/// leaving every byte as it was.
fn assert_refused_as_damaged(p: &Prepared, dir: &Path, file: &str, case: &str) {
    let before = snapshot(dir);
    let ended = p.cli(dir, &["craving", "list", "--json"]);
    assert_clear_failure(&ended, EXIT_DAMAGED, file, case);
    assert_untouched(dir, &before, case);
}

/// Damage that a command may not meet (a page it never reads): the command either refuses as
/// damaged or shows exactly the old entries, and the full check (every page) always reports it.
/// Returns whether the command itself noticed.
fn assert_caught(p: &Prepared, dir: &Path, case: &str) -> bool {
    let before = snapshot(dir);
    let ended = p.cli(dir, &["craving", "list", "--json"]);
    let noticed = match &ended {
        Ended::Exited {
            code: 0, stdout, ..
        } => {
            assert_eq!(json_list(stdout), p.cravings, "{case}: wrong entries shown");
            false
        }
        _ => {
            assert_clear_failure(&ended, EXIT_DAMAGED, "waymark.db", case);
            true
        }
    };
    match Vault::at(dir).unlock(&recovery(&p.journal.key)) {
        Err(e) => assert_eq!(e.code(), ErrorCode::Damaged, "{case}: {e}"),
        Ok(store) => {
            let report = store.integrity_report().expect("the check runs");
            assert!(!report.is_ok(), "{case}: the full check missed the damage");
        }
    }
    assert_untouched(dir, &before, case);
    noticed
}

#[path = "damaged_files/backups.rs"]
mod backups;
#[path = "damaged_files/database.rs"]
mod database;
#[path = "damaged_files/full_disk.rs"]
mod full_disk;
#[path = "damaged_files/keyslots.rs"]
mod keyslots;
