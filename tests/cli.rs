//! The `waymark` CLI on real encrypted vaults in temporary directories.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const PASS: &str = "harbour lantern pickle seven";
const NEW_PASS: &str = "quiet meadow copper violin";

/// A temporary data directory with helpers to run the CLI against it.
struct Fixture {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

impl Fixture {
    fn empty() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        Self { _tmp: tmp, dir }
    }

    /// A fixture with a vault created with [`PASS`]; returns it and the recovery key.
    fn initialised() -> (Self, String) {
        let f = Self::empty();
        let out = f
            .cmd()
            .env("WAYMARK_PASSPHRASE", PASS)
            .arg("init")
            .assert()
            .success();
        let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let key = stdout
            .split_whitespace()
            .find(|w| w.len() == 39 && w.matches('-').count() == 7)
            .expect("recovery key printed")
            .to_string();
        (f, key)
    }

    /// The CLI with a clean environment pointing at this fixture's data directory.
    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("waymark").unwrap();
        for var in [
            "WAYMARK_PASSPHRASE",
            "WAYMARK_NEW_PASSPHRASE",
            "WAYMARK_RECOVERY_KEY",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("WAYMARK_DATA_DIR", &self.dir);
        cmd
    }

    fn unlocked(&self) -> Command {
        let mut cmd = self.cmd();
        cmd.env("WAYMARK_PASSPHRASE", PASS);
        cmd
    }

    fn cravings(&self) -> Vec<Value> {
        let out = self
            .unlocked()
            .args(["craving", "list", "--json"])
            .assert()
            .success();
        serde_json::from_slice::<Value>(&out.get_output().stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }

    fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        files_under(&self.dir)
            .into_iter()
            .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
            .collect()
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.extend(files_under(&path));
            } else {
                out.push(path);
            }
        }
    }
    out
}

#[test]
fn init_prints_a_recovery_key_once_and_refuses_a_second_time() {
    let (f, key) = Fixture::initialised();
    assert_eq!(key.len(), 39);
    let before = f.snapshot();
    f.cmd()
        .env("WAYMARK_PASSPHRASE", NEW_PASS)
        .arg("init")
        .assert()
        .code(4)
        .stderr(predicate::str::contains("already exists"))
        .stdout(predicate::str::is_empty());
    assert_eq!(f.snapshot(), before);
}

#[test]
fn init_with_a_weak_passphrase_writes_nothing() {
    let f = Fixture::empty();
    f.cmd()
        .env("WAYMARK_PASSPHRASE", "password")
        .arg("init")
        .assert()
        .code(5)
        .stderr(predicate::str::contains("passphrase"));
    assert!(!f.dir.exists());
}

#[test]
fn cravings_are_added_and_listed_newest_first() {
    let (f, _) = Fixture::initialised();
    let first = f
        .unlocked()
        .args([
            "craving",
            "add",
            "--intensity",
            "7",
            "--at",
            "2026-11-20T08:15:00+01:00",
            "--note",
            "after the call",
        ])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&first.get_output().stdout).trim(),
        "1"
    );
    let second = f
        .unlocked()
        .args(["craving", "add", "--intensity", "3", "--json"])
        .assert()
        .success();
    let saved: Value = serde_json::from_slice(&second.get_output().stdout).unwrap();
    assert_eq!(saved["id"], 2);
    assert_eq!(saved["intensity"], 3);
    assert_eq!(saved["note"], Value::Null);

    let listed = f.cravings();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["id"], 2, "the newer craving comes first");
    assert_eq!(
        listed[1]["occurredAt"], "2026-11-20T08:15:00+01:00",
        "the offset is kept"
    );
    assert_eq!(listed[1]["note"], "after the call");

    f.unlocked()
        .args(["craving", "list"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("after the call").and(predicate::str::contains("INTENSITY")),
        );
}

