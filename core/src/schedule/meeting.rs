//! Meetings and appointments: what they are, when they start, how they repeat, and when to
//! remind the person.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::recurrence::{original_starts, Recurrence};
use super::zone::{parse_clock_time, parse_zone, resolve_local, system_zone};
use crate::error::ValidationError;
use crate::journal::craving::NOTE_MAX_CHARS;
use crate::journal::fields::{parse_day, SHORT_TEXT_MAX_CHARS};
use crate::journal::text::optional_text;

pub use crate::journal::ids::MeetingId;

/// The longest meeting title, in characters.
pub const MEETING_TITLE_MAX_CHARS: usize = 120;
/// The longest online link, in characters.
pub const MEETING_LINK_MAX_CHARS: usize = 500;
/// The most reminders one meeting may have.
pub const MEETING_REMINDERS_MAX: usize = 4;
/// The earliest a reminder may come before its meeting: one week, in minutes.
pub const REMINDER_LEAD_MAX_MINUTES: u32 = 7 * 24 * 60;
/// The longest meeting, in minutes (12 hours).
pub const MEETING_DURATION_MAX_MINUTES: u32 = 12 * 60;

/// What sort of meeting or appointment it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// Narcotics Anonymous or another 12-step meeting.
    TwelveStep,
    /// A SMART Recovery meeting.
    SmartRecovery,
    /// Group therapy.
    GroupTherapy,
    /// Counselling or therapy, one to one.
    Counselling,
    /// An appointment with a keyworker at a drug service.
    Keyworker,
    /// A GP, clinic or pharmacy appointment.
    Clinic,
    /// Anything else.
    Other,
}

impl MeetingKind {
    /// Every kind, in the order the UI offers them.
    pub const ALL: [MeetingKind; 7] = [
        MeetingKind::TwelveStep,
        MeetingKind::SmartRecovery,
        MeetingKind::GroupTherapy,
        MeetingKind::Counselling,
        MeetingKind::Keyworker,
        MeetingKind::Clinic,
        MeetingKind::Other,
    ];

    /// The stored key, e.g. `twelve_step`.
    pub fn key(self) -> &'static str {
        match self {
            MeetingKind::TwelveStep => "twelve_step",
            MeetingKind::SmartRecovery => "smart_recovery",
            MeetingKind::GroupTherapy => "group_therapy",
            MeetingKind::Counselling => "counselling",
            MeetingKind::Keyworker => "keyworker",
            MeetingKind::Clinic => "clinic",
            MeetingKind::Other => "other",
        }
    }

    /// The kind with this key, if any.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The name shown to the person.
    pub fn label(self) -> &'static str {
        match self {
            MeetingKind::TwelveStep => "NA / 12-step meeting",
            MeetingKind::SmartRecovery => "SMART Recovery meeting",
            MeetingKind::GroupTherapy => "Group therapy",
            MeetingKind::Counselling => "Counselling",
            MeetingKind::Keyworker => "Keyworker appointment",
            MeetingKind::Clinic => "GP or clinic",
            MeetingKind::Other => "Other",
        }
    }
}

/// A meeting as typed, before validation.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "NewMeetingInput")]
pub struct NewMeeting {
    /// What the person calls it, e.g. "Tuesday NA, St Mark's".
    pub title: String,
    /// Its kind.
    pub kind: MeetingKind,
    /// The day of the first occurrence, YYYY-MM-DD.
    pub start_date: String,
    /// The local start time, HH:MM (24-hour).
    pub start_time: String,
    /// The IANA time zone the time is in; `None` means the computer's own zone.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// How long it lasts, in minutes.
    pub duration_minutes: u32,
    /// How it repeats.
    #[serde(default)]
    pub recurrence: Recurrence,
    /// The last day it may happen on, YYYY-MM-DD; `None` means it goes on.
    #[serde(default)]
    pub until: Option<String>,
    /// Where it is.
    #[serde(default)]
    pub place: Option<String>,
    /// An online link (http or https).
    #[serde(default)]
    pub link: Option<String>,
    /// Private notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// When to remind, in minutes before the start (0 = at the start).
    #[serde(default)]
    pub reminder_minutes: Vec<u32>,
}

/// A meeting that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMeeting {
    /// Trimmed title.
    pub title: String,
    /// Its kind.
    pub kind: MeetingKind,
    /// Local start of the first occurrence.
    pub start_local: NaiveDateTime,
    /// The zone that start is in.
    pub time_zone: Tz,
    /// Minutes.
    pub duration_minutes: u32,
    /// How it repeats.
    pub recurrence: Recurrence,
    /// Last day, inclusive.
    pub until: Option<NaiveDate>,
    /// Trimmed place.
    pub place: Option<String>,
    /// Checked link.
    pub link: Option<String>,
    /// Trimmed notes.
    pub notes: Option<String>,
    /// Leads in minutes, unique, largest first.
    pub reminder_minutes: Vec<u32>,
}

