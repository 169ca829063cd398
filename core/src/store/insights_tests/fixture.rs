//! A real vault holding about seven weeks of varied use, entered through the public store APIs,
//! together with the plain list of what was entered, so tests can work out every figure on
//! their own. Includes entries logged at other UTC offsets (some whose UTC day differs from the
//! person's day) and entries deleted afterwards.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};

use super::super::testing::{at, day, soft_delete, temp_store};
use super::super::Store;
use crate::journal::clock::FixedClock;
use crate::journal::{
    CheckinAnswers, CravingOutcome, Halt, NewCheckin, NewCraving, NewJournalEntry, NewLapse,
    NewMood, NewTrigger, ProfileInput, TriggerId,
};
use crate::library::coping_library;
use crate::plan::RelapsePlan;
use crate::schedule::{Attendance, MeetingKind, NewMeeting, Recurrence, Weekday};

/// "Now" for the whole fixture: the evening of the day after November.
pub const NOW: &str = "2026-12-01T23:00:00+00:00";
/// The first day with entries.
pub const FIRST: &str = "2026-10-15";
/// The last day with entries.
pub const LAST: &str = "2026-12-01";
/// Markers written into private text, to look for in what is shared.
pub const CRAVING_NOTE: &str = "CRAVING-NOTE";
/// See [`CRAVING_NOTE`].
pub const MOOD_NOTE: &str = "MOOD-NOTE";
/// See [`CRAVING_NOTE`].
pub const CHECKIN_NOTE: &str = "CHECKIN-NOTE";
/// See [`CRAVING_NOTE`].
pub const LAPSE_NOTE: &str = "LAPSE-NOTE";
/// See [`CRAVING_NOTE`].
pub const JOURNAL_TEXT: &str = "JOURNAL-TEXT";
/// See [`CRAVING_NOTE`].
pub const PLAN_TEXT: &str = "PLAN-TEXT";
/// A trigger of the person's own, linked to some cravings and lapses.
pub const OWN_TRIGGER: &str = "Marker trigger";

pub fn clock() -> FixedClock {
    FixedClock(at(NOW))
}

/// A craving as entered.
#[derive(Debug, Clone)]
pub struct Planned {
    pub at: DateTime<FixedOffset>,
    pub intensity: u8,
    pub duration: Option<u32>,
    pub triggers: Vec<String>,
    pub halt: Halt,
    pub outcome: Option<CravingOutcome>,
    pub strategies: Vec<String>,
    pub intensity_after: Option<u8>,
    pub note: Option<String>,
}

/// A lapse as entered.
#[derive(Debug, Clone)]
pub struct PlannedLapse {
    pub at: DateTime<FixedOffset>,
    pub restarts: bool,
    pub triggers: Vec<String>,
    pub texts: [Option<String>; 3],
}

/// The vault and everything live in it.
pub struct Month {
    pub _dir: tempfile::TempDir,
    pub store: Store,
    pub cravings: Vec<Planned>,
    pub moods: Vec<(DateTime<FixedOffset>, u8, Option<String>)>,
    pub checkins: Vec<(NaiveDate, CheckinAnswers, Option<u8>, Option<String>)>,
    pub attendance: Vec<(NaiveDate, bool)>,
    pub lapses: Vec<PlannedLapse>,
    pub journal: Vec<(NaiveDate, String)>,
}

fn offset(hours: i32) -> FixedOffset {
    FixedOffset::east_opt(hours * 3600).unwrap()
}

fn local(d: NaiveDate, h: u32, m: u32, hours: i32) -> DateTime<FixedOffset> {
    offset(hours)
        .from_local_datetime(&d.and_hms_opt(h, m, 0).unwrap())
        .unwrap()
}

fn craving_input(p: &Planned, ids: &[(String, TriggerId)]) -> NewCraving {
    let mut coping = p.strategies.clone();
    coping.push("Something of my own".into());
    NewCraving {
        intensity: i32::from(p.intensity),
        occurred_at: Some(p.at.to_rfc3339()),
        duration_minutes: p.duration.map(|d| d as i32),
        trigger_ids: p
            .triggers
            .iter()
            .map(|n| ids.iter().find(|(name, _)| name == n).unwrap().1)
            .collect(),
        halt: p.halt,
        outcome: p.outcome,
        coping,
        intensity_after: p.intensity_after.map(i32::from),
        note: p.note.clone(),
        ..Default::default()
    }
}

