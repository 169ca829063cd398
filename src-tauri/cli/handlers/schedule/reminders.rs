//! `waymark reminders ...`

use chrono::{Duration, NaiveTime, Utc};
use waymark_core::schedule::zone::system_zone;
use waymark_core::schedule::{MedicationReminder, NotificationStyle, ReminderSettings};
use waymark_core::store::{Store, OCCURRENCE_WINDOW_MAX_DAYS};
use waymark_core::Error;

use crate::cli::args::schedule::{RemindersCommand, StyleArg};
use crate::cli::error::CliError;
use crate::cli::output::{self, reminders};

/// The furthest ahead `reminders due` looks: as far as `meeting next` may.
const DUE_MAX_HOURS: i64 = OCCURRENCE_WINDOW_MAX_DAYS * 24;

/// Runs `waymark reminders ...`.
pub fn run(store: &Store, command: &RemindersCommand) -> Result<(), CliError> {
    match command {
        RemindersCommand::Due { hours, json } => {
            if !(1..=DUE_MAX_HOURS).contains(hours) {
                return Err(CliError::invalid(
                    format!("Look ahead 1 to {DUE_MAX_HOURS} hours"),
                    "--hours",
                ));
            }
            let now = Utc::now();
            // Listing is not showing: nothing is recorded, so each still notifies when due.
            let due = store.due_reminders(now, now + Duration::hours(*hours), system_zone())?;
            output::list(&due, *json, reminders::due_reminders);
        }
        RemindersCommand::Settings { json } => {
            let settings = store.reminder_settings()?;
            if *json {
                output::json(&settings);
            } else {
                reminders::reminder_settings(&settings);
            }
        }
        RemindersCommand::Set {
            checkin,
            medication,
            medication_label,
            style,
            json,
        } => {
            let mut settings = store.reminder_settings()?;
            if let Some(checkin) = checkin {
                settings.checkin_time = Some(checkin.clone()).filter(|t| !is_off(t));
            }
            settings.medication = medication_reminders(
                &settings.medication,
                medication,
                medication_label.as_deref(),
            )?;
            if let Some(style) = style {
                settings.style = match style {
                    StyleArg::Neutral => NotificationStyle::Neutral,
                    StyleArg::Private => NotificationStyle::Private,
                    StyleArg::Detailed => NotificationStyle::Detailed,
                };
            }
            let saved = store
                .set_reminder_settings(&settings)
                .map_err(|e| settings_error(e, &settings))?;
            if *json {
                output::json(&saved);
            } else {
                reminders::reminder_settings(&saved);
            }
        }
    }
    Ok(())
}

/// `off`, `none` or blank: the reminder is turned off.
fn is_off(text: &str) -> bool {
    let text = text.trim();
    text.is_empty() || text.eq_ignore_ascii_case("off") || text.eq_ignore_ascii_case("none")
}

/// The medication reminders after `--medication` and `--medication-label`. New times keep the
/// label a current reminder at the same time had, unless a label is given.
fn medication_reminders(
    current: &[MedicationReminder],
    times: &[String],
    label: Option<&str>,
) -> Result<Vec<MedicationReminder>, CliError> {
    let label = label.map(|l| Some(l.to_string()).filter(|l| !l.trim().is_empty()));
    if times.is_empty() {
        let mut kept = current.to_vec();
        if let Some(label) = label {
            for m in &mut kept {
                m.label = label.clone();
            }
        }
        return Ok(kept);
    }
    if times.iter().any(|t| is_off(t)) {
        if times.len() > 1 {
            return Err(CliError::invalid(
                "--medication off removes every medication reminder, so it cannot come with times",
                "--medication",
            ));
        }
        if label.is_some() {
            return Err(CliError::invalid(
                "A label needs a medication time; give --medication HH:MM",
                "--medication-label",
            ));
        }
        return Ok(Vec::new());
    }
    let same_time = |a: &str, b: &str| {
        let read = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
        read(a).is_some() && read(a) == read(b)
    };
    Ok(times
        .iter()
        .map(|time| MedicationReminder {
            time: time.clone(),
            label: label.clone().unwrap_or_else(|| {
                current
                    .iter()
                    .find(|m| same_time(&m.time, time))
                    .and_then(|m| m.label.clone())
            }),
        })
        .collect())
}

/// A core error, with a rejected setting named by its flag. Core names a bad medication time
/// and a bad label alike, so the settings are tried again without labels to tell them apart.
fn settings_error(e: Error, sent: &ReminderSettings) -> CliError {
    let Error::Invalid(v) = e else {
        return e.into();
    };
    let flag = match v.field {
        "checkinTime" => "--checkin",
        "medication" => {
            let mut unlabelled = sent.clone();
            for m in &mut unlabelled.medication {
                m.label = None;
            }
            if unlabelled.validate().is_ok() {
                "--medication-label"
            } else {
                "--medication"
            }
        }
        _ => "input",
    };
    CliError::invalid(v.message, flag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reminder(time: &str, label: Option<&str>) -> MedicationReminder {
        MedicationReminder {
            time: time.into(),
            label: label.map(str::to_string),
        }
    }

    #[test]
    fn medication_times_keep_their_labels_unless_told() {
        let current = vec![reminder("08:00", Some("morning dose"))];
        let times = vec!["8:00".to_string(), "20:00".to_string()];
        let kept = medication_reminders(&current, &times, None).unwrap();
        assert_eq!(
            kept,
            vec![
                reminder("8:00", Some("morning dose")),
                reminder("20:00", None)
            ]
        );
        let relabelled = medication_reminders(&current, &[], Some("pills")).unwrap();
        assert_eq!(relabelled, vec![reminder("08:00", Some("pills"))]);
        let cleared = medication_reminders(&current, &[], Some(" ")).unwrap();
        assert_eq!(cleared, vec![reminder("08:00", None)]);
        let off = medication_reminders(&current, &["off".to_string()], None).unwrap();
        assert!(off.is_empty());
        let both = ["off".to_string(), "09:00".to_string()];
        assert!(medication_reminders(&current, &both, None).is_err());
    }

    #[test]
    fn a_bad_label_is_told_from_a_bad_time() {
        let long = "x".repeat(200);
        let sent = ReminderSettings {
            medication: vec![reminder("08:00", Some(&long))],
            ..ReminderSettings::default()
        };
        let e = sent.validate().unwrap_err();
        let cli = settings_error(Error::Invalid(e), &sent);
        assert!(
            cli.message.ends_with("(--medication-label)"),
            "{}",
            cli.message
        );
        let sent = ReminderSettings {
            medication: vec![reminder("25:00", None)],
            ..ReminderSettings::default()
        };
        let e = sent.validate().unwrap_err();
        let cli = settings_error(Error::Invalid(e), &sent);
        assert!(cli.message.ends_with("(--medication)"), "{}", cli.message);
    }
}
