//! Showing a reminder as a desktop notification, and finding out when that cannot work.
//!
//! On Linux the notification plugin sends over D-Bus on a background task and drops any error,
//! so a missing notification service would fail silently. Before each notification Waymark asks
//! the service to identify itself on the session bus; when nothing answers, the failure is
//! reported to the window instead of being swallowed.

use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;

/// The Desktop Notifications Specification's bus name, object path and interface.
pub const NOTIFICATIONS_BUS: (&str, &str, &str) = (
    "org.freedesktop.Notifications",
    "/org/freedesktop/Notifications",
    "org.freedesktop.Notifications",
);

/// Why a notification could not be shown, in words for the person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryError {
    /// There is no desktop session bus to send notifications over.
    #[error("This desktop session has no message bus, so notifications cannot be shown.")]
    NoSessionBus,
    /// No program on the desktop shows notifications.
    #[error(
        "No notification service is running on this desktop, so the reminder could not be shown."
    )]
    NoService,
    /// The notification service refused it.
    #[error("The desktop's notification service did not accept the reminder.")]
    Refused,
}

/// Something that shows a notification with a title and a body.
pub trait Notifier: Send + Sync {
    /// Shows it, or says why it could not.
    fn show(&self, title: &str, body: &str) -> Result<(), DeliveryError>;
}

/// Asks the notification service on `connection` to identify itself: proof one is running
/// (D-Bus starts an activatable one on demand).
pub fn probe(connection: &zbus::blocking::Connection) -> Result<(), DeliveryError> {
    let (name, path, interface) = NOTIFICATIONS_BUS;
    connection
        .call_method(
            Some(name),
            path,
            Some(interface),
            "GetServerInformation",
            &(),
        )
        .map(|_| ())
        .map_err(|_| DeliveryError::NoService)
}

/// Desktop notifications through `tauri-plugin-notification`.
pub struct DesktopNotifier<R: Runtime> {
    app: AppHandle<R>,
}

impl<R: Runtime> DesktopNotifier<R> {
    /// A notifier for this app.
    pub fn new(app: AppHandle<R>) -> Self {
        Self { app }
    }
}

impl<R: Runtime> Notifier for DesktopNotifier<R> {
    fn show(&self, title: &str, body: &str) -> Result<(), DeliveryError> {
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            let connection =
                zbus::blocking::Connection::session().map_err(|_| DeliveryError::NoSessionBus)?;
            probe(&connection)?;
        }
        self.app
            .notification()
            .builder()
            .title(title)
            .body(body)
            .show()
            .map_err(|_| DeliveryError::Refused)
    }
}
