//! `waymark meeting ...`

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use waymark_core::journal::SystemClock;
use waymark_core::schedule::zone::{resolve_lenient, system_zone};
use waymark_core::schedule::{Attendance, MeetingId, Recurrence};
use waymark_core::store::{Store, OCCURRENCE_WINDOW_MAX_DAYS};

use super::input::{apply, blank_meeting, meeting_error, meeting_input, occurrence_key, Basics};
use crate::cli::args::schedule::{AttendArg, MeetingCommand};
use crate::cli::error::CliError;
use crate::cli::output::{self, schedule};

/// The first instant of `day` (YYYY-MM-DD) on this computer's clock. Meetings start between
/// 1970 and 2200, so days outside those years are refused rather than searched.
fn start_of_day(day: &str) -> Result<DateTime<Utc>, CliError> {
    let day = NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").map_err(|_| {
        CliError::invalid(
            "That date could not be read. Use year-month-day, like 2026-11-22",
            "--from",
        )
    })?;
    if !(1970..=2200).contains(&day.year()) {
        return Err(CliError::invalid(
            "Choose a day between 1970 and 2200",
            "--from",
        ));
    }
    Ok(resolve_lenient(system_zone(), day.and_time(NaiveTime::MIN)))
}

/// Runs `waymark meeting ...`.
pub fn run(store: &Store, command: &MeetingCommand) -> Result<(), CliError> {
    // Occurrence commands send no rule; their errors name --occurrence or --to.
    let plain = |e| meeting_error(e, &Recurrence::Once);
    match command {
        MeetingCommand::Add {
            title,
            kind,
            date,
            time,
            details,
            json,
        } => {
            let mut input = blank_meeting();
            let basics = Basics {
                title: Some(title),
                kind: Some(kind),
                date: Some(date),
                time: Some(time),
            };
            apply(&mut input, basics, details)?;
            let meeting = store
                .add_meeting(&input, &SystemClock)
                .map_err(|e| meeting_error(e, &input.recurrence))?;
            output::saved(&meeting, meeting.id, *json);
        }
        MeetingCommand::List { json } => {
            output::list(&store.list_meetings()?, *json, schedule::meetings);
        }
        MeetingCommand::Show { id, json } => {
            let meeting = store.meeting(MeetingId(*id))?;
            if *json {
                output::json(&meeting);
            } else {
                schedule::meeting(&meeting);
            }
        }
        MeetingCommand::Edit {
            id,
            title,
            kind,
            date,
            time,
            details,
            json,
        } => {
            let id = MeetingId(*id);
            let mut input = meeting_input(&store.meeting(id)?);
            let basics = Basics {
                title: title.as_deref(),
                kind: kind.as_deref(),
                date: date.as_deref(),
                time: time.as_deref(),
            };
            apply(&mut input, basics, details)?;
            let meeting = store
                .update_meeting(id, &input, &SystemClock)
                .map_err(|e| meeting_error(e, &input.recurrence))?;
            output::saved(&meeting, meeting.id, *json);
        }
        MeetingCommand::Delete { id } => {
            store.delete_meeting(MeetingId(*id))?;
            outln!("Deleted meeting {id}.");
        }
        MeetingCommand::Skip {
            id,
            occurrence,
            json,
        } => {
            let key = occurrence_key(&occurrence.occurrence);
            let meeting = store.skip_occurrence(MeetingId(*id), &key).map_err(plain)?;
            if *json {
                output::json(&meeting);
            } else {
                outln!(
                    "Skipped meeting {id} on {key}. `waymark meeting restore {id} --occurrence \
                     {key}` puts it back."
                );
            }
        }
        MeetingCommand::Move {
            id,
            occurrence,
            to,
            json,
        } => {
            let key = occurrence_key(&occurrence.occurrence);
            let to = occurrence_key(to);
            let meeting = store
                .move_occurrence(MeetingId(*id), &key, &to)
                .map_err(plain)?;
            if *json {
                output::json(&meeting);
            } else {
                outln!("Moved meeting {id} from {key} to {to}.");
            }
        }
        MeetingCommand::Restore {
            id,
            occurrence,
            json,
        } => {
            let key = occurrence_key(&occurrence.occurrence);
            let meeting = store
                .restore_occurrence(MeetingId(*id), &key)
                .map_err(plain)?;
            if *json {
                output::json(&meeting);
            } else {
                outln!("Meeting {id} on {key} is back at its usual time.");
            }
        }
        MeetingCommand::Attend {
            id,
            occurrence,
            status,
        } => {
            let key = occurrence_key(&occurrence.occurrence);
            let attendance = match status {
                AttendArg::Attended => Some(Attendance::Attended),
                AttendArg::Missed => Some(Attendance::Missed),
                AttendArg::Clear => None,
            };
            store
                .set_attendance(MeetingId(*id), &key, attendance, &SystemClock)
                .map_err(plain)?;
            match attendance {
                Some(Attendance::Attended) => outln!("Noted: you went to meeting {id} on {key}."),
                Some(Attendance::Missed) => outln!("Noted: you missed meeting {id} on {key}."),
                None => outln!("Cleared whether you went to meeting {id} on {key}."),
            }
        }
        MeetingCommand::Next { days, from, json } => {
            if !(1..=OCCURRENCE_WINDOW_MAX_DAYS).contains(days) {
                return Err(CliError::invalid(
                    format!("Look ahead 1 to {OCCURRENCE_WINDOW_MAX_DAYS} days"),
                    "--days",
                ));
            }
            let start = match from {
                None => Utc::now(),
                Some(day) => start_of_day(day)?,
            };
            let coming = store
                .occurrences(start, start + Duration::days(*days))
                .map_err(plain)?;
            output::list(&coming, *json, schedule::occurrences);
        }
    }
    Ok(())
}