#[test]
fn invalid_input_is_refused_specifically_and_writes_nothing() {
    let (f, _) = Fixture::initialised();
    f.unlocked()
        .args(["craving", "add", "--intensity", "4"])
        .assert()
        .success();
    let before = f.cravings();
    let long_note = "x".repeat(10_001);
    let cases: [(&[&str], &str); 5] = [
        (&["--intensity", "11"], "--intensity"),
        (&["--intensity", "-1"], "--intensity"),
        (&["--intensity", "5", "--at", "yesterday"], "--at"),
        (
            &["--intensity", "5", "--at", "2999-01-01T00:00:00Z"],
            "--at",
        ),
        (&["--intensity", "5", "--note", &long_note], "--note"),
    ];
    for (args, flag) in cases {
        f.unlocked()
            .args(["craving", "add"])
            .args(args)
            .assert()
            .code(5)
            .stderr(predicate::str::contains(flag));
    }
    f.unlocked()
        .args(["craving", "add", "--intensity", "seven"])
        .assert()
        .code(2);
    assert_eq!(f.cravings(), before);
}

#[test]
fn error_messages_never_repeat_the_rejected_text() {
    let (f, _) = Fixture::initialised();
    f.unlocked()
        .args([
            "craving",
            "add",
            "--intensity",
            "5",
            "--note",
            "private-words\u{1}here",
        ])
        .assert()
        .code(5)
        .stderr(
            predicate::str::contains("control character")
                .and(predicate::str::contains("private-words").not()),
        );
}

