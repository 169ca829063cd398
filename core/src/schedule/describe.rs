//! How a meeting repeats, in plain words, for the terminal and the CSV export alike.

use super::{Recurrence, Weekday};

/// `every week`, `every 2 weeks`...
fn every(interval: u32, one: &str, many: &str) -> String {
    if interval == 1 {
        format!("every {one}")
    } else {
        format!("every {interval} {many}")
    }
}

fn day_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn nth(n: i32) -> String {
    match n {
        -1 => "last".to_string(),
        1 => "1st".to_string(),
        2 => "2nd".to_string(),
        3 => "3rd".to_string(),
        n => format!("{n}th"),
    }
}

impl Recurrence {
    /// How it repeats, in words: `every 2 weeks on Tue, Thu`, `every month on the last Friday`.
    pub fn describe(&self) -> String {
        match self {
            Recurrence::Once => "once".to_string(),
            Recurrence::Daily { interval } => every(*interval, "day", "days"),
            Recurrence::Weekly { interval, days } => {
                let mut days = days.clone();
                days.sort();
                let names: Vec<String> = days.iter().map(|d| d.to_chrono().to_string()).collect();
                format!(
                    "{} on {}",
                    every(*interval, "week", "weeks"),
                    names.join(", ")
                )
            }
            Recurrence::MonthlyOnDay { interval, day } => {
                let which = if *day == -1 {
                    "the last day".to_string()
                } else {
                    format!("day {day}")
                };
                format!("{} on {which}", every(*interval, "month", "months"))
            }
            Recurrence::MonthlyOnWeekday {
                interval,
                week,
                weekday,
            } => format!(
                "{} on the {} {}",
                every(*interval, "month", "months"),
                nth(*week),
                day_name(*weekday)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_rule_reads_as_words() {
        assert_eq!(Recurrence::Once.describe(), "once");
        assert_eq!(Recurrence::Daily { interval: 1 }.describe(), "every day");
        assert_eq!(Recurrence::Daily { interval: 2 }.describe(), "every 2 days");
        // Days read in week order whatever order they were chosen in.
        let weekly = Recurrence::Weekly {
            interval: 2,
            days: vec![Weekday::Thu, Weekday::Tue],
        };
        assert_eq!(weekly.describe(), "every 2 weeks on Tue, Thu");
        let last_day = Recurrence::MonthlyOnDay {
            interval: 1,
            day: -1,
        };
        assert_eq!(last_day.describe(), "every month on the last day");
        let fifteenth = Recurrence::MonthlyOnDay {
            interval: 3,
            day: 15,
        };
        assert_eq!(fifteenth.describe(), "every 3 months on day 15");
        let second = Recurrence::MonthlyOnWeekday {
            interval: 1,
            week: 2,
            weekday: Weekday::Mon,
        };
        assert_eq!(second.describe(), "every month on the 2nd Monday");
        let last = Recurrence::MonthlyOnWeekday {
            interval: 1,
            week: -1,
            weekday: Weekday::Fri,
        };
        assert_eq!(last.describe(), "every month on the last Friday");
    }
}
