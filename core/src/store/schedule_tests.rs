//! Tests of the schedule on real encrypted stores: meetings round trip, skipped and moved
//! occurrences, attendance, reminders already shown or missed, reminder settings, and the
//! schema 4 upgrade.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;

use super::testing::{at, count, day, temp_store};
use super::{ReminderOutcome, Store, MISSED_LOOKBACK_DAYS};
use crate::error::Error;
use crate::journal::clock::FixedClock;
use crate::schedule::meeting::tests::weekly_na;
use crate::schedule::{
    Attendance, MedicationReminder, Meeting, MeetingId, MeetingKind, NewMeeting, NotificationStyle,
    Recurrence, ReminderKind, ReminderSettings, Weekday,
};
use crate::vault::DataKey;

const LONDON: Tz = chrono_tz::Europe::London;

fn clock(text: &str) -> FixedClock {
    FixedClock(at(text))
}

fn utc(text: &str) -> DateTime<Utc> {
    at(text).with_timezone(&Utc)
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// The instant of a wall-clock time, straight from chrono_tz.
fn instant(zone: Tz, d: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    zone.from_local_datetime(&d.and_time(time))
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

fn reopen(dir: &tempfile::TempDir) -> Store {
    Store::open(&dir.path().join("waymark.db"), &DataKey::for_tests([7; 32])).unwrap()
}

/// Every field set, with spaces to trim and reminders to sort.
fn full_meeting() -> NewMeeting {
    NewMeeting {
        title: "  Tuesday NA  ".into(),
        kind: MeetingKind::TwelveStep,
        start_date: "2026-11-24".into(),
        start_time: "19:00".into(),
        time_zone: Some("Europe/London".into()),
        duration_minutes: 90,
        recurrence: Recurrence::Weekly {
            interval: 1,
            days: vec![Weekday::Tue],
        },
        until: Some("2027-06-29".into()),
        place: Some(" St Mark's hall ".into()),
        link: Some("https://example.org/na".into()),
        notes: Some("Bring the keyring".into()),
        reminder_minutes: vec![30, 1440],
    }
}

fn add(store: &Store, input: &NewMeeting) -> Meeting {
    store
        .add_meeting(input, &clock("2026-11-20T10:00:00+00:00"))
        .unwrap()
}

fn occurrence_keys(meeting: &Meeting, store: &Store, from: &str, to: &str) -> Vec<String> {
    store
        .occurrences(utc(from), utc(to))
        .unwrap()
        .into_iter()
        .filter(|o| o.meeting_id == meeting.id)
        .map(|o| o.occurrence)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Meetings

#[test]
fn a_meeting_round_trips_every_field() {
    let (dir, store) = temp_store();
    let saved = add(&store, &full_meeting());
    assert_eq!(saved.title, "Tuesday NA");
    assert_eq!(saved.kind, MeetingKind::TwelveStep);
    assert_eq!(saved.start_local, "2026-11-24T19:00");
    assert_eq!(saved.time_zone, "Europe/London");
    assert_eq!(saved.duration_minutes, 90);
    assert_eq!(saved.recurrence, full_meeting().recurrence);
    assert_eq!(saved.until.as_deref(), Some("2027-06-29"));
    assert_eq!(saved.place.as_deref(), Some("St Mark's hall"));
    assert_eq!(saved.link.as_deref(), Some("https://example.org/na"));
    assert_eq!(saved.notes.as_deref(), Some("Bring the keyring"));
    assert_eq!(saved.reminder_minutes, vec![1440, 30]);
    assert!(saved.exceptions.is_empty());

    drop(store);
    let store = reopen(&dir);
    assert_eq!(store.meeting(saved.id).unwrap(), saved);
    assert_eq!(store.list_meetings().unwrap(), vec![saved.clone()]);

    let changed = NewMeeting {
        title: "Keyworker".into(),
        kind: MeetingKind::Keyworker,
        start_date: "2027-01-15".into(),
        start_time: "10:30".into(),
        time_zone: Some("America/New_York".into()),
        duration_minutes: 45,
        recurrence: Recurrence::MonthlyOnWeekday {
            interval: 2,
            week: -1,
            weekday: Weekday::Fri,
        },
        until: None,
        place: None,
        link: None,
        notes: None,
        reminder_minutes: vec![0],
    };
    let updated = store
        .update_meeting(saved.id, &changed, &clock("2026-11-21T10:00:00+00:00"))
        .unwrap();
    let expected = Meeting {
        id: saved.id,
        title: "Keyworker".into(),
        kind: MeetingKind::Keyworker,
        start_local: "2027-01-15T10:30".into(),
        time_zone: "America/New_York".into(),
        duration_minutes: 45,
        recurrence: changed.recurrence.clone(),
        until: None,
        place: None,
        link: None,
        notes: None,
        reminder_minutes: vec![0],
        exceptions: Vec::new(),
    };
    assert_eq!(updated, expected);
    assert_eq!(reopen(&dir).meeting(saved.id).unwrap(), expected);
    let (created, updated_at) = super::testing::stamps(&store, "meeting", saved.id.0);
    assert_eq!(created, utc("2026-11-20T10:00:00Z").timestamp_millis());
    assert_eq!(
        updated_at,
        Some(utc("2026-11-21T10:00:00Z").timestamp_millis())
    );
}

#[test]
fn meetings_are_listed_by_first_start() {
    let (_dir, store) = temp_store();
    let later = add(&store, &weekly_na());
    let mut earlier_input = weekly_na();
    earlier_input.start_date = "2026-11-02".into();
    earlier_input.recurrence = Recurrence::Once;
    let earlier = add(&store, &earlier_input);
    let ids: Vec<MeetingId> = store
        .list_meetings()
        .unwrap()
        .iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(ids, vec![earlier.id, later.id]);
}

#[test]
fn rejected_meetings_write_nothing() {
    let (_dir, store) = temp_store();
    let mut bad = full_meeting();
    bad.link = Some("javascript:alert(1)".into());
    let err = store
        .add_meeting(&bad, &clock("2026-11-20T10:00:00+00:00"))
        .unwrap_err();
    assert_eq!(err.field(), Some("link"));
    assert!(!err.to_string().contains("javascript"));
    assert_eq!(count(&store, "meeting"), 0);

    let saved = add(&store, &full_meeting());
    let mut bad = full_meeting();
    bad.title = "Renamed".into();
    bad.until = Some("2026-01-01".into());
    let err = store
        .update_meeting(saved.id, &bad, &clock("2026-11-21T10:00:00+00:00"))
        .unwrap_err();
    assert_eq!(err.field(), Some("until"));
    assert_eq!(count(&store, "meeting"), 1);
    assert_eq!(store.meeting(saved.id).unwrap(), saved);
    assert_eq!(
        super::testing::stamps(&store, "meeting", saved.id.0).1,
        None
    );

    // A start the clocks skip over is refused, not moved.
    let mut gap = full_meeting();
    gap.start_date = "2027-03-28".into();
    gap.start_time = "01:30".into();
    let err = store
        .add_meeting(&gap, &clock("2026-11-20T10:00:00+00:00"))
        .unwrap_err();
    assert_eq!(err.field(), Some("startTime"));
    assert_eq!(count(&store, "meeting"), 1);
}

#[test]
fn an_unknown_meeting_is_not_found_everywhere() {
    let (_dir, store) = temp_store();
    let kept = add(&store, &weekly_na());
    let missing = MeetingId(kept.id.0 + 100);
    let now = clock("2027-01-01T00:00:00+00:00");
    let results = [
        store.meeting(missing).map(|_| ()),
        store
            .update_meeting(missing, &weekly_na(), &now)
            .map(|_| ()),
        store.delete_meeting(missing),
        store
            .skip_occurrence(missing, "2026-11-24T19:00")
            .map(|_| ()),
        store
            .move_occurrence(missing, "2026-11-24T19:00", "2026-11-25T19:00")
            .map(|_| ()),
        store
            .restore_occurrence(missing, "2026-11-24T19:00")
            .map(|_| ()),
        store.set_attendance(
            missing,
            "2026-11-24T19:00",
            Some(Attendance::Attended),
            &now,
        ),
    ];
    for (i, result) in results.into_iter().enumerate() {
        assert!(
            matches!(result, Err(Error::NotFound(_))),
            "call {i}: {result:?}"
        );
    }
    // Unknown ids even with bad input: the meeting is checked first.
    let mut bad = weekly_na();
    bad.title = String::new();
    assert!(matches!(
        store.update_meeting(missing, &bad, &now),
        Err(Error::NotFound(_))
    ));
    assert_eq!(store.list_meetings().unwrap(), vec![kept]);
}

#[test]
fn deleting_a_meeting_takes_its_exceptions_and_attendance_with_it() {
    let (_dir, store) = temp_store();
    let m = add(&store, &weekly_na());
    let other = add(&store, &weekly_na());
    let now = clock("2027-01-01T00:00:00+00:00");
    for id in [m.id, other.id] {
        store.skip_occurrence(id, "2026-11-24T19:00").unwrap();
        store
            .set_attendance(id, "2026-12-01T19:00", Some(Attendance::Attended), &now)
            .unwrap();
    }
    store.delete_meeting(m.id).unwrap();
    assert!(matches!(store.meeting(m.id), Err(Error::NotFound(_))));
    assert!(matches!(
        store.delete_meeting(m.id),
        Err(Error::NotFound(_))
    ));
    assert_eq!(count(&store, "meeting"), 1);
    assert_eq!(count(&store, "meeting_exception"), 1);
    assert_eq!(count(&store, "meeting_attendance"), 1);
    assert_eq!(store.meeting(other.id).unwrap().exceptions.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Skipping and moving

#[test]
fn an_occurrence_can_be_skipped_moved_and_restored() {
    let (_dir, store) = temp_store();
    let m = add(&store, &weekly_na());
    let window = ("2026-11-23T00:00:00Z", "2026-12-16T00:00:00Z");
    let all = occurrence_keys(&m, &store, window.0, window.1);
    assert_eq!(
        all,
        [
            "2026-11-24T19:00",
            "2026-12-01T19:00",
            "2026-12-08T19:00",
            "2026-12-15T19:00"
        ]
    );

    let skipped = store.skip_occurrence(m.id, "2026-12-01T19:00").unwrap();
    assert_eq!(skipped.exceptions.len(), 1);
    assert_eq!(skipped.exceptions[0].moved_to, None);
    let keys = occurrence_keys(&m, &store, window.0, window.1);
    assert!(!keys.contains(&"2026-12-01T19:00".to_string()));
    assert_eq!(keys.len(), 3);

    let moved = store
        .move_occurrence(m.id, "2026-12-08T19:00", "2026-12-09T18:30")
        .unwrap();
    assert_eq!(moved.exceptions.len(), 2);
    let occurrences = store.occurrences(utc(window.0), utc(window.1)).unwrap();
    let moved_one = occurrences.iter().find(|o| o.moved).unwrap();
    assert_eq!(moved_one.occurrence, "2026-12-08T19:00");
    assert_eq!(
        DateTime::parse_from_rfc3339(&moved_one.starts_at).unwrap(),
        instant(LONDON, day("2026-12-09"), hm(18, 30))
    );

    // Moving again replaces the first move; moving a skipped one brings it back elsewhere.
    store
        .move_occurrence(m.id, "2026-12-08T19:00", "2026-12-10T19:00")
        .unwrap();
    store
        .move_occurrence(m.id, "2026-12-01T19:00", "2026-12-02T19:00")
        .unwrap();
    assert_eq!(count(&store, "meeting_exception"), 2);
    let moved_days: Vec<String> = store
        .occurrences(utc(window.0), utc(window.1))
        .unwrap()
        .into_iter()
        .filter(|o| o.moved)
        .map(|o| o.starts_at[..10].to_string())
        .collect();
    assert_eq!(moved_days, ["2026-12-02", "2026-12-10"]);

    store.restore_occurrence(m.id, "2026-12-01T19:00").unwrap();
    let restored = store.restore_occurrence(m.id, "2026-12-08T19:00").unwrap();
    assert!(restored.exceptions.is_empty());
    assert_eq!(occurrence_keys(&m, &store, window.0, window.1), all);
    // Nothing left to restore.
    let err = store
        .restore_occurrence(m.id, "2026-12-08T19:00")
        .unwrap_err();
    assert_eq!(err.field(), Some("occurrence"));
}

#[test]
fn skipping_or_moving_a_time_that_is_not_an_occurrence_is_refused() {
    let (_dir, store) = temp_store();
    let mut input = weekly_na();
    input.until = Some("2027-01-26".into());
    let m = add(&store, &input);
    for not_one in [
        "2026-11-25T19:00", // a Wednesday
        "2026-11-24T19:30", // the right day, the wrong time
        "2026-11-17T19:00", // a Tuesday before the first
        "2027-02-02T19:00", // a Tuesday after the last
        "2026-11-24 19:00", // not the format
    ] {
        let err = store.skip_occurrence(m.id, not_one).unwrap_err();
        assert_eq!(err.field(), Some("occurrence"), "{not_one}");
        let err = store
            .move_occurrence(m.id, not_one, "2026-12-02T19:00")
            .unwrap_err();
        assert_eq!(err.field(), Some("occurrence"), "{not_one}");
        let err = store
            .set_attendance(
                m.id,
                not_one,
                Some(Attendance::Attended),
                &clock("2027-06-01T00:00:00+00:00"),
            )
            .unwrap_err();
        assert_eq!(err.field(), Some("occurrence"), "{not_one}");
    }
    // The last Tuesday is one.
    store.skip_occurrence(m.id, "2027-01-26T19:00").unwrap();
    assert_eq!(count(&store, "meeting_exception"), 1);
    assert_eq!(count(&store, "meeting_attendance"), 0);
}

#[test]
fn a_move_of_more_than_60_days_or_into_a_clock_change_gap_is_refused() {
    let (_dir, store) = temp_store();
    let m = add(&store, &weekly_na());
    let original = day("2027-01-26").and_time(hm(19, 0));
    assert_eq!(original.weekday(), chrono::Weekday::Tue);
    let key = original.format("%Y-%m-%dT%H:%M").to_string();
    let text = |t: chrono::NaiveDateTime| t.format("%Y-%m-%dT%H:%M").to_string();

    // Exactly 60 days either way is allowed; a minute more is not.
    for allowed in [original + Duration::days(60), original - Duration::days(60)] {
        store.move_occurrence(m.id, &key, &text(allowed)).unwrap();
    }
    for too_far in [
        original + Duration::days(60) + Duration::minutes(1),
        original - Duration::days(60) - Duration::minutes(1),
        original + Duration::days(61),
    ] {
        let err = store
            .move_occurrence(m.id, &key, &text(too_far))
            .unwrap_err();
        assert_eq!(err.field(), Some("movedTo"), "{too_far}");
        assert!(err.to_string().contains("60 days"));
    }

    // 01:30 on the last Sunday of March 2027 never happens in London.
    let spring = day("2027-03-28");
    assert_eq!(spring.weekday(), chrono::Weekday::Sun);
    assert!(LONDON
        .from_local_datetime(&spring.and_time(hm(1, 30)))
        .single()
        .is_none());
    let err = store
        .move_occurrence(m.id, "2027-03-23T19:00", "2027-03-28T01:30")
        .unwrap_err();
    assert_eq!(err.field(), Some("movedTo"));
    assert!(err.to_string().contains("clocks go forward"));
    // Unreadable targets are refused too.
    let err = store
        .move_occurrence(m.id, "2027-03-23T19:00", "next Tuesday")
        .unwrap_err();
    assert_eq!(err.field(), Some("movedTo"));

    // Only the last allowed move was kept.
    let stored = store.meeting(m.id).unwrap();
    assert_eq!(stored.exceptions.len(), 1);
    assert_eq!(
        stored.exceptions[0].moved_to.as_deref(),
        Some(text(original - Duration::days(60)).as_str())
    );
}

// ---------------------------------------------------------------------------------------------
// Attendance

#[test]
fn attendance_is_refused_before_the_start_and_for_a_skipped_occurrence() {
    let (_dir, store) = temp_store();
    let m = add(&store, &weekly_na());
    let occ = "2026-12-01T19:00";
    let start = instant(LONDON, day("2026-12-01"), hm(19, 0));

    let before = FixedClock((start - Duration::minutes(1)).fixed_offset());
    let err = store
        .set_attendance(m.id, occ, Some(Attendance::Attended), &before)
        .unwrap_err();
    assert_eq!(err.field(), Some("attendance"));
    assert_eq!(count(&store, "meeting_attendance"), 0);

    let at_start = FixedClock(start.fixed_offset());
    store
        .set_attendance(m.id, occ, Some(Attendance::Attended), &at_start)
        .unwrap();
    assert_eq!(count(&store, "meeting_attendance"), 1);

    store.skip_occurrence(m.id, "2026-11-24T19:00").unwrap();
    let err = store
        .set_attendance(
            m.id,
            "2026-11-24T19:00",
            Some(Attendance::Missed),
            &at_start,
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("occurrence"));
    assert_eq!(count(&store, "meeting_attendance"), 1);

    // A meeting moved later counts from its new start, not its usual one.
    store
        .move_occurrence(m.id, "2026-12-08T19:00", "2026-12-09T19:00")
        .unwrap();
    let between = FixedClock(utc("2026-12-08T20:00:00Z").fixed_offset());
    let err = store
        .set_attendance(
            m.id,
            "2026-12-08T19:00",
            Some(Attendance::Attended),
            &between,
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("attendance"));

    // Clearing is always allowed, and removes the record.
    store.set_attendance(m.id, occ, None, &before).unwrap();
    assert_eq!(count(&store, "meeting_attendance"), 0);
}

#[test]
fn the_days_occurrences_carry_their_attendance() {
    let (_dir, store) = temp_store();
    let london = add(&store, &weekly_na());
    // 23:30 in New York is already the next day in UTC: the day is New York's own.
    let mut late = weekly_na();
    late.title = "Late meeting".into();
    late.start_time = "23:30".into();
    late.time_zone = Some("America/New_York".into());
    let new_york = add(&store, &late);
    let now = clock("2026-12-05T00:00:00+00:00");
    store
        .set_attendance(
            london.id,
            "2026-12-01T19:00",
            Some(Attendance::Missed),
            &now,
        )
        .unwrap();
    store
        .set_attendance(
            new_york.id,
            "2026-12-01T23:30",
            Some(Attendance::Attended),
            &now,
        )
        .unwrap();

    let today = store.occurrences_on(day("2026-12-01")).unwrap();
    let summary: Vec<(MeetingId, &str, Option<Attendance>)> = today
        .iter()
        .map(|o| (o.meeting_id, o.occurrence.as_str(), o.attendance))
        .collect();
    assert_eq!(
        summary,
        vec![
            (london.id, "2026-12-01T19:00", Some(Attendance::Missed)),
            (new_york.id, "2026-12-01T23:30", Some(Attendance::Attended)),
        ]
    );
    // The next UTC day holds New York's Tuesday evening, but not New York's Tuesday.
    assert!(store.occurrences_on(day("2026-12-02")).unwrap().is_empty());
    let next = store.occurrences_on(day("2026-12-08")).unwrap();
    assert_eq!(next.len(), 2);
    assert!(next.iter().all(|o| o.attendance.is_none()));
}

#[test]
fn attendance_counts_match_what_was_marked() {
    let (_dir, store) = temp_store();
    let m = add(&store, &weekly_na());
    let mut daily = weekly_na();
    daily.title = "Morning group".into();
    daily.start_time = "09:00".into();
    daily.recurrence = Recurrence::Daily { interval: 1 };
    let d = add(&store, &daily);
    let now = clock("2027-02-01T00:00:00+00:00");

    // (meeting, occurrence, local day it happened on, attended)
    let mut marks: Vec<(MeetingId, String, NaiveDate, bool)> = Vec::new();
    let tuesdays = [
        "2026-12-01",
        "2026-12-08",
        "2026-12-15",
        "2026-12-22",
        "2026-12-29",
    ];
    for (i, t) in tuesdays.iter().enumerate() {
        marks.push((m.id, format!("{t}T19:00"), day(t), i % 2 == 0));
    }
    for i in 0..20 {
        let on = day("2026-12-01") + Duration::days(i);
        marks.push((d.id, format!("{on}T09:00"), on, i % 3 != 0));
    }
    // One Tuesday is moved to the Wednesday: it counts on the day it happened.
    store
        .move_occurrence(m.id, "2026-12-29T19:00", "2026-12-30T19:00")
        .unwrap();
    marks
        .iter_mut()
        .filter(|mark| mark.1 == "2026-12-29T19:00")
        .for_each(|mark| mark.2 = day("2026-12-30"));
    for (id, occ, _, attended) in &marks {
        let a = if *attended {
            Attendance::Attended
        } else {
            Attendance::Missed
        };
        store.set_attendance(*id, occ, Some(a), &now).unwrap();
    }
    // Changing one's mind replaces the mark rather than adding one.
    store
        .set_attendance(m.id, "2026-12-08T19:00", Some(Attendance::Attended), &now)
        .unwrap();
    marks[1].3 = true;

    for (from, to) in [
        ("2026-12-01", "2026-12-31"),
        ("2026-12-05", "2026-12-15"),
        ("2026-12-29", "2026-12-29"),
        ("2026-12-30", "2026-12-30"),
        ("2027-01-01", "2027-01-31"),
    ] {
        let (from, to) = (day(from), day(to));
        let inside = marks.iter().filter(|m| m.2 >= from && m.2 <= to);
        let attended = inside.clone().filter(|m| m.3).count() as u32;
        let missed = inside.filter(|m| !m.3).count() as u32;
        assert_eq!(
            store.attendance_counts(from, to).unwrap(),
            (attended, missed),
            "{from}..{to}"
        );
    }
    assert_eq!(count(&store, "meeting_attendance"), marks.len() as i64);
}

#[test]
fn skipping_an_occurrence_clears_its_attendance() {
    let (_dir, store) = temp_store();
    let m = add(&store, &weekly_na());
    let now = clock("2027-02-01T00:00:00+00:00");
    for t in ["2026-12-01T19:00", "2026-12-08T19:00"] {
        store
            .set_attendance(m.id, t, Some(Attendance::Attended), &now)
            .unwrap();
    }
    let december = (day("2026-12-01"), day("2026-12-31"));
    assert_eq!(
        store.attendance_counts(december.0, december.1).unwrap(),
        (2, 0)
    );
    store.skip_occurrence(m.id, "2026-12-08T19:00").unwrap();
    assert_eq!(
        store.attendance_counts(december.0, december.1).unwrap(),
        (1, 0)
    );
    assert_eq!(count(&store, "meeting_attendance"), 1);
}

#[test]
fn an_overlong_or_backwards_occurrence_window_is_refused() {
    let (_dir, store) = temp_store();
    add(&store, &weekly_na());
    let from = utc("2026-11-01T00:00:00Z");
    let long = from + Duration::days(super::OCCURRENCE_WINDOW_MAX_DAYS + 1);
    assert_eq!(
        store.occurrences(from, long).unwrap_err().field(),
        Some("days")
    );
    assert_eq!(
        store
            .occurrences(from, from - Duration::days(1))
            .unwrap_err()
            .field(),
        Some("days")
    );
    let longest = from + Duration::days(super::OCCURRENCE_WINDOW_MAX_DAYS);
    assert!(!store.occurrences(from, longest).unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Reminders

/// Weekly Tuesday 19:00 London with a 30-minute reminder, and a daily 20:00 check-in.
fn reminder_store() -> (tempfile::TempDir, Store, Meeting) {
    let (dir, store) = temp_store();
    let mut input = weekly_na();
    input.reminder_minutes = vec![30];
    let m = add(&store, &input);
    store
        .set_reminder_settings(&ReminderSettings {
            checkin_time: Some("20:00".into()),
            ..Default::default()
        })
        .unwrap();
    (dir, store, m)
}

/// The reminders of [`reminder_store`] due in `(after, until]`, walked day by day here.
fn expected_due(after: DateTime<Utc>, until: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    let mut d = after.with_timezone(&LONDON).date_naive();
    while d <= until.with_timezone(&LONDON).date_naive() {
        if d.weekday() == chrono::Weekday::Tue && d >= day("2026-11-24") {
            out.push(instant(LONDON, d, hm(19, 0)) - Duration::minutes(30));
        }
        out.push(instant(LONDON, d, hm(20, 0)));
        d = d.succ_opt().unwrap();
    }
    out.retain(|t| *t > after && *t <= until);
    out.sort();
    out
}

fn due_instants(reminders: &[crate::schedule::DueReminder]) -> Vec<DateTime<Utc>> {
    reminders.iter().map(|r| r.due_instant().unwrap()).collect()
}

#[test]
fn reminders_already_recorded_are_not_due_again() {
    let (_dir, store, m) = reminder_store();
    let (after, until) = (utc("2026-11-30T00:00:00Z"), utc("2026-12-03T00:00:00Z"));
    let due = store.due_reminders(after, until, LONDON).unwrap();
    assert_eq!(due_instants(&due), expected_due(after, until));
    assert_eq!(due.len(), 4);
    assert_eq!(
        due.iter()
            .filter(|r| r.kind == ReminderKind::Meeting && r.meeting_id == Some(m.id))
            .count(),
        1
    );

    let now = clock("2026-12-01T18:45:00+00:00");
    store
        .record_reminders(&due[..2], ReminderOutcome::Shown, &now)
        .unwrap();
    let rest = store.due_reminders(after, until, LONDON).unwrap();
    assert_eq!(rest, due[2..].to_vec());
    // Recording again, with another outcome, neither duplicates nor brings anything back.
    store
        .record_reminders(&due, ReminderOutcome::Failed, &now)
        .unwrap();
    assert_eq!(count(&store, "reminder_delivery"), 4);
    assert!(store
        .due_reminders(after, until, LONDON)
        .unwrap()
        .is_empty());
}

#[test]
fn missed_reminders_are_listed_once_and_only_from_the_last_week() {
    let (_dir, store, _m) = reminder_store();
    assert_eq!(store.reminders_checked_until().unwrap(), None);

    // The first time ever, nothing counts as missed.
    let t0 = utc("2026-11-30T12:00:00Z");
    let first = store
        .take_missed_reminders(LONDON, &FixedClock(t0.fixed_offset()))
        .unwrap();
    assert!(first.is_empty());
    assert_eq!(store.reminders_checked_until().unwrap(), Some(t0));

    let t1 = t0 + Duration::days(2);
    let missed = store
        .take_missed_reminders(LONDON, &FixedClock(t1.fixed_offset()))
        .unwrap();
    assert_eq!(due_instants(&missed), expected_due(t0, t1));
    assert_eq!(missed.len(), 3);
    assert_eq!(count(&store, "reminder_delivery"), 3);
    let again = store
        .take_missed_reminders(LONDON, &FixedClock(t1.fixed_offset()))
        .unwrap();
    assert!(again.is_empty());

    // Away for 20 days: only the last week is news.
    let t2 = t1 + Duration::days(20);
    let missed = store
        .take_missed_reminders(LONDON, &FixedClock(t2.fixed_offset()))
        .unwrap();
    let since = t2 - Duration::days(MISSED_LOOKBACK_DAYS);
    assert_eq!(due_instants(&missed), expected_due(since, t2));
    assert_eq!(
        missed
            .iter()
            .filter(|r| r.kind == ReminderKind::Checkin)
            .count(),
        MISSED_LOOKBACK_DAYS as usize
    );
    assert!(missed.iter().all(|r| r.due_instant().unwrap() > since));
    assert_eq!(store.reminders_checked_until().unwrap(), Some(t2));
    assert!(store
        .take_missed_reminders(LONDON, &FixedClock(t2.fixed_offset()))
        .unwrap()
        .is_empty());
    let keys: HashSet<String> = missed.into_iter().map(|r| r.key).collect();
    assert_eq!(keys.len(), 8);
}

#[test]
fn a_reminder_shown_while_open_is_not_listed_as_missed() {
    let (_dir, store, _m) = reminder_store();
    let t0 = utc("2026-11-30T12:00:00Z");
    store
        .take_missed_reminders(LONDON, &FixedClock(t0.fixed_offset()))
        .unwrap();
    let t1 = t0 + Duration::days(1);
    let shown = store.due_reminders(t0, t1, LONDON).unwrap();
    assert_eq!(shown.len(), 1);
    store
        .record_reminders(
            &shown,
            ReminderOutcome::Shown,
            &FixedClock(t1.fixed_offset()),
        )
        .unwrap();
    // Waymark was closed before noting the check, so the window is still open from t0.
    let t2 = t1 + Duration::days(1);
    let missed = store
        .take_missed_reminders(LONDON, &FixedClock(t2.fixed_offset()))
        .unwrap();
    let expected: Vec<DateTime<Utc>> = expected_due(t0, t2)
        .into_iter()
        .filter(|t| *t != shown[0].due_instant().unwrap())
        .collect();
    assert_eq!(due_instants(&missed), expected);
}

// ---------------------------------------------------------------------------------------------
// Settings and schema

#[test]
fn reminder_settings_round_trip_and_a_rejected_change_writes_nothing() {
    let (dir, store) = temp_store();
    assert_eq!(
        store.reminder_settings().unwrap(),
        ReminderSettings::default()
    );
    let wanted = ReminderSettings {
        checkin_time: Some("20:30".into()),
        medication: vec![
            MedicationReminder {
                time: "21:00".into(),
                label: Some(" Evening ".into()),
            },
            MedicationReminder {
                time: "08:00".into(),
                label: None,
            },
        ],
        style: NotificationStyle::Detailed,
    };
    let saved = store.set_reminder_settings(&wanted).unwrap();
    assert_eq!(saved.medication[0].time, "08:00");
    assert_eq!(saved.medication[1].label.as_deref(), Some("Evening"));
    assert_eq!(reopen(&dir).reminder_settings().unwrap(), saved);

    let mut bad = wanted.clone();
    bad.checkin_time = Some("24:30".into());
    assert_eq!(
        store.set_reminder_settings(&bad).unwrap_err().field(),
        Some("checkinTime")
    );
    assert_eq!(store.reminder_settings().unwrap(), saved);

    store
        .set_reminder_settings(&ReminderSettings::default())
        .unwrap();
    assert_eq!(
        store.reminder_settings().unwrap(),
        ReminderSettings::default()
    );
    assert_eq!(count(&store, "reminder_state"), 1);
}

/// The reminder state row, read under the repository.
fn reminder_state(store: &Store) -> (i64, String, Option<i64>) {
    store
        .connection()
        .query_row(
            "SELECT id, settings, checked_until FROM reminder_state",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
}

#[test]
fn a_new_vault_has_one_reminder_state_row_with_the_defaults() {
    let (_dir, store) = temp_store();
    let (id, settings, checked) = reminder_state(&store);
    assert_eq!(id, 1);
    assert_eq!(
        serde_json::from_str::<ReminderSettings>(&settings).unwrap(),
        ReminderSettings::default()
    );
    assert_eq!(checked, None);
    // The row cannot be doubled.
    assert!(store
        .connection()
        .execute(
            "INSERT INTO reminder_state (id, settings) VALUES (2, '{}')",
            []
        )
        .is_err());
}

#[test]
fn a_schema_3_vault_upgrades_to_the_schedule() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("waymark.db");
    let key = DataKey::for_tests([5; 32]);
    {
        let conn = Connection::open(&path).unwrap();
        super::apply_key(&conn, &key).unwrap();
        super::configure(&conn).unwrap();
        for (_, sql) in &super::migrations::MIGRATIONS[..3] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
    }
    let store = Store::open(&path, &key).unwrap();
    assert_eq!(
        super::migrations::current_version(store.connection()).unwrap(),
        super::migrations::latest_version()
    );
    let (id, _, checked) = reminder_state(&store);
    assert_eq!((id, checked), (1, None));
    assert_eq!(
        store.reminder_settings().unwrap(),
        ReminderSettings::default()
    );
    assert!(store.list_meetings().unwrap().is_empty());
    let m = add(&store, &weekly_na());
    assert_eq!(store.meeting(m.id).unwrap(), m);
}

#[test]
fn moving_an_occurrence_after_its_reminder_was_shown_reminds_again() {
    let (_dir, store, m) = reminder_store();
    let (after, until) = (utc("2026-12-01T12:00:00Z"), utc("2026-12-01T19:00:00Z"));
    let shown = store.due_reminders(after, until, LONDON).unwrap();
    assert_eq!(shown.len(), 1);
    store
        .record_reminders(
            &shown,
            ReminderOutcome::Shown,
            &clock("2026-12-01T18:30:00+00:00"),
        )
        .unwrap();
    store
        .move_occurrence(m.id, "2026-12-01T19:00", "2026-12-01T21:00")
        .unwrap();
    let again = store
        .due_reminders(after, utc("2026-12-01T21:00:00Z"), LONDON)
        .unwrap();
    let meeting_reminders: Vec<_> = again
        .iter()
        .filter(|r| r.kind == ReminderKind::Meeting)
        .collect();
    assert_eq!(meeting_reminders.len(), 1);
    assert_eq!(
        meeting_reminders[0].due_instant(),
        Some(utc("2026-12-01T20:30:00Z"))
    );
}
