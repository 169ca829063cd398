//! The chart figures on small crafted facts, each checked against counts worked out by hand.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::charts::{self, DURATION_BANDS};
use super::facts::{
    wall_clock, AttendanceFact, CheckinFact, CravingFact, Facts, LapseFact, MoodFact, TriggerInfo,
};
use super::figures::{cravings_per_day, insights, mood_per_day, period_figures};
use super::range::ValidRange;
use super::what_works::TriedCraving;
use crate::journal::ids::StrategyId;
use crate::journal::{CheckinAnswers, CravingId, CravingOutcome, Halt, TriggerId};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn range(from: &str, to: &str) -> ValidRange {
    ValidRange::new(day(from), day(to)).unwrap()
}

/// A craving at `hh` o'clock UTC on `d`, logged at UTC.
fn craving(id: i64, d: &str, hh: i64, intensity: u8) -> CravingFact {
    let ms = super::facts::local_midnight_ms(day(d)) + hh * 3_600_000;
    CravingFact {
        id: CravingId(id),
        at: wall_clock(ms, 0).unwrap(),
        intensity,
        duration_minutes: None,
        halt: Halt::default(),
        outcome: None,
    }
}

fn mood(d: &str, mood: u8) -> MoodFact {
    MoodFact { day: day(d), mood }
}

#[test]
fn per_day_cravings_cover_every_day_with_zeros() {
    let facts = Facts {
        cravings: vec![
            craving(1, "2026-11-01", 9, 4),
            craving(2, "2026-11-01", 21, 7),
            craving(3, "2026-11-03", 12, 10),
            craving(4, "2026-10-31", 12, 10), // before the range
        ],
        ..Facts::default()
    };
    let days = cravings_per_day(range("2026-11-01", "2026-11-04"), &facts);
    let got: Vec<_> = days
        .iter()
        .map(|d| {
            (
                d.day.as_str(),
                d.count,
                d.average_intensity,
                d.max_intensity,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("2026-11-01", 2, Some(5.5), Some(7)),
            ("2026-11-02", 0, None, None),
            ("2026-11-03", 1, Some(10.0), Some(10)),
            ("2026-11-04", 0, None, None),
        ]
    );
}

#[test]
fn the_rolling_mood_reaches_six_days_before_the_range() {
    let facts = Facts {
        moods: vec![
            mood("2026-10-25", 10), // 7 days before Nov 1: outside every window
            mood("2026-10-26", 2),  // in Nov 1's window only
            mood("2026-11-01", 4),
            mood("2026-11-01", 6),
            mood("2026-11-02", 9),
        ],
        ..Facts::default()
    };
    let days = mood_per_day(range("2026-11-01", "2026-11-02"), &facts);
    assert_eq!(days[0].average, Some(5.0));
    assert_eq!(days[0].rolling_average, Some((2.0 + 4.0 + 6.0) / 3.0));
    assert_eq!(days[1].average, Some(9.0));
    assert_eq!(days[1].rolling_average, Some((4.0 + 6.0 + 9.0) / 3.0));
    // A range with no moods at all has no figures, not zeros.
    let empty = mood_per_day(range("2026-12-01", "2026-12-03"), &facts);
    assert!(empty
        .iter()
        .all(|d| d.average.is_none() && d.rolling_average.is_none()));
    // The totals average only the range's own check-ins.
    let totals = period_figures(range("2026-11-01", "2026-11-02"), &facts);
    assert_eq!(totals.average_mood, Some((4.0 + 6.0 + 9.0) / 3.0));
}

#[test]
fn the_heatmap_has_168_cells_and_counts_on_the_logged_wall_clock() {
    // 2026-11-02 is a Monday. 23:30 UTC logged at +01:00 is Tuesday 00:30 on the wall clock.
    let late = wall_clock(
        super::facts::local_midnight_ms(day("2026-11-02")) + 23 * 3_600_000 + 1_800_000,
        3600,
    )
    .unwrap();
    let facts = Facts {
        cravings: vec![
            craving(1, "2026-11-02", 0, 3),
            craving(2, "2026-11-02", 0, 3),
            craving(3, "2026-11-08", 23, 3), // Sunday 23:00
            CravingFact {
                at: late,
                ..craving(4, "2026-11-02", 0, 3)
            },
        ],
        ..Facts::default()
    };
    let cells = charts::heatmap(range("2026-11-01", "2026-11-30"), &facts);
    assert_eq!(cells.len(), 168);
    assert_eq!((cells[0].weekday, cells[0].hour), (0, 0));
    assert_eq!((cells[167].weekday, cells[167].hour), (6, 23));
    let count = |w: u8, h: u8| {
        cells
            .iter()
            .find(|c| c.weekday == w && c.hour == h)
            .unwrap()
            .count
    };
    assert_eq!(count(0, 0), 2);
    assert_eq!(count(1, 0), 1);
    assert_eq!(count(6, 23), 1);
    assert_eq!(count(0, 23), 0);
    assert_eq!(cells.iter().map(|c| c.count).sum::<u32>(), 4);
}

#[test]
fn durations_fall_in_bands_with_their_median() {
    let with = |id, minutes| CravingFact {
        duration_minutes: minutes,
        ..craving(id, "2026-11-05", 10, 5)
    };
    let facts = Facts {
        cravings: vec![
            with(1, Some(0)),
            with(2, Some(4)),
            with(3, Some(5)),
            with(4, Some(15)),
            with(5, Some(59)),
            with(6, Some(60)),
            with(7, Some(600)),
            with(8, None),
        ],
        ..Facts::default()
    };
    let d = charts::durations(range("2026-11-01", "2026-11-30"), &facts);
    let counts: Vec<u32> = d.bands.iter().map(|b| b.count).collect();
    assert_eq!(counts, vec![2, 1, 1, 1, 2]);
    let labels: Vec<&str> = d.bands.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, DURATION_BANDS.map(|b| b.0).to_vec());
    assert_eq!(labels[1], "5–15 min");
    assert_eq!(d.bands[4].max_minutes, None);
    assert_eq!(d.recorded, 7);
    // Sorted: 0 4 5 15 59 60 600 -> the middle one.
    assert_eq!(d.median_minutes, Some(15.0));
    let even = Facts {
        cravings: vec![with(1, Some(10)), with(2, Some(25))],
        ..Facts::default()
    };
    let d = charts::durations(range("2026-11-01", "2026-11-30"), &even);
    assert_eq!(d.median_minutes, Some(17.5));
    let none = charts::durations(range("2026-11-01", "2026-11-30"), &Facts::default());
    assert_eq!((none.recorded, none.median_minutes), (0, None));
}

