//! Gentle early-warning signs: a few small, explainable rules over the person's own recent days.
//!
//! Each rule is a pure function of [`RecentDays`] with its thresholds as named constants, and
//! each is documented in `docs/INSIGHTS.md`. A sign says what it saw, with the numbers, and where
//! support is; it is never a diagnosis or a prediction, and a rule stays quiet when there is too
//! little data to compare against.

use chrono::NaiveDate;

use super::facts::{days_before, Facts};
use super::figures::{index_in, Mean};
use super::model::{EarlyWarning, EarlyWarningRule, SupportLink};
use super::range::ValidRange;
use crate::journal::CheckinAnswers;

/// How many days back the rules look, today included: the 7 days of the craving rule plus its 4
/// baseline weeks.
pub const LOOKBACK_DAYS: u32 = 35;

/// Cravings: the last 7 days are compared with the 4 weeks before them.
pub const CRAVING_BASELINE_WEEKS: u32 = 4;
/// Cravings: at least this many weeks of the baseline must have cravings logged.
pub const CRAVING_BASELINE_MIN_WEEKS: usize = 2;
/// Cravings: never fewer than this many in the last 7 days.
pub const CRAVING_MIN_COUNT: u32 = 4;
/// Cravings: at least this multiple of the weekly baseline...
pub const CRAVING_RATIO: f64 = 1.5;
/// ...and at least this many above it.
pub const CRAVING_MIN_EXCESS: f64 = 3.0;

/// Mood: the days looked at, today included.
pub const MOOD_DAYS: u32 = 10;
/// Mood: at least this many of them must have a mood check-in.
pub const MOOD_MIN_DAYS: usize = 5;
/// Mood: the least-squares slope of the daily averages, per day, must be at or below this.
pub const MOOD_SLOPE: f64 = -0.15;
/// Mood: the mean of the last 3 mood days must be at least this far below the first 3's.
pub const MOOD_DROP: f64 = 1.5;
/// Mood: how many mood days are averaged at each end.
pub const MOOD_ENDS: usize = 3;

/// Check-ins: a habit is at least this many check-ins in the 14 days before the last 7.
pub const CHECKIN_HABIT_MIN: usize = 5;
/// Check-ins: at most this many in the last 7 days (ending yesterday) counts as fewer.
pub const CHECKIN_RECENT_MAX: usize = 2;

/// Meetings: the days looked at, today included.
pub const MEETING_DAYS: u32 = 14;
/// Meetings: at least this many marked missed (and more missed than attended).
pub const MEETING_MISSED_MIN: u32 = 2;

/// High-risk situations: on at least this many of the last 7 days...
pub const HIGH_RISK_MIN_DAYS: usize = 2;
/// ...after none in this many days before them.
pub const HIGH_RISK_QUIET_DAYS: u32 = 14;

/// Sleep: "did not sleep well" on at least this many of the last 7 days.
pub const SLEEP_MIN_DAYS: usize = 3;

/// Tolerance for comparing computed averages with thresholds, so a value exactly at a
/// threshold is not missed by floating-point rounding.
const EPSILON: f64 = 1e-9;

/// What the rules read of one day.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DaySignals {
    /// Cravings logged.
    pub cravings: u32,
    /// The average of the day's mood check-ins.
    pub mood: Option<f64>,
    /// The day's check-in answers, if a check-in was done.
    pub checkin: Option<CheckinAnswers>,
    /// Meetings marked attended.
    pub attended: u32,
    /// Meetings marked missed.
    pub missed: u32,
}

/// The last [`LOOKBACK_DAYS`] days, as the rules read them.
#[derive(Debug, Clone, PartialEq)]
pub struct RecentDays {
    /// Oldest first; the last is today. Days before the first are empty.
    days: Vec<DaySignals>,
}

impl RecentDays {
    /// Days given oldest first, the last being today.
    pub fn new(days: Vec<DaySignals>) -> RecentDays {
        RecentDays { days }
    }

    /// Builds each day from `day(back)`, where `back` is 0 for today, 1 for yesterday, ...
    pub fn from_fn(mut day: impl FnMut(u32) -> DaySignals) -> RecentDays {
        RecentDays {
            days: (0..LOOKBACK_DAYS).rev().map(&mut day).collect(),
        }
    }

    /// The rules' view of `facts` for the [`LOOKBACK_DAYS`] days ending on `today`.
    pub fn from_facts(today: NaiveDate, facts: &Facts) -> RecentDays {
        let span = window(today);
        let n = span.days() as usize;
        let mut days = vec![DaySignals::default(); n];
        let mut moods = vec![Mean::default(); n];
        for c in &facts.cravings {
            if let Some(i) = index_in(span, c.at.day) {
                days[i].cravings += 1;
            }
        }
        for m in &facts.moods {
            if let Some(i) = index_in(span, m.day) {
                moods[i].add(m.mood);
            }
        }
        for c in &facts.checkins {
            if let Some(i) = index_in(span, c.day) {
                days[i].checkin = Some(c.answers);
            }
        }
        for a in &facts.attendance {
            if let Some(i) = index_in(span, a.day) {
                if a.attended {
                    days[i].attended += 1;
                } else {
                    days[i].missed += 1;
                }
            }
        }
        for (day, mood) in days.iter_mut().zip(moods) {
            day.mood = mood.value();
        }
        RecentDays { days }
    }

