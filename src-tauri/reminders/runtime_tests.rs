//! The reminder runtime against a real temporary vault, with a recording notifier.

use std::sync::Mutex;

use chrono::{DateTime, Duration, FixedOffset, Utc};
use waymark_core::journal::clock::FixedClock;
use waymark_core::schedule::{
    MeetingKind, NewMeeting, NotificationStyle, Recurrence, ReminderSettings,
};
use waymark_core::store::Store;
use waymark_core::vault::kdf::KdfParams;
use waymark_core::vault::Vault;

use super::notifier::{DeliveryError, Notifier};
use super::runtime::{NoticeReason, ReminderRuntime};

/// Records what it was asked to show; fails when told to.
#[derive(Default)]
struct Recorder {
    shown: Mutex<Vec<(String, String)>>,
    fail: bool,
}

impl Notifier for Recorder {
    fn show(&self, title: &str, body: &str) -> Result<(), DeliveryError> {
        if self.fail {
            return Err(DeliveryError::NoService);
        }
        self.shown
            .lock()
            .unwrap()
            .push((title.to_string(), body.to_string()));
        Ok(())
    }
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn clock(text: &str) -> FixedClock {
    FixedClock(at(text))
}

/// A vault with one one-off London meeting at 2026-11-24 19:00 (UTC in winter), reminded 30
/// minutes before, whose notes hold a marker that must never reach a notification.
fn vault_with_meeting() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Vault::at(dir.path())
        .create_with_params("correct horse battery staple", KdfParams::MINIMUM)
        .unwrap();
    store
        .add_meeting(
            &NewMeeting {
                title: "Tuesday NA".into(),
                kind: MeetingKind::TwelveStep,
                start_date: "2026-11-24".into(),
                start_time: "19:00".into(),
                time_zone: Some("Europe/London".into()),
                duration_minutes: 60,
                recurrence: Recurrence::Once,
                until: None,
                place: None,
                link: None,
                notes: Some("NOTES-MARKER-7781".into()),
                reminder_minutes: vec![30],
            },
            &clock("2026-11-20T09:00:00Z"),
        )
        .unwrap();
    (dir, store)
}

fn runtime() -> ReminderRuntime {
    ReminderRuntime::new(chrono_tz::Europe::London)
}

#[test]
fn an_unlocked_reminder_is_shown_once_at_its_time_with_neutral_text() {
    let (_dir, store) = vault_with_meeting();
    let rt = runtime();
    rt.after_unlock(&store, &clock("2026-11-24T18:00:00Z"));
    let notifier = Recorder::default();

    let (early, _) = rt.take_due(Some(&store), &clock("2026-11-24T18:29:50Z"));
    assert!(early.is_empty(), "nothing is due before 18:30");

    let tick = clock("2026-11-24T18:30:05Z");
    let (due, checked) = rt.take_due(Some(&store), &tick);
    let results = rt.deliver(due, &notifier, &tick);
    rt.record(Some(&store), &results, checked, &tick);
    let later = clock("2026-11-24T18:30:15Z");
    let (again, _) = rt.take_due(Some(&store), &later);
    assert!(again.is_empty(), "a shown reminder is not shown again");

    let shown = notifier.shown.lock().unwrap().clone();
    assert_eq!(
        shown,
        vec![("Reminder".to_string(), "Reminder at 19:00".to_string())]
    );
    assert_eq!(rt.status().shown, 1);
    // Nor is it listed as missed at the next unlock.
    rt.before_lock(&store, &clock("2026-11-24T18:31:00Z"));
    rt.after_unlock(&store, &clock("2026-11-24T20:00:00Z"));
    assert!(rt.take_notices().is_empty());
}

