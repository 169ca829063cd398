//! The dashboard and the insights over a range: loads the light rows of a span of days with
//! range-bounded queries on the time and day indexes (never the whole history), then hands them
//! to the pure computations in [`crate::insights`].

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::rows::{day_text, from_flag, parse_stored_day};
use super::what_works::tried_row;
use super::Store;
use crate::error::{Error, Result};
use crate::insights::dashboard::{build_dashboard, dashboard_window};
use crate::insights::facts::{
    days_before, wall_clock, AttendanceFact, CheckinFact, CravingFact, Facts, InstantBounds,
    LapseFact, MoodFact, TriggerInfo,
};
use crate::insights::figures::{self, MOOD_ROLLING_DAYS};
use crate::insights::{Dashboard, Insights, TriedCraving, ValidRange};
use crate::journal::{CheckinAnswers, Clock, CravingId, CravingOutcome, Halt, TriggerId};

/// The live cravings of a span of local days: the time index narrows the scan to the UTC
/// instants that can fall in it (`?1`, `?2`), the wall-clock bounds (`?3`, `?4`) make it exact.
/// Shared by the queries that join from a craving to its links.
macro_rules! craving_span {
    () => {
        "c.deleted_at IS NULL AND c.occurred_at >= ?1 AND c.occurred_at < ?2 \
         AND c.occurred_at + c.utc_offset * 1000 >= ?3 \
         AND c.occurred_at + c.utc_offset * 1000 < ?4"
    };
}

const CRAVINGS_SQL: &str = concat!(
    "SELECT c.id, c.occurred_at, c.utc_offset, c.intensity, c.duration_minutes, c.hungry, \
     c.angry, c.lonely, c.tired, c.outcome FROM craving c WHERE ",
    craving_span!()
);

/// `CROSS JOIN` keeps SQLite from starting at the link tables' own indexes, which would read
/// every link ever made.
const TRIGGER_LINKS_SQL: &str = concat!(
    "SELECT ct.craving_id, ct.trigger_id FROM craving c \
     CROSS JOIN craving_trigger ct ON ct.craving_id = c.id WHERE ",
    craving_span!()
);

const TRIED_SQL: &str = concat!(
    "SELECT cc.strategy_id, cc.craving_id, c.outcome, c.intensity, c.intensity_after \
     FROM craving c CROSS JOIN craving_coping cc ON cc.craving_id = c.id \
     WHERE cc.strategy_id IS NOT NULL AND ",
    craving_span!()
);

const MOODS_SQL: &str = "SELECT occurred_at, utc_offset, mood FROM mood_checkin \
     WHERE deleted_at IS NULL AND occurred_at >= ?1 AND occurred_at < ?2 \
     AND occurred_at + utc_offset * 1000 >= ?3 AND occurred_at + utc_offset * 1000 < ?4";

const LAPSES_SQL: &str = "SELECT id, occurred_at, utc_offset, restarts_counter FROM lapse \
     WHERE deleted_at IS NULL AND occurred_at >= ?1 AND occurred_at < ?2 \
     AND occurred_at + utc_offset * 1000 >= ?3 AND occurred_at + utc_offset * 1000 < ?4 \
     ORDER BY occurred_at, id";

const CHECKINS_SQL: &str = "SELECT checkin_date, slept_well, ate_well, took_medication, \
     attended_support, contacted_someone, healthy_activity, high_risk_situation, used_today, \
     day_rating FROM daily_checkin \
     WHERE deleted_at IS NULL AND checkin_date BETWEEN ?1 AND ?2";

const ATTENDANCE_SQL: &str =
    "SELECT local_date, attended FROM meeting_attendance WHERE local_date BETWEEN ?1 AND ?2";

/// Every query above, for the test that checks each reads through an index.
#[cfg(test)]
pub(super) const QUERIES: [&str; 7] = [
    CRAVINGS_SQL,
    TRIGGER_LINKS_SQL,
    TRIED_SQL,
    MOODS_SQL,
    LAPSES_SQL,
    CHECKINS_SQL,
    ATTENDANCE_SQL,
];

/// A stored instant's wall clock, or the error a damaged row deserves.
fn stored_wall_clock(millis: i64, offset: i64) -> Result<crate::insights::facts::WallClock> {
    wall_clock(millis, offset).ok_or(Error::Internal("stored time out of range"))
}

fn bounds_params(b: InstantBounds) -> [i64; 4] {
    [b.utc_from, b.utc_to, b.local_from, b.local_to]
}

