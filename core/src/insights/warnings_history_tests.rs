//! Early-warning signs over whole histories: none on a calm 90 days, each one as the same
//! history turns worse, none on an empty one, and no sign's wording shames or diagnoses.

use chrono::{Days, NaiveDate};

use super::facts::{
    local_midnight_ms, wall_clock, AttendanceFact, CheckinFact, CravingFact, Facts, MoodFact,
    WallClock,
};
use super::model::EarlyWarningRule;
use super::warnings::*;
use crate::journal::{CheckinAnswers, CravingId, Halt};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn rules(recent: &RecentDays) -> Vec<EarlyWarningRule> {
    early_warnings(recent).iter().map(|w| w.rule).collect()
}

/// A calm, steady 90 days ending on `end`: 2 to 6 cravings a day, two moods a day between 5
/// and 8 with no trend, a check-in every day (sleep poor one day a week), two meetings a week
/// attended, and no high-risk situations.
fn calm_facts(end: NaiveDate) -> Facts {
    let mut facts = Facts::default();
    let mut id = 0;
    for back in 0..90u64 {
        let d = end.checked_sub_days(Days::new(back)).unwrap();
        let n = u32::try_from(back).unwrap();
        let noon = wall_clock(local_midnight_ms(d) + 12 * 3_600_000, 0).unwrap();
        for i in 0..(2 + (n * 7) % 5) {
            id += 1;
            facts.cravings.push(CravingFact {
                id: CravingId(id),
                at: WallClock {
                    hour: 8 + u8::try_from(i).unwrap(),
                    ..noon
                },
                intensity: u8::try_from(3 + (n + i) % 5).unwrap(),
                duration_minutes: Some(10),
                halt: Halt::default(),
                outcome: None,
            });
        }
        for k in 0..2 {
            facts.moods.push(MoodFact {
                day: d,
                mood: u8::try_from(5 + (n * 3 + k) % 4).unwrap(),
            });
        }
        facts.checkins.push(CheckinFact {
            day: d,
            answers: CheckinAnswers {
                slept_well: Some(n % 7 != 3),
                high_risk_situation: Some(false),
                took_medication: Some(true),
                ..Default::default()
            },
            day_rating: Some(7),
        });
        if n % 7 == 1 || n % 7 == 4 {
            facts.attendance.push(AttendanceFact {
                day: d,
                attended: true,
            });
        }
    }
    facts
}

#[test]
fn a_calm_stable_history_raises_no_sign_on_any_day() {
    let end = day("2026-11-22");
    let facts = calm_facts(end);
    // Every day of the last 50, so each rule sees a full window of the calm history.
    for back in 0..50 {
        let today = end.checked_sub_days(Days::new(back)).unwrap();
        let recent = RecentDays::from_facts(today, &facts);
        assert_eq!(rules(&recent), vec![], "on {today}");
    }
}

#[test]
fn the_same_history_turning_worse_raises_each_sign() {
    let end = day("2026-11-22");
    let mut facts = calm_facts(end);
    let recent_day = |back: u64| end.checked_sub_days(Days::new(back)).unwrap();
    // The last 7 days: many more cravings, no check-ins, meetings missed, mood falling.
    let extra = facts.cravings[0];
    for i in 0..60 {
        facts.cravings.push(CravingFact {
            id: CravingId(100_000 + i),
            at: wall_clock(local_midnight_ms(recent_day(i as u64 % 7)), 0).unwrap(),
            ..extra
        });
    }
    facts.moods.retain(|m| m.day < recent_day(9));
    for back in 0..10u64 {
        facts.moods.push(MoodFact {
            day: recent_day(back),
            mood: u8::try_from(2 + back / 2).unwrap(),
        });
    }
    for c in facts.checkins.iter_mut().filter(|c| c.day >= recent_day(6)) {
        c.answers.slept_well = Some(false);
        c.answers.high_risk_situation = Some(true);
    }
    let recent = RecentDays::from_facts(end, &facts);
    let mut missed = facts.clone();
    missed.checkins.retain(|c| c.day < recent_day(6));
    missed.attendance.retain(|a| a.day < recent_day(13));
    missed.attendance.extend([1, 5, 8].map(|b| AttendanceFact {
        day: recent_day(b),
        attended: false,
    }));
    assert_eq!(
        rules(&recent),
        vec![
            EarlyWarningRule::CravingsAboveBaseline,
            EarlyWarningRule::MoodTrendingDown,
            EarlyWarningRule::HighRiskReturning,
            EarlyWarningRule::SleepProblems,
        ]
    );
    assert_eq!(
        rules(&RecentDays::from_facts(end, &missed)),
        vec![
            EarlyWarningRule::CravingsAboveBaseline,
            EarlyWarningRule::MoodTrendingDown,
            EarlyWarningRule::CheckinsMissed,
            EarlyWarningRule::MeetingsMissed,
        ]
    );
}

#[test]
fn an_empty_history_raises_no_sign() {
    let recent = RecentDays::from_facts(day("2026-11-22"), &Facts::default());
    assert_eq!(recent.day(0), DaySignals::default());
    assert_eq!(recent.day(1000), DaySignals::default());
    assert!(early_warnings(&recent).is_empty());
    assert!(early_warnings(&RecentDays::new(Vec::new())).is_empty());
}

#[test]
fn no_sign_uses_words_that_shame_or_diagnose() {
    let end = day("2026-11-22");
    let recent = RecentDays::from_fn(|back| DaySignals {
        cravings: if back < 7 { 9 } else { 2 },
        mood: (back < 10).then(|| 1.0 + f64::from(back) * 0.6),
        checkin: (back <= 2 || back > 7).then(|| CheckinAnswers {
            slept_well: Some(back > 2),
            high_risk_situation: Some(back <= 2),
            ..Default::default()
        }),
        missed: u32::from(back == 2 || back == 3),
        attended: 0,
    });
    let signs = early_warnings(&recent);
    assert_eq!(signs.len(), 6, "{signs:?} on {end}");
    for s in signs {
        let text = format!("{} {}", s.title, s.detail).to_lowercase();
        for word in [
            "clean", "dirty", "addict", "relapse", "diagnos", "will ", "risk of", "fail",
        ] {
            assert!(!text.contains(word), "{word} in {text}");
        }
        assert!(!s.links.is_empty());
    }
}
