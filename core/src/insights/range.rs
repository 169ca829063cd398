//! A checked range of the person's calendar days, as insights and exports take it.

use chrono::{Datelike, Days, NaiveDate};

use super::model::DayRange;
use crate::error::ValidationError;
use crate::journal::fields::parse_day;

/// The longest range insights and exports cover: a little over ten years.
pub const MAX_RANGE_DAYS: u32 = 3660;

/// The years a range may reach: days are stored and compared as `YYYY-MM-DD` text, which only
/// sorts as dates with four-digit years, and week and day arithmetic near chrono's own limits
/// would overflow.
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// An inclusive range of days, `from <= to`, at most [`MAX_RANGE_DAYS`] long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidRange {
    /// The first day.
    pub from: NaiveDate,
    /// The last day (inclusive).
    pub to: NaiveDate,
}

impl ValidRange {
    /// Checks two days; errors name the field (`from` or `to`) and say what is wrong.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<ValidRange, ValidationError> {
        for (field, day) in [("from", from), ("to", to)] {
            if !YEARS.contains(&day.year()) {
                return Err(ValidationError::new(
                    field,
                    "Choose a date between the years 1 and 9999.",
                ));
            }
        }
        if from > to {
            return Err(ValidationError::new(
                "to",
                "The end date is before the start date. Choose an end on or after the start.",
            ));
        }
        let days = (to - from).num_days() + 1;
        if days > i64::from(MAX_RANGE_DAYS) {
            return Err(ValidationError::new(
                "from",
                format!("That range is longer than {MAX_RANGE_DAYS} days; choose a shorter one."),
            ));
        }
        Ok(ValidRange { from, to })
    }

    /// Parses and checks a range given as text.
    pub fn parse(range: &DayRange) -> Result<ValidRange, ValidationError> {
        ValidRange::new(parse_day("from", &range.from)?, parse_day("to", &range.to)?)
    }

    /// The last `days` days ending on `today`, today included (`days` >= 1).
    pub fn last_days(today: NaiveDate, days: u32) -> ValidRange {
        let span = u64::from(days.clamp(1, MAX_RANGE_DAYS) - 1);
        ValidRange {
            from: today.checked_sub_days(Days::new(span)).unwrap_or(today),
            to: today,
        }
    }

    /// How many days it covers.
    pub fn days(&self) -> u32 {
        // Bounded by MAX_RANGE_DAYS at construction.
        u32::try_from((self.to - self.from).num_days() + 1).unwrap_or(MAX_RANGE_DAYS)
    }

    /// Whether `day` is inside.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// Every day in order.
    pub fn iter_days(&self) -> impl Iterator<Item = NaiveDate> {
        let to = self.to;
        self.from.iter_days().take_while(move |d| *d <= to)
    }

    /// As API text.
    pub fn to_day_range(&self) -> DayRange {
        DayRange {
            from: self.from.format("%Y-%m-%d").to_string(),
            to: self.to.format("%Y-%m-%d").to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn ranges_are_checked_and_counted() {
        let r = ValidRange::new(day("2026-11-01"), day("2026-11-30")).unwrap();
        assert_eq!(r.days(), 30);
        assert_eq!(r.iter_days().count(), 30);
        assert!(r.contains(day("2026-11-30")) && !r.contains(day("2026-12-01")));
        assert_eq!(
            ValidRange::new(day("2026-11-02"), day("2026-11-01"))
                .unwrap_err()
                .field,
            "to"
        );
        assert_eq!(
            ValidRange::new(day("2000-01-01"), day("2026-01-01"))
                .unwrap_err()
                .field,
            "from"
        );
        let last7 = ValidRange::last_days(day("2026-11-22"), 7);
        assert_eq!(
            (last7.from, last7.to),
            (day("2026-11-16"), day("2026-11-22"))
        );
        let parsed = ValidRange::parse(&last7.to_day_range()).unwrap();
        assert_eq!(parsed, last7);
        let bad = DayRange {
            from: "yesterday".into(),
            to: "2026-11-22".into(),
        };
        assert_eq!(ValidRange::parse(&bad).unwrap_err().field, "from");
    }

    #[test]
    fn days_beyond_four_digit_years_are_refused_not_panicked_on() {
        let parse = |from: &str, to: &str| {
            ValidRange::parse(&DayRange {
                from: from.into(),
                to: to.into(),
            })
        };
        // chrono reads these (its calendar reaches year ±262143); a week's Monday or a day
        // label near its edges would overflow, and "+10000-01-01" does not sort as a date.
        assert_eq!(
            parse("-262143-01-01", "-262143-01-09").unwrap_err().field,
            "from"
        );
        assert_eq!(parse("9999-12-20", "+10000-01-02").unwrap_err().field, "to");
        assert_eq!(parse("0000-12-30", "0001-01-02").unwrap_err().field, "from");
        let edge = parse("0001-01-01", "0001-01-09").unwrap();
        let facts = crate::insights::facts::Facts::default();
        let figures = crate::insights::figures::insights(edge, &facts);
        assert_eq!(figures.attendance[0].week_start, "0001-01-01");
        let last = parse("9999-12-20", "9999-12-31").unwrap();
        assert_eq!(
            crate::insights::figures::insights(last, &facts)
                .cravings_per_day
                .len(),
            12
        );
    }
}
