//! The profile settings and what is derived from them: recovery time and the safety card.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use rusqlite::{params, OptionalExtension};

use super::rows::{local_day, parse_stored_day};
use super::Store;
use crate::error::Result;
use crate::journal::recovery::{summarise, RecoverySummary};
use crate::journal::{Clock, Profile, ProfileInput};

const RECOVERY_START: &str = "recovery_start";
const REGION: &str = "region";
const MEDICATION: &str = "medication";

/// A gap in logged use at least this long means tolerance may have fallen: the safety card
/// is shown when use is logged after it.
pub const SAFETY_GAP_DAYS: i64 = 3;

impl Store {
    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM profile_setting WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    fn put_setting(&self, key: &str, value: Option<&str>) -> Result<()> {
        match value {
            Some(v) => self.conn.execute(
                "INSERT INTO profile_setting (key, value) VALUES (?1, ?2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, v],
            )?,
            None => self
                .conn
                .execute("DELETE FROM profile_setting WHERE key = ?1", [key])?,
        };
        Ok(())
    }

    /// What the person has told Waymark about themselves.
    pub fn profile(&self) -> Result<Profile> {
        Ok(Profile {
            recovery_start: self.setting(RECOVERY_START)?,
            region: self.setting(REGION)?,
            medication: self.setting(MEDICATION)?,
        })
    }

    /// Replaces the profile; nothing is written on rejection.
    pub fn set_profile(&self, input: &ProfileInput, clock: &dyn Clock) -> Result<Profile> {
        let valid = input.validate(clock.now())?;
        let tx = self.conn.unchecked_transaction()?;
        self.put_setting(
            RECOVERY_START,
            valid.recovery_start.map(|d| d.to_string()).as_deref(),
        )?;
        self.put_setting(REGION, valid.region.as_deref())?;
        self.put_setting(MEDICATION, valid.medication.as_deref())?;
        tx.commit()?;
        self.profile()
    }

    /// Days in recovery, milestones and the history of periods, as of today.
    pub fn recovery_summary(&self, clock: &dyn Clock) -> Result<RecoverySummary> {
        let start = self
            .setting(RECOVERY_START)?
            .map(|d| parse_stored_day(&d))
            .transpose()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT occurred_at, utc_offset, restarts_counter FROM lapse WHERE deleted_at IS NULL",
        )?;
        let mut restarts = Vec::new();
        let mut lapses = 0u32;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })? {
            let (at, offset, restart) = row?;
            lapses += 1;
            if restart {
                restarts.push(local_day(at, offset)?);
            }
        }
        Ok(summarise(
            start,
            &restarts,
            lapses,
            clock.now().date_naive(),
        ))
    }

    /// Whether use logged at `at` follows a gap of [`SAFETY_GAP_DAYS`] or more since the last
    /// use logged before it (a lapse, a craving that ended in use, a check-in that says so), or
    /// since the recovery start when there is none. With no history at all the answer is yes:
    /// when in doubt, show the safety facts.
    pub fn use_follows_gap(&self, at: DateTime<FixedOffset>) -> Result<bool> {
        let at_ms = at.timestamp_millis();
        let last_instant: Option<i64> = self.conn.query_row(
            "SELECT max(t) FROM ( \
               SELECT max(occurred_at) AS t FROM lapse WHERE deleted_at IS NULL AND occurred_at < ?1 \
               UNION ALL \
               SELECT max(occurred_at) FROM craving \
                 WHERE deleted_at IS NULL AND outcome = 'used' AND occurred_at < ?1)",
            [at_ms],
            |r| r.get(0),
        )?;
        let day = at.date_naive();
        let last_checkin_day: Option<String> = self.conn.query_row(
            "SELECT max(checkin_date) FROM daily_checkin \
             WHERE deleted_at IS NULL AND used_today = 1 AND checkin_date < ?1",
            [day.to_string()],
            |r| r.get(0),
        )?;
        let mut last: Option<NaiveDate> =
            last_checkin_day.map(|d| parse_stored_day(&d)).transpose()?;
        if let Some(ms) = last_instant {
            let d = local_day(ms, i64::from(at.offset().local_minus_utc()))?;
            last = Some(last.map_or(d, |l| l.max(d)));
        }
        if last.is_none() {
            last = self
                .setting(RECOVERY_START)?
                .map(|d| parse_stored_day(&d))
                .transpose()?;
        }
        Ok(match last {
            None => true,
            Some(last) => day - last >= Duration::days(SAFETY_GAP_DAYS),
        })
    }
}

impl Store {
    /// Whether the opioid safety card should follow this entry: always after a lapse, and after
    /// a craving that ended in use or a check-in that says "used today" when that use follows a
    /// gap (see [`Store::use_follows_gap`]).
    pub fn safety_card_due(&self, entry: crate::journal::EntryRef) -> Result<bool> {
        use crate::journal::{CheckinId, CravingId, CravingOutcome, EntryKind, LapseId};
        match entry.kind {
            EntryKind::Lapse => {
                self.lapse(LapseId(entry.id))?;
                Ok(true)
            }
            EntryKind::Craving => {
                let craving = self.craving(CravingId(entry.id))?;
                if craving.outcome != Some(CravingOutcome::Used) {
                    return Ok(false);
                }
                let at = DateTime::parse_from_rfc3339(&craving.occurred_at)
                    .map_err(|_| crate::error::Error::Internal("stored time unreadable"))?;
                self.use_follows_gap(at)
            }
            EntryKind::Checkin => {
                let checkin = self.checkin(CheckinId(entry.id))?;
                if checkin.answers.used_today != Some(true) {
                    return Ok(false);
                }
                let noon = parse_stored_day(&checkin.date)?
                    .and_hms_opt(12, 0, 0)
                    .ok_or(crate::error::Error::Internal("stored day unreadable"))?
                    .and_utc()
                    .fixed_offset();
                self.use_follows_gap(noon)
            }
            EntryKind::Mood | EntryKind::Journal | EntryKind::Review => Ok(false),
        }
    }
}
