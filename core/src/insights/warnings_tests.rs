//! Each early-warning rule on crafted days: it speaks on a deteriorating history and stays quiet
//! just under its threshold. Whole histories are in `warnings_history_tests`.

use super::model::{EarlyWarningRule, SupportLink};
use super::warnings::*;
use crate::journal::CheckinAnswers;

/// Days where `cravings(back)` gives each day's count and nothing else is logged.
fn cravings(count: impl Fn(u32) -> u32) -> RecentDays {
    RecentDays::from_fn(|back| DaySignals {
        cravings: count(back),
        ..Default::default()
    })
}

/// Days with the daily mood averages given oldest first, ending today.
fn moods(values: &[Option<f64>]) -> RecentDays {
    RecentDays::from_fn(|back| DaySignals {
        mood: values
            .len()
            .checked_sub(back as usize + 1)
            .and_then(|i| values[i]),
        ..Default::default()
    })
}

/// Days with a check-in where `answers(back)` is `Some`.
fn checkins(answers: impl Fn(u32) -> Option<CheckinAnswers>) -> RecentDays {
    RecentDays::from_fn(|back| DaySignals {
        checkin: answers(back),
        ..Default::default()
    })
}

fn answered() -> CheckinAnswers {
    CheckinAnswers {
        slept_well: Some(true),
        high_risk_situation: Some(false),
        ..Default::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Cravings above the person's own baseline

#[test]
fn cravings_well_above_the_baseline_are_noticed_with_the_numbers_seen() {
    // Baseline: 2 a day for four weeks = 14 a week. Threshold: max(4, 21, 17) = 21.
    let recent = cravings(|back| if back <= 6 { 3 } else { 2 });
    let sign = cravings_above_baseline(&recent).expect("21 against 14 a week");
    assert_eq!(sign.rule, EarlyWarningRule::CravingsAboveBaseline);
    assert!(sign.detail.contains("21 cravings"), "{}", sign.detail);
    assert!(sign.detail.contains("about 14 a week"), "{}", sign.detail);
    assert_eq!(sign.links[0], SupportLink::Plan);
    assert!(sign.links.contains(&SupportLink::Contacts));
}

#[test]
fn cravings_just_under_the_threshold_are_not_noticed() {
    // 20 in the last week (one day with 2) against 14 a week: under 21.
    let recent = cravings(|back| match back {
        0 => 2,
        1..=6 => 3,
        _ => 2,
    });
    assert_eq!(cravings_above_baseline(&recent), None);
}

#[test]
fn a_low_baseline_needs_both_four_cravings_and_three_more_than_usual() {
    // One craving in each baseline week: baseline 1, threshold max(4, 2, 4) = 4.
    let weekly_one = |recent_count: u32| {
        cravings(move |back| match back {
            0 => recent_count,
            7 | 14 | 21 | 28 => 1,
            _ => 0,
        })
    };
    assert!(cravings_above_baseline(&weekly_one(4)).is_some());
    assert_eq!(cravings_above_baseline(&weekly_one(3)), None);
    // A fractional baseline rounds the thresholds up: 7 in four weeks is 1.75 a week, so the
    // threshold is max(4, ceil(2.625), ceil(4.75)) = 5.
    let seven = |recent_count: u32| {
        cravings(move |back| match back {
            0 => recent_count,
            7 | 8 | 14 | 21 | 28 | 29 | 30 => 1,
            _ => 0,
        })
    };
    assert!(cravings_above_baseline(&seven(5)).is_some());
    assert_eq!(cravings_above_baseline(&seven(4)), None);
}

#[test]
fn cravings_are_not_compared_without_a_baseline() {
    // Cravings logged in only one of the four baseline weeks: no baseline, no sign, however many
    // come now (someone who has just started logging).
    let one_week = cravings(|back| match back {
        0..=6 => 10,
        30 => 3,
        _ => 0,
    });
    assert_eq!(cravings_above_baseline(&one_week), None);
    let two_weeks = cravings(|back| match back {
        0..=6 => 10,
        8 | 30 => 3,
        _ => 0,
    });
    assert!(cravings_above_baseline(&two_weeks).is_some());
    // Cravings older than the four weeks are not part of the baseline.
    let too_old = cravings(|back| match back {
        0..=6 => 10,
        35.. => 5,
        _ => 0,
    });
    assert_eq!(cravings_above_baseline(&too_old), None);
}

// ---------------------------------------------------------------------------------------------
// Mood trending down

#[test]
fn a_mood_sliding_down_over_ten_days_is_noticed() {
    // 8.0 falling by 0.4 a day: slope -0.4, first three 7.6, last three 4.8.
    let values: Vec<Option<f64>> = (0..10).map(|x| Some(8.0 - 0.4 * f64::from(x))).collect();
    let sign = mood_trending_down(&moods(&values)).expect("a clear slide");
    assert!(sign.detail.contains("7.6"), "{}", sign.detail);
    assert!(sign.detail.contains("4.8"), "{}", sign.detail);
    assert_eq!(sign.links[0], SupportLink::Contacts);
}

#[test]
fn a_mood_drop_exactly_at_the_thresholds_is_noticed_and_just_under_is_not() {
    let v = |xs: &[f64]| xs.iter().map(|x| Some(*x)).collect::<Vec<_>>();
    // Slope -0.19, drop exactly 1.5: noticed.
    let at = v(&[6.0, 6.0, 6.0, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5]);
    assert!(mood_trending_down(&moods(&at)).is_some());
    // Drop 1.4 (just under): quiet, although the slope is steeper than the threshold.
    let small_drop = v(&[6.0, 6.0, 6.0, 4.6, 4.6, 4.6, 4.6, 4.6, 4.6, 4.6]);
    assert!(slope(&points(&small_drop)).unwrap() < MOOD_SLOPE);
    assert_eq!(mood_trending_down(&moods(&small_drop)), None);
    // Drop 1.5 but a slope of -0.145 (a dip that is recovering): quiet.
    let recovering = v(&[7.0, 7.0, 7.0, 3.0, 3.0, 3.0, 5.5, 5.5, 5.5, 5.5]);
    let s = slope(&points(&recovering)).unwrap();
    assert!(s > MOOD_SLOPE && s < -0.14, "{s}");
    assert_eq!(mood_trending_down(&moods(&recovering)), None);
}

fn points(values: &[Option<f64>]) -> Vec<(f64, f64)> {
    values
        .iter()
        .enumerate()
        .filter_map(|(x, y)| y.map(|y| (x as f64, y)))
        .collect()
}

#[test]
fn a_mood_slide_needs_five_days_with_a_mood() {
    let slide = |days: &[usize]| {
        let values: Vec<Option<f64>> = (0..10)
            .map(|x| days.contains(&x).then_some(9.0 - 0.6 * x as f64))
            .collect();
        mood_trending_down(&moods(&values))
    };
    assert_eq!(slide(&[0, 2, 5, 9]), None);
    assert!(slide(&[0, 2, 5, 7, 9]).is_some());
    // Moods from before the 10 days don't count towards the five.
    let mut values = vec![Some(9.0); 6];
    values.extend([
        Some(8.0),
        None,
        None,
        None,
        None,
        None,
        None,
        Some(5.0),
        Some(4.0),
        Some(3.0),
    ]);
    assert_eq!(mood_trending_down(&moods(&values)), None);
}

#[test]
fn the_slope_is_the_least_squares_one() {
    // y = 2x + 1 exactly, and a flat line.
    assert_eq!(slope(&[(0.0, 1.0), (1.0, 3.0), (3.0, 7.0)]), Some(2.0));
    assert_eq!(slope(&[(0.0, 5.0), (4.0, 5.0)]), Some(0.0));
    assert_eq!(slope(&[(2.0, 1.0), (2.0, 9.0)]), None);
}

// ---------------------------------------------------------------------------------------------
// Check-ins missed

#[test]
fn check_ins_stopping_after_a_habit_are_noticed() {
    // Five in days -21..=-8, two in days -7..=-1, and today's done too (not counted).
    let recent = checkins(|back| match back {
        0 | 2 | 5 | 8 | 10 | 12 | 15 | 21 => Some(answered()),
        _ => None,
    });
    let sign = checkins_missed(&recent).expect("2 after 5");
    assert!(sign.detail.contains("2 daily check-ins"), "{}", sign.detail);
    assert!(sign.detail.contains("after 5"), "{}", sign.detail);
}

#[test]
fn check_ins_just_inside_the_thresholds_are_not_noticed() {
    // Three in the last 7 days: quiet.
    let three = checkins(|back| matches!(back, 1 | 3 | 5 | 8..=21).then(answered));
    assert_eq!(checkins_missed(&three), None);
    // Only four before: no habit yet, quiet even with none lately.
    let four = checkins(|back| matches!(back, 8 | 11 | 14 | 21).then(answered));
    assert_eq!(checkins_missed(&four), None);
    // A check-in on day -22 is outside the habit window.
    let outside = checkins(|back| matches!(back, 8 | 11 | 14 | 21 | 22).then(answered));
    assert_eq!(checkins_missed(&outside), None);
    // None at all lately after a habit: noticed, in words.
    let none = checkins(|back| matches!(back, 8..=21).then(answered));
    let sign = checkins_missed(&none).unwrap();
    assert!(
        sign.detail.contains("no daily check-ins"),
        "{}",
        sign.detail
    );
}

// ---------------------------------------------------------------------------------------------
// Meetings missed

fn meetings(marks: &[(u32, bool)]) -> RecentDays {
    RecentDays::from_fn(|back| {
        let mut d = DaySignals::default();
        for (b, attended) in marks {
            if *b == back {
                if *attended {
                    d.attended += 1;
                } else {
                    d.missed += 1;
                }
            }
        }
        d
    })
}

#[test]
fn meetings_missed_more_than_attended_are_noticed() {
    let sign = meetings_missed(&meetings(&[(1, false), (6, true), (13, false)])).unwrap();
    assert!(
        sign.detail.contains("2 meetings as missed"),
        "{}",
        sign.detail
    );
    assert!(sign.detail.contains("1 as attended"), "{}", sign.detail);
    assert_eq!(sign.links[0], SupportLink::Meetings);
}

#[test]
fn meetings_missed_under_the_threshold_are_not_noticed() {
    // As many attended as missed.
    assert_eq!(
        meetings_missed(&meetings(&[(1, false), (2, true), (3, false), (4, true)])),
        None
    );
    // Only one missed.
    assert_eq!(meetings_missed(&meetings(&[(1, false)])), None);
    // The second miss is 14 days ago, outside the window.
    assert_eq!(meetings_missed(&meetings(&[(1, false), (14, false)])), None);
}

// ---------------------------------------------------------------------------------------------
// High-risk situations returning

fn risky(days: &[u32]) -> RecentDays {
    checkins(|back| {
        Some(CheckinAnswers {
            high_risk_situation: Some(days.contains(&back)),
            ..answered()
        })
    })
}

#[test]
fn high_risk_situations_returning_are_noticed() {
    let sign = high_risk_returning(&risky(&[0, 4])).unwrap();
    assert!(
        sign.detail.contains("2 of the last 7 days"),
        "{}",
        sign.detail
    );
    // One 21 days ago is before the quiet fortnight.
    assert!(high_risk_returning(&risky(&[2, 6, 21])).is_some());
}

#[test]
fn high_risk_situations_under_the_threshold_are_not_noticed() {
    // Only one day lately.
    assert_eq!(high_risk_returning(&risky(&[3])), None);
    // Two lately, but one 20 days ago: not "returning".
    assert_eq!(high_risk_returning(&risky(&[1, 3, 20])), None);
    // Day -7 is in the quiet fortnight, not the last 7 days.
    assert_eq!(high_risk_returning(&risky(&[3, 7])), None);
}

// ---------------------------------------------------------------------------------------------
// Sleep problems

fn poor_sleep(days: &[u32]) -> RecentDays {
    checkins(|back| {
        Some(CheckinAnswers {
            slept_well: Some(!days.contains(&back)),
            ..answered()
        })
    })
}

#[test]
fn repeated_poor_sleep_is_noticed() {
    let sign = sleep_problems(&poor_sleep(&[0, 3, 6])).unwrap();
    assert!(
        sign.detail.contains("3 of the last 7 days"),
        "{}",
        sign.detail
    );
    assert_eq!(sign.links[0], SupportLink::Toolkit);
}

#[test]
fn poor_sleep_under_the_threshold_is_not_noticed() {
    assert_eq!(sleep_problems(&poor_sleep(&[0, 3])), None);
    assert_eq!(sleep_problems(&poor_sleep(&[0, 3, 7])), None);
    // Skipped answers are not "no".
    let skipped = checkins(|back| {
        Some(CheckinAnswers {
            slept_well: (back > 2).then_some(true),
            ..Default::default()
        })
    });
    assert_eq!(sleep_problems(&skipped), None);
}
