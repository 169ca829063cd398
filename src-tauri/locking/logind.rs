//! Locks when the desktop says so: logind's `PrepareForSleep(true)` (the machine is about to
//! suspend or hibernate) and this session's `Lock` signal on the system bus, and the
//! screensaver's `ActiveChanged(true)` on the session bus.
//!
//! Where there is no bus, no logind or no screensaver, that listener is skipped without a word:
//! the other ways of locking still work. The sender of a signal is not checked: anyone able to
//! send one can only make Waymark lock, which is always safe.

use std::sync::Arc;

use zbus::blocking::{Connection, MessageIterator};
use zbus::message::Type as MessageType;
use zbus::zvariant::OwnedObjectPath;
use zbus::MatchRule;

use super::LockReason;

/// logind's bus name, manager path and interfaces.
pub const LOGIND_NAME: &str = "org.freedesktop.login1";
/// The path of logind's manager object.
pub const MANAGER_PATH: &str = "/org/freedesktop/login1";
/// The manager's interface (`PrepareForSleep`, `GetSessionByPID`, `GetSession`).
pub const MANAGER_INTERFACE: &str = "org.freedesktop.login1.Manager";
/// A session's interface (`Lock`).
pub const SESSION_INTERFACE: &str = "org.freedesktop.login1.Session";

/// Debug builds only: `WAYMARK_LOGIND_BUS=session` makes the logind listener use the session
/// bus, where a test can own `org.freedesktop.login1` itself (see `examples/logind_stub.rs`).
pub const DEBUG_LOGIND_BUS_ENV: &str = "WAYMARK_LOGIND_BUS";

/// The screensaver interfaces whose `ActiveChanged(true)` means the screen locked.
const SCREENSAVER_INTERFACES: [&str; 4] = [
    "org.freedesktop.ScreenSaver",
    "org.gnome.ScreenSaver",
    "org.mate.ScreenSaver",
    "org.cinnamon.ScreenSaver",
];

/// Which bus to reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bus {
    /// The system bus.
    System,
    /// The user's session bus.
    Session,
    /// A bus at this address (tests).
    #[cfg_attr(not(test), allow(dead_code))]
    Address(String),
}

impl Bus {
    fn connect(&self) -> zbus::Result<Connection> {
        match self {
            Bus::System => Connection::system(),
            Bus::Session => Connection::session(),
            Bus::Address(address) => {
                zbus::blocking::connection::Builder::address(address.as_str())?.build()
            }
        }
    }
}

/// The buses the listeners use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Buses {
    /// Where logind is.
    pub logind: Bus,
    /// Where the screensaver is.
    pub screensaver: Bus,
}

impl Buses {
    /// The real buses; in debug builds `WAYMARK_LOGIND_BUS=session` moves logind to the session
    /// bus for tests.
    pub fn from_env() -> Self {
        let test_seam = cfg!(debug_assertions)
            && std::env::var(DEBUG_LOGIND_BUS_ENV).as_deref() == Ok("session");
        Buses {
            logind: if test_seam { Bus::Session } else { Bus::System },
            screensaver: Bus::Session,
        }
    }
}

/// What the listeners call when the desktop asks for a lock.
pub type OnLock = Arc<dyn Fn(LockReason) + Send + Sync>;

/// One listener: runs until its bus is missing or goes away.
type Listener = fn(&Bus, &OnLock) -> zbus::Result<()>;

/// Starts one thread per listener; each ends quietly when its bus is missing or goes away.
pub fn spawn_listeners(buses: Buses, on_lock: OnLock) {
    let jobs: [(&str, Bus, Listener); 3] = [
        ("lock-on-sleep", buses.logind.clone(), watch_sleep),
        ("lock-on-session-lock", buses.logind, watch_session_lock),
        ("lock-on-screensaver", buses.screensaver, watch_screensaver),
    ];
    for (name, bus, listen) in jobs {
        let on_lock = on_lock.clone();
        // A missing bus or service is normal (a desktop without logind): nothing to log.
        let _ = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let _ = listen(&bus, &on_lock);
            });
    }
}

