//! Repeat rules: reading an RRULE only when Waymark gives exactly the same dates, and checking
//! whether a date is one of a meeting's own occurrences.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use rrule::{RRule, Unvalidated};

use super::import::{SKIP_COUNT, SKIP_NEVER, SKIP_RULE};
use super::values::{local_in, read_time, IcsTime};
use crate::schedule::recurrence::{original_starts, Recurrence, Weekday};
use crate::schedule::zone::{resolve_lenient, resolve_local};

/// How many occurrences of an imported rule are compared with Waymark's reading of it.
const RULE_CHECK_OCCURRENCES: u16 = 60;

/// The recurrence and last day of an RRULE, when Waymark's reading of it gives exactly the
/// same occurrences.
pub(super) fn read_rule(
    text: &str,
    start: NaiveDateTime,
    zone: Tz,
) -> Result<(Recurrence, Option<NaiveDate>), String> {
    // RFC 5545's recurrence grammar is plain ASCII; anything else is refused before the rrule
    // crate sees it (its BYDAY reader slices by bytes and panics inside a multi-byte letter).
    let text = text.trim();
    if !text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ';' | '=' | ',' | '+' | '-'))
    {
        return Err(SKIP_RULE.into());
    }
    let mut parts: BTreeMap<String, String> = BTreeMap::new();
    for part in text.split(';').filter(|p| !p.trim().is_empty()) {
        let (key, value) = part.split_once('=').ok_or(SKIP_RULE)?;
        let key = key.trim().to_ascii_uppercase();
        if parts.insert(key, value.trim().to_string()).is_some() {
            return Err(SKIP_RULE.into());
        }
    }
    if parts.contains_key("COUNT") {
        return Err(SKIP_COUNT.into());
    }
    const UNSUPPORTED: [&str; 7] = [
        "BYSECOND",
        "BYMINUTE",
        "BYHOUR",
        "BYSETPOS",
        "BYMONTH",
        "BYYEARDAY",
        "BYWEEKNO",
    ];
    if UNSUPPORTED.iter().any(|k| parts.contains_key(*k)) {
        return Err(SKIP_RULE.into());
    }
    let until = parts.remove("UNTIL");
    let freq = parts.get("FREQ").map(|f| f.to_ascii_uppercase());
    // RFC 5545: a weekly rule without days falls on the start's weekday, a monthly one without
    // days on the start's day of the month. Waymark's rules always name them.
    match freq.as_deref() {
        Some("WEEKLY") if !parts.contains_key("BYDAY") => {
            let day = Weekday::from_chrono(start.weekday()).key()[..2].to_ascii_uppercase();
            parts.insert("BYDAY".into(), day);
        }
        Some("MONTHLY") if !parts.contains_key("BYDAY") && !parts.contains_key("BYMONTHDAY") => {
            parts.insert("BYMONTHDAY".into(), start.day().to_string());
        }
        _ => {}
    }
    let rebuilt: Vec<String> = parts.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let rule: RRule<Unvalidated> = rebuilt.join(";").parse().map_err(|_| SKIP_RULE)?;
    let recurrence = Recurrence::from_rrule(&rule).ok_or(SKIP_RULE)?;
    if !ever_occurs(&recurrence, start) {
        return Err(SKIP_NEVER.into());
    }
    check_same_dates(&rule, &recurrence, start, zone)?;
    let until = match until {
        None => None,
        Some(text) => Some(until_day(&text, start, zone).ok_or(SKIP_RULE)?),
    };
    Ok((recurrence, until))
}

/// Refuses a rule whose occurrences Waymark would place differently: a week starting on
/// another day than Monday, or parts Waymark's model does not keep.
fn check_same_dates(
    rule: &RRule<Unvalidated>,
    recurrence: &Recurrence,
    start: NaiveDateTime,
    zone: Tz,
) -> Result<(), String> {
    let rzone = rrule::Tz::from(zone);
    let dt_start = resolve_local("startTime", zone, start)
        .map_err(|e| e.message)?
        .with_timezone(&rzone);
    let dates = |rule: RRule<Unvalidated>| -> Result<Vec<NaiveDateTime>, String> {
        let set = rule.build(dt_start).map_err(|_| SKIP_RULE)?;
        Ok(set
            .all(RULE_CHECK_OCCURRENCES)
            .dates
            .iter()
            .map(|d| d.naive_local())
            .collect())
    };
    let theirs = dates(rule.clone())?;
    if theirs.is_empty() {
        return Err(SKIP_NEVER.into());
    }
    let ours = dates(recurrence.to_rrule().ok_or(SKIP_RULE)?)?;
    if theirs != ours {
        return Err(SKIP_RULE.into());
    }
    Ok(())
}

