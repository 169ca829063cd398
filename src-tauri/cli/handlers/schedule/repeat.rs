//! The repeat flags (`--repeat`, `--every`, `--days`, `--month-day`, `--week`, `--weekday`)
//! into core's `Recurrence`, and which of them a rejected rule is wrong in.

use waymark_core::schedule::{Recurrence, Weekday};

use crate::cli::args::schedule::{MeetingDetails, RepeatArg};
use crate::cli::error::CliError;

/// The `--repeat` choice a stored recurrence was made with.
fn repeat_of(r: &Recurrence) -> RepeatArg {
    match r {
        Recurrence::Once => RepeatArg::Once,
        Recurrence::Daily { .. } => RepeatArg::Daily,
        Recurrence::Weekly { .. } => RepeatArg::Weekly,
        Recurrence::MonthlyOnDay { .. } => RepeatArg::MonthlyDay,
        Recurrence::MonthlyOnWeekday { .. } => RepeatArg::MonthlyWeekday,
    }
}

/// The recurrence the flags describe. Parts not given are kept from `stored` while the kind of
/// repeat stays the same; a flag that does not fit the kind of repeat is refused rather than
/// silently ignored.
pub fn recurrence(stored: &Recurrence, d: &MeetingDetails) -> Result<Recurrence, CliError> {
    let repeat = d.repeat.unwrap_or_else(|| repeat_of(stored));
    let kept = if repeat == repeat_of(stored) {
        stored.clone()
    } else {
        Recurrence::Once
    };
    let days = if d.days.is_empty() {
        None
    } else {
        Some(weekdays(&d.days)?)
    };
    let month_day = d
        .month_day
        .as_deref()
        .map(|t| ordinal(t, "--month-day"))
        .transpose()?;
    let week = d
        .week
        .as_deref()
        .map(|t| ordinal(t, "--week"))
        .transpose()?;
    let weekday = d
        .weekday
        .as_deref()
        .map(|t| weekday(t).ok_or_else(|| unknown_day("--weekday")))
        .transpose()?;
    let monthly_weekday = repeat == RepeatArg::MonthlyWeekday;
    for (flag, given, fits, why) in [
        (
            "--every",
            d.every.is_some(),
            repeat != RepeatArg::Once,
            "A one-off meeting does not repeat; choose how it repeats with --repeat",
        ),
        (
            "--days",
            days.is_some(),
            repeat == RepeatArg::Weekly,
            "Days of the week are for a weekly meeting; add --repeat weekly",
        ),
        (
            "--month-day",
            month_day.is_some(),
            repeat == RepeatArg::MonthlyDay,
            "A day of the month is for a meeting with --repeat monthly-day",
        ),
        (
            "--week",
            week.is_some(),
            monthly_weekday,
            "A week of the month is for a meeting with --repeat monthly-weekday",
        ),
        (
            "--weekday",
            weekday.is_some(),
            monthly_weekday,
            "A day in a week of the month is for a meeting with --repeat monthly-weekday",
        ),
    ] {
        if given && !fits {
            return Err(CliError::invalid(why, flag));
        }
    }
    let kept_interval = match &kept {
        Recurrence::Once => None,
        Recurrence::Daily { interval }
        | Recurrence::Weekly { interval, .. }
        | Recurrence::MonthlyOnDay { interval, .. }
        | Recurrence::MonthlyOnWeekday { interval, .. } => Some(*interval),
    };
    let interval = d.every.or(kept_interval).unwrap_or(1);
    Ok(match repeat {
        RepeatArg::Once => Recurrence::Once,
        RepeatArg::Daily => Recurrence::Daily { interval },
        RepeatArg::Weekly => {
            let kept_days = match kept {
                Recurrence::Weekly { days, .. } => days,
                _ => Vec::new(),
            };
            Recurrence::Weekly {
                interval,
                days: days.unwrap_or(kept_days),
            }
        }
        RepeatArg::MonthlyDay => {
            let kept_day = match kept {
                Recurrence::MonthlyOnDay { day, .. } => Some(day),
                _ => None,
            };
            let day = month_day.or(kept_day).ok_or_else(|| {
                CliError::invalid(
                    "Choose the day of the month it falls on: 1 to 31, or last",
                    "--month-day",
                )
            })?;
            Recurrence::MonthlyOnDay { interval, day }
        }
        RepeatArg::MonthlyWeekday => {
            let (kept_week, kept_weekday) = match kept {
                Recurrence::MonthlyOnWeekday { week, weekday, .. } => (Some(week), Some(weekday)),
                _ => (None, None),
            };
            let week = week.or(kept_week).ok_or_else(|| {
                CliError::invalid(
                    "Choose which week of the month it falls in: 1 to 4, or last",
                    "--week",
                )
            })?;
            let weekday = weekday.or(kept_weekday).ok_or_else(|| {
                CliError::invalid("Choose the day of the week it falls on", "--weekday")
            })?;
            Recurrence::MonthlyOnWeekday {
                interval,
                week,
                weekday,
            }
        }
    })
}

