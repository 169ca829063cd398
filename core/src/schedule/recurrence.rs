//! How a meeting repeats, and the original start of every occurrence, computed with the `rrule`
//! crate (RFC 5545 recurrence rules) in the meeting's own time zone.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use rrule::{Frequency, NWeekday, RRule, Unvalidated};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::ValidationError;

/// The most "every N" a rule may use: every 52 weeks, every 12 months, every 366 days.
const INTERVAL_MAX: [(&str, u32); 3] = [("daily", 366), ("weekly", 52), ("monthly", 12)];

/// A day of the week.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    /// Monday to Sunday.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// The same day in chrono's terms.
    pub fn to_chrono(self) -> chrono::Weekday {
        match self {
            Weekday::Mon => chrono::Weekday::Mon,
            Weekday::Tue => chrono::Weekday::Tue,
            Weekday::Wed => chrono::Weekday::Wed,
            Weekday::Thu => chrono::Weekday::Thu,
            Weekday::Fri => chrono::Weekday::Fri,
            Weekday::Sat => chrono::Weekday::Sat,
            Weekday::Sun => chrono::Weekday::Sun,
        }
    }

    /// The same day from chrono's terms.
    pub fn from_chrono(day: chrono::Weekday) -> Self {
        Self::ALL[day.num_days_from_monday() as usize]
    }

    /// The day's three-letter key, e.g. `tue`.
    pub fn key(self) -> &'static str {
        match self {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
            Weekday::Sat => "sat",
            Weekday::Sun => "sun",
        }
    }

    /// The day with this key (`mon` … `sun`), if any.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.key() == key)
    }
}

/// How a meeting repeats. Monthly rules follow RFC 5545: a meeting "on the 31st" skips months
/// without one; `day: -1` means the last day of every month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum Recurrence {
    /// Just once.
    #[default]
    Once,
    /// Every `interval` days.
    Daily {
        /// 1 = every day.
        interval: u32,
    },
    /// Every `interval` weeks, on the chosen days.
    Weekly {
        /// 1 = every week, 2 = every other week.
        interval: u32,
        /// The days it falls on.
        days: Vec<Weekday>,
    },
    /// Every `interval` months on one day of the month (1-31, or -1 for the last day).
    MonthlyOnDay {
        /// 1 = every month.
        interval: u32,
        /// Day of the month, or -1 for the last.
        day: i32,
    },
    /// Every `interval` months on, say, the second Tuesday (`week` 1-4, or -1 for the last).
    MonthlyOnWeekday {
        /// 1 = every month.
        interval: u32,
        /// Which one in the month: 1-4, or -1 for the last.
        week: i32,
        /// The day of the week.
        weekday: Weekday,
    },
}

fn interval_error(what: &str) -> ValidationError {
    let max = INTERVAL_MAX
        .iter()
        .find(|(name, _)| *name == what)
        .map_or(1, |(_, max)| *max);
    ValidationError::new(
        "recurrence",
        format!("The {what} repeat must be every 1 to {max}."),
    )
}

fn check_interval(what: &str, interval: u32) -> Result<(), ValidationError> {
    let max = INTERVAL_MAX
        .iter()
        .find(|(name, _)| *name == what)
        .map_or(1, |(_, max)| *max);
    if interval == 0 || interval > max {
        return Err(interval_error(what));
    }
    Ok(())
}

impl Recurrence {
    /// Checks the numbers and days; the message says what to change.
    pub fn validate(&self) -> Result<(), ValidationError> {
        match self {
            Recurrence::Once => Ok(()),
            Recurrence::Daily { interval } => check_interval("daily", *interval),
            Recurrence::Weekly { interval, days } => {
                check_interval("weekly", *interval)?;
                if days.is_empty() {
                    return Err(ValidationError::new(
                        "recurrence",
                        "Choose at least one day of the week.",
                    ));
                }
                Ok(())
            }
            Recurrence::MonthlyOnDay { interval, day } => {
                check_interval("monthly", *interval)?;
                if !(*day == -1 || (1..=31).contains(day)) {
                    return Err(ValidationError::new(
                        "recurrence",
                        "The day of the month must be 1 to 31, or the last day.",
                    ));
                }
                Ok(())
            }
            Recurrence::MonthlyOnWeekday { interval, week, .. } => {
                check_interval("monthly", *interval)?;
                if !(*week == -1 || (1..=4).contains(week)) {
                    return Err(ValidationError::new(
                        "recurrence",
                        "Choose the first, second, third, fourth or last week of the month.",
                    ));
                }
                Ok(())
            }
        }
    }

    /// The RFC 5545 rule for this recurrence, without an end; `None` for a one-off.
    pub fn to_rrule(&self) -> Option<RRule<Unvalidated>> {
        // Intervals are validated to at most 366, so they always fit.
        let interval = |n: u32| u16::try_from(n).unwrap_or(u16::MAX);
        match self {
            Recurrence::Once => None,
            Recurrence::Daily { interval: n } => {
                Some(RRule::new(Frequency::Daily).interval(interval(*n)))
            }
            Recurrence::Weekly { interval: n, days } => {
                let mut days = days.clone();
                days.sort();
                days.dedup();
                Some(
                    RRule::new(Frequency::Weekly)
                        .interval(interval(*n))
                        .week_start(chrono::Weekday::Mon)
                        .by_weekday(
                            days.iter()
                                .map(|d| NWeekday::Every(d.to_chrono()))
                                .collect(),
                        ),
                )
            }
            Recurrence::MonthlyOnDay { interval: n, day } => Some(
                RRule::new(Frequency::Monthly)
                    .interval(interval(*n))
                    .by_month_day(vec![i8::try_from(*day).unwrap_or(-1)]),
            ),
            Recurrence::MonthlyOnWeekday {
                interval: n,
                week,
                weekday,
            } => Some(
                RRule::new(Frequency::Monthly)
                    .interval(interval(*n))
                    .by_weekday(vec![NWeekday::Nth(
                        i16::try_from(*week).unwrap_or(-1),
                        weekday.to_chrono(),
                    )]),
            ),
        }
    }