    /// The day `back` days before today (0 = today); an empty day beyond what is held.
    pub fn day(&self, back: u32) -> DaySignals {
        usize::try_from(back)
            .ok()
            .and_then(|b| self.days.len().checked_sub(b + 1))
            .and_then(|i| self.days.get(i))
            .copied()
            .unwrap_or_default()
    }

    /// The days `back` in `backs`, newest first.
    fn days(&self, backs: std::ops::RangeInclusive<u32>) -> impl Iterator<Item = DaySignals> + '_ {
        backs.map(|b| self.day(b))
    }

    /// How many days in `backs` have a check-in matching `answer`.
    fn checkins_where(
        &self,
        backs: std::ops::RangeInclusive<u32>,
        answer: impl Fn(&CheckinAnswers) -> bool,
    ) -> usize {
        self.days(backs)
            .filter(|d| d.checkin.as_ref().is_some_and(&answer))
            .count()
    }
}

/// The days the rules look at, ending on `today`.
pub fn window(today: NaiveDate) -> ValidRange {
    ValidRange {
        from: days_before(today, u64::from(LOOKBACK_DAYS - 1)),
        to: today,
    }
}

fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn sign(
    rule: EarlyWarningRule,
    title: &str,
    detail: String,
    links: &[SupportLink],
) -> EarlyWarning {
    EarlyWarning {
        rule,
        title: title.to_string(),
        detail,
        links: links.to_vec(),
    }
}

/// Cravings in the last 7 days at or above the larger of [`CRAVING_MIN_COUNT`],
/// [`CRAVING_RATIO`] × the weekly baseline, and the baseline + [`CRAVING_MIN_EXCESS`] (each
/// rounded up). The baseline is the weekly average over the 4 weeks before (days -34 to -7),
/// used only when at least [`CRAVING_BASELINE_MIN_WEEKS`] of those weeks have cravings logged.
pub fn cravings_above_baseline(recent: &RecentDays) -> Option<EarlyWarning> {
    let last_week: u32 = recent.days(0..=6).map(|d| d.cravings).sum();
    let weeks: Vec<u32> = (0..CRAVING_BASELINE_WEEKS)
        .map(|w| {
            let first = 7 + 7 * w;
            recent.days(first..=first + 6).map(|d| d.cravings).sum()
        })
        .collect();
    if weeks.iter().filter(|&&n| n > 0).count() < CRAVING_BASELINE_MIN_WEEKS {
        return None;
    }
    let baseline = f64::from(weeks.iter().sum::<u32>()) / f64::from(CRAVING_BASELINE_WEEKS);
    let threshold = f64::from(CRAVING_MIN_COUNT)
        .max((CRAVING_RATIO * baseline - EPSILON).ceil())
        .max((baseline + CRAVING_MIN_EXCESS - EPSILON).ceil());
    if f64::from(last_week) < threshold {
        return None;
    }
    Some(sign(
        EarlyWarningRule::CravingsAboveBaseline,
        "Cravings have been more frequent",
        format!(
            "You logged {} in the last 7 days. In the four weeks before, it was about {} a week.",
            plural(last_week, "craving", "cravings"),
            baseline.round()
        ),
        &[
            SupportLink::Plan,
            SupportLink::Toolkit,
            SupportLink::Contacts,
        ],
    ))
}