/// A stored meeting, with its exceptions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Meeting {
    /// Its id.
    pub id: MeetingId,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: MeetingKind,
    /// Local start of the first occurrence, YYYY-MM-DDTHH:MM.
    pub start_local: String,
    /// IANA time zone.
    pub time_zone: String,
    /// Minutes.
    pub duration_minutes: u32,
    /// How it repeats.
    pub recurrence: Recurrence,
    /// Last day, YYYY-MM-DD.
    pub until: Option<String>,
    /// Place.
    pub place: Option<String>,
    /// Online link.
    pub link: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Reminder leads in minutes, largest first.
    pub reminder_minutes: Vec<u32>,
    /// Occurrences skipped or moved.
    pub exceptions: Vec<MeetingException>,
}

/// One occurrence skipped or moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MeetingException {
    /// The occurrence's original local start, YYYY-MM-DDTHH:MM.
    pub occurrence: String,
    /// Its new local start; `None` means skipped.
    pub moved_to: Option<String>,
}

impl NewMeeting {
    /// Checks every field; errors name the field and never quote what was typed.
    pub fn validate(&self) -> Result<ValidMeeting, ValidationError> {
        let title = optional_text(
            "title",
            "The title",
            Some(&self.title),
            MEETING_TITLE_MAX_CHARS,
        )?
        .ok_or_else(|| ValidationError::new("title", "Give the meeting a title."))?;
        let day = parse_day("startDate", &self.start_date)?;
        // `year()`, not `year_ce()`: the era year of a day before the common era is positive.
        if day.year() < 1970 || day > NaiveDate::from_ymd_opt(2200, 1, 1).unwrap_or(day) {
            return Err(ValidationError::new(
                "startDate",
                "Choose a start date between 1970 and 2200.",
            ));
        }
        let time = parse_clock_time("startTime", &self.start_time)?;
        let time_zone = match self.time_zone.as_deref().map(str::trim) {
            None | Some("") => system_zone(),
            Some(name) => parse_zone("timeZone", name)?,
        };
        let start_local = day.and_time(time);
        let first_at = resolve_local("startTime", time_zone, start_local)?.with_timezone(&Utc);
        if self.duration_minutes == 0 || self.duration_minutes > MEETING_DURATION_MAX_MINUTES {
            return Err(ValidationError::new(
                "durationMinutes",
                format!(
                    "The length must be between 1 minute and {} hours.",
                    MEETING_DURATION_MAX_MINUTES / 60
                ),
            ));
        }
        self.recurrence.validate()?;
        let until = match self.until.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(parse_day("until", text)?),
        };
        if let Some(until) = until {
            if matches!(self.recurrence, Recurrence::Once) {
                return Err(ValidationError::new(
                    "until",
                    "A one-off meeting has no end date; choose how it repeats, or clear the end date.",
                ));
            }
            if until < day {
                return Err(ValidationError::new(
                    "until",
                    "The end date is before the first meeting; choose a later day.",
                ));
            }
        }
        check_it_happens(start_local, time_zone, &self.recurrence, until, first_at)?;
        let place = optional_text(
            "place",
            "The place",
            self.place.as_deref(),
            SHORT_TEXT_MAX_CHARS,
        )?;
        let link = optional_text(
            "link",
            "The link",
            self.link.as_deref(),
            MEETING_LINK_MAX_CHARS,
        )?;
        if let Some(link) = &link {
            check_link(link)?;
        }
        let notes = optional_text("notes", "The notes", self.notes.as_deref(), NOTE_MAX_CHARS)?;
        let reminder_minutes = reminder_leads(&self.reminder_minutes)?;
        Ok(ValidMeeting {
            title,
            kind: self.kind,
            start_local,
            time_zone,
            duration_minutes: self.duration_minutes,
            recurrence: self.recurrence.clone(),
            until,
            place,
            link,
            notes,
            reminder_minutes,
        })
    }
}

/// A rule can be valid on its own and still never produce a date: every 12 months on the 31st
/// when the first is in April, or an end day before the first matching day. Such a meeting would
/// be saved and then never shown, so it is refused. Five years covers every 29 February.
fn check_it_happens(
    start: NaiveDateTime,
    zone: Tz,
    recurrence: &Recurrence,
    until: Option<NaiveDate>,
    first_at: DateTime<Utc>,
) -> Result<(), ValidationError> {
    let horizon = first_at + Duration::days(5 * 366);
    if !original_starts(start, zone, recurrence, until, first_at, horizon).is_empty() {
        return Ok(());
    }
    if until.is_some()
        && !original_starts(start, zone, recurrence, None, first_at, horizon).is_empty()
    {
        return Err(ValidationError::new(
            "until",
            "The end date comes before the first day this meeting repeats on; choose a later day.",
        ));
    }
    Err(ValidationError::new(
        "recurrence",
        "This meeting would never happen: no month it repeats in has that day. Choose another day or repeat.",
    ))
}

