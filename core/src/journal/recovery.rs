//! Recovery time: days since the start date, milestones, and the history of periods.
//!
//! Periods are derived, never stored: the first starts on the recovery start date, and each
//! lapse the person chose to restart the counter with ends one period and starts the next on
//! the lapse's day. Editing or deleting a lapse therefore always leaves a consistent history.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

/// A milestone: a day count with its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    /// Days from the start date.
    pub days: u32,
    /// Its name, e.g. "1 week".
    pub label: String,
    /// The day it falls on, YYYY-MM-DD.
    pub date: String,
}

/// One stretch of recovery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryPeriod {
    /// First day, YYYY-MM-DD.
    pub start: String,
    /// The day it ended (a lapse that restarted the counter), or `None` for the current one.
    pub end: Option<String>,
    /// Its length in whole days.
    pub days: u32,
}

/// Everything the recovery view shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RecoverySummary {
    /// The recovery start date, if the person set one.
    pub start_date: Option<String>,
    /// Days in the current period.
    pub current_days: u32,
    /// The last milestone reached in the current period.
    pub last_milestone: Option<Milestone>,
    /// The next milestone of the current period.
    pub next_milestone: Option<Milestone>,
    /// Every period, oldest first; the last is the current one.
    pub periods: Vec<RecoveryPeriod>,
    /// How many periods there have been (attempts).
    pub attempts: u32,
    /// The longest period, in days.
    pub longest_days: u32,
    /// Days in recovery across all periods.
    pub total_days: u32,
    /// Lapses logged in all, whether or not they restarted the counter.
    pub lapses: u32,
}

/// The milestone a day count reaches, with its date from `start`, for the fixed ladder:
/// 1 day, 3 days, 1 week, 2 weeks, 30, 60, 90 days, then 6 months, 9 months, 1 year and
/// each year after, counted by the calendar.
fn milestones_from(start: NaiveDate) -> impl Iterator<Item = (NaiveDate, String)> {
    let fixed = [
        (1, "1 day"),
        (3, "3 days"),
        (7, "1 week"),
        (14, "2 weeks"),
        (30, "30 days"),
        (60, "60 days"),
        (90, "90 days"),
    ]
    .into_iter()
    .map(move |(d, label)| (start + chrono::Duration::days(d), label.to_string()));
    let months = [(6, "6 months"), (9, "9 months")]
        .into_iter()
        .filter_map(move |(m, label)| {
            start
                .checked_add_months(Months::new(m))
                .map(|d| (d, label.to_string()))
        });
    let years = (1u32..200).filter_map(move |y| {
        start.checked_add_months(Months::new(12 * y)).map(|d| {
            let label = if y == 1 {
                "1 year".to_string()
            } else {
                format!("{y} years")
            };
            (d, label)
        })
    });
    fixed.chain(months).chain(years)
}

fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days()).unwrap_or(0)
}

fn milestone(start: NaiveDate, (date, label): (NaiveDate, String)) -> Milestone {
    Milestone {
        days: days_between(start, date),
        label,
        date: date.to_string(),
    }
}

/// The last milestone reached by `today` and the next one, for a period starting on `start`.
pub fn milestones(start: NaiveDate, today: NaiveDate) -> (Option<Milestone>, Option<Milestone>) {
    let mut last = None;
    for m in milestones_from(start) {
        if m.0 <= today {
            last = Some(m);
        } else {
            return (last.map(|l| milestone(start, l)), Some(milestone(start, m)));
        }
    }
    (last.map(|l| milestone(start, l)), None)
}

