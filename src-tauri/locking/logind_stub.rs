//! A stand-in for logind (`org.freedesktop.login1`) that the D-Bus test and the end-to-end test
//! own on a private bus, to send `PrepareForSleep` and a session's `Lock` as the real one does.
//! The app itself never starts it.

use zbus::blocking::Connection;
use zbus::zvariant::OwnedObjectPath;

use super::logind::{LOGIND_NAME, MANAGER_INTERFACE, MANAGER_PATH, SESSION_INTERFACE};

/// The one session the stub knows; every process is in it.
pub const STUB_SESSION_PATH: &str = "/org/freedesktop/login1/session/stub";

/// The manager's two session look-ups.
struct StubManager;

#[zbus::interface(name = "org.freedesktop.login1.Manager")]
impl StubManager {
    /// The session of process `pid`: always the stub's.
    #[zbus(name = "GetSessionByPID")]
    fn get_session_by_pid(&self, _pid: u32) -> OwnedObjectPath {
        session_path()
    }

    /// The session named `id`: always the stub's.
    fn get_session(&self, _id: &str) -> OwnedObjectPath {
        session_path()
    }
}

fn session_path() -> OwnedObjectPath {
    OwnedObjectPath::try_from(STUB_SESSION_PATH).unwrap_or_default()
}

/// Owns `org.freedesktop.login1` on the bus at `address` (the session bus when `None`); it
/// answers for as long as the returned connection lives.
pub fn serve(address: Option<&str>) -> zbus::Result<Connection> {
    let builder = match address {
        Some(address) => zbus::blocking::connection::Builder::address(address)?,
        None => zbus::blocking::connection::Builder::session()?,
    };
    builder
        .serve_at(MANAGER_PATH, StubManager)?
        .name(LOGIND_NAME)?
        .build()
}

/// Sends `PrepareForSleep(start)`, as logind does before (true) and after (false) a suspend.
pub fn prepare_for_sleep(conn: &Connection, start: bool) -> zbus::Result<()> {
    conn.emit_signal(
        None::<&str>,
        MANAGER_PATH,
        MANAGER_INTERFACE,
        "PrepareForSleep",
        &(start,),
    )
}

/// Sends the stub session's `Lock`, as logind does when the session is to be locked.
pub fn lock_session(conn: &Connection) -> zbus::Result<()> {
    conn.emit_signal(
        None::<&str>,
        STUB_SESSION_PATH,
        SESSION_INTERFACE,
        "Lock",
        &(),
    )
}
