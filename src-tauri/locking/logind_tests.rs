//! The desktop listeners over real D-Bus: a private bus daemon, the logind stand-in owned by the
//! test, and the listeners as the app starts them.

use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::logind::{spawn_listeners, Bus, Buses};
use super::{logind_stub, LockReason};
use crate::private_bus::PrivateBus;

/// Repeats `send` until a lock for `want` arrives (the listener may still be subscribing), then
/// waits a moment and returns everything else that arrived.
fn until_locked(
    locks: &Receiver<LockReason>,
    want: LockReason,
    send: impl Fn(),
) -> Vec<LockReason> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        send();
        match locks.recv_timeout(Duration::from_millis(250)) {
            Ok(reason) if reason == want => break,
            Ok(other) => panic!("expected {want:?}, got {other:?}"),
            Err(RecvTimeoutError::Timeout) if Instant::now() < deadline => {}
            Err(e) => panic!("no {want:?} lock arrived: {e:?}"),
        }
    }
    settle(locks)
}

/// What arrives in the next half second.
fn settle(locks: &Receiver<LockReason>) -> Vec<LockReason> {
    std::thread::sleep(Duration::from_millis(500));
    locks.try_iter().collect()
}

#[test]
fn sleep_session_lock_and_screensaver_each_lock_and_nothing_else_does() {
    let bus = PrivateBus::start();
    let (tx, locks) = channel();
    let tx = std::sync::Mutex::new(tx);
    // Started before logind is on the bus, as when the app starts early in a login.
    spawn_listeners(
        Buses {
            logind: Bus::Address(bus.address.clone()),
            screensaver: Bus::Address(bus.address.clone()),
        },
        Arc::new(move |reason| {
            let _ = tx.lock().unwrap().send(reason);
        }),
    );
    let logind = logind_stub::serve(Some(&bus.address)).unwrap();

    let extra = until_locked(&locks, LockReason::Suspend, || {
        logind_stub::prepare_for_sleep(&logind, true).unwrap()
    });
    assert!(extra.iter().all(|r| *r == LockReason::Suspend), "{extra:?}");

    // The session's Lock: found through GetSessionByPID once logind appeared.
    let extra = until_locked(&locks, LockReason::ScreenLocked, || {
        logind_stub::lock_session(&logind).unwrap()
    });
    assert!(
        extra.iter().all(|r| *r == LockReason::ScreenLocked),
        "{extra:?}"
    );

    // Waking up (false) does not lock; the next going-to-sleep does, once. Signals from one
    // sender arrive in order, so the false one has been handled when the true one is.
    logind_stub::prepare_for_sleep(&logind, false).unwrap();
    logind_stub::prepare_for_sleep(&logind, true).unwrap();
    let first = locks.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(first, LockReason::Suspend);
    assert_eq!(settle(&locks), vec![], "exactly one lock for one suspend");

    // Another session's Lock is not ours.
    logind
        .emit_signal(
            None::<&str>,
            "/org/freedesktop/login1/session/other",
            super::logind::SESSION_INTERFACE,
            "Lock",
            &(),
        )
        .unwrap();
    assert_eq!(settle(&locks), vec![], "another session's lock is ignored");

    // The screensaver: ActiveChanged(true) locks; false, or an unknown interface, does not.
    let saver = bus.connect();
    let active = |interface: &str, on: bool| {
        saver
            .emit_signal(
                None::<&str>,
                "/org/gnome/ScreenSaver",
                interface,
                "ActiveChanged",
                &(on,),
            )
            .unwrap()
    };
    active("org.example.NotAScreenSaver", true);
    active("org.gnome.ScreenSaver", false);
    assert_eq!(settle(&locks), vec![]);
    let extra = until_locked(&locks, LockReason::ScreenLocked, || {
        active("org.gnome.ScreenSaver", true)
    });
    assert!(
        extra.iter().all(|r| *r == LockReason::ScreenLocked),
        "{extra:?}"
    );
}

#[test]
fn a_missing_bus_is_skipped_quietly() {
    let (tx, locks) = channel();
    let tx = std::sync::Mutex::new(tx);
    let nowhere = Bus::Address("unix:path=/nonexistent/waymark-test-bus".into());
    spawn_listeners(
        Buses {
            logind: nowhere.clone(),
            screensaver: nowhere,
        },
        Arc::new(move |reason| {
            let _ = tx.lock().unwrap().send(reason);
        }),
    );
    // Every listener ends at once, dropping its handle: no lock, no panic, nothing waiting.
    assert_eq!(
        locks.recv_timeout(Duration::from_secs(10)),
        Err(RecvTimeoutError::Disconnected)
    );
}
