//! The figures the insights screens and the counsellor summary show, as plain data.
//!
//! Everything here is computed from the person's own entries over a range of their own calendar
//! days (an entry's day is the day on the clock where it was logged). Averages are `None` when
//! there is nothing to average, never 0, so "no data" is never shown as "a bad day".

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::insights::what_works::WhatWorks;
use crate::journal::{RecoverySummary, TriggerId};

/// An inclusive range of the person's calendar days, as `YYYY-MM-DD` text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DayRange {
    /// The first day.
    pub from: String,
    /// The last day (inclusive).
    pub to: String,
}

/// The figures for one stretch of days, as the dashboard compares them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PeriodFigures {
    /// The days covered.
    pub range: DayRange,
    /// Cravings logged.
    pub cravings: u32,
    /// Their average intensity (0-10).
    pub average_intensity: Option<f64>,
    /// The average of every mood check-in (1-10).
    pub average_mood: Option<f64>,
    /// Days with a daily check-in.
    pub checkins_done: u32,
    /// Days in the range (so "5 of 7" can be said).
    pub days: u32,
    /// Meeting occurrences marked attended.
    pub meetings_attended: u32,
    /// Meeting occurrences marked missed.
    pub meetings_missed: u32,
}

/// The home dashboard: recovery time, the last 7 days against the 7 before, and any
/// early-warning signs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    /// Today, in the person's zone.
    pub today: String,
    /// Days in recovery and the next milestone.
    pub recovery: RecoverySummary,
    /// The last 7 days, today included.
    pub this_week: PeriodFigures,
    /// The 7 days before those.
    pub last_week: PeriodFigures,
    /// Gentle early-warning signs seen in the person's own data; empty on a steady history.
    pub warnings: Vec<EarlyWarning>,
}

/// Which early-warning rule noticed something. Each is documented in `docs/INSIGHTS.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum EarlyWarningRule {
    /// Cravings in the last 7 days clearly above the person's own recent weekly level.
    CravingsAboveBaseline,
    /// Mood drifting down over the last 10 days.
    MoodTrendingDown,
    /// Several daily check-ins not done lately, after a habit of doing them.
    CheckinsMissed,
    /// Several meetings marked missed lately.
    MeetingsMissed,
    /// High-risk situations reported in check-ins again.
    HighRiskReturning,
    /// Poor sleep reported several times lately.
    SleepProblems,
}

/// Where an early-warning sign points the person for support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SupportLink {
    /// Their relapse-prevention plan.
    Plan,
    /// Their support network.
    Contacts,
    /// Their meetings.
    Meetings,
    /// The coping toolkit.
    Toolkit,
}

/// One early-warning sign: what the rule saw, in plain words, and where to find support.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EarlyWarning {
    /// The rule that noticed it.
    pub rule: EarlyWarningRule,
    /// A short, gentle heading, e.g. "Cravings have been more frequent".
    pub title: String,
    /// What it saw, with the numbers, e.g. "12 cravings in the last 7 days; your usual is
    /// about 5 a week." Never a diagnosis or a prediction.
    pub detail: String,
    /// Where the person can look for support, first one first.
    pub links: Vec<SupportLink>,
}

/// Cravings on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DayCravings {
    /// The day.
    pub day: String,
    /// Cravings logged.
    pub count: u32,
    /// Their average intensity.
    pub average_intensity: Option<f64>,
    /// The strongest.
    pub max_intensity: Option<u8>,
}

/// Mood on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DayMood {
    /// The day.
    pub day: String,
    /// The average of that day's check-ins.
    pub average: Option<f64>,
    /// The average of every check-in in the 7 days ending that day (a day with none is skipped,
    /// not counted as 0).
    pub rolling_average: Option<f64>,
}

/// How often one trigger was linked to a craving in the range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TriggerCount {
    /// The trigger.
    pub trigger_id: TriggerId,
    /// Its name now.
    pub name: String,
    /// Its category key.
    pub category: String,
    /// Cravings linked to it.
    pub count: u32,
}

