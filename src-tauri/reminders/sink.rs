//! A minimal desktop notification server (`org.freedesktop.Notifications`) that records what it
//! receives. The end-to-end and D-Bus tests run it on a private session bus to see exactly what
//! Waymark's notifications say; it is never started by the app itself.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use serde::Serialize;

use super::notifier::NOTIFICATIONS_BUS;

/// One notification as the server received it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Received {
    /// The sending application's name.
    pub app_name: String,
    /// The headline.
    pub summary: String,
    /// The text under it.
    pub body: String,
}

/// The server: records every notification in memory and, when given a file, appends it there
/// as one JSON line.
pub struct NotificationSink {
    received: Arc<Mutex<Vec<Received>>>,
    log: Option<PathBuf>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl NotificationSink {
    /// Shows (records) a notification; returns its server id.
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        _actions: Vec<String>,
        _hints: HashMap<String, zbus::zvariant::OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let received = Received {
            app_name,
            summary,
            body,
        };
        if let Some(path) = &self.log {
            if let (Ok(mut file), Ok(line)) = (
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path),
                serde_json::to_string(&received),
            ) {
                let _ = writeln!(file, "{line}");
            }
        }
        let mut all = self.received.lock().unwrap_or_else(|e| e.into_inner());
        all.push(received);
        u32::try_from(all.len()).unwrap_or(u32::MAX)
    }

    /// What the server supports.
    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".into()]
    }

    /// Who the server is.
    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "waymark-notification-sink".into(),
            "waymark".into(),
            "1".into(),
            "1.2".into(),
        )
    }

    /// Closes a notification (nothing to do).
    fn close_notification(&self, _id: u32) {}
}

/// Serves the sink on the bus at `address` (or the session bus when `None`), recording into
/// `received` and, if given, `log`. It runs for as long as the returned connection lives.
pub fn serve(
    address: Option<&str>,
    received: Arc<Mutex<Vec<Received>>>,
    log: Option<PathBuf>,
) -> zbus::Result<zbus::blocking::Connection> {
    let (name, path, _) = NOTIFICATIONS_BUS;
    let builder = match address {
        Some(address) => zbus::blocking::connection::Builder::address(address)?,
        None => zbus::blocking::connection::Builder::session()?,
    };
    builder
        .serve_at(path, NotificationSink { received, log })?
        .name(name)?
        .build()
}
