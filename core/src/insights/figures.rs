//! The figures over a range, computed from [`Facts`]: the totals the dashboard compares, and the
//! per-day series the charts draw. Sums are kept as integers and divided once, so an average
//! does not depend on the order rows arrived in.

use chrono::NaiveDate;

use super::charts;
use super::facts::{count_u32, days_before, Facts};
use super::model::{DayCravings, DayMood, Insights, PeriodFigures};
use super::range::ValidRange;
use super::what_works::{rank_what_works, tally_tried};

/// How many days the rolling mood average covers, the day itself included.
pub const MOOD_ROLLING_DAYS: u64 = 7;

/// A running sum and count, averaged at the end.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Mean {
    sum: u64,
    count: u32,
}

impl Mean {
    pub(crate) fn add(&mut self, value: u8) {
        self.sum += u64::from(value);
        self.count += 1;
    }

    pub(crate) fn merge(&mut self, other: Mean) {
        self.sum += other.sum;
        self.count += other.count;
    }

    /// The average, `None` when nothing was added.
    pub(crate) fn value(self) -> Option<f64> {
        (self.count > 0).then(|| self.sum as f64 / f64::from(self.count))
    }
}

/// The position of `day` in `range`, if it is inside.
pub(crate) fn index_in(range: ValidRange, day: NaiveDate) -> Option<usize> {
    range
        .contains(day)
        .then(|| usize::try_from((day - range.from).num_days()).ok())
        .flatten()
}

/// The dashboard's figures for `range`: counts and averages of the entries on its days.
pub fn period_figures(range: ValidRange, facts: &Facts) -> PeriodFigures {
    let cravings = facts.cravings.iter().filter(|c| range.contains(c.at.day));
    let mut intensity = Mean::default();
    for c in cravings {
        intensity.add(c.intensity);
    }
    let mut mood = Mean::default();
    for m in facts.moods.iter().filter(|m| range.contains(m.day)) {
        mood.add(m.mood);
    }
    let checkins_done = facts
        .checkins
        .iter()
        .filter(|c| range.contains(c.day))
        .count();
    let (mut attended, mut missed) = (0, 0);
    for a in facts.attendance.iter().filter(|a| range.contains(a.day)) {
        if a.attended {
            attended += 1;
        } else {
            missed += 1;
        }
    }
    PeriodFigures {
        range: range.to_day_range(),
        cravings: intensity.count,
        average_intensity: intensity.value(),
        average_mood: mood.value(),
        checkins_done: count_u32(checkins_done),
        days: range.days(),
        meetings_attended: attended,
        meetings_missed: missed,
    }
}

/// Cravings on every day of `range`, zero days included.
pub fn cravings_per_day(range: ValidRange, facts: &Facts) -> Vec<DayCravings> {
    let days = range.days() as usize;
    let mut intensity = vec![Mean::default(); days];
    let mut strongest: Vec<Option<u8>> = vec![None; days];
    for c in &facts.cravings {
        if let Some(i) = index_in(range, c.at.day) {
            intensity[i].add(c.intensity);
            strongest[i] = strongest[i].max(Some(c.intensity));
        }
    }
    range
        .iter_days()
        .zip(intensity.into_iter().zip(strongest))
        .map(|(day, (mean, max))| DayCravings {
            day: day.format("%Y-%m-%d").to_string(),
            count: mean.count,
            average_intensity: mean.value(),
            max_intensity: max,
        })
        .collect()
}

/// Mood on every day of `range`: that day's average, and the average of every check-in in the
/// [`MOOD_ROLLING_DAYS`] days ending that day (which reaches before the range; `facts` must hold
/// those days' moods too).
pub fn mood_per_day(range: ValidRange, facts: &Facts) -> Vec<DayMood> {
    let lead = MOOD_ROLLING_DAYS - 1;
    let span = ValidRange {
        from: days_before(range.from, lead),
        to: range.to,
    };
    let mut daily = vec![Mean::default(); span.days() as usize];
    for m in &facts.moods {
        if let Some(i) = index_in(span, m.day) {
            daily[i].add(m.mood);
        }
    }
    let skip = span.days() as usize - range.days() as usize;
    range
        .iter_days()
        .enumerate()
        .map(|(i, day)| {
            let at = i + skip;
            let mut rolling = Mean::default();
            for d in &daily[at.saturating_sub(lead as usize)..=at] {
                rolling.merge(*d);
            }
            DayMood {
                day: day.format("%Y-%m-%d").to_string(),
                average: daily[at].value(),
                rolling_average: rolling.value(),
            }
        })
        .collect()
}

/// Every chart's figures over `range`.
pub fn insights(range: ValidRange, facts: &Facts) -> Insights {
    let in_range: std::collections::HashSet<_> = facts
        .cravings
        .iter()
        .filter(|c| range.contains(c.at.day))
        .map(|c| c.id)
        .collect();
    let tried = facts
        .tried
        .iter()
        .copied()
        .filter(|t| in_range.contains(&t.craving_id));
    Insights {
        range: range.to_day_range(),
        totals: period_figures(range, facts),
        cravings_per_day: cravings_per_day(range, facts),
        mood_per_day: mood_per_day(range, facts),
        top_triggers: charts::top_triggers(&in_range, facts),
        heatmap: charts::heatmap(range, facts),
        halt: charts::halt_counts(range, facts),
        durations: charts::durations(range, facts),
        outcomes: charts::outcomes(range, facts),
        what_works: rank_what_works(tally_tried(tried, &facts.strategy_titles)),
        attendance: charts::attendance_per_week(range, facts),
        checkins: charts::checkin_figures(range, facts),
        lapses: charts::lapse_days(range, facts),
    }
}
