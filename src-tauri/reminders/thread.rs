//! The background thread that wakes for reminders while the app runs, locked or not.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::Utc;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use waymark_core::journal::SystemClock;
use waymark_core::store::ReminderOutcome;

use super::notifier::{DesktopNotifier, Notifier};
use crate::commands::AppState;

/// The longest the thread sleeps: short enough that a changed schedule, a clock change or a
/// wake from suspend is noticed within seconds, long enough to cost nothing.
const TICK: StdDuration = StdDuration::from_secs(10);

/// The event that tells the window there are reminders to list (missed or not shown).
pub const NOTICES_EVENT: &str = "reminder-notices";

/// Starts the reminder thread for `app`.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    let notifier: Arc<dyn Notifier> = Arc::new(DesktopNotifier::new(app.clone()));
    let spawned = std::thread::Builder::new()
        .name("reminders".into())
        .spawn(move || loop {
            let wait = tick(&app, notifier.as_ref());
            std::thread::sleep(wait);
        });
    if spawned.is_err() {
        eprintln!(
            "waymark: reminders could not be started; they will be listed in the window instead."
        );
    }
}

/// One pass: shows what is due, records it, and says how long to sleep.
fn tick<R: Runtime>(app: &AppHandle<R>, notifier: &dyn Notifier) -> StdDuration {
    let state = app.state::<AppState>();
    let runtime = state.reminders();
    let (outgoing, checked) = {
        let session = state.session();
        runtime.take_due(session.store().ok(), &SystemClock)
    };
    if outgoing.is_empty() {
        return next_wait(runtime.next_locked_due());
    }
    // Sent without holding the session: a slow notification service must not block the window.
    let results = runtime.deliver(outgoing, notifier, &SystemClock);
    let tell_window = results.iter().any(|(_, o)| *o != ReminderOutcome::Shown);
    {
        let session = state.session();
        runtime.record(session.store().ok(), &results, checked, &SystemClock);
    }
    if tell_window {
        let _ = app.emit(NOTICES_EVENT, ());
    }
    next_wait(runtime.next_locked_due())
}

/// Sleeps until the next planned reminder when that is sooner than a tick.
fn next_wait(next: Option<chrono::DateTime<Utc>>) -> StdDuration {
    next.and_then(|at| (at - Utc::now()).to_std().ok())
        .map_or(TICK, |until| {
            until.clamp(StdDuration::from_millis(200), TICK)
        })
}
