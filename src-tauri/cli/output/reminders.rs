//! Reminders coming up and the reminder settings, for people reading a terminal.

use chrono::{DateTime, Utc};
use waymark_core::schedule::reminders::notification_text;
use waymark_core::schedule::zone::system_zone;
use waymark_core::schedule::{DueReminder, NotificationStyle, ReminderKind, ReminderSettings};

use super::schedule::empty;
use super::text::one_line;

fn kind_word(kind: ReminderKind) -> &'static str {
    match kind {
        ReminderKind::Meeting => "meeting",
        ReminderKind::Checkin => "check-in",
        ReminderKind::Medication => "medication",
    }
}

/// Reminders coming up, in this computer's time, with the neutral words a notification shows.
pub fn due_reminders(items: &[DueReminder]) {
    if empty(items.len(), "No reminders due in that time.") {
        return;
    }
    let home = system_zone();
    outln!("{:<21}  {:<10}  NOTIFICATION", "DUE", "KIND");
    for r in items {
        let due = r
            .due_instant()
            .map(|t: DateTime<Utc>| t.with_timezone(&home).format("%a %d %b %H:%M").to_string())
            .unwrap_or_else(|| r.due_at.clone());
        let text = notification_text(&r.event_time, None, NotificationStyle::Neutral, false);
        outln!("{:<21}  {:<10}  {}", due, kind_word(r.kind), text.body);
    }
}

/// The reminder settings.
pub fn reminder_settings(s: &ReminderSettings) {
    outln!(
        "Check-in reminder:   {}",
        s.checkin_time.as_deref().unwrap_or("off")
    );
    let medication: Vec<String> = s
        .medication
        .iter()
        .map(|m| match &m.label {
            Some(label) => format!("{} ({})", m.time, one_line(label)),
            None => m.time.clone(),
        })
        .collect();
    outln!(
        "Medication:          {}",
        if medication.is_empty() {
            "off".to_string()
        } else {
            medication.join(", ")
        }
    );
    let style = match s.style {
        NotificationStyle::Neutral => "neutral: notifications say \"Reminder at 19:30\"",
        NotificationStyle::Private => "private: notifications say \"You have a reminder\"",
        NotificationStyle::Detailed => {
            "detailed: notifications name the meeting or medication while Waymark is unlocked"
        }
    };
    outln!("Notification style:  {style}");
}
