//! Reminders while the app runs: which fall due, the notification each gets, and what the
//! person is told when one could not be shown or fell due while Waymark was closed.
//!
//! While unlocked, due reminders come from the vault. Locking keeps only a neutral plan in
//! memory (when, and the time to show; no titles), so reminders still arrive while locked or
//! closed to the tray, with neutral text. Nothing about the schedule is ever written outside
//! the encrypted vault.

mod notifier;
mod runtime;
pub mod sink;
mod thread;

pub use notifier::{DesktopNotifier, Notifier};
pub use runtime::{DeliveryStatus, ReminderNotice, ReminderRuntime};
pub use thread::spawn;

#[cfg(test)]
mod dbus_tests;
#[cfg(test)]
mod runtime_tests;
