//! Meeting flags into core's `NewMeeting`, and core's errors back onto the flags.

use waymark_core::schedule::{Meeting, MeetingKind, NewMeeting, Recurrence};
use waymark_core::Error;

use super::repeat::{recurrence, recurrence_flag};
use crate::cli::args::schedule::MeetingDetails;
use crate::cli::error::CliError;
use crate::cli::input::TextReader;

/// How long a meeting lasts when `--duration` is not given.
const DEFAULT_DURATION_MINUTES: u32 = 60;

/// The flags that every meeting has, when given.
#[derive(Debug, Default, Clone, Copy)]
pub struct Basics<'a> {
    /// `--title`
    pub title: Option<&'a str>,
    /// `--kind`
    pub kind: Option<&'a str>,
    /// `--date`
    pub date: Option<&'a str>,
    /// `--time`
    pub time: Option<&'a str>,
}

/// The input a new meeting starts from, before its flags are applied.
pub fn blank_meeting() -> NewMeeting {
    NewMeeting {
        title: String::new(),
        kind: MeetingKind::Other,
        start_date: String::new(),
        start_time: String::new(),
        time_zone: None,
        duration_minutes: DEFAULT_DURATION_MINUTES,
        recurrence: Recurrence::Once,
        until: None,
        place: None,
        link: None,
        notes: None,
        reminder_minutes: Vec::new(),
    }
}

/// The input that saves `m` as it is, so `edit` changes only the flags given.
pub fn meeting_input(m: &Meeting) -> NewMeeting {
    let (date, time) = m
        .start_local
        .split_once('T')
        .unwrap_or((m.start_local.as_str(), ""));
    NewMeeting {
        title: m.title.clone(),
        kind: m.kind,
        start_date: date.to_string(),
        start_time: time.to_string(),
        time_zone: Some(m.time_zone.clone()),
        duration_minutes: m.duration_minutes,
        recurrence: m.recurrence.clone(),
        until: m.until.clone(),
        place: m.place.clone(),
        link: m.link.clone(),
        notes: m.notes.clone(),
        reminder_minutes: m.reminder_minutes.clone(),
    }
}

/// Applies the flags given to `input`, leaving the rest as they are.
pub fn apply(
    input: &mut NewMeeting,
    basics: Basics<'_>,
    d: &MeetingDetails,
) -> Result<(), CliError> {
    if let Some(title) = basics.title {
        input.title = title.to_string();
    }
    if let Some(kind) = basics.kind {
        input.kind = meeting_kind(kind)?;
    }
    if let Some(date) = basics.date {
        input.start_date = date.to_string();
    }
    if let Some(time) = basics.time {
        input.start_time = time.to_string();
    }
    if let Some(zone) = &d.zone {
        // '' means the computer's own zone.
        input.time_zone = Some(zone.clone()).filter(|z| !z.trim().is_empty());
    }
    if let Some(duration) = d.duration {
        input.duration_minutes = duration;
    }
    input.recurrence = recurrence(&input.recurrence, d)?;
    if let Some(until) = &d.until {
        input.until = Some(until.clone()).filter(|u| !u.trim().is_empty());
    }
    if d.place.is_some() {
        input.place = d.place.clone();
    }
    if d.link.is_some() {
        input.link = d.link.clone();
    }
    if d.notes.is_some() {
        input.notes = TextReader::new().text("--notes", d.notes.as_deref())?;
    }
    if !d.remind.is_empty() {
        input.reminder_minutes = reminder_leads(&d.remind)?;
    }
    Ok(())
}

/// A meeting kind by its key (`twelve_step`; `twelve-step` and any case are read too).
fn meeting_kind(text: &str) -> Result<MeetingKind, CliError> {
    let key = text.trim().to_ascii_lowercase().replace('-', "_");
    MeetingKind::from_key(&key).ok_or_else(|| {
        let keys: Vec<&str> = MeetingKind::ALL.iter().map(|k| k.key()).collect();
        CliError::invalid(
            format!(
                "That kind of meeting is not known; choose one of: {}",
                keys.join(", ")
            ),
            "--kind",
        )
    })
}