/// The least-squares slope of `points` (x, y); `None` when every x is the same.
pub fn slope(points: &[(f64, f64)]) -> Option<f64> {
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

/// Over the last [`MOOD_DAYS`] days, with a mood on at least [`MOOD_MIN_DAYS`] of them: the
/// daily averages' least-squares slope is at or below [`MOOD_SLOPE`] per day, and the mean of
/// the last [`MOOD_ENDS`] mood days is at least [`MOOD_DROP`] below the mean of the first.
pub fn mood_trending_down(recent: &RecentDays) -> Option<EarlyWarning> {
    let points: Vec<(f64, f64)> = (0..MOOD_DAYS)
        .rev()
        .filter_map(|back| {
            let x = f64::from(MOOD_DAYS - 1 - back);
            recent.day(back).mood.map(|y| (x, y))
        })
        .collect();
    if points.len() < MOOD_MIN_DAYS {
        return None;
    }
    let trend = slope(&points)?;
    let ends = |p: &[(f64, f64)]| p.iter().map(|p| p.1).sum::<f64>() / p.len() as f64;
    let first = ends(&points[..MOOD_ENDS]);
    let last = ends(&points[points.len() - MOOD_ENDS..]);
    if trend > MOOD_SLOPE + EPSILON || first - last < MOOD_DROP - EPSILON {
        return None;
    }
    Some(sign(
        EarlyWarningRule::MoodTrendingDown,
        "Your mood has been lower lately",
        format!(
            "Over the last {MOOD_DAYS} days your mood check-ins went from about {first:.1} to \
             about {last:.1} out of 10."
        ),
        &[
            SupportLink::Contacts,
            SupportLink::Plan,
            SupportLink::Toolkit,
        ],
    ))
}

/// A habit of at least [`CHECKIN_HABIT_MIN`] check-ins in days -21 to -8, then at most
/// [`CHECKIN_RECENT_MAX`] in days -7 to -1 (today may not be done yet).
pub fn checkins_missed(recent: &RecentDays) -> Option<EarlyWarning> {
    let done = |backs| recent.checkins_where(backs, |_| true);
    let habit = done(8..=21);
    let lately = done(1..=7);
    if habit < CHECKIN_HABIT_MIN || lately > CHECKIN_RECENT_MAX {
        return None;
    }
    let lately = if lately == 0 {
        "no daily check-ins".to_string()
    } else {
        plural(lately as u64, "daily check-in", "daily check-ins")
    };
    Some(sign(
        EarlyWarningRule::CheckinsMissed,
        "Fewer check-ins lately",
        format!(
            "You did {lately} in the last 7 days (not counting today), after {habit} in the two \
             weeks before."
        ),
        &[SupportLink::Plan, SupportLink::Contacts],
    ))
}

/// In the last [`MEETING_DAYS`] days, at least [`MEETING_MISSED_MIN`] meetings marked missed,
/// and more missed than attended.
pub fn meetings_missed(recent: &RecentDays) -> Option<EarlyWarning> {
    let (attended, missed) = recent
        .days(0..=MEETING_DAYS - 1)
        .fold((0, 0), |(a, m), d| (a + d.attended, m + d.missed));
    if missed < MEETING_MISSED_MIN || missed <= attended {
        return None;
    }
    Some(sign(
        EarlyWarningRule::MeetingsMissed,
        "Some meetings missed lately",
        format!(
            "In the last {MEETING_DAYS} days you marked {} as missed and {attended} as attended.",
            plural(missed, "meeting", "meetings"),
        ),
        &[
            SupportLink::Meetings,
            SupportLink::Contacts,
            SupportLink::Plan,
        ],
    ))
}

/// Check-ins noting a high-risk situation on at least [`HIGH_RISK_MIN_DAYS`] of the last 7 days,
/// after none in the [`HIGH_RISK_QUIET_DAYS`] days before.
pub fn high_risk_returning(recent: &RecentDays) -> Option<EarlyWarning> {
    let risky = |a: &CheckinAnswers| a.high_risk_situation == Some(true);
    let lately = recent.checkins_where(0..=6, risky);
    let before = recent.checkins_where(7..=6 + HIGH_RISK_QUIET_DAYS, risky);
    if lately < HIGH_RISK_MIN_DAYS || before > 0 {
        return None;
    }
    Some(sign(
        EarlyWarningRule::HighRiskReturning,
        "High-risk situations have come up again",
        format!(
            "Your check-ins noted a high-risk situation on {lately} of the last 7 days, and on \
             none of the {HIGH_RISK_QUIET_DAYS} days before."
        ),
        &[
            SupportLink::Plan,
            SupportLink::Contacts,
            SupportLink::Meetings,
        ],
    ))
}

/// Check-ins answering "slept well: no" on at least [`SLEEP_MIN_DAYS`] of the last 7 days.
pub fn sleep_problems(recent: &RecentDays) -> Option<EarlyWarning> {
    let poor = recent.checkins_where(0..=6, |a| a.slept_well == Some(false));
    if poor < SLEEP_MIN_DAYS {
        return None;
    }
    Some(sign(
        EarlyWarningRule::SleepProblems,
        "Sleep has been hard lately",
        format!("Your check-ins noted poor sleep on {poor} of the last 7 days."),
        &[
            SupportLink::Toolkit,
            SupportLink::Plan,
            SupportLink::Contacts,
        ],
    ))
}

/// Every rule's sign, in the order of [`EarlyWarningRule`]; empty on a steady history.
pub fn early_warnings(recent: &RecentDays) -> Vec<EarlyWarning> {
    [
        cravings_above_baseline,
        mood_trending_down,
        checkins_missed,
        meetings_missed,
        high_risk_returning,
        sleep_problems,
    ]
    .iter()
    .filter_map(|rule| rule(recent))
    .collect()
}
