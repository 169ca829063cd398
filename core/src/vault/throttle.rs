//! Slows repeated wrong passphrases: after a few free tries, each further try must wait a
//! growing delay, persisted in a small file beside the vault so that restarting the app (or
//! switching to the CLI) does not reset it.
//!
//! The file holds no secret: only how many wrong passphrases came in a row and when the last one
//! came. It is never a permanent lockout: the wait is capped, a success resets it, and the
//! recovery key (160 random bits, unguessable) is never throttled and always works.
//!
//! This slows guessing through Waymark itself. Someone who can delete the file, or copy the key
//! slot file elsewhere, is slowed only by Argon2id; the threat model says so.

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::atomic;
use crate::error::{Error, Result};

/// File name of the wrong-passphrase counter inside the data directory.
pub const THROTTLE_FILE: &str = "unlock-throttle.json";
/// Wrong passphrases allowed in a row before any wait (typos happen).
pub const FREE_FAILURES: u32 = 3;
/// The first wait, in seconds; each further wrong passphrase doubles it.
pub const FIRST_DELAY_SECS: u64 = 2;
/// The longest wait, in seconds: never a lockout, only a slowdown.
pub const MAX_DELAY_SECS: u64 = 300;

/// What the counter file holds: no secret, no journal data.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Record {
    /// Wrong passphrases in a row since the last success.
    failures: u32,
    /// When the last one came, in seconds since the Unix epoch.
    last_failure: i64,
}

/// The seconds to wait after `failures` wrong passphrases in a row, counted from the last one.
pub fn delay_after(failures: u32) -> u64 {
    if failures < FREE_FAILURES {
        return 0;
    }
    let doublings = failures - FREE_FAILURES;
    // 2 s, 4 s, 8 s … capped; the shift is bounded so it cannot overflow.
    FIRST_DELAY_SECS
        .checked_shl(doublings.min(32))
        .unwrap_or(MAX_DELAY_SECS)
        .min(MAX_DELAY_SECS)
}

/// Seconds since the Unix epoch at `now` (before 1970 counts as 0).
fn epoch_seconds(now: SystemTime) -> i64 {
    now.duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The wrong-passphrase counter of one vault.
#[derive(Debug, Clone)]
pub struct Throttle {
    path: PathBuf,
}

impl Throttle {
    /// The counter kept in data directory `dir`.
    pub fn in_dir(dir: &std::path::Path) -> Self {
        Self {
            path: dir.join(THROTTLE_FILE),
        }
    }

    /// The counter file's path.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// The record, or none. A missing or unreadable file counts as no wrong tries: the file is
    /// only a brake, and a damaged one must never keep anyone out.
    fn read(&self) -> Record {
        std::fs::read(&self.path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Seconds left before the next passphrase may be tried at `now` (0: try now).
    ///
    /// A clock that went backwards (now before the last failure) counts as no time passed, so the
    /// wait is at most the current delay, never more than [`MAX_DELAY_SECS`].
    pub fn wait_at(&self, now: SystemTime) -> u64 {
        let record = self.read();
        let delay = delay_after(record.failures);
        if delay == 0 {
            return 0;
        }
        let elapsed =
            u64::try_from(epoch_seconds(now).saturating_sub(record.last_failure)).unwrap_or(0);
        delay.saturating_sub(elapsed)
    }

    /// Refuses a passphrase attempt made too soon, before any key derivation runs.
    pub fn check_at(&self, now: SystemTime) -> Result<()> {
        match self.wait_at(now) {
            0 => Ok(()),
            seconds => Err(Error::TryAgainIn { seconds }),
        }
    }

    /// Counts a wrong passphrase at `now`. Best effort: a file that cannot be written must not
    /// turn "wrong passphrase" into a storage error.
    pub fn record_failure_at(&self, now: SystemTime) {
        let previous = self.read();
        let record = Record {
            failures: previous.failures.saturating_add(1),
            last_failure: epoch_seconds(now),
        };
        if let Ok(bytes) = serde_json::to_vec(&record) {
            let _ = atomic::write_atomically(&self.path, &bytes);
        }
    }

    /// Forgets the wrong tries after a success (with the passphrase or the recovery key).
    pub fn reset(&self) {
        if self.path.exists() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(1_800_000_000 + seconds)
    }

    #[test]
    fn the_schedule_is_free_then_doubles_then_stays_capped() {
        let waits: Vec<u64> = (0..14).map(delay_after).collect();
        assert!(waits[..FREE_FAILURES as usize].iter().all(|&w| w == 0));
        let throttled = &waits[FREE_FAILURES as usize..];
        assert_eq!(throttled[0], FIRST_DELAY_SECS);
        for pair in throttled.windows(2) {
            assert!(
                pair[1] == pair[0] * 2 || pair[1] == MAX_DELAY_SECS,
                "{pair:?}"
            );
        }
        assert_eq!(*waits.last().unwrap(), MAX_DELAY_SECS);
        assert_eq!(
            delay_after(u32::MAX),
            MAX_DELAY_SECS,
            "never more than the cap"
        );
    }

    #[test]
    fn waits_grow_and_pass_with_time_and_a_reset_clears_them() {
        let dir = tempfile::tempdir().unwrap();
        let throttle = Throttle::in_dir(dir.path());
        for i in 0..FREE_FAILURES {
            assert_eq!(throttle.wait_at(at(u64::from(i))), 0, "free try {i}");
            throttle.record_failure_at(at(u64::from(i)));
        }
        // The third wrong try came at t=2: the next must wait 2 s from then.
        assert_eq!(throttle.wait_at(at(2)), 2);
        assert_eq!(throttle.wait_at(at(3)), 1);
        assert!(matches!(
            throttle.check_at(at(3)),
            Err(Error::TryAgainIn { seconds: 1 })
        ));
        assert!(throttle.check_at(at(4)).is_ok());
        throttle.record_failure_at(at(4));
        assert_eq!(throttle.wait_at(at(4)), 4, "the wait doubled");

        throttle.reset();
        assert!(!throttle.path().exists());
        assert_eq!(throttle.wait_at(at(4)), 0);
    }

    #[test]
    fn a_clock_that_went_backwards_never_waits_beyond_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let throttle = Throttle::in_dir(dir.path());
        for _ in 0..40 {
            throttle.record_failure_at(at(1_000_000));
        }
        // A year earlier, by the clock: still at most the cap.
        let wait = throttle.wait_at(at(1_000_000) - Duration::from_secs(365 * 86_400));
        assert!(wait > 0 && wait <= MAX_DELAY_SECS, "{wait}");
        assert_eq!(throttle.wait_at(at(1_000_000 + MAX_DELAY_SECS)), 0);
    }

    #[test]
    fn a_damaged_counter_file_keeps_nobody_out() {
        let dir = tempfile::tempdir().unwrap();
        let throttle = Throttle::in_dir(dir.path());
        std::fs::write(throttle.path(), b"\xff{not json").unwrap();
        assert_eq!(throttle.wait_at(at(0)), 0);
        throttle.record_failure_at(at(0));
        let text = std::fs::read_to_string(throttle.path()).unwrap();
        assert!(text.contains("\"failures\":1"), "{text}");
    }
}
