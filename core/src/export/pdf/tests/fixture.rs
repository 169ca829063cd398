//! A hand-built summary over any number of days, generated from a seeded pattern. The raw
//! entries are kept beside the report so tests can work out every printed figure themselves.

use chrono::{Datelike, Duration, NaiveDate};

use super::report::build_report;

use crate::export::{SummaryReport, SummarySection};
use crate::insights::model::{
    CheckinFigures, DayCravings, DayMood, DayRange, DurationFigures, HaltCounts, HeatCell,
    Insights, OutcomeCounts, PeriodFigures,
};
use crate::journal::RecoverySummary;

/// A tiny deterministic generator (64-bit LCG), so fixtures are the same on every run.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u32) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % u64::from(n)) as u32
    }
}

pub const TRIGGERS: [&str; 6] = [
    "Payday",
    "Old friend from the estate",
    "Arguments at home",
    "Feeling lonely in the evening",
    "Walking past the chemist",
    "Poor sleep",
];
pub const STRATEGIES: [&str; 4] = [
    "Urge surfing",
    "Call my sponsor",
    "Walk round the park",
    "Cold water on the face",
];
pub const QUESTIONS: [(&str, &str); 4] = [
    ("slept_well", "Slept well"),
    ("ate_well", "Ate properly"),
    ("took_medication", "Took medication as prescribed"),
    ("attended_support", "Meeting, therapy or keyworker"),
];

/// How a generated craving ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Passed,
    Used,
    Ongoing,
    Unrecorded,
}

/// One generated craving.
pub struct RawCraving {
    pub day: usize,
    pub hour: u8,
    pub intensity: u8,
    pub minutes: Option<u32>,
    pub end: End,
    pub halt: [bool; 4],
    pub triggers: Vec<usize>,
    pub strategies: Vec<usize>,
}

/// The raw entries and the report made from them.
pub struct Fixture {
    pub first: NaiveDate,
    pub days: usize,
    pub cravings: Vec<RawCraving>,
    /// (day index, mood 1-10).
    pub moods: Vec<(usize, u8)>,
    /// Per day: `None` when no check-in, else each question's answer and the day's rating.
    pub checkins: Vec<Option<([Option<bool>; 4], u8)>>,
    /// (Monday or first day, attended, missed).
    pub meetings: Vec<(NaiveDate, u32, u32)>,
    pub report: SummaryReport,
}

pub fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `days` days from `first`, all sections but `excluded`, made on `made`.
pub fn fixture(first: NaiveDate, days: usize, seed: u64, excluded: &[SummarySection]) -> Fixture {
    let mut rng = Lcg::new(seed);
    let mut cravings = Vec::new();
    let mut moods = Vec::new();
    let mut checkins = Vec::new();
    for day in 0..days {
        let weekday = (first + Duration::days(day as i64))
            .weekday()
            .num_days_from_monday();
        let n = rng.below(3) + u32::from(weekday == 4) + u32::from(rng.below(6) == 0);
        for _ in 0..n {
            let end = match rng.below(20) {
                0..=13 => End::Passed,
                14..=15 => End::Used,
                16 => End::Ongoing,
                _ => End::Unrecorded,
            };
            let triggers = (0..rng.below(3)).map(|_| rng.below(6) as usize).collect();
            let mut strategies: Vec<usize> =
                (0..rng.below(3)).map(|_| rng.below(4) as usize).collect();
            strategies.dedup();
            cravings.push(RawCraving {
                day,
                hour: [8u8, 13, 18, 21, 22][rng.below(5) as usize],
                intensity: 2 + rng.below(8) as u8,
                minutes: (rng.below(5) != 0)
                    .then(|| [3u32, 8, 12, 20, 25, 45, 70][rng.below(7) as usize]),
                end,
                halt: [
                    rng.below(3) == 0,
                    rng.below(4) == 0,
                    rng.below(3) == 0,
                    rng.below(2) == 0,
                ],
                triggers,
                strategies,
            });
        }
        for _ in 0..rng.below(3) {
            moods.push((day, 3 + rng.below(7) as u8));
        }
        checkins.push((rng.below(5) != 0).then(|| {
            let answer = |r: &mut Lcg| match r.below(5) {
                0 => None,
                1 => Some(false),
                _ => Some(true),
            };
            (
                [
                    answer(&mut rng),
                    answer(&mut rng),
                    answer(&mut rng),
                    answer(&mut rng),
                ],
                4 + rng.below(6) as u8,
            )
        }));
    }
    let last = first + Duration::days(days as i64 - 1);
    let mut meetings = Vec::new();
    // Weeks start on Monday, the first one possibly before the range.
    let mut week = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
    while week <= last {
        meetings.push((week, rng.below(3), rng.below(2)));
        week += Duration::days(7);
    }
    let mut fixture = Fixture {
        first,
        days,
        cravings,
        moods,
        checkins,
        meetings,
        report: empty_report(first, days),
    };
    fixture.report = build_report(&fixture, excluded);
    fixture
}

/// A report for `days` days with nothing logged and no plan.
pub fn empty_report(first: NaiveDate, days: usize) -> SummaryReport {
    let last = first + Duration::days(days as i64 - 1);
    let range = DayRange {
        from: iso(first),
        to: iso(last),
    };
    SummaryReport {
        generated_on: iso(last + Duration::days(1)),
        range: range.clone(),
        sections: SummarySection::defaults(),
        recovery: RecoverySummary {
            start_date: None,
            current_days: 0,
            last_milestone: None,
            next_milestone: None,
            periods: Vec::new(),
            attempts: 0,
            longest_days: 0,
            total_days: 0,
            lapses: 0,
        },
        insights: Insights {
            range: range.clone(),
            totals: PeriodFigures {
                range,
                cravings: 0,
                average_intensity: None,
                average_mood: None,
                checkins_done: 0,
                days: days as u32,
                meetings_attended: 0,
                meetings_missed: 0,
            },
            cravings_per_day: (0..days)
                .map(|i| DayCravings {
                    day: iso(first + Duration::days(i as i64)),
                    count: 0,
                    average_intensity: None,
                    max_intensity: None,
                })
                .collect(),
            mood_per_day: (0..days)
                .map(|i| DayMood {
                    day: iso(first + Duration::days(i as i64)),
                    average: None,
                    rolling_average: None,
                })
                .collect(),
            top_triggers: Vec::new(),
            heatmap: (0..168)
                .map(|i| HeatCell {
                    weekday: (i / 24) as u8,
                    hour: (i % 24) as u8,
                    count: 0,
                })
                .collect(),
            halt: HaltCounts::default(),
            durations: DurationFigures {
                bands: Vec::new(),
                recorded: 0,
                median_minutes: None,
            },
            outcomes: OutcomeCounts::default(),
            what_works: Vec::new(),
            attendance: Vec::new(),
            checkins: CheckinFigures {
                done: 0,
                days: days as u32,
                answers: Vec::new(),
                average_day_rating: None,
            },
            lapses: Vec::new(),
        },
        plan: None,
        journal: Vec::new(),
        notes: Vec::new(),
    }
}
