//! The report a store would make from a fixture's raw entries, worked out directly here.

use chrono::{Datelike, Duration};

use super::fixture::{
    empty_report, iso, mean, End, Fixture, RawCraving, QUESTIONS, STRATEGIES, TRIGGERS,
};
use crate::export::{SummaryReport, SummarySection};
use crate::insights::model::{
    AnswerCount, CheckinFigures, DurationBand, DurationFigures, LapseDay, TriggerCount,
    WeekAttendance,
};
use crate::insights::what_works::WhatWorks;
use crate::journal::ids::StrategyId;
use crate::journal::recovery::{Milestone, RecoveryPeriod};
use crate::journal::{RecoverySummary, TriggerId};
use crate::plan::{IfThenPlan, RelapsePlan, WarningSign, WarningSignKind, WarningSignStage};

pub fn build_report(f: &Fixture, excluded: &[SummarySection]) -> SummaryReport {
    let mut report = empty_report(f.first, f.days);
    report.sections = SummarySection::ALL
        .into_iter()
        .filter(|s| *s != SummarySection::JournalExcerpts && !excluded.contains(s))
        .collect();
    let ins = &mut report.insights;

    for (day, out) in ins.cravings_per_day.iter_mut().enumerate() {
        let of_day: Vec<&RawCraving> = f.cravings.iter().filter(|c| c.day == day).collect();
        out.count = of_day.len() as u32;
        out.average_intensity = mean(of_day.iter().map(|c| f64::from(c.intensity)));
        out.max_intensity = of_day.iter().map(|c| c.intensity).max();
    }
    for (day, out) in ins.mood_per_day.iter_mut().enumerate() {
        out.average = mean(
            f.moods
                .iter()
                .filter(|m| m.0 == day)
                .map(|m| f64::from(m.1)),
        );
        out.rolling_average = mean(
            f.moods
                .iter()
                .filter(|m| m.0 <= day && m.0 + 7 > day)
                .map(|m| f64::from(m.1)),
        );
    }
    let t = &mut ins.totals;
    t.cravings = f.cravings.len() as u32;
    t.average_intensity = mean(f.cravings.iter().map(|c| f64::from(c.intensity)));
    t.average_mood = mean(f.moods.iter().map(|m| f64::from(m.1)));
    t.checkins_done = f.checkins.iter().flatten().count() as u32;
    t.meetings_attended = f.meetings.iter().map(|m| m.1).sum();
    t.meetings_missed = f.meetings.iter().map(|m| m.2).sum();

    let mut triggers: Vec<TriggerCount> = TRIGGERS
        .iter()
        .enumerate()
        .map(|(i, name)| TriggerCount {
            trigger_id: TriggerId(i as i64 + 1),
            name: name.to_string(),
            category: "feelings".into(),
            count: f
                .cravings
                .iter()
                .filter(|c| c.triggers.contains(&i))
                .count() as u32,
        })
        .filter(|t| t.count > 0)
        .collect();
    triggers.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    ins.top_triggers = triggers;

    for c in &f.cravings {
        let weekday = (f.first + Duration::days(c.day as i64))
            .weekday()
            .num_days_from_monday();
        ins.heatmap[weekday as usize * 24 + usize::from(c.hour)].count += 1;
        let h = &mut ins.halt;
        h.hungry += u32::from(c.halt[0]);
        h.angry += u32::from(c.halt[1]);
        h.lonely += u32::from(c.halt[2]);
        h.tired += u32::from(c.halt[3]);
        h.none += u32::from(!c.halt.iter().any(|x| *x));
        h.total += 1;
        let o = &mut ins.outcomes;
        match c.end {
            End::Passed => o.passed += 1,
            End::Used => o.used += 1,
            End::Ongoing => o.ongoing += 1,
            End::Unrecorded => o.unrecorded += 1,
        }
    }
    let mut minutes: Vec<u32> = f.cravings.iter().filter_map(|c| c.minutes).collect();
    minutes.sort_unstable();
    ins.durations = DurationFigures {
        bands: [
            ("Under 5 min", 0, Some(5)),
            ("5–15 min", 5, Some(15)),
            ("15–30 min", 15, Some(30)),
            ("30–60 min", 30, Some(60)),
            ("60 min or more", 60, None),
        ]
        .into_iter()
        .map(|(label, min, max): (&str, u32, Option<u32>)| DurationBand {
            label: label.into(),
            min_minutes: min,
            max_minutes: max,
            count: minutes
                .iter()
                .filter(|m| **m >= min && max.is_none_or(|x| **m < x))
                .count() as u32,
        })
        .collect(),
        recorded: minutes.len() as u32,
        median_minutes: median(&minutes),
    };
    ins.what_works = what_works(f);
    ins.attendance = f
        .meetings
        .iter()
        .map(|(week, attended, missed)| WeekAttendance {
            week_start: iso(*week),
            attended: *attended,
            missed: *missed,
        })
        .collect();
    ins.checkins = CheckinFigures {
        done: ins.totals.checkins_done,
        days: f.days as u32,
        answers: QUESTIONS
            .iter()
            .enumerate()
            .map(|(q, (key, label))| {
                let answers = f.checkins.iter().flatten().map(|(a, _)| a[q]);
                AnswerCount {
                    key: key.to_string(),
                    label: label.to_string(),
                    yes: answers.clone().filter(|a| *a == Some(true)).count() as u32,
                    no: answers.filter(|a| *a == Some(false)).count() as u32,
                }
            })
            .collect(),
        average_day_rating: mean(f.checkins.iter().flatten().map(|(_, r)| f64::from(*r))),
    };
    let lapse_day = f.first + Duration::days((f.days as i64 / 2).min(11));
    ins.lapses = vec![LapseDay {
        day: iso(lapse_day),
        restarted_counter: false,
        triggers: vec![TRIGGERS[0].into(), TRIGGERS[1].into()],
    }];

    let start = f.first - Duration::days(30);
    let last = f.first + Duration::days(f.days as i64 - 1);
    let current = (last - start).num_days() as u32;
    report.recovery = RecoverySummary {
        start_date: Some(iso(start)),
        current_days: current,
        last_milestone: None,
        next_milestone: Some(Milestone {
            days: current + 30,
            label: format!("{} days", current + 30),
            date: iso(start + Duration::days(i64::from(current) + 30)),
        }),
        periods: vec![RecoveryPeriod {
            start: iso(start),
            end: None,
            days: current,
        }],
        attempts: 1,
        longest_days: current,
        total_days: current,
        lapses: 1,
    };
    report.plan = Some(plan());
    report
}

