//! The reminder state the window shares with the background thread.

use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use specta::Type;
use waymark_core::journal::Clock;
use waymark_core::schedule::reminders::notification_text;
use waymark_core::schedule::{DueReminder, NotificationStyle};
use waymark_core::store::{ReminderOutcome, Store};

use super::notifier::Notifier;

/// How far ahead the neutral plan kept while locked reaches.
const LOCKED_PLAN_DAYS: i64 = 7;
/// A reminder noticed later than this (the computer was asleep) is listed as missed instead of
/// popping up out of context.
const LATE_LIMIT_MINUTES: i64 = 60;

/// Why a reminder is listed in the window instead of having been shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum NoticeReason {
    /// It fell due while Waymark was not running, or while the computer slept.
    Missed,
    /// The desktop could not show it.
    NotShown,
}

/// A reminder for the window to list, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReminderNotice {
    /// The reminder.
    pub reminder: DueReminder,
    /// Why it is listed.
    pub reason: NoticeReason,
}

/// Whether desktop notifications are getting through, for the window to show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryStatus {
    /// Reminders shown as desktop notifications since Waymark started.
    pub shown: u32,
    /// Reminders that could not be shown since Waymark started.
    pub failed: u32,
    /// Why the last one failed, in plain words; `None` when the last one got through.
    pub last_error: Option<String>,
    /// When the last failure happened, RFC 3339.
    pub last_failure_at: Option<String>,
}

#[derive(Default)]
struct Inner {
    /// Reminders are handled up to here.
    checked_until: Option<DateTime<Utc>>,
    /// The neutral plan while locked.
    /// Titles and meeting ids are stripped: nothing from the journal is kept while locked.
    locked_plan: Vec<(DateTime<Utc>, DueReminder)>,
    /// Keys shown while locked, recorded in the vault at the next unlock.
    shown_while_locked: Vec<DueReminder>,
    /// Reminders that fell due while Waymark was closed, for the window to list.
    missed: Vec<DueReminder>,
    /// Reminders that could not be shown, for the window to list.
    undelivered: Vec<DueReminder>,
    status: DeliveryStatus,
}

/// The reminder state: one per app.
pub struct ReminderRuntime {
    zone: Tz,
    inner: Mutex<Inner>,
}

/// One reminder to show now, with the words already chosen.
pub(crate) struct Outgoing {
    pub reminder: DueReminder,
    pub title: String,
    pub body: String,
    pub late: bool,
}

impl ReminderRuntime {
    /// A runtime for reminders at wall-clock times in `zone` (the computer's zone).
    pub fn new(zone: Tz) -> Self {
        Self {
            zone,
            inner: Mutex::new(Inner::default()),
        }
    }

    fn inner(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Just unlocked: records what was shown while locked, lists what fell due while Waymark
    /// was not running, and carries on from now.
    pub fn after_unlock(&self, store: &Store, clock: &dyn Clock) {
        let now = clock.now().with_timezone(&Utc);
        let shown: Vec<DueReminder> = {
            let mut inner = self.inner();
            inner.locked_plan.clear();
            std::mem::take(&mut inner.shown_while_locked)
        };
        // Best effort: a failure here only means a reminder may be listed twice.
        let _ = store.record_reminders(&shown, ReminderOutcome::Shown, clock);
        let missed = store
            .take_missed_reminders(self.zone, clock)
            .unwrap_or_default();
        let mut inner = self.inner();
        inner.missed.extend(missed);
        inner.checked_until = Some(now);
    }

    /// About to lock: keeps a neutral plan of the coming week's reminders.
    pub fn before_lock(&self, store: &Store, clock: &dyn Clock) {
        let now = clock.now().with_timezone(&Utc);
        let plan = store
            .due_reminders(now, now + Duration::days(LOCKED_PLAN_DAYS), self.zone)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|r| {
                let due = r.due_instant()?;
                Some((
                    due,
                    DueReminder {
                        title: None,
                        meeting_id: None,
                        ..r
                    },
                ))
            })
            .collect();
        let _ = store.set_reminders_checked(now);
        let mut inner = self.inner();
        inner.locked_plan = plan;
        inner.checked_until = Some(now);
        // Titles must not outlive the unlocked session in memory.
        inner.missed.clear();
        inner.undelivered.clear();
    }

