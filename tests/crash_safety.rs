//! Crash safety: the real CLI is killed with SIGKILL at random moments while it writes entries,
//! changes the passphrase or restores a backup, and every time the vault must still open, hold
//! every write that was reported as saved, hold the interrupted one wholly or not at all, and
//! pass SQLite's and SQLCipher's full integrity checks.
//!
//! The runs are seeded; the seed is printed (run with `--nocapture` to see it and the figures)
//! and `WAYMARK_CRASH_SEED=<seed>` replays a run.

mod common;
mod durability;

use std::sync::Mutex;

/// The harnesses measure the CLI's run time to spread their kills over it; running them one at a
/// time keeps that measure true on a small machine.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

#[path = "crash_safety/passphrase.rs"]
mod passphrase;
#[path = "crash_safety/restore.rs"]
mod restore;
#[path = "crash_safety/writes.rs"]
mod writes;