/// Builds the summary from the start date, the days of lapses that restarted the counter
/// (any order), the total number of lapses, and today.
pub fn summarise(
    start: Option<NaiveDate>,
    restarts: &[NaiveDate],
    lapses: u32,
    today: NaiveDate,
) -> RecoverySummary {
    let Some(start) = start else {
        return RecoverySummary {
            start_date: None,
            current_days: 0,
            last_milestone: None,
            next_milestone: None,
            periods: Vec::new(),
            attempts: 0,
            longest_days: 0,
            total_days: 0,
            lapses,
        };
    };
    let mut cuts: Vec<NaiveDate> = restarts
        .iter()
        .copied()
        .filter(|d| *d > start && *d <= today)
        .collect();
    cuts.sort();
    cuts.dedup();
    let mut periods = Vec::with_capacity(cuts.len() + 1);
    let mut from = start;
    for cut in cuts {
        periods.push(RecoveryPeriod {
            start: from.to_string(),
            end: Some(cut.to_string()),
            days: days_between(from, cut),
        });
        from = cut;
    }
    let current_days = days_between(from, today);
    periods.push(RecoveryPeriod {
        start: from.to_string(),
        end: None,
        days: current_days,
    });
    let (last_milestone, next_milestone) = milestones(from, today);
    RecoverySummary {
        start_date: Some(start.to_string()),
        current_days,
        last_milestone,
        next_milestone,
        attempts: periods.len() as u32,
        longest_days: periods.iter().map(|p| p.days).max().unwrap_or(0),
        total_days: periods.iter().map(|p| p.days).sum(),
        periods,
        lapses,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[rstest]
    #[case("2026-11-22", None, "1 day")]
    #[case("2026-11-23", Some("1 day"), "3 days")]
    #[case("2026-11-29", Some("1 week"), "2 weeks")]
    #[case("2027-02-20", Some("90 days"), "6 months")]
    #[case("2027-05-22", Some("6 months"), "9 months")]
    #[case("2027-11-22", Some("1 year"), "2 years")]
    #[case("2029-11-21", Some("2 years"), "3 years")]
    fn the_milestone_ladder(#[case] today: &str, #[case] last: Option<&str>, #[case] next: &str) {
        let (l, n) = milestones(day("2026-11-22"), day(today));
        assert_eq!(l.map(|m| m.label), last.map(String::from));
        assert_eq!(n.unwrap().label, next);
    }

    #[test]
    fn six_months_from_the_31st_lands_on_the_month_end() {
        let (_, next) = milestones(day("2026-08-31"), day("2026-12-01"));
        let next = next.unwrap();
        assert_eq!(next.label, "6 months");
        assert_eq!(next.date, "2027-02-28");
    }

    #[test]
    fn a_restart_splits_the_history_and_keeps_every_period() {
        let s = summarise(
            Some(day("2026-01-01")),
            &[day("2026-03-01"), day("2026-02-01")],
            3,
            day("2026-03-11"),
        );
        assert_eq!(s.attempts, 3);
        assert_eq!(
            s.periods.iter().map(|p| p.days).collect::<Vec<_>>(),
            vec![31, 28, 10]
        );
        assert_eq!(s.current_days, 10);
        assert_eq!(s.longest_days, 31);
        assert_eq!(s.total_days, 69);
        assert_eq!(s.lapses, 3);
        assert_eq!(s.next_milestone.unwrap().label, "2 weeks");
    }

    #[test]
    fn restarts_before_the_start_or_in_the_future_are_ignored() {
        let s = summarise(
            Some(day("2026-01-10")),
            &[day("2026-01-01"), day("2026-02-01")],
            2,
            day("2026-01-20"),
        );
        assert_eq!(s.attempts, 1);
        assert_eq!(s.current_days, 10);
    }

    proptest! {
        #[test]
        fn total_days_always_equals_start_to_today(
            offsets in proptest::collection::vec(0i64..400, 0..10),
            length in 0i64..400,
        ) {
            let start = day("2025-01-01");
            let today = start + chrono::Duration::days(length);
            let restarts: Vec<_> = offsets.iter().map(|o| start + chrono::Duration::days(*o)).collect();
            let s = summarise(Some(start), &restarts, offsets.len() as u32, today);
            prop_assert_eq!(i64::from(s.total_days), length);
            prop_assert!(s.longest_days >= s.current_days);
            prop_assert_eq!(s.periods.len() as u32, s.attempts);
        }
    }
}