#[test]
fn halt_and_outcomes_count_each_craving() {
    let with = |id, halt, outcome| CravingFact {
        halt,
        outcome,
        ..craving(id, "2026-11-05", 10, 5)
    };
    let both = Halt {
        hungry: true,
        tired: true,
        ..Halt::default()
    };
    let lonely = Halt {
        lonely: true,
        ..Halt::default()
    };
    let facts = Facts {
        cravings: vec![
            with(1, both, Some(CravingOutcome::Passed)),
            with(2, lonely, Some(CravingOutcome::Used)),
            with(3, Halt::default(), None),
            with(4, Halt::default(), Some(CravingOutcome::Ongoing)),
            with(5, both, Some(CravingOutcome::Passed)),
        ],
        ..Facts::default()
    };
    let r = range("2026-11-01", "2026-11-30");
    let h = charts::halt_counts(r, &facts);
    assert_eq!(
        (h.hungry, h.angry, h.lonely, h.tired, h.none, h.total),
        (2, 0, 1, 2, 2, 5)
    );
    let o = charts::outcomes(r, &facts);
    assert_eq!((o.passed, o.used, o.ongoing, o.unrecorded), (2, 1, 1, 1));
}

#[test]
fn top_triggers_are_most_linked_first_then_by_name_and_at_most_ten() {
    let mut facts = Facts::default();
    let mut links = Vec::new();
    // Trigger t (1..=12) is linked to t cravings; "apple" and "Banana" to 12 each, tying with
    // "Trigger 12": ties go by name ignoring case.
    for t in 1..=14i64 {
        let name = match t {
            13 => "apple".to_string(),
            14 => "Banana".to_string(),
            _ => format!("Trigger {t:02}"),
        };
        facts.triggers.insert(
            TriggerId(t),
            TriggerInfo {
                name,
                category: "feelings".into(),
            },
        );
        let n = if t >= 13 { 12 } else { t };
        for c in 0..n {
            links.push((CravingId(c), TriggerId(t)));
        }
    }
    facts.trigger_links = links;
    let in_range = (0..12).map(CravingId).collect();
    let top = charts::top_triggers(&in_range, &facts);
    let got: Vec<(&str, u32)> = top.iter().map(|t| (t.name.as_str(), t.count)).collect();
    assert_eq!(got.len(), 10);
    assert_eq!(
        &got[..3],
        &[("apple", 12), ("Banana", 12), ("Trigger 12", 12)]
    );
    assert_eq!(got[9], ("Trigger 05", 5));
    assert_eq!(top[0].category, "feelings");
    // Links of cravings outside the range are not counted.
    let few = charts::top_triggers(&[CravingId(0)].into_iter().collect(), &facts);
    assert!(few.iter().all(|t| t.count == 1));
}

