//! The figures behind each chart other than the per-day series: top triggers, the weekday by
//! hour heatmap, HALT, how long cravings lasted, how they ended, meetings per week, check-in
//! answers and lapses. Each is a pure function of [`Facts`] and the range.

use std::collections::{HashMap, HashSet};

use chrono::Duration;

use super::facts::{count_u32, CravingFact, Facts};
use super::figures::Mean;
use super::model::{
    AnswerCount, CheckinFigures, DurationBand, DurationFigures, HaltCounts, HeatCell, LapseDay,
    OutcomeCounts, TriggerCount, WeekAttendance,
};
use super::range::ValidRange;
use crate::journal::review::week_start;
use crate::journal::{CheckinAnswers, CravingId, CravingOutcome};

/// At most this many triggers are listed.
pub const TOP_TRIGGERS: usize = 10;

/// The duration bands: label, lower bound (inclusive), upper bound (exclusive).
pub const DURATION_BANDS: [(&str, u32, Option<u32>); 5] = [
    ("Under 5 min", 0, Some(5)),
    ("5–15 min", 5, Some(15)),
    ("15–30 min", 15, Some(30)),
    ("30–60 min", 30, Some(60)),
    ("60 min or more", 60, None),
];

fn in_range(range: ValidRange, facts: &Facts) -> impl Iterator<Item = &CravingFact> {
    facts
        .cravings
        .iter()
        .filter(move |c| range.contains(c.at.day))
}

/// The triggers linked most often to the cravings in `cravings`, most first, then by name
/// (ignoring case); at most [`TOP_TRIGGERS`].
pub fn top_triggers(cravings: &HashSet<CravingId>, facts: &Facts) -> Vec<TriggerCount> {
    let mut counts: HashMap<_, u32> = HashMap::new();
    for (craving, trigger) in &facts.trigger_links {
        if cravings.contains(craving) {
            *counts.entry(*trigger).or_default() += 1;
        }
    }
    let mut listed: Vec<TriggerCount> = counts
        .into_iter()
        .filter_map(|(id, count)| {
            let info = facts.triggers.get(&id)?;
            Some(TriggerCount {
                trigger_id: id,
                name: info.name.clone(),
                category: info.category.clone(),
                count,
            })
        })
        .collect();
    listed.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.trigger_id.cmp(&b.trigger_id))
    });
    listed.truncate(TOP_TRIGGERS);
    listed
}

/// All 168 weekday-by-hour cells, Monday 00:00 first, on the clock each craving was logged at.
pub fn heatmap(range: ValidRange, facts: &Facts) -> Vec<HeatCell> {
    let mut counts = [0u32; 7 * 24];
    for c in in_range(range, facts) {
        counts[usize::from(c.at.weekday) * 24 + usize::from(c.at.hour)] += 1;
    }
    (0u8..7)
        .flat_map(|weekday| (0u8..24).map(move |hour| (weekday, hour)))
        .zip(counts)
        .map(|((weekday, hour), count)| HeatCell {
            weekday,
            hour,
            count,
        })
        .collect()
}

/// How many cravings had each HALT state ticked, and how many had none.
pub fn halt_counts(range: ValidRange, facts: &Facts) -> HaltCounts {
    let mut halt = HaltCounts::default();
    for c in in_range(range, facts) {
        let h = c.halt;
        halt.hungry += u32::from(h.hungry);
        halt.angry += u32::from(h.angry);
        halt.lonely += u32::from(h.lonely);
        halt.tired += u32::from(h.tired);
        halt.none += u32::from(!(h.hungry || h.angry || h.lonely || h.tired));
        halt.total += 1;
    }
    halt
}