/// Builds the vault. Day `n` counts from [`FIRST`].
pub fn month() -> Month {
    let (dir, store) = temp_store();
    let c = clock();
    let own = store
        .add_trigger(
            &NewTrigger {
                name: OWN_TRIGGER.into(),
                category: "people".into(),
            },
            &c,
        )
        .unwrap();
    let mut ids: Vec<(String, TriggerId)> = store
        .list_triggers(false)
        .unwrap()
        .into_iter()
        .filter(|t| t.id != own.id)
        .take(5)
        .map(|t| (t.name, t.id))
        .collect();
    ids.push((own.name.clone(), own.id));
    let names: Vec<String> = ids.iter().map(|(n, _)| n.clone()).collect();
    let titles: Vec<String> = coping_library().strategy[..4]
        .iter()
        .map(|s| s.title.clone())
        .collect();

    let first = day(FIRST);
    let days = (day(LAST) - first).num_days() as u32 + 1;
    let mut m = Month {
        _dir: dir,
        store,
        cravings: Vec::new(),
        moods: Vec::new(),
        checkins: Vec::new(),
        attendance: Vec::new(),
        lapses: Vec::new(),
        journal: Vec::new(),
    };
    for n in 0..days {
        let d = first + Duration::days(i64::from(n));
        for k in 0..n % 4 {
            let offset_hours = [0, 1, -5][((n + k) % 3) as usize];
            let intensity = ((n * 3 + k * 5) % 11) as u8;
            let mut triggers = vec![names[((n + k) as usize) % names.len()].clone()];
            if k == 1 {
                triggers.push(names[((n * 2 + 3) as usize) % names.len()].clone());
                triggers.dedup();
            }
            m.cravings.push(Planned {
                at: local(d, 6 + 5 * k + n % 3, 15 * k, offset_hours),
                intensity,
                duration: ((n + k) % 5 != 0).then_some((n * 7 + k * 13) % 90),
                triggers,
                halt: Halt {
                    hungry: n % 2 == 0,
                    angry: k == 2,
                    lonely: (n + k) % 3 == 0,
                    tired: n % 5 == 1,
                },
                outcome: match (n + k) % 4 {
                    1 | 3 => Some(CravingOutcome::Passed),
                    2 => Some(CravingOutcome::Used),
                    _ => (n % 2 == 1).then_some(CravingOutcome::Ongoing),
                },
                strategies: vec![titles[((n + k) % 4) as usize].clone()],
                intensity_after: (k != 1).then_some(intensity.saturating_sub(3)),
                note: (k == 0).then(|| format!("{CRAVING_NOTE} {n}")),
            });
        }
        for j in 0..(n % 3) + 1 {
            let at = if j == 2 && n % 2 == 0 {
                // Late in the evening at UTC-5: already the next day in UTC.
                local(d, 23, 45, -5)
            } else {
                local(d, 8 + 4 * j, 10, [0, 1, 2][j as usize])
            };
            let note = (j == 1).then(|| format!("{MOOD_NOTE} {n}"));
            m.moods.push((at, (1 + (n * 5 + j * 3) % 10) as u8, note));
        }
        if n % 6 != 5 {
            let answers = CheckinAnswers {
                slept_well: Some(n % 3 != 0),
                ate_well: Some(n % 2 == 0),
                took_medication: Some(n % 9 != 0),
                attended_support: (n % 4 != 0).then_some(n % 4 == 1),
                contacted_someone: Some(n % 5 != 0),
                healthy_activity: None,
                high_risk_situation: Some(n % 10 == 0),
                used_today: Some(false),
            };
            let rating = (n % 7 != 0).then_some((1 + n % 10) as u8);
            let note = (n % 8 == 0).then(|| format!("{CHECKIN_NOTE} {n}"));
            m.checkins.push((d, answers, rating, note));
        }
        if n % 3 == 0 {
            m.journal.push((d, format!("{JOURNAL_TEXT} {n}")));
        }
    }
    // The day boundary, at both ends of November: the person's day is the one on their clock.
    for (text, intensity) in [
        ("2026-11-30T23:30:00-05:00", 9), // 04:30 UTC on Dec 1: still Nov 30
        ("2026-11-01T00:30:00+01:00", 8), // 23:30 UTC on Oct 31: already Nov 1
        ("2026-10-31T23:30:00-01:00", 7), // 00:30 UTC on Nov 1: still Oct 31
    ] {
        m.cravings.push(Planned {
            at: at(text),
            intensity,
            duration: Some(3),
            triggers: vec![OWN_TRIGGER.into()],
            halt: Halt::default(),
            outcome: Some(CravingOutcome::Passed),
            strategies: vec![titles[0].clone()],
            intensity_after: Some(1),
            note: None,
        });
    }
    m.lapses = vec![
        PlannedLapse {
            at: local(day("2026-10-20"), 10, 0, 1),
            restarts: true,
            triggers: vec![names[0].clone()],
            texts: [None, Some(format!("{LAPSE_NOTE} october")), None],
        },
        PlannedLapse {
            at: local(day("2026-11-10"), 21, 0, 0),
            restarts: true,
            triggers: vec![OWN_TRIGGER.into(), names[1].clone()],
            texts: [
                Some(format!("{LAPSE_NOTE} situation")),
                Some("Called too late".into()),
                Some("Call earlier".into()),
            ],
        },
        PlannedLapse {
            at: local(day("2026-11-25"), 23, 30, -5),
            restarts: false,
            triggers: vec![],
            texts: [None, None, None],
        },
    ];
    save(&mut m, &ids, &c);
    m
}

