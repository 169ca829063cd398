//! The light rows every insight is computed from, already placed on the person's calendar:
//! one per craving, mood check-in, daily check-in, marked meeting and lapse. The store loads
//! them for a span of days; everything after that is pure computation over this plain data.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};

use crate::insights::what_works::TriedCraving;
use crate::journal::ids::StrategyId;
use crate::journal::{CheckinAnswers, CravingId, CravingOutcome, Halt, TriggerId};

/// Milliseconds in a day.
const DAY_MS: i64 = 86_400_000;
/// Milliseconds in an hour.
const HOUR_MS: i64 = 3_600_000;
/// Days from 0001-01-01 (chrono's day 1) to 1970-01-01.
const EPOCH_DAYS_FROM_CE: i64 = 719_163;
/// The widest stored UTC offset (the schema allows up to a day less a second), so a UTC span
/// widened by this much on each side holds every instant of a span of local days.
pub const MAX_OFFSET_MS: i64 = DAY_MS;

/// Where an instant falls on the wall clock it was logged at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WallClock {
    /// The calendar day.
    pub day: NaiveDate,
    /// 0 = Monday ... 6 = Sunday.
    pub weekday: u8,
    /// 0-23.
    pub hour: u8,
}

/// The day, weekday and hour of a stored instant (UTC milliseconds plus the offset in seconds
/// it was logged at). Plain arithmetic: this runs once per row over years of entries.
pub fn wall_clock(millis: i64, offset_seconds: i64) -> Option<WallClock> {
    let local = millis.checked_add(offset_seconds.checked_mul(1000)?)?;
    let days = local.div_euclid(DAY_MS);
    let day = NaiveDate::from_num_days_from_ce_opt(
        i32::try_from(days.checked_add(EPOCH_DAYS_FROM_CE)?).ok()?,
    )?;
    Some(WallClock {
        day,
        weekday: u8::try_from(day.weekday().num_days_from_monday()).ok()?,
        hour: u8::try_from(local.rem_euclid(DAY_MS) / HOUR_MS).ok()?,
    })
}

/// Local midnight at the start of `day`, as milliseconds on the same scale as
/// `occurred_at + utc_offset * 1000`.
pub fn local_midnight_ms(day: NaiveDate) -> i64 {
    (i64::from(day.num_days_from_ce()) - EPOCH_DAYS_FROM_CE) * DAY_MS
}

/// The bounds a query over the local days `from..=to` uses: `[utc_from, utc_to)` on
/// `occurred_at` (so the time index narrows the scan) and `[local_from, local_to)` on
/// `occurred_at + utc_offset * 1000` (so the day is exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InstantBounds {
    /// Lowest `occurred_at` that can fall in the span.
    pub utc_from: i64,
    /// Above the highest `occurred_at` that can fall in the span.
    pub utc_to: i64,
    /// The span's first local midnight.
    pub local_from: i64,
    /// The local midnight after its last day.
    pub local_to: i64,
}

impl InstantBounds {
    /// The bounds of the local days `from..=to`.
    pub fn of_days(from: NaiveDate, to: NaiveDate) -> InstantBounds {
        let local_from = local_midnight_ms(from);
        let local_to = local_midnight_ms(to) + DAY_MS;
        InstantBounds {
            utc_from: local_from - MAX_OFFSET_MS,
            utc_to: local_to + MAX_OFFSET_MS,
            local_from,
            local_to,
        }
    }
}

/// `day` moved back by `days`, or the earliest representable day.
pub fn days_before(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_sub_days(Days::new(days))
        .unwrap_or(NaiveDate::MIN)
}

/// One live craving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CravingFact {
    /// Its id, to match trigger links.
    pub id: CravingId,
    /// Where it fell on the wall clock it was logged at.
    pub at: WallClock,
    /// 0-10.
    pub intensity: u8,
    /// How long it lasted, if recorded.
    pub duration_minutes: Option<u32>,
    /// HALT states ticked.
    pub halt: Halt,
    /// How it ended, if recorded.
    pub outcome: Option<CravingOutcome>,
}

