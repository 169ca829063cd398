//! Reminders: which fall due when, and the discreet text a notification may carry.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::meeting::{Meeting, MeetingId};
use super::occurrence::occurrences_between;
use super::zone::{parse_clock_time, resolve_lenient};
use crate::error::{Result, ValidationError};
use crate::journal::craving::format_instant;
use crate::journal::text::optional_text;

/// The most medication reminders a day may have.
pub const MEDICATION_REMINDERS_MAX: usize = 6;
/// The longest label a medication reminder may carry, in characters.
pub const MEDICATION_LABEL_MAX_CHARS: usize = 60;

/// How much a notification says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum NotificationStyle {
    /// "Reminder at 19:30": the time only.
    #[default]
    Neutral,
    /// "You have a reminder": not even the time.
    Private,
    /// "Tuesday NA at 19:30": the title, and only while Waymark is unlocked.
    Detailed,
}

/// A medication reminder at one time of day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MedicationReminder {
    /// Local time of day, HH:MM.
    pub time: String,
    /// The person's own words for it, shown only in detailed notifications; `None` means
    /// the notification never names a medication.
    #[serde(default)]
    pub label: Option<String>,
}

/// Every reminder setting, stored inside the encrypted vault.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ReminderSettings {
    /// Remind to do the daily check-in at this local time, HH:MM; `None` = off.
    pub checkin_time: Option<String>,
    /// Medication reminders.
    pub medication: Vec<MedicationReminder>,
    /// How much notifications say.
    pub style: NotificationStyle,
}

impl ReminderSettings {
    /// Checks times and labels; returns the settings with labels trimmed and times in order.
    pub fn validate(&self) -> std::result::Result<ReminderSettings, ValidationError> {
        let checkin_time = match self.checkin_time.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(t) => Some(
                parse_clock_time("checkinTime", t)?
                    .format("%H:%M")
                    .to_string(),
            ),
        };
        if self.medication.len() > MEDICATION_REMINDERS_MAX {
            return Err(ValidationError::new(
                "medication",
                format!("At most {MEDICATION_REMINDERS_MAX} medication reminders a day."),
            ));
        }
        let mut medication = Vec::with_capacity(self.medication.len());
        for m in &self.medication {
            let time = parse_clock_time("medication", &m.time)?
                .format("%H:%M")
                .to_string();
            if medication
                .iter()
                .any(|x: &MedicationReminder| x.time == time)
            {
                return Err(ValidationError::new(
                    "medication",
                    "Two medication reminders are at the same time; change or remove one.",
                ));
            }
            let label = optional_text(
                "medication",
                "The medication label",
                m.label.as_deref(),
                MEDICATION_LABEL_MAX_CHARS,
            )?;
            medication.push(MedicationReminder { time, label });
        }
        medication.sort_by(|a, b| a.time.cmp(&b.time));
        Ok(ReminderSettings {
            checkin_time,
            medication,
            style: self.style,
        })
    }
}

/// What a reminder is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// A meeting or appointment.
    Meeting,
    /// The daily check-in.
    Checkin,
    /// Medication.
    Medication,
}

/// A reminder at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DueReminder {
    /// Names this reminder so it is never shown twice, e.g. `m:4:2026-11-24T19:00:30`, or
    /// `m:4:2026-11-24T19:00>2026-11-25T18:00:30` once that occurrence is moved.
    pub key: String,
    /// What it is for.
    pub kind: ReminderKind,
    /// When it falls due, RFC 3339 UTC.
    pub due_at: String,
    /// The time of the thing itself (the meeting's start, the check-in time), RFC 3339 in the
    /// local zone it belongs to.
    pub event_at: String,
    /// The wall-clock time of the thing, HH:MM, as the notification shows it.
    pub event_time: String,
    /// The meeting's title or the medication's label; shown only in detailed notifications.
    pub title: Option<String>,
    /// The meeting, for a meeting reminder.
    pub meeting_id: Option<MeetingId>,
}

impl DueReminder {
    /// When it falls due.
    pub fn due_instant(&self) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(&self.due_at)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }
}