fn save(m: &mut Month, ids: &[(String, TriggerId)], c: &FixedClock) {
    let s = &m.store;
    let inputs: Vec<NewCraving> = m.cravings.iter().map(|p| craving_input(p, ids)).collect();
    s.add_cravings(&inputs, c).unwrap();
    for (at, mood, note) in &m.moods {
        s.add_mood(
            &NewMood {
                mood: i32::from(*mood),
                occurred_at: Some(at.to_rfc3339()),
                note: note.clone(),
                ..Default::default()
            },
            c,
        )
        .unwrap();
    }
    for (d, answers, rating, note) in &m.checkins {
        s.add_checkin(
            &NewCheckin {
                date: Some(d.to_string()),
                answers: *answers,
                day_rating: rating.map(i32::from),
                note: note.clone(),
            },
            c,
        )
        .unwrap();
    }
    for l in &m.lapses {
        s.add_lapse(
            &NewLapse {
                occurred_at: Some(l.at.to_rfc3339()),
                trigger_ids: l
                    .triggers
                    .iter()
                    .map(|n| ids.iter().find(|(name, _)| name == n).unwrap().1)
                    .collect(),
                situation: l.texts[0].clone(),
                learned: l.texts[1].clone(),
                next_time: l.texts[2].clone(),
                restarts_counter: l.restarts,
                ..Default::default()
            },
            c,
        )
        .unwrap();
    }
    for (d, body) in &m.journal {
        s.add_journal_entry(
            &NewJournalEntry {
                date: Some(d.to_string()),
                body: body.clone(),
                went_well: Some("A walk".into()),
                tags: vec![],
            },
            c,
        )
        .unwrap();
    }
    deleted_entries(s, c);
    s.set_profile(
        &ProfileInput {
            recovery_start: Some("2026-09-01".into()),
            region: None,
            medication: None,
        },
        c,
    )
    .unwrap();
    s.set_plan(
        &RelapsePlan {
            reasons: vec![format!("{PLAN_TEXT} my family")],
            ..Default::default()
        },
        c,
    )
    .unwrap();
    mark_meetings(m, c);
}

/// A Tuesday and Thursday meeting at 19:00 London time; every occurrence from the first day to
/// the end of November is marked, two in three attended.
fn mark_meetings(m: &mut Month, c: &FixedClock) {
    let meeting = m
        .store
        .add_meeting(
            &NewMeeting {
                title: "Group".into(),
                kind: MeetingKind::TwelveStep,
                start_date: "2026-10-06".into(),
                start_time: "19:00".into(),
                time_zone: Some("Europe/London".into()),
                duration_minutes: 60,
                recurrence: Recurrence::Weekly {
                    interval: 1,
                    days: vec![Weekday::Tue, Weekday::Thu],
                },
                until: None,
                place: None,
                link: None,
                notes: None,
                reminder_minutes: vec![],
            },
            c,
        )
        .unwrap();
    let mut d = day(FIRST);
    let mut i = 0;
    while d <= day("2026-11-30") {
        if matches!(d.format("%a").to_string().as_str(), "Tue" | "Thu") {
            let attended = i % 3 != 0;
            let mark = if attended {
                Attendance::Attended
            } else {
                Attendance::Missed
            };
            m.store
                .set_attendance(meeting.id, &format!("{d}T19:00"), Some(mark), c)
                .unwrap();
            m.attendance.push((d, attended));
            i += 1;
        }
        d += Duration::days(1);
    }
}

/// Entries that are deleted (marked, as the window's delete does) and must never count.
fn deleted_entries(s: &Store, c: &FixedClock) {
    let craving = s
        .add_craving(
            &NewCraving {
                intensity: 10,
                occurred_at: Some("2026-11-12T12:00:00+00:00".into()),
                duration_minutes: Some(1000),
                note: Some(format!("{CRAVING_NOTE} deleted")),
                ..Default::default()
            },
            c,
        )
        .unwrap();
    soft_delete(s, "craving", craving.id.0);
    let mood = s
        .add_mood(
            &NewMood {
                mood: 1,
                occurred_at: Some("2026-11-12T12:00:00+00:00".into()),
                note: Some(format!("{MOOD_NOTE} deleted")),
                ..Default::default()
            },
            c,
        )
        .unwrap();
    soft_delete(s, "mood_checkin", mood.id.0);
    // Day 29 (n % 6 == 5) has no live check-in.
    let checkin = s
        .add_checkin(
            &NewCheckin {
                date: Some("2026-11-13".into()),
                answers: CheckinAnswers {
                    slept_well: Some(false),
                    ..Default::default()
                },
                note: Some(format!("{CHECKIN_NOTE} deleted")),
                ..Default::default()
            },
            c,
        )
        .unwrap();
    soft_delete(s, "daily_checkin", checkin.id.0);
    let lapse = s
        .add_lapse(
            &NewLapse {
                occurred_at: Some("2026-11-14T12:00:00+00:00".into()),
                restarts_counter: true,
                learned: Some(format!("{LAPSE_NOTE} deleted")),
                ..Default::default()
            },
            c,
        )
        .unwrap();
    soft_delete(s, "lapse", lapse.id.0);
}