/// One live mood check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoodFact {
    /// Its day.
    pub day: NaiveDate,
    /// 1-10.
    pub mood: u8,
}

/// One live daily check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckinFact {
    /// The day it is for.
    pub day: NaiveDate,
    /// The yes/no answers.
    pub answers: CheckinAnswers,
    /// The day's rating, 1-10.
    pub day_rating: Option<u8>,
}

/// One meeting occurrence the person marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttendanceFact {
    /// The local day it took place on.
    pub day: NaiveDate,
    /// Attended (true) or missed.
    pub attended: bool,
}

/// One live lapse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LapseFact {
    /// Its day.
    pub day: NaiveDate,
    /// Whether it restarted the recovery count.
    pub restarted_counter: bool,
    /// Its triggers' names, in name order.
    pub triggers: Vec<String>,
}

/// A trigger as the charts name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriggerInfo {
    /// Its name now.
    pub name: String,
    /// Its category key.
    pub category: String,
}

/// Everything loaded for a span of days. Each list may reach beyond the range being computed
/// (moods start 6 days early for the rolling average); the computations filter by day.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Live cravings.
    pub cravings: Vec<CravingFact>,
    /// Live mood check-ins.
    pub moods: Vec<MoodFact>,
    /// Live daily check-ins.
    pub checkins: Vec<CheckinFact>,
    /// Marked meeting occurrences.
    pub attendance: Vec<AttendanceFact>,
    /// Live lapses.
    pub lapses: Vec<LapseFact>,
    /// (craving, trigger) links of the cravings above.
    pub trigger_links: Vec<(CravingId, TriggerId)>,
    /// The trigger catalogue, archived triggers included.
    pub triggers: HashMap<TriggerId, TriggerInfo>,
    /// Coping lines of the cravings above that name a strategy.
    pub tried: Vec<TriedCraving>,
    /// Every strategy's title.
    pub strategy_titles: HashMap<StrategyId, String>,
}

/// A count as the figures carry it.
pub(crate) fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Timelike};

    use super::*;

    #[test]
    fn the_wall_clock_matches_chrono_on_both_sides_of_midnight() {
        for (text, offset) in [
            ("2026-11-22T23:30:00+00:00", 0),
            ("2026-11-22T23:30:00+00:00", 3600),
            ("2026-11-22T00:30:00+00:00", -3600),
            ("2026-03-29T01:15:00+00:00", 14 * 3600),
            ("2026-03-29T01:15:00+00:00", -86399),
            ("1969-12-31T23:59:59+00:00", 0),
        ] {
            let utc = DateTime::parse_from_rfc3339(text).unwrap();
            let offset_fixed = chrono::FixedOffset::east_opt(offset).unwrap();
            let local = utc.with_timezone(&offset_fixed);
            let got = wall_clock(utc.timestamp_millis(), i64::from(offset)).unwrap();
            assert_eq!(got.day, local.date_naive(), "{text} {offset}");
            assert_eq!(u32::from(got.hour), local.hour(), "{text} {offset}");
            assert_eq!(
                u32::from(got.weekday),
                local.weekday().num_days_from_monday()
            );
        }
    }

    #[test]
    fn bounds_cover_exactly_the_local_days() {
        let from: NaiveDate = "2026-11-01".parse().unwrap();
        let to: NaiveDate = "2026-11-30".parse().unwrap();
        let b = InstantBounds::of_days(from, to);
        let first = DateTime::parse_from_rfc3339("2026-11-01T00:00:00+14:00").unwrap();
        let last = DateTime::parse_from_rfc3339("2026-11-30T23:59:59-12:00").unwrap();
        for t in [first, last] {
            let ms = t.timestamp_millis();
            let local = ms + i64::from(t.offset().local_minus_utc()) * 1000;
            assert!(b.utc_from <= ms && ms < b.utc_to);
            assert!(b.local_from <= local && local < b.local_to);
        }
        assert_eq!(b.local_to - b.local_from, 30 * DAY_MS);
    }
}