/// A day or week number: a whole number, or `last` for -1. Its range is core's to check.
fn ordinal(text: &str, flag: &'static str) -> Result<i32, CliError> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("last") {
        return Ok(-1);
    }
    text.parse::<i32>().map_err(|_| {
        CliError::invalid(
            "That could not be read; give a number, or last for the last one",
            flag,
        )
    })
}

fn unknown_day(flag: &str) -> CliError {
    CliError::invalid(
        "A day of the week could not be read; use mon, tue, wed, thu, fri, sat or sun",
        flag,
    )
}

/// A day of the week by its name or the start of it (`tue`, `Tues`, `tuesday`).
fn weekday(text: &str) -> Option<Weekday> {
    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let text = text.trim().to_ascii_lowercase();
    if text.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|name| name.starts_with(&text))
        .map(|i| Weekday::ALL[i])
}

/// The days of `--days`; blank items are dropped, so `--days ''` gives none.
fn weekdays(items: &[String]) -> Result<Vec<Weekday>, CliError> {
    let mut days = Vec::new();
    for item in items.iter().filter(|i| !i.trim().is_empty()) {
        let day = weekday(item).ok_or_else(|| unknown_day("--days"))?;
        if !days.contains(&day) {
            days.push(day);
        }
    }
    Ok(days)
}

/// Which repeat flag a rejected rule is wrong in, tried against core's own rules: if the rule
/// passes with a sound day, the interval was fine and the day was not.
pub fn recurrence_flag(r: &Recurrence) -> &'static str {
    let interval_ok = |probe: Recurrence| probe.validate().is_ok();
    match r {
        Recurrence::Once => "--repeat",
        Recurrence::Daily { .. } => "--every",
        Recurrence::Weekly { interval, .. } => {
            if interval_ok(Recurrence::Weekly {
                interval: *interval,
                days: vec![Weekday::Mon],
            }) {
                "--days"
            } else {
                "--every"
            }
        }
        Recurrence::MonthlyOnDay { interval, .. } => {
            if interval_ok(Recurrence::MonthlyOnDay {
                interval: *interval,
                day: 1,
            }) {
                "--month-day"
            } else {
                "--every"
            }
        }
        Recurrence::MonthlyOnWeekday {
            interval, weekday, ..
        } => {
            if interval_ok(Recurrence::MonthlyOnWeekday {
                interval: *interval,
                week: 1,
                weekday: *weekday,
            }) {
                "--week"
            } else {
                "--every"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_days_are_read_by_their_names() {
        assert_eq!(weekday("tue"), Some(Weekday::Tue));
        assert_eq!(weekday("Thursday"), Some(Weekday::Thu));
        assert_eq!(weekday("thurs"), Some(Weekday::Thu));
        assert_eq!(weekday("tu"), None);
        assert_eq!(weekday("tuesdays"), None);
        assert_eq!(ordinal("last", "--week").unwrap(), -1);
        assert_eq!(ordinal("-1", "--week").unwrap(), -1);
        assert!(ordinal("second", "--week").is_err());
    }

    #[test]
    fn a_bad_rule_names_the_flag_at_fault() {
        let weekly = |interval, days| Recurrence::Weekly { interval, days };
        assert_eq!(recurrence_flag(&weekly(1, vec![])), "--days");
        assert_eq!(recurrence_flag(&weekly(0, vec![Weekday::Mon])), "--every");
        let monthly = |interval, day| Recurrence::MonthlyOnDay { interval, day };
        assert_eq!(recurrence_flag(&monthly(1, 32)), "--month-day");
        assert_eq!(recurrence_flag(&monthly(13, 3)), "--every");
        let nth = Recurrence::MonthlyOnWeekday {
            interval: 1,
            week: 5,
            weekday: Weekday::Tue,
        };
        assert_eq!(recurrence_flag(&nth), "--week");
    }
}