fn median(sorted: &[u32]) -> Option<f64> {
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => Some(f64::from(sorted[n / 2])),
        n => Some((f64::from(sorted[n / 2 - 1]) + f64::from(sorted[n / 2])) / 2.0),
    }
}

fn what_works(f: &Fixture) -> Vec<WhatWorks> {
    let mut out: Vec<WhatWorks> = STRATEGIES
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let tried: Vec<&RawCraving> = f
                .cravings
                .iter()
                .filter(|c| c.strategies.contains(&i))
                .collect();
            let with_outcome = tried
                .iter()
                .filter(|c| matches!(c.end, End::Passed | End::Used))
                .count() as u32;
            let passed = tried.iter().filter(|c| c.end == End::Passed).count() as u32;
            WhatWorks {
                strategy_id: StrategyId(i as i64 + 1),
                title: title.to_string(),
                tried: tried.len() as u32,
                with_outcome,
                passed,
                pass_rate: (with_outcome > 0).then(|| f64::from(passed) / f64::from(with_outcome)),
                with_drop: 0,
                average_drop: None,
            }
        })
        .filter(|w| w.tried > 0)
        .collect();
    out.sort_by(|a, b| {
        b.pass_rate
            .unwrap_or(-1.0)
            .total_cmp(&a.pass_rate.unwrap_or(-1.0))
            .then(b.tried.cmp(&a.tried))
    });
    out
}

/// A modest plan, as someone a few weeks in might have written.
pub fn plan() -> RelapsePlan {
    RelapsePlan {
        reasons: vec![
            "Being there for my daughter".into(),
            "Keeping my job at the depot".into(),
        ],
        warning_signs: vec![
            WarningSign {
                kind: WarningSignKind::Feelings,
                stage: WarningSignStage::Early,
                text: "Restless and short with people".into(),
            },
            WarningSign {
                kind: WarningSignKind::Behaviour,
                stage: WarningSignStage::Middle,
                text: "Skipping meetings".into(),
            },
        ],
        high_risk_situations: vec![IfThenPlan {
            situation: "If I get paid on a Friday".into(),
            plan: "then I hand my card to my sister and go to the evening meeting".into(),
        }],
        people_to_call: vec!["Sponsor (Dave)".into(), "Sister".into()],
        safe_places: vec!["Library".into()],
        safe_activities: vec!["Swimming".into(), "Cooking a proper meal".into()],
        aftercare: vec![
            "Tuesday and Friday meetings".into(),
            "Keyworker every other Monday".into(),
        ],
    }
}