/// Recorded lengths in [`DURATION_BANDS`], and their median.
pub fn durations(range: ValidRange, facts: &Facts) -> DurationFigures {
    let mut minutes: Vec<u32> = in_range(range, facts)
        .filter_map(|c| c.duration_minutes)
        .collect();
    minutes.sort_unstable();
    let bands = DURATION_BANDS
        .iter()
        .map(|&(label, min, max)| DurationBand {
            label: label.to_string(),
            min_minutes: min,
            max_minutes: max,
            count: count_u32(
                minutes
                    .iter()
                    .filter(|&&m| m >= min && max.is_none_or(|max| m < max))
                    .count(),
            ),
        })
        .collect();
    let median = match minutes.len() {
        0 => None,
        n if n % 2 == 1 => Some(f64::from(minutes[n / 2])),
        n => Some((f64::from(minutes[n / 2 - 1]) + f64::from(minutes[n / 2])) / 2.0),
    };
    DurationFigures {
        bands,
        recorded: count_u32(minutes.len()),
        median_minutes: median,
    }
}

/// How the cravings ended.
pub fn outcomes(range: ValidRange, facts: &Facts) -> OutcomeCounts {
    let mut counts = OutcomeCounts::default();
    for c in in_range(range, facts) {
        match c.outcome {
            Some(CravingOutcome::Passed) => counts.passed += 1,
            Some(CravingOutcome::Used) => counts.used += 1,
            Some(CravingOutcome::Ongoing) => counts.ongoing += 1,
            None => counts.unrecorded += 1,
        }
    }
    counts
}

/// Marked meetings per Monday-start week, for every week the range touches, oldest first. Only
/// the range's own days are counted, so the weeks add up to the range's totals.
pub fn attendance_per_week(range: ValidRange, facts: &Facts) -> Vec<WeekAttendance> {
    let first = week_start(range.from);
    let weeks = usize::try_from((week_start(range.to) - first).num_weeks() + 1).unwrap_or(0);
    let mut counts = vec![(0u32, 0u32); weeks];
    for a in facts.attendance.iter().filter(|a| range.contains(a.day)) {
        let Ok(week) = usize::try_from((a.day - first).num_weeks()) else {
            continue;
        };
        if let Some(slot) = counts.get_mut(week) {
            if a.attended {
                slot.0 += 1;
            } else {
                slot.1 += 1;
            }
        }
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, (attended, missed))| WeekAttendance {
            week_start: (first + Duration::weeks(i as i64))
                .format("%Y-%m-%d")
                .to_string(),
            attended,
            missed,
        })
        .collect()
}

/// Check-ins done, each question's yes and no counts in the order asked, and the average
/// rating of the day.
pub fn checkin_figures(range: ValidRange, facts: &Facts) -> CheckinFigures {
    let mut answers: Vec<AnswerCount> = CheckinAnswers::default()
        .labelled()
        .iter()
        .map(|(key, label, _)| AnswerCount {
            key: (*key).to_string(),
            label: (*label).to_string(),
            yes: 0,
            no: 0,
        })
        .collect();
    let mut rating = Mean::default();
    let mut done = 0;
    for c in facts.checkins.iter().filter(|c| range.contains(c.day)) {
        done += 1;
        for (count, (_, _, answer)) in answers.iter_mut().zip(c.answers.labelled()) {
            match answer {
                Some(true) => count.yes += 1,
                Some(false) => count.no += 1,
                None => {}
            }
        }
        if let Some(r) = c.day_rating {
            rating.add(r);
        }
    }
    CheckinFigures {
        done,
        days: range.days(),
        answers,
        average_day_rating: rating.value(),
    }
}

/// The lapses in the range, oldest first.
pub fn lapse_days(range: ValidRange, facts: &Facts) -> Vec<LapseDay> {
    let mut lapses: Vec<_> = facts
        .lapses
        .iter()
        .filter(|l| range.contains(l.day))
        .collect();
    lapses.sort_by_key(|l| l.day);
    lapses
        .into_iter()
        .map(|l| LapseDay {
            day: l.day.format("%Y-%m-%d").to_string(),
            restarted_counter: l.restarted_counter,
            triggers: l.triggers.clone(),
        })
        .collect()
}
