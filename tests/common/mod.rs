//! Shared set-up for the CLI integration tests: one vault made by `init` per test binary (the
//! passphrase KDF runs once), copied for each test and unlocked with its recovery key, which
//! needs no slow KDF.
// Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// The passphrase of every template vault.
pub const PASS: &str = "harbour lantern pickle seven";

/// Names this test binary's template vault directories, so binaries never share one.
const TEMPLATE_PREFIX: &str = concat!(env!("CARGO_CRATE_NAME"), "-template-");

/// Templates left by earlier runs (a static is never dropped); one made in the last hour may
/// belong to a run still going, so it stays.
fn remove_stale_templates(root: &Path) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(3600));
        if stale
            && entry
                .file_name()
                .to_string_lossy()
                .starts_with(TEMPLATE_PREFIX)
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// The vault made once by `init`, and its recovery key.
fn template() -> &'static (PathBuf, String) {
    static TEMPLATE: OnceLock<(PathBuf, String)> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR"));
        remove_stale_templates(root);
        let dir = root.join(format!("{TEMPLATE_PREFIX}{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let out = clean_cmd(&dir)
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
        (dir, key)
    })
}

pub fn clean_cmd(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("waymark").unwrap();
    for var in [
        "WAYMARK_PASSPHRASE",
        "WAYMARK_NEW_PASSPHRASE",
        "WAYMARK_RECOVERY_KEY",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("WAYMARK_DATA_DIR", dir);
    cmd
}

pub fn files_under(dir: &Path) -> Vec<PathBuf> {
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

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of the template vault, private to one test.
pub struct Journal {
    _tmp: tempfile::TempDir,
    /// The data directory.
    pub dir: PathBuf,
    /// Its recovery key.
    pub key: String,
}

impl Journal {
    pub fn new() -> Self {
        let (template_dir, key) = template();
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        std::fs::create_dir(&dir).unwrap();
        for file in files_under(template_dir) {
            std::fs::copy(&file, dir.join(file.file_name().unwrap())).unwrap();
        }
        Self {
            _tmp: tmp,
            dir,
            key: key.clone(),
        }
    }

    /// A scratch directory beside the data directory, removed with it.
    pub fn scratch(&self) -> &Path {
        self._tmp.path()
    }

    /// The CLI, unlocked with the recovery key.
    pub fn cmd(&self) -> Command {
        let mut cmd = clean_cmd(&self.dir);
        cmd.env("WAYMARK_RECOVERY_KEY", &self.key);
        cmd
    }

    /// Runs a command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).write_stdin("").assert().success();
        text(&out.get_output().stdout)
    }

    /// Runs a command that must succeed and print JSON.
    pub fn json(&self, args: &[&str]) -> Value {
        let stdout = self.ok(args);
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {stdout}"))
    }

    /// `<kind> list --json`.
    pub fn list(&self, kind: &str) -> Vec<Value> {
        match self.json(&[kind, "list", "--json"]) {
            Value::Array(items) => items,
            other => panic!("{kind} list: {other}"),
        }
    }

    /// Runs a command that must fail with `code`, naming `flag`; returns stderr.
    pub fn fails(&self, args: &[&str], stdin: &[u8], code: i32, flag: &str) -> String {
        let out = self
            .cmd()
            .args(args)
            .write_stdin(stdin.to_vec())
            .assert()
            .code(code)
            .stdout(predicate::str::is_empty());
        let stderr = text(&out.get_output().stderr);
        assert!(
            stderr.contains(flag),
            "{args:?}: expected {flag} in: {stderr}"
        );
        stderr
    }
}