#[test]
fn a_wrong_passphrase_exits_3_and_changes_nothing() {
    let (f, _) = Fixture::initialised();
    f.unlocked()
        .args(["craving", "add", "--intensity", "6"])
        .assert()
        .success();
    let before = f.snapshot();
    f.cmd()
        .env("WAYMARK_PASSPHRASE", "harbour lantern pickle seveN")
        .args(["craving", "add", "--intensity", "2"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("did not unlock"));
    // Only the count of wrong passphrases is written, beside the journal; it holds no secret.
    let mut after = f.snapshot();
    let counter = after
        .remove(&f.dir.join("unlock-throttle.json"))
        .expect("the wrong passphrase is counted");
    let counter = String::from_utf8_lossy(&counter);
    assert!(
        !counter.contains("seveN") && !counter.contains("harbour"),
        "the counter holds no passphrase"
    );
    assert_eq!(after, before);
}

#[test]
fn a_missing_vault_exits_4_and_creates_nothing() {
    let f = Fixture::empty();
    f.unlocked()
        .args(["craving", "list"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("No Waymark journal"));
    assert!(!f.dir.exists());
}

#[test]
fn without_a_passphrase_or_terminal_it_is_a_usage_error() {
    let (f, _) = Fixture::initialised();
    f.cmd()
        .args(["craving", "list"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("WAYMARK_PASSPHRASE"));
}

#[test]
fn the_passphrase_can_come_from_a_file() {
    let (f, _) = Fixture::initialised();
    let file = f.dir.parent().unwrap().join("pass.txt");
    std::fs::write(&file, format!("{PASS}\n")).unwrap();
    f.cmd()
        .arg("--passphrase-file")
        .arg(&file)
        .args(["craving", "list"])
        .assert()
        .success();
    std::fs::write(&file, "").unwrap();
    f.cmd()
        .arg("--passphrase-file")
        .arg(&file)
        .args(["craving", "list"])
        .assert()
        .code(2);
}

#[test]
fn passphrase_change_and_recovery_key() {
    let (f, key) = Fixture::initialised();
    f.unlocked()
        .args(["craving", "add", "--intensity", "8", "--note", "kept"])
        .assert()
        .success();
    f.unlocked()
        .env("WAYMARK_NEW_PASSPHRASE", NEW_PASS)
        .args(["passphrase", "change"])
        .assert()
        .success();
    f.unlocked().args(["craving", "list"]).assert().code(3);
    f.cmd()
        .env("WAYMARK_PASSPHRASE", NEW_PASS)
        .args(["craving", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("kept"));
    // The recovery key still opens the vault, as a flag or from the environment, in any case.
    f.cmd()
        .args(["--recovery-key", &key.to_lowercase(), "craving", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("kept"));
    f.cmd()
        .env("WAYMARK_RECOVERY_KEY", &key)
        .args(["craving", "list"])
        .assert()
        .success();
    f.cmd()
        .args([
            "--recovery-key",
            "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
            "craving",
            "list",
        ])
        .assert()
        .code(3);
    f.cmd()
        .args(["--recovery-key", "not-a-key", "craving", "list"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("--recovery-key"));
    // Forgot the passphrase: reset it with the recovery key.
    f.cmd()
        .env("WAYMARK_RECOVERY_KEY", &key)
        .env("WAYMARK_NEW_PASSPHRASE", PASS)
        .args(["passphrase", "change"])
        .assert()
        .success();
    assert_eq!(f.cravings().len(), 1);
}

#[test]
fn nothing_typed_is_readable_in_any_file() {
    let (f, key) = Fixture::initialised();
    let marker = "cli-plaintext-marker-58c1d2";
    f.unlocked()
        .args(["craving", "add", "--intensity", "5", "--note", marker])
        .assert()
        .success();
    assert_eq!(f.cravings()[0]["note"], marker);
    let files = files_under(&f.dir);
    assert!(files.len() >= 2);
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        for needle in [marker, PASS, key.as_str()] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "found in {}",
                path.display()
            );
        }
        assert!(!bytes.starts_with(b"SQLite format 3"), "{}", path.display());
    }
}

#[test]
fn help_documents_every_command_and_usage_errors_exit_2() {
    let (f, _) = Fixture::initialised();
    f.cmd().arg("--help").assert().success().stdout(
        predicate::str::contains("init")
            .and(predicate::str::contains("craving"))
            .and(predicate::str::contains("passphrase"))
            .and(predicate::str::contains("Exit codes"))
            .and(predicate::str::contains("7 not found")),
    );
    for command in [
        "trigger", "mood", "journal", "checkin", "review", "lapse", "search", "timeline",
        "recovery", "profile",
    ] {
        f.cmd()
            .arg("--help")
            .assert()
            .success()
            .stdout(predicate::str::contains(command));
        f.cmd().args([command, "--help"]).assert().success();
    }
    for kind in ["craving", "mood", "journal", "checkin", "review", "lapse"] {
        for sub in ["add", "list", "edit", "delete"] {
            f.cmd().args([kind, sub, "--help"]).assert().success();
        }
    }
    f.cmd()
        .args(["craving", "add", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--intensity"));
    f.cmd()
        .args(["passphrase", "change", "--help"])
        .assert()
        .success();
    f.cmd().arg("no-such-command").assert().code(2);
    f.cmd().args(["craving", "add"]).assert().code(2);
}

#[test]
fn a_note_can_come_from_standard_input_so_it_stays_off_the_command_line() {
    let (f, _) = Fixture::initialised();
    f.unlocked()
        .args(["craving", "add", "--intensity", "4", "--note", "-"])
        .write_stdin("first line\nsecond line\n")
        .assert()
        .success();
    assert_eq!(f.cravings()[0]["note"], "first line\nsecond line");
}

#[test]
fn asking_for_the_recovery_key_needs_a_terminal() {
    let (f, _) = Fixture::initialised();
    f.cmd()
        .args(["--recovery-key", "-", "craving", "list"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs a terminal"));
}

#[test]
fn an_empty_data_dir_variable_means_the_default_not_an_error() {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("waymark").unwrap();
    cmd.env("WAYMARK_DATA_DIR", "")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("share"))
        .env("WAYMARK_PASSPHRASE", PASS)
        .args(["craving", "list"])
        .assert()
        .code(4);
    assert!(!home.path().join("share").join("waymark").exists());
}