    /// The reminders due now, with their words: from the vault when `store` is given
    /// (unlocked), else from the neutral plan.
    pub(crate) fn take_due(
        &self,
        store: Option<&Store>,
        clock: &dyn Clock,
    ) -> (Vec<Outgoing>, DateTime<Utc>) {
        let now = clock.now().with_timezone(&Utc);
        let mut inner = self.inner();
        let after = inner.checked_until.unwrap_or(now);
        let late_before = now - Duration::minutes(LATE_LIMIT_MINUTES);
        let outgoing = match store {
            Some(store) => {
                let style = store
                    .reminder_settings()
                    .map(|s| s.style)
                    .unwrap_or_default();
                store
                    .due_reminders(after, now, self.zone)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|r| {
                        let words =
                            notification_text(&r.event_time, r.title.as_deref(), style, true);
                        let late = r.due_instant().is_some_and(|d| d < late_before);
                        Outgoing {
                            reminder: r,
                            title: words.title,
                            body: words.body,
                            late,
                        }
                    })
                    .collect()
            }
            None => inner
                .locked_plan
                .iter()
                .filter(|(due, _)| *due > after && *due <= now)
                .map(|(due, reminder)| {
                    let words = notification_text(
                        &reminder.event_time,
                        None,
                        NotificationStyle::Neutral,
                        false,
                    );
                    Outgoing {
                        reminder: reminder.clone(),
                        title: words.title,
                        body: words.body,
                        late: *due < late_before,
                    }
                })
                .collect(),
        };
        inner.checked_until = Some(now);
        (outgoing, now)
    }

    /// Shows each due reminder, and notes the outcome: in the vault when unlocked, in memory
    /// while locked. Returns how many failed.
    pub(crate) fn deliver(
        &self,
        outgoing: Vec<Outgoing>,
        notifier: &dyn Notifier,
        clock: &dyn Clock,
    ) -> Vec<(DueReminder, ReminderOutcome)> {
        let mut results = Vec::with_capacity(outgoing.len());
        for o in outgoing {
            if o.late {
                results.push((o.reminder, ReminderOutcome::Missed));
                continue;
            }
            let outcome = match notifier.show(&o.title, &o.body) {
                Ok(()) => {
                    let mut inner = self.inner();
                    inner.status.shown += 1;
                    inner.status.last_error = None;
                    ReminderOutcome::Shown
                }
                Err(err) => {
                    let mut inner = self.inner();
                    inner.status.failed += 1;
                    inner.status.last_error = Some(err.to_string());
                    inner.status.last_failure_at = Some(
                        clock
                            .now()
                            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    );
                    ReminderOutcome::Failed
                }
            };
            results.push((o.reminder, outcome));
        }
        results
    }

    /// Notes delivery outcomes: in the vault when unlocked; in memory while locked, where a
    /// failed or late one is simply left for the missed list at the next unlock.
    pub(crate) fn record(
        &self,
        store: Option<&Store>,
        results: &[(DueReminder, ReminderOutcome)],
        checked: DateTime<Utc>,
        clock: &dyn Clock,
    ) {
        match store {
            Some(store) => {
                for outcome in [
                    ReminderOutcome::Shown,
                    ReminderOutcome::Failed,
                    ReminderOutcome::Missed,
                ] {
                    let batch: Vec<DueReminder> = results
                        .iter()
                        .filter(|(_, o)| *o == outcome)
                        .map(|(r, _)| r.clone())
                        .collect();
                    if !batch.is_empty() {
                        let _ = store.record_reminders(&batch, outcome, clock);
                    }
                }
                let _ = store.set_reminders_checked(checked);
                let mut inner = self.inner();
                for (r, o) in results {
                    match o {
                        ReminderOutcome::Failed => inner.undelivered.push(r.clone()),
                        ReminderOutcome::Missed => inner.missed.push(r.clone()),
                        ReminderOutcome::Shown => {}
                    }
                }
            }
            None => {
                let mut inner = self.inner();
                for (r, o) in results {
                    if *o == ReminderOutcome::Shown {
                        inner.shown_while_locked.push(r.clone());
                    }
                }
            }
        }
    }

    /// When the next planned reminder falls due while locked, if any.
    pub(crate) fn next_locked_due(&self) -> Option<DateTime<Utc>> {
        let inner = self.inner();
        let after = inner.checked_until?;
        inner
            .locked_plan
            .iter()
            .map(|(due, _)| *due)
            .filter(|d| *d > after)
            .min()
    }

    /// Reminders the window should list: missed while closed or asleep, and not shown, oldest
    /// first. Taking them empties the list.
    pub fn take_notices(&self) -> Vec<ReminderNotice> {
        let mut guard = self.inner();
        let inner = &mut *guard;
        let missed = inner.missed.drain(..).map(|reminder| ReminderNotice {
            reminder,
            reason: NoticeReason::Missed,
        });
        let not_shown = inner.undelivered.drain(..).map(|reminder| ReminderNotice {
            reminder,
            reason: NoticeReason::NotShown,
        });
        let mut all: Vec<ReminderNotice> = missed.chain(not_shown).collect();
        all.sort_by(|a, b| a.reminder.due_at.cmp(&b.reminder.due_at));
        all
    }

    /// Whether notifications are getting through.
    pub fn status(&self) -> DeliveryStatus {
        self.inner().status.clone()
    }

    /// The zone wall-clock reminders are computed in.
    pub fn zone(&self) -> Tz {
        self.zone
    }
}
