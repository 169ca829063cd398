//! Auto-lock after idle, measured in the backend: the window only reports that it is being used,
//! so the lock comes on time even when the webview's timers are slowed or the window is hidden.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use tauri::{AppHandle, Manager, Runtime};
use waymark_core::store::{LockSettings, Store};

use super::{lock_now, LockReason};

/// The longest the watch sleeps between checks.
const TICK: Duration = Duration::from_secs(5);

/// Debug builds only: the "After 1 minute" choice locks after this many seconds instead, so the
/// end-to-end test need not sit idle for a minute. Release builds ignore it.
pub const DEBUG_ONE_MINUTE_ENV: &str = "WAYMARK_DEBUG_AUTO_LOCK_SECONDS";

/// The chosen idle time and the last sign of use.
pub struct AutoLock {
    /// Minutes from the vault's settings; 0 is never.
    minutes: AtomicU32,
    /// The last activity, by the monotonic clock and by the wall clock.
    last: Mutex<(Instant, SystemTime)>,
}

impl Default for AutoLock {
    fn default() -> Self {
        Self {
            minutes: AtomicU32::new(waymark_core::store::DEFAULT_AUTO_LOCK_MINUTES),
            last: Mutex::new((Instant::now(), SystemTime::now())),
        }
    }
}

impl AutoLock {
    /// Someone used the window (or just unlocked): the idle time starts again.
    pub fn touch(&self) {
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) =
            (Instant::now(), SystemTime::now());
    }

    /// Takes the choice stored in the vault just opened, and starts the idle time afresh.
    pub fn after_unlock(&self, store: &Store) {
        let settings = store.lock_settings().unwrap_or_default();
        self.apply(&settings);
    }

    /// Uses `settings` from now on.
    pub fn apply(&self, settings: &LockSettings) {
        self.minutes
            .store(settings.auto_lock_minutes, Ordering::Relaxed);
        self.touch();
    }

    /// How long the window has gone unused. The larger of the monotonic time (immune to clock
    /// changes) and the wall-clock time (which also counts a suspend the monotonic clock
    /// skips): when unsure, lock sooner.
    fn idle(&self) -> Duration {
        let (instant, wall) = *self.last.lock().unwrap_or_else(PoisonError::into_inner);
        let monotonic = instant.elapsed();
        let by_wall = SystemTime::now()
            .duration_since(wall)
            .unwrap_or(Duration::ZERO);
        monotonic.max(by_wall)
    }

    /// The idle time after which to lock, or none for "never".
    fn limit(&self) -> Option<Duration> {
        limit_for(self.minutes.load(Ordering::Relaxed))
    }
}

/// The idle limit for a choice of `minutes` (0: never).
fn limit_for(minutes: u32) -> Option<Duration> {
    if minutes == 0 {
        return None;
    }
    #[cfg(debug_assertions)]
    if minutes == 1 {
        if let Some(seconds) = std::env::var(DEBUG_ONE_MINUTE_ENV)
            .ok()
            .and_then(|s| s.parse::<u64>().ok())
            .filter(|s| *s > 0)
        {
            return Some(Duration::from_secs(seconds));
        }
    }
    Some(Duration::from_secs(u64::from(minutes) * 60))
}

/// What one check decides.
#[derive(Debug, PartialEq, Eq)]
enum Next {
    /// Lock now.
    Lock,
    /// Look again after this long.
    Sleep(Duration),
}

/// Decides, given the idle `limit` (none: never) and the time the window has been `idle`.
fn decide(limit: Option<Duration>, idle: Duration) -> Next {
    match limit {
        None => Next::Sleep(TICK),
        Some(limit) if idle >= limit => Next::Lock,
        Some(limit) => Next::Sleep((limit - idle).min(TICK)),
    }
}

/// Starts the thread that locks `app` once it has been idle for the chosen time.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new()
        .name("auto-lock".into())
        .spawn(move || loop {
            let auto = app.state::<AutoLock>();
            let wait = match decide(auto.limit(), auto.idle()) {
                Next::Sleep(wait) => wait,
                Next::Lock => {
                    lock_now(&app, LockReason::Idle, false);
                    // Count afresh, so a journal left locked is not "locked" again every tick.
                    auto.touch();
                    TICK
                }
            };
            std::thread::sleep(wait.max(Duration::from_millis(200)));
        });
    if spawned.is_err() {
        eprintln!("waymark: auto-lock could not be started; lock the journal by hand.");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_never_locks_and_a_choice_locks_once_passed() {
        assert!(limit_for(0).is_none());
        assert_eq!(
            decide(None, Duration::from_secs(86_400 * 365)),
            Next::Sleep(TICK)
        );
        let five = limit_for(5).unwrap();
        assert_eq!(five, Duration::from_secs(300));
        assert_eq!(
            decide(Some(five), Duration::from_secs(299)),
            Next::Sleep(Duration::from_secs(1))
        );
        assert_eq!(
            decide(Some(five), Duration::from_secs(10)),
            Next::Sleep(TICK)
        );
        assert_eq!(decide(Some(five), five), Next::Lock);
        assert_eq!(limit_for(60), Some(Duration::from_secs(3600)));
    }

    #[test]
    fn touching_starts_the_idle_time_again() {
        let auto = AutoLock::default();
        *auto.last.lock().unwrap() = (
            Instant::now() - Duration::from_secs(120),
            SystemTime::now() - Duration::from_secs(120),
        );
        assert!(auto.idle() >= Duration::from_secs(120));
        auto.touch();
        assert!(auto.idle() < Duration::from_secs(60));
    }

    #[test]
    fn a_suspend_the_monotonic_clock_missed_still_counts() {
        let auto = AutoLock::default();
        // The wall clock says an hour passed (the machine slept); the monotonic clock does not.
        auto.last.lock().unwrap().1 = SystemTime::now() - Duration::from_secs(3600);
        assert!(auto.idle() >= Duration::from_secs(3600));
        assert_eq!(decide(limit_for(15), auto.idle()), Next::Lock);
    }
}