/// A match rule for the signal `member` of `interface`.
fn signal_rule<'m>(
    interface: &'m str,
    member: &'m str,
) -> zbus::Result<zbus::match_rule::Builder<'m>> {
    MatchRule::builder()
        .msg_type(MessageType::Signal)
        .interface(interface)?
        .member(member)
}

/// `PrepareForSleep(true)`: the machine is about to sleep.
fn watch_sleep(bus: &Bus, on_lock: &OnLock) -> zbus::Result<()> {
    let conn = bus.connect()?;
    let rule = signal_rule(MANAGER_INTERFACE, "PrepareForSleep")?
        .path(MANAGER_PATH)?
        .build();
    for message in MessageIterator::for_match_rule(rule, &conn, Some(16))? {
        if message?.body().deserialize::<bool>() == Ok(true) {
            on_lock(LockReason::Suspend);
        }
    }
    Ok(())
}

/// This session's object path: by our process, else by `XDG_SESSION_ID`, else logind's "auto".
fn own_session(conn: &Connection) -> Option<OwnedObjectPath> {
    let path_of = |reply: zbus::Result<zbus::message::Message>| {
        reply.ok()?.body().deserialize::<OwnedObjectPath>().ok()
    };
    let by_pid = conn.call_method(
        Some(LOGIND_NAME),
        MANAGER_PATH,
        Some(MANAGER_INTERFACE),
        "GetSessionByPID",
        &(std::process::id(),),
    );
    if let Some(path) = path_of(by_pid) {
        return Some(path);
    }
    let ids = std::env::var("XDG_SESSION_ID").ok().into_iter();
    ids.chain(Some("auto".to_string())).find_map(|id| {
        path_of(conn.call_method(
            Some(LOGIND_NAME),
            MANAGER_PATH,
            Some(MANAGER_INTERFACE),
            "GetSession",
            &(id.as_str(),),
        ))
    })
}

/// This session's `Lock` signal. Without logind yet, waits for it to appear on the bus.
fn watch_session_lock(bus: &Bus, on_lock: &OnLock) -> zbus::Result<()> {
    let conn = bus.connect()?;
    let owner_rule = MatchRule::builder()
        .msg_type(MessageType::Signal)
        .sender("org.freedesktop.DBus")?
        .interface("org.freedesktop.DBus")?
        .member("NameOwnerChanged")?
        .arg(0, LOGIND_NAME)?
        .build();
    // Subscribed before asking, so logind starting in between is not missed.
    let mut owners = MessageIterator::for_match_rule(owner_rule, &conn, Some(16))?;
    let path = loop {
        if let Some(path) = own_session(&conn) {
            break path;
        }
        match owners.next() {
            Some(Ok(_)) => continue,
            Some(Err(e)) => return Err(e),
            None => return Ok(()),
        }
    };
    drop(owners);
    let rule = signal_rule(SESSION_INTERFACE, "Lock")?
        .path(path.as_str())?
        .build();
    for message in MessageIterator::for_match_rule(rule, &conn, Some(16))? {
        message?;
        on_lock(LockReason::ScreenLocked);
    }
    Ok(())
}

/// The screensaver turned on (`ActiveChanged(true)`), under any of the usual names.
fn watch_screensaver(bus: &Bus, on_lock: &OnLock) -> zbus::Result<()> {
    let conn = bus.connect()?;
    let rule = MatchRule::builder()
        .msg_type(MessageType::Signal)
        .member("ActiveChanged")?
        .build();
    for message in MessageIterator::for_match_rule(rule, &conn, Some(16))? {
        let message = message?;
        let header = message.header();
        let known = header
            .interface()
            .is_some_and(|i| SCREENSAVER_INTERFACES.contains(&i.as_str()));
        if known && message.body().deserialize::<bool>() == Ok(true) {
            on_lock(LockReason::ScreenLocked);
        }
    }
    Ok(())
}
