//! A vault filled with every kind of record through the public store APIs, with every optional
//! field set, for the export and import tests; and a look at every table's rows.

use crate::journal::clock::FixedClock;
use crate::journal::{
    CheckinAnswers, CravingOutcome, EntryKind, EntryRef, Halt, NewCheckin, NewCraving,
    NewJournalEntry, NewLapse, NewMood, NewReview, NewTrigger, ProfileInput, TriggerId,
};
use crate::library::NewStrategy;
use crate::plan::{IfThenPlan, RelapsePlan, WarningSign, WarningSignKind, WarningSignStage};
use crate::schedule::{
    Attendance, MedicationReminder, MeetingKind, NewMeeting, NotificationStyle, Recurrence,
    ReminderSettings, Weekday,
};
use crate::store::testing::at;
use crate::store::Store;
use crate::support::{NewContact, NewLocalHelpline};

/// A note with everything CSV must quote, and text beyond ASCII.
pub(crate) const TRICKY_NOTE: &str =
    "Rode it out, \"barely\"; then slept.\nNext day: ✓ ünïcödé 漢字 — fine, really";
/// A note a spreadsheet would run as a formula.
pub(crate) const FORMULA_NOTE: &str = "=HYPERLINK(\"http://example.invalid\",\"x\")";
/// A word only the journal and one craving contain, for search after import.
pub(crate) const SEARCH_WORD: &str = "zebrafinch";
/// The note of the craving deleted before export.
pub(crate) const DELETED_NOTE: &str = "this-craving-was-deleted";

/// The test's "now".
pub(crate) fn clock() -> FixedClock {
    FixedClock(at("2026-11-22T18:00:00+00:00"))
}

/// What went in, for counting independently of the export code.
#[derive(Debug, Default)]
pub(crate) struct Fixture {
    /// `occurred_at` of each live craving, as given.
    pub cravings: Vec<&'static str>,
    /// `occurred_at` of each mood check-in.
    pub moods: Vec<&'static str>,
    /// Journal days.
    pub journal: Vec<&'static str>,
    /// Check-in days.
    pub checkins: Vec<&'static str>,
    /// A day in each reviewed week.
    pub review_weeks: Vec<&'static str>,
    /// `occurred_at` of each lapse.
    pub lapses: Vec<&'static str>,
    /// The local day of each marked meeting occurrence.
    pub attendance_days: Vec<&'static str>,
}

fn full_craving(
    at: &'static str,
    triggers: &[TriggerId],
    coping: &[String],
    note: &str,
) -> NewCraving {
    NewCraving {
        intensity: 7,
        occurred_at: Some(at.into()),
        duration_minutes: Some(20),
        trigger_ids: triggers.to_vec(),
        new_triggers: Vec::new(),
        halt: Halt {
            hungry: true,
            angry: false,
            lonely: true,
            tired: true,
        },
        place: Some("Bus stop, Market St".into()),
        with_whom: Some("On my own".into()),
        activity: Some("Waiting — \"late\" again".into()),
        coping: coping.to_vec(),
        outcome: Some(CravingOutcome::Passed),
        intensity_after: Some(2),
        note: Some(note.into()),
    }
}

