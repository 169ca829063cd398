//! A private `dbus-daemon` for tests that need real D-Bus (notifications, logind), so they never
//! touch the desktop's own buses.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// A private session bus daemon, stopped when dropped.
pub(crate) struct PrivateBus {
    child: Child,
    /// The address clients connect to.
    pub(crate) address: String,
}

impl PrivateBus {
    /// Starts the daemon and waits for its address.
    pub(crate) fn start() -> PrivateBus {
        let mut child = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect(
                "dbus-daemon must be installed (Debian package dbus); scripts/test.sh installs it",
            );
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut line)
            .expect("dbus-daemon prints its address");
        PrivateBus {
            child,
            address: line.trim().to_string(),
        }
    }

    /// A new client connection to the bus.
    pub(crate) fn connect(&self) -> zbus::blocking::Connection {
        zbus::blocking::connection::Builder::address(self.address.as_str())
            .unwrap()
            .build()
            .unwrap()
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