#[test]
fn attendance_is_per_monday_week_counting_only_the_range() {
    // Range Wed 2026-11-04 .. Tue 2026-11-17: weeks of Nov 2, 9 and 16.
    let mark = |d: &str, attended| AttendanceFact {
        day: day(d),
        attended,
    };
    let facts = Facts {
        attendance: vec![
            mark("2026-11-02", true), // Monday before the range: not counted
            mark("2026-11-04", true),
            mark("2026-11-08", false), // Sunday
            mark("2026-11-09", true),
            mark("2026-11-10", true),
            mark("2026-11-17", false),
            mark("2026-11-18", true), // after the range
        ],
        ..Facts::default()
    };
    let r = range("2026-11-04", "2026-11-17");
    let weeks = charts::attendance_per_week(r, &facts);
    let got: Vec<_> = weeks
        .iter()
        .map(|w| (w.week_start.as_str(), w.attended, w.missed))
        .collect();
    assert_eq!(
        got,
        vec![
            ("2026-11-02", 1, 1),
            ("2026-11-09", 2, 0),
            ("2026-11-16", 0, 1)
        ]
    );
    let totals = period_figures(r, &facts);
    assert_eq!((totals.meetings_attended, totals.meetings_missed), (3, 2));
}

#[test]
fn checkin_answers_follow_the_questions_order() {
    let facts = Facts {
        checkins: vec![
            CheckinFact {
                day: day("2026-11-01"),
                answers: CheckinAnswers {
                    slept_well: Some(true),
                    took_medication: Some(true),
                    ..Default::default()
                },
                day_rating: Some(6),
            },
            CheckinFact {
                day: day("2026-11-02"),
                answers: CheckinAnswers {
                    slept_well: Some(false),
                    took_medication: Some(true),
                    used_today: Some(false),
                    ..Default::default()
                },
                day_rating: None,
            },
            CheckinFact {
                day: day("2026-11-03"),
                answers: CheckinAnswers::default(),
                day_rating: Some(9),
            },
        ],
        ..Facts::default()
    };
    let c = charts::checkin_figures(range("2026-11-01", "2026-11-10"), &facts);
    assert_eq!((c.done, c.days), (3, 10));
    assert_eq!(c.average_day_rating, Some(7.5));
    let keys: Vec<&str> = c.answers.iter().map(|a| a.key.as_str()).collect();
    let expected: Vec<&str> = CheckinAnswers::default()
        .labelled()
        .iter()
        .map(|(k, _, _)| *k)
        .collect();
    assert_eq!(keys, expected);
    let by_key: HashMap<&str, (u32, u32)> = c
        .answers
        .iter()
        .map(|a| (a.key.as_str(), (a.yes, a.no)))
        .collect();
    assert_eq!(by_key["slept_well"], (1, 1));
    assert_eq!(by_key["took_medication"], (2, 0));
    assert_eq!(by_key["used_today"], (0, 1));
    assert_eq!(by_key["ate_well"], (0, 0));
    assert_eq!(c.answers[2].label, "Took medication as prescribed");
}

#[test]
fn what_works_and_lapses_are_limited_to_the_range() {
    let facts = Facts {
        cravings: vec![
            craving(1, "2026-11-05", 10, 8),
            craving(2, "2026-12-05", 10, 8),
        ],
        tried: vec![
            TriedCraving {
                strategy_id: StrategyId(7),
                craving_id: CravingId(1),
                outcome: Some(CravingOutcome::Passed),
                intensity: 8,
                intensity_after: Some(3),
            },
            TriedCraving {
                strategy_id: StrategyId(7),
                craving_id: CravingId(2),
                outcome: Some(CravingOutcome::Used),
                intensity: 8,
                intensity_after: Some(8),
            },
        ],
        strategy_titles: HashMap::from([(StrategyId(7), "Urge surfing".to_string())]),
        lapses: vec![
            LapseFact {
                day: day("2026-11-20"),
                restarted_counter: true,
                triggers: vec!["Payday".into()],
            },
            LapseFact {
                day: day("2026-11-02"),
                restarted_counter: false,
                triggers: vec![],
            },
            LapseFact {
                day: day("2026-12-02"),
                restarted_counter: false,
                triggers: vec![],
            },
        ],
        ..Facts::default()
    };
    let all = insights(range("2026-11-01", "2026-11-30"), &facts);
    assert_eq!(all.what_works.len(), 1);
    let w = &all.what_works[0];
    assert_eq!((w.tried, w.passed, w.pass_rate), (1, 1, Some(1.0)));
    assert_eq!(w.average_drop, Some(5.0));
    let lapses: Vec<(&str, bool)> = all
        .lapses
        .iter()
        .map(|l| (l.day.as_str(), l.restarted_counter))
        .collect();
    assert_eq!(lapses, vec![("2026-11-02", false), ("2026-11-20", true)]);
    assert_eq!(all.lapses[1].triggers, vec!["Payday".to_string()]);
    assert_eq!(all.totals.cravings, 1);
    assert_eq!(all.cravings_per_day.len(), 30);
    assert_eq!(all.heatmap.len(), 168);
}