/// The leads of `--remind`, in minutes; `none` alone removes every reminder.
fn reminder_leads(items: &[String]) -> Result<Vec<u32>, CliError> {
    let items: Vec<&str> = items
        .iter()
        .map(|i| i.trim())
        .filter(|i| !i.is_empty())
        .collect();
    let none = |i: &&str| i.eq_ignore_ascii_case("none") || i.eq_ignore_ascii_case("off");
    if items.iter().any(none) {
        if items.len() > 1 {
            return Err(CliError::invalid(
                "--remind none removes every reminder, so it cannot come with reminder times",
                "--remind",
            ));
        }
        return Ok(Vec::new());
    }
    items
        .iter()
        .map(|i| {
            lead_minutes(i).ok_or_else(|| {
                CliError::invalid(
                    "A reminder could not be read; give how long before the start, like 30 \
                     (minutes), 30m, 2h or 1d",
                    "--remind",
                )
            })
        })
        .collect()
}

/// Minutes in a reminder lead: plain minutes (`30`), or amounts with units (`30m`, `2h`,
/// `1d`, `1h30m`, `1 week`). Too large a lead saturates, so core's limit explains it.
pub fn lead_minutes(text: &str) -> Option<u32> {
    let text = text.trim().to_ascii_lowercase();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return Some(text.parse::<u32>().unwrap_or(u32::MAX));
    }
    let mut rest = text.as_str();
    let mut total: u64 = 0;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return None;
        }
        let amount = rest[..digits].parse::<u64>().unwrap_or(u64::MAX);
        rest = rest[digits..].trim_start();
        let letters = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let scale: u64 = match &rest[..letters] {
            "m" | "min" | "mins" | "minute" | "minutes" => 1,
            "h" | "hr" | "hrs" | "hour" | "hours" => 60,
            "d" | "day" | "days" => 24 * 60,
            "w" | "wk" | "week" | "weeks" => 7 * 24 * 60,
            _ => return None,
        };
        total = total.saturating_add(amount.saturating_mul(scale));
        rest = rest[letters..].trim_start();
    }
    Some(u32::try_from(total).unwrap_or(u32::MAX))
}

/// A core error, with a rejected field named by the flag that sets it. `recurrence` is the
/// rule that was sent, to tell which repeat flag was at fault.
pub fn meeting_error(e: Error, recurrence: &Recurrence) -> CliError {
    let Error::Invalid(v) = e else {
        return e.into();
    };
    let flag = match v.field {
        "title" => "--title",
        "kind" => "--kind",
        "startDate" => "--date",
        "startTime" => "--time",
        "timeZone" => "--zone",
        "durationMinutes" => "--duration",
        "recurrence" => recurrence_flag(recurrence),
        "until" => "--until",
        "place" => "--place",
        "link" => "--link",
        "notes" => "--notes",
        "reminderMinutes" => "--remind",
        // An occurrence that cannot be marked yet is the occurrence's fault, not the status's.
        "occurrence" | "attendance" => "--occurrence",
        "movedTo" => "--to",
        "days" => "--days",
        _ => "input",
    };
    CliError::invalid(v.message, flag)
}

/// An occurrence as core names it: `YYYY-MM-DDTHH:MM` (a space instead of the `T` is read too).
pub fn occurrence_key(text: &str) -> String {
    text.trim().replacen(' ', "T", 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminder_leads_read_minutes_and_units() {
        for (text, minutes) in [
            ("30", 30),
            ("0", 0),
            ("30m", 30),
            ("2h", 120),
            ("1d", 1440),
            ("1h30m", 90),
            ("1 hour", 60),
            ("1W", 10080),
        ] {
            assert_eq!(lead_minutes(text), Some(minutes), "{text}");
        }
        for bad in ["", "m", "30x", "1h30", "-5", "half an hour"] {
            assert_eq!(lead_minutes(bad), None, "{bad}");
        }
        assert_eq!(lead_minutes("99999999999999999999d"), Some(u32::MAX));
    }
}