/// Waymark's inclusive last day for an RRULE UNTIL: the local day of the UNTIL instant, or the
/// day before when the meeting's time on that day would come after it.
pub(super) fn until_day(text: &str, start: NaiveDateTime, zone: Tz) -> Option<NaiveDate> {
    let local = match read_time(text.trim(), Some(zone), false)? {
        IcsTime::Date(day) => return Some(day),
        other => local_in(other, zone)?,
    };
    if start.time() > local.time() {
        local.date().pred_opt()
    } else {
        Some(local.date())
    }
}

/// A meeting's rule: first start, zone, recurrence and last day.
pub(super) type Rule<'a> = (NaiveDateTime, Tz, &'a Recurrence, Option<NaiveDate>);

/// Whether `local` is one of the original occurrence starts of the rule.
pub(super) fn is_original(
    (start, zone, recurrence, until): Rule<'_>,
    local: NaiveDateTime,
) -> bool {
    let at = resolve_lenient(zone, local);
    let from = at - Duration::hours(3);
    original_starts(
        start_near(
            start,
            zone,
            recurrence,
            from.with_timezone(&zone).date_naive(),
        ),
        zone,
        recurrence,
        until,
        from,
        at + Duration::hours(3),
    )
    .contains(&local)
}

/// A start from which the rule gives exactly the meeting's occurrences from `day` on: the
/// first start, or one a whole number of repeat periods later and at least one period before
/// `day`. Checking a date decades after the first start then walks a period or two of the
/// rule, not every occurrence in between (a file can name thousands of such dates).
pub(super) fn start_near(
    start: NaiveDateTime,
    zone: Tz,
    recurrence: &Recurrence,
    day: NaiveDate,
) -> NaiveDateTime {
    let time = start.time();
    let shifted = |k: i64| -> Option<NaiveDateTime> {
        let k32 = u32::try_from(k).ok()?;
        match recurrence {
            Recurrence::Once => None,
            Recurrence::Daily { interval } => {
                Some(start + Duration::days(k.checked_mul(i64::from(*interval))?))
            }
            Recurrence::Weekly { interval, .. } => {
                // Waymark's weekly rules count weeks from Monday (WKST=MO).
                let monday = start.date()
                    - Duration::days(i64::from(start.weekday().num_days_from_monday()));
                Some(
                    (monday + Duration::weeks(k.checked_mul(i64::from(*interval))?)).and_time(time),
                )
            }
            Recurrence::MonthlyOnDay { interval, .. }
            | Recurrence::MonthlyOnWeekday { interval, .. } => {
                let first = start.date().with_day(1)?;
                let months = chrono::Months::new(k32.checked_mul(*interval)?);
                Some(first.checked_add_months(months)?.and_time(time))
            }
        }
    };
    let periods = match recurrence {
        Recurrence::Once => 0,
        Recurrence::Daily { interval } => {
            (day - start.date()).num_days() / i64::from((*interval).max(1))
        }
        Recurrence::Weekly { interval, .. } => {
            (day - start.date()).num_days() / 7 / i64::from((*interval).max(1))
        }
        Recurrence::MonthlyOnDay { interval, .. }
        | Recurrence::MonthlyOnWeekday { interval, .. } => {
            let months = (i64::from(day.year()) - i64::from(start.year())) * 12
                + i64::from(day.month0())
                - i64::from(start.month0());
            months / i64::from((*interval).max(1))
        }
    };
    // One period back for margin, and a few more when a clock change removes the start time.
    (1..periods)
        .rev()
        .take(4)
        .filter_map(shifted)
        .find(|s| *s > start && resolve_local("start", zone, *s).is_ok())
        .unwrap_or(start)
}

/// Whether a rule gives any date: "every 12 months on the 31st" from June never does.
fn ever_occurs(recurrence: &Recurrence, start: NaiveDateTime) -> bool {
    let Recurrence::MonthlyOnDay { interval, day } = recurrence else {
        return true;
    };
    let Some(first) = start.date().with_day(1) else {
        return false;
    };
    // 48 steps of at most 12 months cover every month of the year and a leap year.
    (0..48u32).any(|k| {
        let month = k
            .checked_mul(*interval)
            .and_then(|m| first.checked_add_months(chrono::Months::new(m)));
        let days = month.and_then(|m| {
            m.checked_add_months(chrono::Months::new(1))
                .map(|next| (next - m).num_days())
        });
        *day < 1 || days.is_some_and(|d| d >= i64::from(*day))
    })
}