impl Store {
    /// The live cravings logged on the local days `from..=to`.
    fn craving_facts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CravingFact>> {
        let mut stmt = self.conn.prepare_cached(CRAVINGS_SQL)?;
        let mut rows = stmt.query(bounds_params(InstantBounds::of_days(from, to)))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let outcome: Option<String> = r.get(9)?;
            out.push(CravingFact {
                id: CravingId(r.get(0)?),
                at: stored_wall_clock(r.get(1)?, r.get(2)?)?,
                intensity: r.get(3)?,
                duration_minutes: r.get(4)?,
                halt: Halt {
                    hungry: r.get(5)?,
                    angry: r.get(6)?,
                    lonely: r.get(7)?,
                    tired: r.get(8)?,
                },
                outcome: outcome.as_deref().and_then(CravingOutcome::from_key),
            });
        }
        Ok(out)
    }

    /// The live mood check-ins logged on the local days `from..=to`.
    fn mood_facts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<MoodFact>> {
        let mut stmt = self.conn.prepare_cached(MOODS_SQL)?;
        let mut rows = stmt.query(bounds_params(InstantBounds::of_days(from, to)))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(MoodFact {
                day: stored_wall_clock(r.get(0)?, r.get(1)?)?.day,
                mood: r.get(2)?,
            });
        }
        Ok(out)
    }

    /// The live daily check-ins for the days `from..=to`.
    fn checkin_facts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CheckinFact>> {
        let mut stmt = self.conn.prepare_cached(CHECKINS_SQL)?;
        let mut rows = stmt.query(params![day_text(from), day_text(to)])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let day: String = r.get(0)?;
            let answer = |i: usize| -> rusqlite::Result<Option<bool>> { Ok(from_flag(r.get(i)?)) };
            out.push(CheckinFact {
                day: parse_stored_day(&day)?,
                answers: CheckinAnswers {
                    slept_well: answer(1)?,
                    ate_well: answer(2)?,
                    took_medication: answer(3)?,
                    attended_support: answer(4)?,
                    contacted_someone: answer(5)?,
                    healthy_activity: answer(6)?,
                    high_risk_situation: answer(7)?,
                    used_today: answer(8)?,
                },
                day_rating: r.get(9)?,
            });
        }
        Ok(out)
    }

    /// The meeting occurrences marked attended or missed on the days `from..=to`.
    fn attendance_facts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<AttendanceFact>> {
        let mut stmt = self.conn.prepare_cached(ATTENDANCE_SQL)?;
        let mut rows = stmt.query(params![day_text(from), day_text(to)])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let day: String = r.get(0)?;
            out.push(AttendanceFact {
                day: parse_stored_day(&day)?,
                attended: r.get(1)?,
            });
        }
        Ok(out)
    }

    /// The live lapses on the local days `from..=to`, oldest first, with their triggers' names.
    fn lapse_facts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<LapseFact>> {
        let mut stmt = self.conn.prepare_cached(LAPSES_SQL)?;
        let mut rows = stmt.query(bounds_params(InstantBounds::of_days(from, to)))?;
        let mut found = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            found.push((id, stored_wall_clock(r.get(1)?, r.get(2)?)?.day, r.get(3)?));
        }
        let mut names = self.conn.prepare_cached(
            "SELECT t.name FROM lapse_trigger lt JOIN trigger_item t ON t.id = lt.trigger_id \
             WHERE lt.lapse_id = ?1 ORDER BY t.name COLLATE NOCASE, t.id",
        )?;
        let mut out = Vec::with_capacity(found.len());
        for (id, day, restarted_counter) in found {
            let triggers = names
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            out.push(LapseFact {
                day,
                restarted_counter,
                triggers,
            });
        }
        Ok(out)
    }

    /// The trigger links of the live cravings on the local days `from..=to`.
    fn trigger_link_facts(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(CravingId, TriggerId)>> {
        let mut stmt = self.conn.prepare_cached(TRIGGER_LINKS_SQL)?;
        let rows = stmt.query_map(bounds_params(InstantBounds::of_days(from, to)), |r| {
            Ok((CravingId(r.get(0)?), TriggerId(r.get(1)?)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The coping lines naming a strategy of the live cravings on the local days `from..=to`.
    fn tried_facts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<TriedCraving>> {
        let mut stmt = self.conn.prepare_cached(TRIED_SQL)?;
        let rows = stmt.query_map(bounds_params(InstantBounds::of_days(from, to)), tried_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The whole trigger catalogue (a few dozen rows), archived triggers included.
    fn trigger_infos(&self) -> Result<HashMap<TriggerId, TriggerInfo>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name, category FROM trigger_item")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                TriggerId(r.get(0)?),
                TriggerInfo {
                    name: r.get(1)?,
                    category: r.get(2)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The home dashboard as of now.
    pub fn dashboard(&self, clock: &dyn Clock) -> Result<Dashboard> {
        let today = clock.now().date_naive();
        let span = dashboard_window(today);
        let (from, to) = (span.from, span.to);
        let facts = Facts {
            cravings: self.craving_facts(from, to)?,
            moods: self.mood_facts(from, to)?,
            checkins: self.checkin_facts(from, to)?,
            attendance: self.attendance_facts(from, to)?,
            ..Facts::default()
        };
        Ok(build_dashboard(
            today,
            self.recovery_summary(clock)?,
            &facts,
        ))
    }

    /// Every chart's figures over `range`.
    pub fn insights(&self, range: ValidRange) -> Result<Insights> {
        let (from, to) = (range.from, range.to);
        let facts = Facts {
            cravings: self.craving_facts(from, to)?,
            moods: self.mood_facts(days_before(from, MOOD_ROLLING_DAYS - 1), to)?,
            checkins: self.checkin_facts(from, to)?,
            attendance: self.attendance_facts(from, to)?,
            lapses: self.lapse_facts(from, to)?,
            trigger_links: self.trigger_link_facts(from, to)?,
            triggers: self.trigger_infos()?,
            tried: self.tried_facts(from, to)?,
            strategy_titles: self.strategy_titles()?,
        };
        Ok(figures::insights(range, &facts))
    }
}
