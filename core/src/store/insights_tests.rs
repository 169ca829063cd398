//! The dashboard and the insights on real encrypted vaults, compared with figures the tests work
//! out on their own from what they entered (see `fixture`). Days and hours come from chrono's
//! view of each entry's own offset, independently of the store's arithmetic.

mod fixture;
mod history;
mod summary_tests;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate, Timelike};

use self::fixture::{clock, month, Month, Planned, OWN_TRIGGER};
use super::testing::{day, temp_store};
use crate::insights::model::PeriodFigures;
use crate::insights::ValidRange;
use crate::journal::{CheckinAnswers, CravingOutcome};

fn range(from: &str, to: &str) -> ValidRange {
    ValidRange::new(day(from), day(to)).unwrap()
}

fn mean(values: impl IntoIterator<Item = u8>) -> Option<f64> {
    let v: Vec<f64> = values.into_iter().map(f64::from).collect();
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

fn cravings_in(m: &Month, r: ValidRange) -> Vec<&Planned> {
    m.cravings
        .iter()
        .filter(|p| r.contains(p.at.date_naive()))
        .collect()
}

/// The dashboard's figures for `r`, counted from the entries.
fn expected_period(m: &Month, r: ValidRange) -> PeriodFigures {
    let cravings = cravings_in(m, r);
    let marks: Vec<bool> = m
        .attendance
        .iter()
        .filter(|(d, _)| r.contains(*d))
        .map(|(_, a)| *a)
        .collect();
    PeriodFigures {
        range: r.to_day_range(),
        cravings: cravings.len() as u32,
        average_intensity: mean(cravings.iter().map(|p| p.intensity)),
        average_mood: mean(
            m.moods
                .iter()
                .filter(|(at, _, _)| r.contains(at.date_naive()))
                .map(|(_, v, _)| *v),
        ),
        checkins_done: m.checkins.iter().filter(|c| r.contains(c.0)).count() as u32,
        days: r.days(),
        meetings_attended: marks.iter().filter(|a| **a).count() as u32,
        meetings_missed: marks.iter().filter(|a| !**a).count() as u32,
    }
}

#[test]
fn insights_over_november_match_the_entries_made() {
    let m = month();
    let r = range("2026-11-01", "2026-11-30");
    let got = m.store.insights(r).unwrap();
    let cravings = cravings_in(&m, r);
    assert!(cravings.len() > 40, "the fixture has a month of cravings");
    assert_eq!(got.range, r.to_day_range());
    assert_eq!(got.totals, expected_period(&m, r));

    // Per day, every day.
    assert_eq!(got.cravings_per_day.len(), 30);
    for (d, figures) in r.iter_days().zip(&got.cravings_per_day) {
        let of_day: Vec<u8> = cravings
            .iter()
            .filter(|p| p.at.date_naive() == d)
            .map(|p| p.intensity)
            .collect();
        assert_eq!(figures.day, d.to_string());
        assert_eq!(figures.count as usize, of_day.len(), "{d}");
        assert_eq!(figures.average_intensity, mean(of_day.clone()), "{d}");
        assert_eq!(figures.max_intensity, of_day.iter().max().copied(), "{d}");
    }
    // The boundary cases: the craving at 23:30 at UTC-5 on Nov 30 counts on Nov 30, the one at
    // 00:30 at UTC+1 on Nov 1 on Nov 1, and the one at 23:30 at UTC-1 on Oct 31 not at all.
    assert_eq!(got.cravings_per_day[29].max_intensity, Some(9));
    assert!(got.cravings_per_day[0].count >= 1);

    // Mood: the day's average and the 7 days ending that day, reaching into October.
    for (d, figures) in r.iter_days().zip(&got.mood_per_day) {
        let between = |from: NaiveDate| {
            mean(
                m.moods
                    .iter()
                    .filter(|(at, _, _)| (from..=d).contains(&at.date_naive()))
                    .map(|(_, v, _)| *v),
            )
        };
        assert_eq!(figures.average, between(d), "{d}");
        assert_eq!(
            figures.rolling_average,
            between(d - Duration::days(6)),
            "{d}"
        );
    }

    // Heatmap on the wall clock each craving was logged at.
    let mut cells: HashMap<(u8, u8), u32> = HashMap::new();
    for p in &cravings {
        let key = (
            p.at.weekday().num_days_from_monday() as u8,
            p.at.hour() as u8,
        );
        *cells.entry(key).or_default() += 1;
    }
    assert_eq!(got.heatmap.len(), 168);
    for (i, cell) in got.heatmap.iter().enumerate() {
        assert_eq!(
            (cell.weekday as usize, cell.hour as usize),
            (i / 24, i % 24)
        );
        let want = cells.get(&(cell.weekday, cell.hour)).copied().unwrap_or(0);
        assert_eq!(cell.count, want, "{} {}", cell.weekday, cell.hour);
    }
    // 2026-11-30 is a Monday: the UTC-5 craving sits at Monday 23:00.
    assert!(got.heatmap[23].count >= 1);

    // Top triggers.
    let mut by_trigger: HashMap<&str, u32> = HashMap::new();
    for p in &cravings {
        let unique: HashSet<&String> = p.triggers.iter().collect();
        for t in unique {
            *by_trigger.entry(t.as_str()).or_default() += 1;
        }
    }
    let mut want: Vec<(&str, u32)> = by_trigger.into_iter().collect();
    want.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.0.to_lowercase().cmp(&b.0.to_lowercase()))
    });
    want.truncate(10);
    let top: Vec<(&str, u32)> = got
        .top_triggers
        .iter()
        .map(|t| (t.name.as_str(), t.count))
        .collect();
    assert_eq!(top, want);
    assert!(top.iter().any(|(name, _)| *name == OWN_TRIGGER));

    // HALT, lengths, outcomes.
    let count = |f: &dyn Fn(&Planned) -> bool| cravings.iter().filter(|p| f(p)).count() as u32;
    let h = &got.halt;
    assert_eq!(h.hungry, count(&|p| p.halt.hungry));
    assert_eq!(h.angry, count(&|p| p.halt.angry));
    assert_eq!(h.lonely, count(&|p| p.halt.lonely));
    assert_eq!(h.tired, count(&|p| p.halt.tired));
    assert_eq!(h.none, count(&|p| p.halt.words().is_empty()));
    assert_eq!(h.total, cravings.len() as u32);
    let mut lengths: Vec<u32> = cravings.iter().filter_map(|p| p.duration).collect();
    lengths.sort();
    let band = |lo: u32, hi: u32| lengths.iter().filter(|&&l| lo <= l && l < hi).count() as u32;
    let bands: Vec<u32> = got.durations.bands.iter().map(|b| b.count).collect();
    assert_eq!(
        bands,
        vec![
            band(0, 5),
            band(5, 15),
            band(15, 30),
            band(30, 60),
            band(60, u32::MAX)
        ]
    );
    assert_eq!(got.durations.recorded as usize, lengths.len());
    let n = lengths.len();
    let median = if n % 2 == 1 {
        f64::from(lengths[n / 2])
    } else {
        f64::from(lengths[n / 2 - 1] + lengths[n / 2]) / 2.0
    };
    assert_eq!(got.durations.median_minutes, Some(median));
    let o = &got.outcomes;
    assert_eq!(
        o.passed,
        count(&|p| p.outcome == Some(CravingOutcome::Passed))
    );
    assert_eq!(o.used, count(&|p| p.outcome == Some(CravingOutcome::Used)));
    assert_eq!(
        o.ongoing,
        count(&|p| p.outcome == Some(CravingOutcome::Ongoing))
    );
    assert_eq!(o.unrecorded, count(&|p| p.outcome.is_none()));

    // What works, over November's cravings only.
    let mut tally: BTreeMap<&str, (u32, u32, u32, u32, i64)> = BTreeMap::new();
    for p in &cravings {
        for s in &p.strategies {
            let t = tally.entry(s.as_str()).or_default();
            t.0 += 1;
            match p.outcome {
                Some(CravingOutcome::Passed) => {
                    t.1 += 1;
                    t.2 += 1;
                }
                Some(CravingOutcome::Used) => t.1 += 1,
                _ => {}
            }
            if let Some(after) = p.intensity_after {
                t.3 += 1;
                t.4 += i64::from(p.intensity) - i64::from(after);
            }
        }
    }
    let got_tally: BTreeMap<&str, (u32, u32, u32, u32, i64)> = got
        .what_works
        .iter()
        .map(|w| {
            let drop = w
                .average_drop
                .map_or(0, |a| (a * f64::from(w.with_drop)).round() as i64);
            (
                w.title.as_str(),
                (w.tried, w.with_outcome, w.passed, w.with_drop, drop),
            )
        })
        .collect();
    assert_eq!(got_tally, tally);
    for pair in got.what_works.windows(2) {
        assert!(pair[0].pass_rate.unwrap_or(-1.0) >= pair[1].pass_rate.unwrap_or(-1.0));
    }

    // Meetings per Monday week.
    let monday = |d: NaiveDate| d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
    let mut weeks: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
    let mut w = monday(r.from);
    while w <= r.to {
        weeks.insert(w, (0, 0));
        w += Duration::days(7);
    }
    for (d, attended) in m.attendance.iter().filter(|(d, _)| r.contains(*d)) {
        let slot = weeks.get_mut(&monday(*d)).unwrap();
        if *attended {
            slot.0 += 1;
        } else {
            slot.1 += 1;
        }
    }
    let got_weeks: Vec<(String, u32, u32)> = got
        .attendance
        .iter()
        .map(|w| (w.week_start.clone(), w.attended, w.missed))
        .collect();
    let want_weeks: Vec<(String, u32, u32)> = weeks
        .into_iter()
        .map(|(d, (a, mi))| (d.to_string(), a, mi))
        .collect();
    assert_eq!(got_weeks, want_weeks);
    assert_eq!(got_weeks[0].0, "2026-10-26");

    // Check-ins.
    let checkins: Vec<_> = m.checkins.iter().filter(|c| r.contains(c.0)).collect();
    assert_eq!(got.checkins.done as usize, checkins.len());
    assert_eq!(got.checkins.days, 30);
    assert_eq!(
        got.checkins.average_day_rating,
        mean(checkins.iter().filter_map(|c| c.2))
    );
    for (i, answer) in got.checkins.answers.iter().enumerate() {
        let (key, label, _) = CheckinAnswers::default().labelled()[i];
        assert_eq!((answer.key.as_str(), answer.label.as_str()), (key, label));
        let pick = |a: &CheckinAnswers| a.labelled()[i].2;
        let yes = checkins.iter().filter(|c| pick(&c.1) == Some(true)).count() as u32;
        let no = checkins
            .iter()
            .filter(|c| pick(&c.1) == Some(false))
            .count() as u32;
        assert_eq!((answer.yes, answer.no), (yes, no), "{key}");
    }

    // Lapses: the deleted one on Nov 14 is not there; the one at 23:30 UTC-5 is on Nov 25.
    let lapses: Vec<(String, bool, Vec<String>)> = m
        .lapses
        .iter()
        .filter(|l| r.contains(l.at.date_naive()))
        .map(|l| {
            let mut names = l.triggers.clone();
            names.sort_by_key(|n| n.to_lowercase());
            (l.at.date_naive().to_string(), l.restarts, names)
        })
        .collect();
    let got_lapses: Vec<(String, bool, Vec<String>)> = got
        .lapses
        .iter()
        .map(|l| (l.day.clone(), l.restarted_counter, l.triggers.clone()))
        .collect();
    assert_eq!(got_lapses, lapses);
    assert_eq!(got_lapses[1].0, "2026-11-25");
}