/// Fills `store` with every kind of record.
pub(crate) fn fill(store: &Store) -> Fixture {
    let clock = clock();
    let mut fx = Fixture::default();
    store
        .set_profile(
            &ProfileInput {
                recovery_start: Some("2026-09-01".into()),
                region: Some("uk".into()),
                medication: Some("buprenorphine".into()),
            },
            &clock,
        )
        .unwrap();
    store
        .set_reminder_settings(&ReminderSettings {
            checkin_time: Some("20:30".into()),
            medication: vec![MedicationReminder {
                time: "08:00".into(),
                label: Some("Morning dose".into()),
            }],
            style: NotificationStyle::Detailed,
        })
        .unwrap();

    let starters = store.list_triggers(false).unwrap();
    store.set_trigger_archived(starters[1].id, true).unwrap();
    let payday = store
        .add_trigger(
            &NewTrigger {
                name: "Payday, \"cash\" day".into(),
                category: "times_and_situations".into(),
            },
            &clock,
        )
        .unwrap();
    let street = store
        .add_trigger(
            &NewTrigger {
                name: "=Old street".into(),
                category: "places".into(),
            },
            &clock,
        )
        .unwrap();
    let triggers = [starters[0].id, payday.id, street.id];

    let library = store.list_strategies(false).unwrap();
    store.set_strategy_starred(library[0].id, true).unwrap();
    store.set_strategy_hidden(library[1].id, true).unwrap();
    let own = store
        .add_strategy(
            &NewStrategy {
                title: "Text my sister".into(),
                summary: Some("She always answers, even late.".into()),
                steps: vec!["Open the chat".into(), "Say \"it's bad, talk?\"".into()],
                category: "connection".into(),
            },
            &clock,
        )
        .unwrap();
    store.set_strategy_starred(own.id, true).unwrap();
    let coping = vec![
        own.title.clone(),
        library[0].title.clone(),
        "Walked it off".to_string(),
    ];

    fx.cravings = vec![
        "2026-10-20T08:15:00+01:00",
        "2026-10-31T23:59:00+00:00",
        "2026-11-01T23:30:00-05:00",
        "2026-11-10T12:00:00+00:00",
        "2026-11-15T23:59:59+02:00",
        "2026-11-16T00:30:00+09:00",
    ];
    let notes = [
        TRICKY_NOTE.to_string(),
        FORMULA_NOTE.to_string(),
        format!("Saw a {SEARCH_WORD} at the bus stop"),
        "Plain".to_string(),
        "Late".to_string(),
        "Early".to_string(),
    ];
    for (when, note) in fx.cravings.iter().zip(&notes) {
        store
            .add_craving(&full_craving(when, &triggers, &coping, note), &clock)
            .unwrap();
    }
    let deleted = store
        .add_craving(
            &full_craving(
                "2026-11-05T10:00:00+00:00",
                &triggers,
                &coping,
                DELETED_NOTE,
            ),
            &clock,
        )
        .unwrap();
    store
        .delete_entry(
            EntryRef {
                kind: EntryKind::Craving,
                id: deleted.id.0,
            },
            &clock,
        )
        .unwrap();

    fx.moods = vec![
        "2026-10-15T21:00:00-07:00",
        "2026-11-02T09:00:00+00:00",
        "2026-11-14T07:00:00+05:30",
    ];
    for when in &fx.moods {
        store
            .add_mood(
                &NewMood {
                    mood: 6,
                    occurred_at: Some((*when).into()),
                    feelings: vec!["hopeful".into(), "tired".into()],
                    note: Some("Steadier, \"mostly\"".into()),
                },
                &clock,
            )
            .unwrap();
    }

    fx.journal = vec!["2026-10-30", "2026-11-03", "2026-11-15"];
    for day in &fx.journal {
        store
            .add_journal_entry(
                &NewJournalEntry {
                    date: Some((*day).into()),
                    body: format!("# Today\n\nA {SEARCH_WORD} sang; I *noticed* it, \"really\"."),
                    went_well: Some("Called Sam, kept to the plan".into()),
                    tags: vec!["work".into(), "family, home".into()],
                },
                &clock,
            )
            .unwrap();
    }

    fx.checkins = vec!["2026-10-10", "2026-11-01", "2026-11-16"];
    for day in &fx.checkins {
        store
            .add_checkin(
                &NewCheckin {
                    date: Some((*day).into()),
                    answers: CheckinAnswers {
                        slept_well: Some(true),
                        ate_well: Some(false),
                        took_medication: Some(true),
                        attended_support: Some(true),
                        contacted_someone: None,
                        healthy_activity: Some(false),
                        high_risk_situation: Some(false),
                        used_today: Some(false),
                    },
                    day_rating: Some(7),
                    note: Some("Long day,\nbut OK".into()),
                },
                &clock,
            )
            .unwrap();
    }

    fx.review_weeks = vec!["2026-10-28", "2026-11-04"];
    for week in &fx.review_weeks {
        store
            .add_review(
                &NewReview {
                    week_of: Some((*week).into()),
                    answers: [("days_used".to_string(), 0), ("confidence".to_string(), 8)]
                        .into_iter()
                        .collect(),
                    note: Some("Better than last week".into()),
                },
                &clock,
            )
            .unwrap();
    }

    fx.lapses = vec!["2026-09-20T12:00:00+00:00", "2026-11-08T22:00:00+00:00"];
    for when in &fx.lapses {
        store
            .add_lapse(
                &NewLapse {
                    occurred_at: Some((*when).into()),
                    trigger_ids: vec![payday.id, starters[0].id],
                    feelings: vec!["lonely".into(), "ashamed".into()],
                    situation: Some("Payday, alone, \"just once\"".into()),
                    learned: Some("Evenings after payday need a plan".into()),
                    next_time: Some("Give my card to Jo".into()),
                    restarts_counter: true,
                },
                &clock,
            )
            .unwrap();
    }

    for (name, role, phone, email, notes) in [
        (
            "Sam",
            "sponsor",
            Some("07700 900123"),
            None,
            Some("Any time"),
        ),
        (
            "Dr Okafor",
            "gp",
            Some("+44 20 7946 0000"),
            Some("okafor@example.org"),
            Some("Surgery, weekdays\nask for the nurse"),
        ),
    ] {
        store
            .add_contact(
                &NewContact {
                    name: name.into(),
                    role: role.into(),
                    phone: phone.map(Into::into),
                    email: email.map(Into::into),
                    notes: notes.map(Into::into),
                },
                &clock,
            )
            .unwrap();
    }
    store
        .add_local_helpline(
            &NewLocalHelpline {
                name: "Drug service".into(),
                number: "0300 123 4567".into(),
                note: Some("Open 9-5".into()),
            },
            &clock,
        )
        .unwrap();
    store.set_plan(&full_plan(), &clock).unwrap();

    let weekly = store
        .add_meeting(
            &NewMeeting {
                title: "Tuesday NA".into(),
                kind: MeetingKind::TwelveStep,
                start_date: "2026-10-06".into(),
                start_time: "19:00".into(),
                time_zone: Some("Europe/London".into()),
                duration_minutes: 90,
                recurrence: Recurrence::Weekly {
                    interval: 1,
                    days: vec![Weekday::Tue],
                },
                until: Some("2027-06-29".into()),
                place: Some("St Mark's hall, room 2".into()),
                link: Some("https://example.org/na".into()),
                notes: Some("Bring the keyring".into()),
                reminder_minutes: vec![30, 1440],
            },
            &clock,
        )
        .unwrap();
    store
        .skip_occurrence(weekly.id, "2026-10-13T19:00")
        .unwrap();
    store
        .move_occurrence(weekly.id, "2026-10-20T19:00", "2026-10-21T18:30")
        .unwrap();
    let keyworker = store
        .add_meeting(
            &NewMeeting {
                title: "Keyworker".into(),
                kind: MeetingKind::Keyworker,
                start_date: "2026-11-12".into(),
                start_time: "10:00".into(),
                time_zone: Some("Europe/London".into()),
                duration_minutes: 45,
                recurrence: Recurrence::Once,
                until: None,
                place: None,
                link: None,
                notes: None,
                reminder_minutes: vec![],
            },
            &clock,
        )
        .unwrap();
    for (id, occurrence, went, local_day) in [
        (
            weekly.id,
            "2026-10-06T19:00",
            Attendance::Attended,
            "2026-10-06",
        ),
        (
            weekly.id,
            "2026-10-27T19:00",
            Attendance::Missed,
            "2026-10-27",
        ),
        (
            weekly.id,
            "2026-11-10T19:00",
            Attendance::Attended,
            "2026-11-10",
        ),
        (
            keyworker.id,
            "2026-11-12T10:00",
            Attendance::Attended,
            "2026-11-12",
        ),
    ] {
        store
            .set_attendance(id, occurrence, Some(went), &clock)
            .unwrap();
        fx.attendance_days.push(local_day);
    }
    fx
}

/// A plan with every section filled.
pub(crate) fn full_plan() -> RelapsePlan {
    RelapsePlan {
        reasons: vec!["My daughter".into(), "Feeling well, \"properly\"".into()],
        warning_signs: vec![WarningSign {
            kind: WarningSignKind::Thoughts,
            stage: WarningSignStage::Early,
            text: "Just the once".into(),
        }],
        high_risk_situations: vec![IfThenPlan {
            situation: "it's payday".into(),
            plan: "I give my card to Jo".into(),
        }],
        people_to_call: vec!["My sister".into()],
        safe_places: vec!["The library".into()],
        safe_activities: vec!["Swimming".into()],
        aftercare: vec!["NA on Tuesdays".into()],
    }
}
