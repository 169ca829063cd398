//! Ninety days entered through the store: a calm, steady history raises no early-warning sign
//! on the dashboard, and the same history with a hard last week or two raises every sign.

use chrono::{Datelike, Duration, FixedOffset, NaiveDate, TimeZone};

use super::super::testing::{at, temp_store};
use super::super::Store;
use crate::insights::EarlyWarningRule;
use crate::journal::clock::FixedClock;
use crate::journal::{CheckinAnswers, NewCheckin, NewCraving, NewMood};
use crate::schedule::{Attendance, MeetingKind, NewMeeting, Recurrence, Weekday};

const DAYS: i64 = 90;

fn now() -> FixedClock {
    FixedClock(at("2026-11-22T20:00:00+00:00"))
}

fn utc(d: NaiveDate, hour: u32) -> String {
    FixedOffset::east_opt(0)
        .unwrap()
        .from_local_datetime(&d.and_hms_opt(hour, 0, 0).unwrap())
        .unwrap()
        .to_rfc3339()
}

/// Ninety days of steady use: 2-4 cravings a day, two moods of 6-7, a daily check-in (sleep
/// poor one day a week), and a Tuesday and Friday meeting attended. With `hard`, the last days
/// turn: 8 cravings a day for a week, mood falling over 10 days, check-ins only on the last
/// three days (poor sleep, high-risk situations), and the last fortnight's meetings missed.
fn history(hard: bool) -> (tempfile::TempDir, Store) {
    let (dir, store) = temp_store();
    let clock = now();
    let today = clock.0.date_naive();
    let mut cravings = Vec::new();
    for back in 0..DAYS {
        let d = today - Duration::days(back);
        let per_day = if hard && back < 7 { 8 } else { 2 + back % 3 };
        for k in 0..per_day {
            cravings.push(NewCraving {
                intensity: 4 + (k % 3) as i32,
                occurred_at: Some(utc(d, 8 + k as u32)),
                duration_minutes: Some(10),
                ..Default::default()
            });
        }
        for (i, hour) in [9, 18].into_iter().enumerate() {
            let mood = if hard && back < 10 {
                2 + back / 2
            } else {
                6 + (back + i as i64) % 2
            };
            store
                .add_mood(
                    &NewMood {
                        mood: mood as i32,
                        occurred_at: Some(utc(d, hour)),
                        ..Default::default()
                    },
                    &clock,
                )
                .unwrap();
        }
        let turned = hard && back < 8;
        if turned && back > 2 {
            continue;
        }
        let answers = CheckinAnswers {
            slept_well: Some(!turned && back % 7 != 3),
            took_medication: Some(true),
            high_risk_situation: Some(turned),
            used_today: Some(false),
            ..Default::default()
        };
        store
            .add_checkin(
                &NewCheckin {
                    date: Some(d.to_string()),
                    answers,
                    day_rating: Some(7),
                    note: None,
                },
                &clock,
            )
            .unwrap();
    }
    store.add_cravings(&cravings, &clock).unwrap();
    meetings(&store, today, hard);
    (dir, store)
}

fn meetings(store: &Store, today: NaiveDate, hard: bool) {
    let clock = now();
    let first = today - Duration::days(DAYS - 1);
    let meeting = store
        .add_meeting(
            &NewMeeting {
                title: "Group".into(),
                kind: MeetingKind::TwelveStep,
                start_date: first.to_string(),
                start_time: "19:00".into(),
                time_zone: Some("Europe/London".into()),
                duration_minutes: 60,
                recurrence: Recurrence::Weekly {
                    interval: 1,
                    days: vec![Weekday::Tue, Weekday::Fri],
                },
                until: None,
                place: None,
                link: None,
                notes: None,
                reminder_minutes: vec![],
            },
            &clock,
        )
        .unwrap();
    let mut d = first;
    while d < today {
        if matches!(d.weekday(), chrono::Weekday::Tue | chrono::Weekday::Fri) {
            let missed = hard && today - d < Duration::days(14);
            let mark = if missed {
                Attendance::Missed
            } else {
                Attendance::Attended
            };
            store
                .set_attendance(meeting.id, &format!("{d}T19:00"), Some(mark), &clock)
                .unwrap();
        }
        d += Duration::days(1);
    }
}

#[test]
fn a_calm_ninety_days_raise_no_warning() {
    let (_dir, store) = history(false);
    let dash = store.dashboard(&now()).unwrap();
    assert!(dash.this_week.cravings >= 14, "{:?}", dash.this_week);
    assert_eq!(dash.this_week.checkins_done, 7);
    assert!(dash.this_week.meetings_attended >= 2);
    assert_eq!(dash.warnings, vec![]);
}

#[test]
fn a_hard_last_week_raises_each_warning() {
    let (_dir, store) = history(true);
    let dash = store.dashboard(&now()).unwrap();
    let rules: Vec<EarlyWarningRule> = dash.warnings.iter().map(|w| w.rule).collect();
    assert_eq!(
        rules,
        vec![
            EarlyWarningRule::CravingsAboveBaseline,
            EarlyWarningRule::MoodTrendingDown,
            EarlyWarningRule::CheckinsMissed,
            EarlyWarningRule::MeetingsMissed,
            EarlyWarningRule::HighRiskReturning,
            EarlyWarningRule::SleepProblems,
        ]
    );
    // The numbers it saw are the ones entered: 56 cravings this week; 2-4 a day before.
    let cravings = &dash.warnings[0];
    assert!(
        cravings.detail.contains("56 cravings"),
        "{}",
        cravings.detail
    );
    assert_eq!(dash.this_week.cravings, 56);
    for w in &dash.warnings {
        assert!(!w.links.is_empty());
    }
}
