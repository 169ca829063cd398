//! Shared by the crash-safety and damaged-file tests: running the real CLI (optionally killing it
//! with SIGKILL), a seeded random source, a full integrity check through core, and byte-exact
//! snapshots of a data directory.
// Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use waymark_core::store::{IntegrityReport, Store};
use waymark_core::vault::{Credential, Vault};
use zeroize::Zeroizing;

/// The CLI binary under test, with no secret inherited from the environment.
pub fn waymark(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_waymark"));
    for var in [
        "WAYMARK_PASSPHRASE",
        "WAYMARK_NEW_PASSPHRASE",
        "WAYMARK_RECOVERY_KEY",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("WAYMARK_DATA_DIR", dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// A random source whose seed is printed, so a failing run can be replayed with
/// `WAYMARK_CRASH_SEED=<seed>`.
pub fn seeded_rng(test: &str) -> (fastrand::Rng, u64) {
    let seed = std::env::var("WAYMARK_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    eprintln!("{test}: seed {seed} (replay with WAYMARK_CRASH_SEED={seed})");
    (fastrand::Rng::with_seed(seed), seed)
}

/// How a run of the CLI ended.
#[derive(Debug)]
pub enum Ended {
    /// It exited by itself.
    Exited {
        /// Its exit code.
        code: i32,
        /// Everything it printed on stdout.
        stdout: String,
        /// Everything it printed on stderr.
        stderr: String,
    },
    /// SIGKILL ended it.
    Killed {
        /// What it had printed on stdout before it died.
        stdout: String,
    },
}

/// When to send SIGKILL.
pub enum Kill<'a> {
    /// Never: let it finish.
    Never,
    /// This long after the start (unless it has exited by then).
    After(Duration),
    /// As soon as `condition` holds (polled about every 50 µs), or after the time given.
    When(&'a dyn Fn() -> bool, Duration),
}

/// Runs `cmd`, killing it as `kill` says. Returns how it ended and how long it ran.
pub fn run(mut cmd: Command, kill: Kill<'_>) -> (Ended, Duration) {
    let start = Instant::now();
    let mut child = cmd.spawn().expect("start the waymark binary");
    let mut stdout_pipe = child.stdout.take().expect("stdout piped");
    let mut stderr_pipe = child.stderr.take().expect("stderr piped");
    // The pipes are drained on threads so a chatty child never blocks on a full pipe.
    let out = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout_pipe.read_to_string(&mut text);
        text
    });
    let err = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr_pipe.read_to_string(&mut text);
        text
    });
    let (condition, limit): (&dyn Fn() -> bool, Option<Duration>) = match kill {
        Kill::Never => (&|| false, None),
        Kill::After(delay) => (&|| false, Some(delay)),
        Kill::When(condition, limit) => (condition, Some(limit)),
    };
    if let Some(limit) = limit {
        let deadline = start + limit;
        // Polled rather than slept through, so a child that finished early is reaped at once.
        loop {
            if child.try_wait().expect("poll the child").is_some() {
                break;
            }
            let now = Instant::now();
            if now >= deadline || condition() {
                // `Child::kill` sends SIGKILL on Unix: no handler, no clean-up, as in a crash.
                let _ = child.kill();
                break;
            }
            std::thread::sleep((deadline - now).min(Duration::from_micros(50)));
        }
    }
    let status = child.wait().expect("wait for the child");
    let elapsed = start.elapsed();
    let stdout = out.join().expect("stdout reader");
    let stderr = err.join().expect("stderr reader");
    let ended = match status.signal() {
        Some(9) => Ended::Killed { stdout },
        Some(other) => panic!("waymark died of signal {other}; stderr: {stderr}"),
        None => Ended::Exited {
            code: status.code().expect("exit code"),
            stdout,
            stderr,
        },
    };
    (ended, elapsed)
}

/// Runs `cmd` to the end; it must succeed. Returns its stdout and how long it took.
pub fn run_ok(cmd: Command) -> (String, Duration) {
    match run(cmd, Kill::Never) {
        (
            Ended::Exited {
                code: 0, stdout, ..
            },
            took,
        ) => (stdout, took),
        (other, _) => panic!("expected success: {other:?}"),
    }
}

/// The recovery key as a credential.
pub fn recovery(key: &str) -> Credential {
    Credential::RecoveryKey(Zeroizing::new(key.to_string()))
}

/// A passphrase as a credential.
pub fn passphrase(text: &str) -> Credential {
    Credential::Passphrase(Zeroizing::new(text.to_string()))
}

/// Opens the vault in `dir` through core, as the app does.
pub fn open(dir: &Path, credential: &Credential) -> Store {
    Vault::at(dir)
        .unlock(credential)
        .unwrap_or_else(|e| panic!("the vault did not open: {e}"))
}

/// Runs both integrity checks (every page read and authenticated) and returns what they found.
pub fn integrity(dir: &Path, credential: &Credential) -> IntegrityReport {
    open(dir, credential)
        .integrity_report()
        .unwrap_or_else(|e| panic!("the integrity check could not run: {e}"))
}

/// Asserts `PRAGMA integrity_check` is "ok" and `PRAGMA cipher_integrity_check` reports nothing.
pub fn assert_whole(dir: &Path, credential: &Credential, context: &str) {
    let report = integrity(dir, credential);
    assert!(
        report.is_ok(),
        "{context}: the database is damaged: {report:?}"
    );
}

/// Every file under `dir`, by path, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&next) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read a data file");
                out.insert(path, bytes);
            }
        }
    }
    out
}

/// Copies every file of `from` into the new directory `to` (flat, as a vault is).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the copy's directory");
    for entry in std::fs::read_dir(from).expect("read the directory") {
        let path = entry.expect("directory entry").path();
        if path.is_file() {
            std::fs::copy(&path, to.join(path.file_name().expect("a file name")))
                .expect("copy a data file");
        }
    }
}

/// Parses a `<kind> list --json` answer.
pub fn json_list(stdout: &str) -> Vec<serde_json::Value> {
    match serde_json::from_str(stdout) {
        Ok(serde_json::Value::Array(items)) => items,
        other => panic!("expected a JSON list: {other:?}: {stdout}"),
    }
}
