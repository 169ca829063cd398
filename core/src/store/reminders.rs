//! Reminder settings, and which reminders have already been shown or listed.

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Tz;
use rusqlite::params;

use super::Store;
use crate::error::{Error, Result};
use crate::journal::Clock;
use crate::schedule::reminders::due_between;
use crate::schedule::{DueReminder, ReminderSettings};

/// How far back "missed while Waymark was closed" looks: older reminders are not news.
pub const MISSED_LOOKBACK_DAYS: i64 = 7;
/// How long a delivery record is kept; a reminder older than this can never be due again.
const DELIVERY_RECORD_DAYS: i64 = 30;

/// What became of a reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderOutcome {
    /// A desktop notification was sent.
    Shown,
    /// Sending it failed; the person was told in the app.
    Failed,
    /// It fell due while Waymark was not running, and was listed on unlock.
    Missed,
}

impl ReminderOutcome {
    fn key(self) -> &'static str {
        match self {
            ReminderOutcome::Shown => "shown",
            ReminderOutcome::Failed => "failed",
            ReminderOutcome::Missed => "missed",
        }
    }
}

impl Store {
    /// The reminder settings.
    pub fn reminder_settings(&self) -> Result<ReminderSettings> {
        let text: String = self.conn.query_row(
            "SELECT settings FROM reminder_state WHERE id = 1",
            [],
            |r| r.get(0),
        )?;
        serde_json::from_str(&text)
            .map_err(|_| Error::Internal("stored reminder settings unreadable"))
    }

    /// Replaces the reminder settings; nothing is written on rejection.
    pub fn set_reminder_settings(&self, settings: &ReminderSettings) -> Result<ReminderSettings> {
        let valid = settings.validate()?;
        let text = serde_json::to_string(&valid)
            .map_err(|_| Error::Internal("reminder settings not serialisable"))?;
        self.conn.execute(
            "UPDATE reminder_state SET settings = ?1 WHERE id = 1",
            [text],
        )?;
        Ok(valid)
    }

    /// Every reminder due in `(after, until]` that has not been shown or listed yet, in order.
    /// `zone` is the computer's zone, for the check-in and medication times.
    pub fn due_reminders(
        &self,
        after: DateTime<Utc>,
        until: DateTime<Utc>,
        zone: Tz,
    ) -> Result<Vec<DueReminder>> {
        let meetings = self.list_meetings()?;
        let settings = self.reminder_settings()?;
        let mut due = due_between(&meetings, &settings, zone, after, until)?;
        let mut seen = self
            .conn
            .prepare_cached("SELECT 1 FROM reminder_delivery WHERE reminder_key = ?1")?;
        let mut fresh = Vec::with_capacity(due.len());
        for reminder in due.drain(..) {
            if !seen.exists([&reminder.key])? {
                fresh.push(reminder);
            }
        }
        Ok(fresh)
    }

    /// Records what became of reminders, so none is shown twice, and forgets records too old to
    /// matter.
    pub fn record_reminders(
        &self,
        reminders: &[DueReminder],
        outcome: ReminderOutcome,
        clock: &dyn Clock,
    ) -> Result<()> {
        let now = clock.now().with_timezone(&Utc);
        let tx = self.conn.unchecked_transaction()?;
        {
            let mut insert = self.conn.prepare_cached(
                "INSERT INTO reminder_delivery (reminder_key, due_at, outcome, recorded_at) \
                 VALUES (?1, ?2, ?3, ?4) ON CONFLICT (reminder_key) DO NOTHING",
            )?;
            for r in reminders {
                let due = r.due_instant().unwrap_or(now);
                insert.execute(params![
                    r.key,
                    due.timestamp_millis(),
                    outcome.key(),
                    now.timestamp_millis()
                ])?;
            }
        }
        self.conn.execute(
            "DELETE FROM reminder_delivery WHERE due_at < ?1",
            [(now - Duration::days(DELIVERY_RECORD_DAYS)).timestamp_millis()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Notes that every reminder up to `until` has been handled.
    pub fn set_reminders_checked(&self, until: DateTime<Utc>) -> Result<()> {
        self.conn.execute(
            "UPDATE reminder_state SET checked_until = max(coalesce(checked_until, 0), ?1) WHERE id = 1",
            [until.timestamp_millis()],
        )?;
        Ok(())
    }

    /// When reminders were last handled up to, if ever.
    pub fn reminders_checked_until(&self) -> Result<Option<DateTime<Utc>>> {
        let millis: Option<i64> = self.conn.query_row(
            "SELECT checked_until FROM reminder_state WHERE id = 1",
            [],
            |r| r.get(0),
        )?;
        Ok(millis.and_then(|m| Utc.timestamp_millis_opt(m).single()))
    }

    /// The reminders that fell due since they were last handled (at most a week back) and were
    /// never shown: what Waymark lists on unlock. They are recorded as missed, so each is listed
    /// once. The first time ever, nothing is missed.
    pub fn take_missed_reminders(&self, zone: Tz, clock: &dyn Clock) -> Result<Vec<DueReminder>> {
        let now = clock.now().with_timezone(&Utc);
        let missed = match self.reminders_checked_until()? {
            None => Vec::new(),
            Some(since) => {
                let since = since.max(now - Duration::days(MISSED_LOOKBACK_DAYS));
                self.due_reminders(since, now, zone)?
            }
        };
        self.record_reminders(&missed, ReminderOutcome::Missed, clock)?;
        self.set_reminders_checked(now)?;
        Ok(missed)
    }
}