#[test]
fn a_range_with_nothing_in_it_has_zeros_and_no_averages() {
    let m = month();
    let r = range("2025-01-01", "2025-01-31");
    let got = m.store.insights(r).unwrap();
    assert_eq!(got.totals, expected_period(&m, r));
    assert_eq!(got.totals.cravings, 0);
    assert_eq!(got.totals.average_intensity, None);
    assert_eq!(got.totals.average_mood, None);
    assert_eq!(got.cravings_per_day.len(), 31);
    assert!(got.cravings_per_day.iter().all(|d| d.count == 0));
    assert!(got.mood_per_day.iter().all(|d| d.rolling_average.is_none()));
    assert!(got.heatmap.iter().all(|c| c.count == 0));
    assert!(got.top_triggers.is_empty() && got.what_works.is_empty() && got.lapses.is_empty());
    assert_eq!(got.durations.median_minutes, None);
    assert_eq!(got.halt.total, 0);
    // 2024-12-30 is the Monday of Jan 1 2025; five weeks touch January.
    assert_eq!(got.attendance.len(), 5);
    assert_eq!(got.attendance[0].week_start, "2024-12-30");
    assert_eq!(got.checkins.done, 0);
    assert!(got.checkins.answers.iter().all(|a| a.yes == 0 && a.no == 0));

    // An empty vault: nothing to show, and nothing fails.
    let (_dir, empty) = temp_store();
    let got = empty.insights(range("2026-11-01", "2026-11-30")).unwrap();
    assert_eq!(got.totals.cravings, 0);
    let dash = empty.dashboard(&clock()).unwrap();
    assert!(dash.warnings.is_empty());
    assert_eq!(dash.this_week.cravings, 0);
    assert_eq!(dash.recovery.start_date, None);
}

