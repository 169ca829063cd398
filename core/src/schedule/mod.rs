//! The person's schedule: meetings and appointments, how they repeat, whether the person went,
//! and the reminders that fall due. Everything is computed from an injected "now", so it can be
//! tested across clock changes and month ends.

pub mod describe;
pub mod ics;
pub mod ics_file;
pub mod meeting;
pub mod occurrence;
pub mod recurrence;
pub mod reminders;
pub mod zone;

pub use meeting::{Meeting, MeetingException, MeetingId, MeetingKind, NewMeeting};
pub use occurrence::{Attendance, Occurrence};
pub use recurrence::{Recurrence, Weekday};
pub use reminders::{
    DueReminder, MedicationReminder, NotificationStyle, NotificationText, ReminderKind,
    ReminderSettings,
};

#[cfg(test)]
mod occurrence_tests;