#[test]
fn while_locked_only_neutral_text_is_shown_even_in_the_detailed_style() {
    let (_dir, store) = vault_with_meeting();
    store
        .set_reminder_settings(&ReminderSettings {
            style: NotificationStyle::Detailed,
            ..Default::default()
        })
        .unwrap();
    let rt = runtime();
    rt.after_unlock(&store, &clock("2026-11-24T17:00:00Z"));
    // Detailed while unlocked would say the title; lock first.
    rt.before_lock(&store, &clock("2026-11-24T17:00:00Z"));
    let notifier = Recorder::default();
    let tick = clock("2026-11-24T18:30:02Z");
    let (due, checked) = rt.take_due(None, &tick);
    let results = rt.deliver(due, &notifier, &tick);
    rt.record(None, &results, checked, &tick);
    let shown = notifier.shown.lock().unwrap().clone();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "Reminder at 19:00");
    assert!(shown
        .iter()
        .all(|(t, b)| !t.contains("NA") && !b.contains("NA")));

    // Unlocking records it as shown, so it is neither due again nor listed as missed.
    rt.after_unlock(&store, &clock("2026-11-24T21:00:00Z"));
    assert!(rt.take_notices().is_empty());
    let since = at("2026-11-24T00:00:00Z").with_timezone(&Utc);
    assert!(store
        .due_reminders(since, since + Duration::days(1), chrono_tz::Europe::London)
        .unwrap()
        .is_empty());
}

#[test]
fn a_failed_notification_is_reported_and_listed_not_retried() {
    let (_dir, store) = vault_with_meeting();
    let rt = runtime();
    rt.after_unlock(&store, &clock("2026-11-24T18:00:00Z"));
    let notifier = Recorder {
        fail: true,
        ..Default::default()
    };
    let tick = clock("2026-11-24T18:30:05Z");
    let (due, checked) = rt.take_due(Some(&store), &tick);
    let results = rt.deliver(due, &notifier, &tick);
    rt.record(Some(&store), &results, checked, &tick);
    let status = rt.status();
    assert_eq!((status.shown, status.failed), (0, 1));
    assert!(status
        .last_error
        .as_deref()
        .is_some_and(|e| e.contains("No notification service")));
    let notices = rt.take_notices();
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].reminder.event_time, "19:00");
    assert_eq!(notices[0].reason, NoticeReason::NotShown);
    let (again, _) = rt.take_due(Some(&store), &clock("2026-11-24T18:30:20Z"));
    assert!(again.is_empty());
}

#[test]
fn reminders_that_fell_due_while_closed_are_listed_at_the_next_unlock() {
    let (_dir, store) = vault_with_meeting();
    // The app ran and locked on the 23rd, then was quit.
    let first = runtime();
    first.after_unlock(&store, &clock("2026-11-23T10:00:00Z"));
    first.before_lock(&store, &clock("2026-11-23T10:05:00Z"));
    // A new start of the app, unlocked the day after the meeting.
    let second = runtime();
    second.after_unlock(&store, &clock("2026-11-25T08:00:00Z"));
    let notices = second.take_notices();
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].reminder.title.as_deref(), Some("Tuesday NA"));
    assert_eq!(notices[0].reason, NoticeReason::Missed);
    assert!(second.take_notices().is_empty(), "taking empties the list");
    // Listed once only.
    second.before_lock(&store, &clock("2026-11-25T08:01:00Z"));
    second.after_unlock(&store, &clock("2026-11-25T09:00:00Z"));
    assert!(second.take_notices().is_empty());
}

#[test]
fn a_reminder_noticed_an_hour_late_is_listed_instead_of_shown() {
    let (_dir, store) = vault_with_meeting();
    let rt = runtime();
    rt.after_unlock(&store, &clock("2026-11-24T18:00:00Z"));
    let notifier = Recorder::default();
    // The computer slept from 18:10 to 19:45.
    let tick = clock("2026-11-24T19:45:00Z");
    let (due, checked) = rt.take_due(Some(&store), &tick);
    let results = rt.deliver(due, &notifier, &tick);
    rt.record(Some(&store), &results, checked, &tick);
    assert!(notifier.shown.lock().unwrap().is_empty());
    let notices = rt.take_notices();
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].reason, NoticeReason::Missed);
}