#[test]
fn a_single_day_range_has_one_of_everything() {
    let m = month();
    let r = range("2026-11-30", "2026-11-30");
    let got = m.store.insights(r).unwrap();
    assert_eq!(got.totals, expected_period(&m, r));
    assert_eq!(got.cravings_per_day.len(), 1);
    assert_eq!(got.mood_per_day.len(), 1);
    assert_eq!(got.attendance.len(), 1);
    assert_eq!(got.attendance[0].week_start, "2026-11-30");
}

#[test]
fn the_dashboard_compares_the_last_7_days_with_the_7_before() {
    let m = month();
    let dash = m.store.dashboard(&clock()).unwrap();
    assert_eq!(dash.today, "2026-12-01");
    assert_eq!(
        dash.this_week,
        expected_period(&m, range("2026-11-25", "2026-12-01"))
    );
    assert_eq!(
        dash.last_week,
        expected_period(&m, range("2026-11-18", "2026-11-24"))
    );
    assert_eq!(dash.this_week.days, 7);
    // Recovery restarted on Nov 10 (the lapse on Nov 14 was deleted): 21 days by Dec 1.
    assert_eq!(dash.recovery.current_days, 21);
    assert_eq!(dash.recovery, m.store.recovery_summary(&clock()).unwrap());
}

#[test]
fn every_insights_query_reads_through_an_index() {
    let (_dir, store) = temp_store();
    for sql in super::insights::QUERIES {
        let mut stmt = store
            .connection()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let mut rows = if stmt.parameter_count() == 4 {
            stmt.query([0i64, 0, 0, 0]).unwrap()
        } else {
            stmt.query(["", ""]).unwrap()
        };
        let mut details: Vec<String> = Vec::new();
        while let Some(row) = rows.next().unwrap() {
            details.push(row.get(3).unwrap());
        }
        for d in &details {
            assert!(!d.starts_with("SCAN "), "{d} in {sql}");
        }
        assert!(details.iter().any(|d| d.contains("INDEX")), "{details:?}");
    }
}