    /// The recurrence an RFC 5545 rule describes, when Waymark can represent it (no COUNT,
    /// BYSETPOS, BYMONTH, hourly rules and the like): `None` otherwise.
    pub fn from_rrule(rule: &RRule<Unvalidated>) -> Option<Recurrence> {
        // Read from the rule as written: validation moves negative month days out of sight.
        if rule.get_count().is_some()
            || !rule.get_by_set_pos().is_empty()
            || !rule.get_by_month().is_empty()
            || !rule.get_by_year_day().is_empty()
            || !rule.get_by_week_no().is_empty()
        {
            return None;
        }
        let interval = u32::from(rule.get_interval());
        match rule.get_freq() {
            Frequency::Daily if rule.get_by_weekday().is_empty() => {
                Some(Recurrence::Daily { interval })
            }
            Frequency::Weekly => {
                let mut days = Vec::new();
                for day in rule.get_by_weekday() {
                    match day {
                        NWeekday::Every(d) => days.push(Weekday::from_chrono(*d)),
                        NWeekday::Nth(..) => return None,
                    }
                }
                Some(Recurrence::Weekly { interval, days })
            }
            Frequency::Monthly => match (rule.get_by_month_day(), rule.get_by_weekday()) {
                ([day], []) => Some(Recurrence::MonthlyOnDay {
                    interval,
                    day: i32::from(*day),
                }),
                ([], [NWeekday::Nth(week, day)]) => Some(Recurrence::MonthlyOnWeekday {
                    interval,
                    week: i32::from(*week),
                    weekday: Weekday::from_chrono(*day),
                }),
                _ => None,
            },
            _ => None,
        }
        .filter(|r| r.validate().is_ok())
    }
}

/// The original local starts of a meeting's occurrences whose start instant falls in
/// `[from, to)`, in order. `until` is the last local day (inclusive). Weekly rules with no
/// explicit days in an imported rule fall on the start's weekday, as RFC 5545 says.
pub fn original_starts(
    start: NaiveDateTime,
    zone: Tz,
    recurrence: &Recurrence,
    until: Option<chrono::NaiveDate>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<NaiveDateTime> {
    let rzone = rrule::Tz::from(zone);
    let Some(dt_start) = super::zone::resolve_local("start", zone, start)
        .ok()
        .map(|t| t.with_timezone(&rzone))
    else {
        return Vec::new();
    };
    let Some(rule) = recurrence.to_rrule() else {
        let at = dt_start.with_timezone(&Utc);
        return if at >= from && at < to {
            vec![start]
        } else {
            Vec::new()
        };
    };
    // RFC 5545 (and the rrule crate, which refuses the rule otherwise) wants UNTIL in UTC when
    // DTSTART has a zone. The end is the last moment of the local day, the later one when the
    // clocks go back then.
    let rule = match until.and_then(|day| day.and_hms_opt(23, 59, 59)) {
        Some(last) => {
            let end = zone.from_local_datetime(&last).latest().map_or_else(
                || super::zone::resolve_lenient(zone, last),
                |t| t.with_timezone(&Utc),
            );
            rule.until(end.with_timezone(&rrule::Tz::UTC))
        }
        None => rule,
    };
    let Ok(set) = rule.build(dt_start) else {
        return Vec::new();
    };
    set.into_iter()
        .map(|t| (t.with_timezone(&Utc), t.naive_local()))
        .skip_while(|(at, _)| *at < from)
        .take_while(|(at, _)| *at < to)
        .map(|(_, local)| local)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_round_trip_through_rfc_5545_text() {
        let cases = [
            Recurrence::Daily { interval: 2 },
            Recurrence::Weekly {
                interval: 2,
                days: vec![Weekday::Tue, Weekday::Thu],
            },
            Recurrence::MonthlyOnDay {
                interval: 1,
                day: 31,
            },
            Recurrence::MonthlyOnDay {
                interval: 3,
                day: -1,
            },
            Recurrence::MonthlyOnWeekday {
                interval: 1,
                week: 2,
                weekday: Weekday::Tue,
            },
        ];
        for case in cases {
            let rule = case.to_rrule().unwrap();
            assert_eq!(Recurrence::from_rrule(&rule), Some(case));
        }
    }

    #[test]
    fn rules_waymark_cannot_show_are_not_guessed() {
        for text in [
            "FREQ=WEEKLY;COUNT=5;BYDAY=MO",
            "FREQ=YEARLY;BYMONTH=3",
            "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1",
            "FREQ=HOURLY",
        ] {
            let rule: RRule<Unvalidated> = text.parse().unwrap();
            assert_eq!(Recurrence::from_rrule(&rule), None, "{text}");
        }
    }

    #[test]
    fn bad_numbers_are_refused() {
        assert!(Recurrence::Daily { interval: 0 }.validate().is_err());
        assert!(Recurrence::Weekly {
            interval: 53,
            days: vec![Weekday::Mon]
        }
        .validate()
        .is_err());
        assert!(Recurrence::MonthlyOnDay {
            interval: 1,
            day: 32
        }
        .validate()
        .is_err());
        assert!(Recurrence::MonthlyOnWeekday {
            interval: 1,
            week: 5,
            weekday: Weekday::Mon
        }
        .validate()
        .is_err());
    }
}
