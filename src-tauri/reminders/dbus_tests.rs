//! Reminders over real D-Bus: a private bus daemon, a notification server owned by the test,
//! and the real notification plugin inside a (mock-runtime) Tauri app.

use std::sync::{Arc, Mutex};
use std::time::{Duration as StdDuration, Instant};

use chrono::DateTime;
use waymark_core::journal::clock::FixedClock;
use waymark_core::schedule::{MeetingKind, NewMeeting, Recurrence};
use waymark_core::vault::kdf::KdfParams;
use waymark_core::vault::Vault;

use super::notifier::{probe, DeliveryError, DesktopNotifier, Notifier};
use super::runtime::ReminderRuntime;
use super::sink::{self, Received};
use crate::private_bus::PrivateBus;

/// Starts the recording server on `bus`; it runs as long as the returned connection lives.
fn serve(bus: &PrivateBus, received: Arc<Mutex<Vec<Received>>>) -> zbus::blocking::Connection {
    sink::serve(Some(&bus.address), received, None).unwrap()
}

#[test]
fn the_probe_tells_a_missing_notification_service_from_a_running_one() {
    let bus = PrivateBus::start();
    let client = bus.connect();
    assert_eq!(probe(&client), Err(DeliveryError::NoService));
    let received = Arc::new(Mutex::new(Vec::new()));
    let _server = serve(&bus, received);
    assert_eq!(probe(&client), Ok(()));
}

/// The whole path: a reminder falls due in the runtime, the real plugin sends it over the
/// private session bus, and the server receives exactly one notification, with neutral text
/// and nothing from the journal. Then, with the server gone, the failure is reported.
#[test]
fn a_due_reminder_reaches_a_real_notification_server_exactly_once() {
    let bus = PrivateBus::start();
    // Both the plugin and the probe find the session bus through this variable; this is the
    // only test in the crate that sets it.
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &bus.address);
    let received = Arc::new(Mutex::new(Vec::new()));
    let server = serve(&bus, received.clone());

    let app = tauri::test::mock_builder()
        .plugin(tauri_plugin_notification::init())
        .build(tauri::test::mock_context(tauri::test::noop_assets()))
        .unwrap();
    let notifier = DesktopNotifier::new(app.handle().clone());

    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Vault::at(dir.path())
        .create_with_params("correct horse battery staple", KdfParams::MINIMUM)
        .unwrap();
    let clock = |t: &str| FixedClock(DateTime::parse_from_rfc3339(t).unwrap());
    store
        .add_meeting(
            &NewMeeting {
                title: "TITLE-MARKER-5521".into(),
                kind: MeetingKind::Counselling,
                start_date: "2026-11-24".into(),
                start_time: "19:30".into(),
                time_zone: Some("Europe/London".into()),
                duration_minutes: 50,
                recurrence: Recurrence::Weekly {
                    interval: 1,
                    days: vec![waymark_core::schedule::Weekday::Tue],
                },
                until: None,
                place: Some("PLACE-MARKER-5521".into()),
                link: None,
                notes: Some("NOTES-MARKER-5521".into()),
                reminder_minutes: vec![15],
            },
            &clock("2026-11-20T09:00:00Z"),
        )
        .unwrap();
    let runtime = ReminderRuntime::new(chrono_tz::Europe::London);
    runtime.after_unlock(&store, &clock("2026-11-24T19:00:00Z"));
    let tick = clock("2026-11-24T19:15:01Z");
    let (due, checked) = runtime.take_due(Some(&store), &tick);
    let results = runtime.deliver(due, &notifier, &tick);
    runtime.record(Some(&store), &results, checked, &tick);
    // A second pass finds nothing new.
    let (again, _) = runtime.take_due(Some(&store), &clock("2026-11-24T19:15:30Z"));
    assert!(again.is_empty());

    // The plugin sends on a background task: wait for the server to receive it.
    let deadline = Instant::now() + StdDuration::from_secs(10);
    while received.lock().unwrap().is_empty() && Instant::now() < deadline {
        std::thread::sleep(StdDuration::from_millis(50));
    }
    std::thread::sleep(StdDuration::from_millis(300));
    let got = received.lock().unwrap().clone();
    assert_eq!(got.len(), 1, "exactly one notification: {got:?}");
    assert_eq!(got[0].summary, "Reminder");
    assert_eq!(got[0].body, "Reminder at 19:30");
    for marker in ["TITLE-MARKER", "PLACE-MARKER", "NOTES-MARKER"] {
        assert!(
            !format!("{:?}", got[0]).contains(marker),
            "no journal content in a notification"
        );
    }
    assert_eq!(runtime.status().shown, 1);

    // With the server gone, the next notification fails visibly instead of silently.
    drop(server);
    assert_eq!(
        notifier.show("Reminder", "Reminder at 20:00"),
        Err(DeliveryError::NoService)
    );
}