/// An online meeting link must be a plain web address: no scripts, files or other schemes.
fn check_link(link: &str) -> Result<(), ValidationError> {
    let lower = link.to_ascii_lowercase();
    let has_scheme = lower.starts_with("https://") || lower.starts_with("http://");
    let host_part = link.split_once("://").map(|(_, rest)| rest).unwrap_or("");
    if !has_scheme || host_part.is_empty() || link.chars().any(char::is_whitespace) {
        return Err(ValidationError::new(
            "link",
            "The link must be a web address starting with https:// (or http://), with no spaces.",
        ));
    }
    Ok(())
}

/// Checks reminder leads: each within a week, at most four, duplicates dropped, largest first.
pub fn reminder_leads(leads: &[u32]) -> Result<Vec<u32>, ValidationError> {
    let mut out: Vec<u32> = Vec::with_capacity(leads.len());
    for &lead in leads {
        if lead > REMINDER_LEAD_MAX_MINUTES {
            return Err(ValidationError::new(
                "reminderMinutes",
                "A reminder can come at most one week before the meeting.",
            ));
        }
        if !out.contains(&lead) {
            out.push(lead);
        }
    }
    if out.len() > MEETING_REMINDERS_MAX {
        return Err(ValidationError::new(
            "reminderMinutes",
            format!("A meeting can have at most {MEETING_REMINDERS_MAX} reminders."),
        ));
    }
    out.sort_unstable_by(|a, b| b.cmp(a));
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::schedule::recurrence::Weekday;

    /// A weekly Tuesday 19:00 London meeting, for tests to vary.
    pub(crate) fn weekly_na() -> NewMeeting {
        NewMeeting {
            title: "Tuesday NA".into(),
            kind: MeetingKind::TwelveStep,
            start_date: "2026-11-24".into(),
            start_time: "19:00".into(),
            time_zone: Some("Europe/London".into()),
            duration_minutes: 90,
            recurrence: Recurrence::Weekly {
                interval: 1,
                days: vec![Weekday::Tue],
            },
            until: None,
            place: Some("St Mark's hall".into()),
            link: None,
            notes: None,
            reminder_minutes: vec![30, 1440, 30],
        }
    }

    #[test]
    fn a_valid_meeting_keeps_its_fields_and_sorts_reminders() {
        let v = weekly_na().validate().unwrap();
        assert_eq!(v.title, "Tuesday NA");
        assert_eq!(v.reminder_minutes, vec![1440, 30]);
        assert_eq!(v.time_zone, chrono_tz::Europe::London);
    }

    #[test]
    fn each_bad_field_is_named() {
        type Change = Box<dyn Fn(&mut NewMeeting)>;
        let cases: Vec<(&str, Change)> = vec![
            ("title", Box::new(|m| m.title = "   ".into())),
            ("title", Box::new(|m| m.title = "x".repeat(121))),
            ("title", Box::new(|m| m.title = "a\0b".into())),
            (
                "startDate",
                Box::new(|m| m.start_date = "2026-02-30".into()),
            ),
            (
                "startDate",
                Box::new(|m| m.start_date = "1900-01-01".into()),
            ),
            ("startTime", Box::new(|m| m.start_time = "25:00".into())),
            (
                "timeZone",
                Box::new(|m| m.time_zone = Some("Nowhere/Else".into())),
            ),
            ("durationMinutes", Box::new(|m| m.duration_minutes = 0)),
            ("durationMinutes", Box::new(|m| m.duration_minutes = 721)),
            ("until", Box::new(|m| m.until = Some("2026-11-01".into()))),
            (
                "link",
                Box::new(|m| m.link = Some("javascript:alert(1)".into())),
            ),
            ("link", Box::new(|m| m.link = Some("https://a b".into()))),
            (
                "reminderMinutes",
                Box::new(|m| m.reminder_minutes = vec![20000]),
            ),
            (
                "reminderMinutes",
                Box::new(|m| m.reminder_minutes = vec![1, 2, 3, 4, 5]),
            ),
            (
                "recurrence",
                Box::new(|m| {
                    m.recurrence = Recurrence::Weekly {
                        interval: 1,
                        days: vec![],
                    }
                }),
            ),
        ];
        for (field, change) in cases {
            let mut m = weekly_na();
            change(&mut m);
            let err = m.validate().unwrap_err();
            assert_eq!(err.field, field, "{}", err.message);
        }
        let mut once = weekly_na();
        once.recurrence = Recurrence::Once;
        once.until = Some("2027-01-01".into());
        assert_eq!(once.validate().unwrap_err().field, "until");
    }

    #[test]
    fn the_computer_zone_is_the_default() {
        let mut m = weekly_na();
        m.time_zone = None;
        assert_eq!(m.validate().unwrap().time_zone, system_zone());
    }
}