/// Cravings at one weekday and hour of the day, on the clock where each was logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HeatCell {
    /// 0 = Monday ... 6 = Sunday.
    pub weekday: u8,
    /// 0-23.
    pub hour: u8,
    /// Cravings.
    pub count: u32,
}

/// How many cravings had each HALT state ticked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HaltCounts {
    /// Hungry.
    pub hungry: u32,
    /// Angry.
    pub angry: u32,
    /// Lonely.
    pub lonely: u32,
    /// Tired.
    pub tired: u32,
    /// With none ticked.
    pub none: u32,
    /// Cravings in all.
    pub total: u32,
}

/// Cravings whose recorded length falls in one band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DurationBand {
    /// The band's label, e.g. "5-15 min".
    pub label: String,
    /// Its lower bound in minutes (inclusive).
    pub min_minutes: u32,
    /// Its upper bound in minutes (exclusive); `None` for the last, open band.
    pub max_minutes: Option<u32>,
    /// Cravings.
    pub count: u32,
}

/// How long cravings lasted: bands, and the middle value, to show that they pass.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DurationFigures {
    /// The bands, shortest first.
    pub bands: Vec<DurationBand>,
    /// Cravings with a length recorded.
    pub recorded: u32,
    /// The median length in minutes.
    pub median_minutes: Option<f64>,
}

/// How cravings ended.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeCounts {
    /// Passed without use.
    pub passed: u32,
    /// Used.
    pub used: u32,
    /// Still going when logged.
    pub ongoing: u32,
    /// Not recorded.
    pub unrecorded: u32,
}

/// Meeting attendance in one week (Monday start).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WeekAttendance {
    /// The Monday.
    pub week_start: String,
    /// Occurrences marked attended.
    pub attended: u32,
    /// Occurrences marked missed.
    pub missed: u32,
}

/// One yes/no question of the daily check-in, over the range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AnswerCount {
    /// The answer's key, e.g. "took_medication".
    pub key: String,
    /// Its label, e.g. "Took medication as prescribed".
    pub label: String,
    /// Check-ins answering yes.
    pub yes: u32,
    /// Check-ins answering no.
    pub no: u32,
}

/// The daily check-ins over the range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckinFigures {
    /// Days with a check-in.
    pub done: u32,
    /// Days in the range.
    pub days: u32,
    /// Each question's yes and no counts, in the order they are asked.
    pub answers: Vec<AnswerCount>,
    /// The average "rating of the day" (1-10).
    pub average_day_rating: Option<f64>,
}

/// One lapse in the range, as the summary lists it (no free text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LapseDay {
    /// The day.
    pub day: String,
    /// Whether the person chose to restart their recovery count from it.
    pub restarted_counter: bool,
    /// The names of the triggers linked to it.
    pub triggers: Vec<String>,
}

/// Every figure the charts and the summary use, over one range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Insights {
    /// The days covered.
    pub range: DayRange,
    /// Totals over the range, as the dashboard counts them.
    pub totals: PeriodFigures,
    /// Cravings per day; every day of the range, in order, zero days included.
    pub cravings_per_day: Vec<DayCravings>,
    /// Mood per day; every day of the range, in order.
    pub mood_per_day: Vec<DayMood>,
    /// The most frequent triggers, most first (at most 10).
    pub top_triggers: Vec<TriggerCount>,
    /// All 168 weekday-by-hour cells, Monday 00:00 first.
    pub heatmap: Vec<HeatCell>,
    /// HALT states ticked.
    pub halt: HaltCounts,
    /// How long cravings lasted.
    pub durations: DurationFigures,
    /// How cravings ended.
    pub outcomes: OutcomeCounts,
    /// Coping strategies tried during cravings in the range, best first.
    pub what_works: Vec<WhatWorks>,
    /// Meeting attendance per week, oldest first.
    pub attendance: Vec<WeekAttendance>,
    /// Daily check-ins.
    pub checkins: CheckinFigures,
    /// Lapses, oldest first.
    pub lapses: Vec<LapseDay>,
}