/// Every reminder due in `(after, until]`, in order: meeting reminders, the daily check-in and
/// medication, the last two at wall-clock times in `zone` (the computer's own zone).
pub fn due_between(
    meetings: &[Meeting],
    settings: &ReminderSettings,
    zone: Tz,
    after: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<DueReminder>> {
    let mut out: Vec<(DateTime<Utc>, DueReminder)> = Vec::new();
    if until <= after {
        return Ok(Vec::new());
    }
    for meeting in meetings {
        let Some(&longest) = meeting.reminder_minutes.first() else {
            continue;
        };
        // A reminder due in the window belongs to an occurrence up to `longest` minutes later.
        let window_end = until + Duration::minutes(i64::from(longest)) + Duration::seconds(1);
        for occ in occurrences_between(meeting, after, window_end, &|_| None)? {
            let Ok(start) = DateTime::parse_from_rfc3339(&occ.starts_at) else {
                continue;
            };
            // A moved occurrence is reminded of afresh at its new time, even when the reminder
            // for its usual time was already shown.
            let moved_to = if occ.moved {
                format!(">{}", start.format("%Y-%m-%dT%H:%M"))
            } else {
                String::new()
            };
            for &lead in &meeting.reminder_minutes {
                let due = start.with_timezone(&Utc) - Duration::minutes(i64::from(lead));
                if due > after && due <= until {
                    out.push((
                        due,
                        DueReminder {
                            key: format!(
                                "m:{}:{}{}:{}",
                                meeting.id, occ.occurrence, moved_to, lead
                            ),
                            kind: ReminderKind::Meeting,
                            due_at: format_instant(&due),
                            event_at: occ.starts_at.clone(),
                            event_time: start.format("%H:%M").to_string(),
                            title: Some(meeting.title.clone()),
                            meeting_id: Some(meeting.id),
                        },
                    ));
                }
            }
        }
    }
    let daily: Vec<(String, ReminderKind, &str, Option<String>)> = settings
        .checkin_time
        .iter()
        .map(|t| {
            (
                "c".to_string(),
                ReminderKind::Checkin,
                t.as_str(),
                Some("Daily check-in".to_string()),
            )
        })
        .chain(settings.medication.iter().map(|m| {
            (
                format!("d{}", m.time),
                ReminderKind::Medication,
                m.time.as_str(),
                m.label.clone(),
            )
        }))
        .collect();
    if !daily.is_empty() {
        let first_day = after.with_timezone(&zone).date_naive();
        let last_day = until.with_timezone(&zone).date_naive();
        let mut day: NaiveDate = first_day;
        while day <= last_day {
            for (prefix, kind, time, title) in &daily {
                let Ok(clock) = parse_clock_time("time", time) else {
                    continue;
                };
                let due = resolve_lenient(zone, day.and_time(clock));
                if due > after && due <= until {
                    out.push((
                        due,
                        DueReminder {
                            key: format!("{prefix}:{day}"),
                            kind: *kind,
                            due_at: format_instant(&due),
                            event_at: format_instant(&due.with_timezone(&zone)),
                            event_time: clock.format("%H:%M").to_string(),
                            title: title.clone(),
                            meeting_id: None,
                        },
                    ));
                }
            }
            let Some(next) = day.succ_opt() else { break };
            day = next;
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.key.cmp(&b.1.key)));
    Ok(out.into_iter().map(|(_, r)| r).collect())
}

/// The words a desktop notification shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NotificationText {
    /// The headline.
    pub title: String,
    /// The line under it.
    pub body: String,
}

/// What a notification for `reminder` says. Never any journal content: at most the meeting's
/// title or the medication label, and only in the detailed style while unlocked.
pub fn notification_text(
    reminder_time: &str,
    title: Option<&str>,
    style: NotificationStyle,
    unlocked: bool,
) -> NotificationText {
    let body = match (style, unlocked, title) {
        (NotificationStyle::Private, _, _) => "You have a reminder".to_string(),
        (NotificationStyle::Detailed, true, Some(title)) => format!("{title} at {reminder_time}"),
        _ => format!("Reminder at {reminder_time}"),
    };
    NotificationText {
        title: "Reminder".to_string(),
        body,
    }
}
