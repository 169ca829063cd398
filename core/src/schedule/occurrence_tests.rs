//! Tests of occurrences, recurrence and reminders on plain `Meeting` values: clock changes in
//! two zones, month ends, intervals, end days, exceptions, and the reminders and notification
//! text built from them. Expected instants are computed here with chrono and chrono_tz directly,
//! never through the code under test.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;
use rstest::rstest;

use super::meeting::{Meeting, MeetingException, MeetingId, MeetingKind};
use super::occurrence::{occurrences_between, Attendance, Occurrence};
use super::recurrence::{original_starts, Recurrence, Weekday};
use super::reminders::{
    due_between, notification_text, MedicationReminder, NotificationStyle, ReminderKind,
    ReminderSettings, MEDICATION_REMINDERS_MAX,
};

// ---------------------------------------------------------------------------------------------
// Helpers

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn zone(name: &str) -> Tz {
    name.parse().unwrap()
}

/// A meeting value as the store would hand it back, with no exceptions or reminders.
fn meeting(start_local: &str, time_zone: &str, recurrence: Recurrence) -> Meeting {
    Meeting {
        id: MeetingId(1),
        title: "Tuesday NA".into(),
        kind: MeetingKind::TwelveStep,
        start_local: start_local.into(),
        time_zone: time_zone.into(),
        duration_minutes: 90,
        recurrence,
        until: None,
        place: Some("St Mark's hall".into()),
        link: None,
        notes: None,
        reminder_minutes: Vec::new(),
        exceptions: Vec::new(),
    }
}

fn weekly(days: &[Weekday]) -> Recurrence {
    Recurrence::Weekly {
        interval: 1,
        days: days.to_vec(),
    }
}

fn between(m: &Meeting, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Occurrence> {
    occurrences_between(m, from, to, &|_| None).unwrap()
}

fn start_of(o: &Occurrence) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(&o.starts_at).unwrap()
}

fn start_utc(o: &Occurrence) -> DateTime<Utc> {
    start_of(o).with_timezone(&Utc)
}

/// The instant a wall-clock time names, straight from chrono_tz; panics unless it is unique.
fn instant(z: Tz, day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    z.from_local_datetime(&day.and_time(time))
        .single()
        .expect("an unambiguous local time")
        .with_timezone(&Utc)
}

/// Every day in `[from, to)`.
fn days(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |d| *d < to)
}

/// Every day of one month.
fn month_days(year: i32, month: u32) -> Vec<NaiveDate> {
    days(
        date(year, month, 1),
        date(year, month, 1) + Duration::days(31),
    )
    .filter(|d| d.month() == month)
    .collect()
}

/// The `n`th (1-based) `weekday` of a month, found by walking its days.
fn nth_weekday(year: i32, month: u32, weekday: chrono::Weekday, n: usize) -> NaiveDate {
    month_days(year, month)
        .into_iter()
        .filter(|d| d.weekday() == weekday)
        .nth(n - 1)
        .unwrap()
}

/// The last `weekday` of a month, found by walking its days.
fn last_weekday(year: i32, month: u32, weekday: chrono::Weekday) -> NaiveDate {
    month_days(year, month)
        .into_iter()
        .rfind(|d| d.weekday() == weekday)
        .unwrap()
}

fn originals(m: &Meeting, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<NaiveDateTime> {
    let start = NaiveDateTime::parse_from_str(&m.start_local, "%Y-%m-%dT%H:%M").unwrap();
    let until = m.until.as_deref().map(|d| d.parse().unwrap());
    original_starts(start, zone(&m.time_zone), &m.recurrence, until, from, to)
}

// ---------------------------------------------------------------------------------------------
// Clock changes

/// In each zone, summer time runs from `spring` (inclusive, the change is early that morning)
/// to `autumn` (exclusive); `standard` is the winter offset from UTC in hours.
#[rstest]
#[case::london(
    "Europe/London",
    0,
    last_weekday(2026, 3, chrono::Weekday::Sun),
    last_weekday(2026, 10, chrono::Weekday::Sun)
)]
#[case::new_york(
    "America/New_York",
    -5,
    nth_weekday(2026, 3, chrono::Weekday::Sun, 2),
    nth_weekday(2026, 11, chrono::Weekday::Sun, 1)
)]
fn a_weekly_meeting_keeps_its_wall_clock_time_across_the_clock_changes(
    #[case] zone_name: &str,
    #[case] standard: i64,
    #[case] spring: NaiveDate,
    #[case] autumn: NaiveDate,
) {
    let m = meeting("2026-01-06T19:00", zone_name, weekly(&[Weekday::Tue]));
    let (from, to) = (utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
    let got = between(&m, from, to);

    let tuesdays: Vec<NaiveDate> = days(date(2026, 1, 1), date(2027, 1, 1))
        .filter(|d| d.weekday() == chrono::Weekday::Tue)
        .collect();
    assert_eq!(got.len(), tuesdays.len());
    for (o, day) in got.iter().zip(&tuesdays) {
        let summer = *day >= spring && *day < autumn;
        let offset = standard + i64::from(summer);
        let expected = day.and_time(hm(19, 0)).and_utc() - Duration::hours(offset);
        assert_eq!(start_utc(o), expected, "{day}");
        assert_eq!(start_utc(o), instant(zone(zone_name), *day, hm(19, 0)));
        let local = start_of(o);
        assert_eq!(local.date_naive(), *day);
        assert_eq!(local.time(), hm(19, 0));
        assert_eq!(local.offset().local_minus_utc(), offset as i32 * 3600);
        assert_eq!(o.occurrence, format!("{day}T19:00"));
        assert_eq!(
            DateTime::parse_from_rfc3339(&o.ends_at).unwrap() - local,
            Duration::minutes(90)
        );
        assert!(!o.moved);
    }
    // The UTC hour really does move at each change.
    let hours: HashSet<_> = got.iter().map(|o| start_utc(o).time()).collect();
    assert_eq!(hours.len(), 2);
}

#[test]
fn london_and_new_york_are_out_of_step_for_a_few_weeks_each_year() {
    let london = meeting("2026-01-06T19:00", "Europe/London", weekly(&[Weekday::Tue]));
    let new_york = meeting(
        "2026-01-06T19:00",
        "America/New_York",
        weekly(&[Weekday::Tue]),
    );
    let (from, to) = (utc("2026-01-01T00:00:00Z"), utc("2027-01-01T12:00:00Z"));
    let l = between(&london, from, to);
    let n = between(&new_york, from, to);
    assert_eq!(l.len(), n.len());

    let us_spring = nth_weekday(2026, 3, chrono::Weekday::Sun, 2);
    let eu_spring = last_weekday(2026, 3, chrono::Weekday::Sun);
    let eu_autumn = last_weekday(2026, 10, chrono::Weekday::Sun);
    let us_autumn = nth_weekday(2026, 11, chrono::Weekday::Sun, 1);
    let mut out_of_step = Vec::new();
    for (a, b) in l.iter().zip(&n) {
        let day = start_of(a).date_naive();
        assert_eq!(start_of(b).date_naive(), day);
        let apart = start_utc(b) - start_utc(a);
        let odd = (day >= us_spring && day < eu_spring) || (day >= eu_autumn && day < us_autumn);
        let hours = if odd { 4 } else { 5 };
        assert_eq!(apart, Duration::hours(hours), "{day}");
        if odd {
            out_of_step.push(day);
        }
    }
    // In 2026: three Tuesdays in March and one at the turn of October.
    assert_eq!(
        out_of_step,
        vec![
            date(2026, 3, 10),
            date(2026, 3, 17),
            date(2026, 3, 24),
            date(2026, 10, 27)
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Monthly rules

#[test]
fn monthly_on_the_31st_skips_the_months_without_one() {
    let m = meeting(
        "2026-01-31T10:00",
        "Europe/London",
        Recurrence::MonthlyOnDay {
            interval: 1,
            day: 31,
        },
    );
    let got: Vec<NaiveDate> =
        originals(&m, utc("2026-01-01T00:00:00Z"), utc("2028-01-01T00:00:00Z"))
            .into_iter()
            .map(|t| t.date())
            .collect();
    let expected: Vec<NaiveDate> = (2026..2028)
        .flat_map(|y| (1..=12).map(move |m| (y, m)))
        .filter_map(|(y, m)| NaiveDate::from_ymd_opt(y, m, 31))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(got.len(), 14);
}

#[test]
fn monthly_on_the_last_day_includes_29_february_in_a_leap_year() {
    let m = meeting(
        "2027-11-10T18:30",
        "Europe/London",
        Recurrence::MonthlyOnDay {
            interval: 1,
            day: -1,
        },
    );
    let occurrences = between(&m, utc("2027-11-01T00:00:00Z"), utc("2029-04-01T00:00:00Z"));
    let got: Vec<NaiveDate> = occurrences
        .iter()
        .map(|o| start_of(o).date_naive())
        .collect();
    let expected: Vec<NaiveDate> = days(date(2027, 11, 1), date(2029, 4, 1))
        .filter(|d| d.succ_opt().unwrap().day() == 1)
        .collect();
    assert_eq!(got, expected);
    assert!(got.contains(&date(2028, 2, 29)));
    assert!(got.contains(&date(2029, 2, 28)));
    assert!(occurrences.iter().all(|o| start_of(o).time() == hm(18, 30)));
}

#[rstest]
#[case::second_tuesday(2, Weekday::Tue)]
#[case::last_friday(-1, Weekday::Fri)]
#[case::first_monday(1, Weekday::Mon)]
#[case::fourth_sunday(4, Weekday::Sun)]
fn monthly_on_a_weekday_matches_a_walk_through_each_month(
    #[case] week: i32,
    #[case] weekday: Weekday,
) {
    let m = meeting(
        "2026-01-01T12:00",
        "America/New_York",
        Recurrence::MonthlyOnWeekday {
            interval: 1,
            week,
            weekday,
        },
    );
    let got: Vec<NaiveDate> = between(&m, utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"))
        .iter()
        .map(|o| start_of(o).date_naive())
        .collect();
    let expected: Vec<NaiveDate> = (1..=12)
        .map(|month| {
            let matching: Vec<NaiveDate> = month_days(2026, month)
                .into_iter()
                .filter(|d| d.weekday() == weekday.to_chrono())
                .collect();
            if week == -1 {
                *matching.last().unwrap()
            } else {
                matching[usize::try_from(week - 1).unwrap()]
            }
        })
        .collect();
    assert_eq!(got, expected);
}

// ---------------------------------------------------------------------------------------------
// Intervals, end days and one-offs

#[test]
fn daily_every_two_days_keeps_its_time_through_the_spring_change() {
    let m = meeting(
        "2026-03-20T08:00",
        "Europe/London",
        Recurrence::Daily { interval: 2 },
    );
    let got = between(&m, utc("2026-03-01T00:00:00Z"), utc("2026-04-20T00:00:00Z"));
    let expected: Vec<DateTime<Utc>> = days(date(2026, 3, 20), date(2026, 4, 20))
        .step_by(2)
        .map(|d| instant(chrono_tz::Europe::London, d, hm(8, 0)))
        .collect();
    assert_eq!(got.iter().map(start_utc).collect::<Vec<_>>(), expected);
}

#[test]
fn every_other_week_on_monday_and_thursday() {
    let m = meeting(
        "2026-01-05T17:15",
        "Australia/Sydney",
        Recurrence::Weekly {
            interval: 2,
            days: vec![Weekday::Thu, Weekday::Mon],
        },
    );
    let first_monday = date(2026, 1, 5);
    let got: Vec<NaiveDateTime> =
        originals(&m, utc("2025-12-01T00:00:00Z"), utc("2026-07-01T00:00:00Z"));
    let sydney: Tz = chrono_tz::Australia::Sydney;
    let expected: Vec<NaiveDateTime> = days(first_monday, date(2026, 7, 2))
        .filter(|d| matches!(d.weekday(), chrono::Weekday::Mon | chrono::Weekday::Thu))
        .filter(|d| (*d - first_monday).num_days() / 7 % 2 == 0)
        .map(|d| d.and_time(hm(17, 15)))
        .filter(|t| sydney.from_local_datetime(t).single().unwrap() < utc("2026-07-01T00:00:00Z"))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(
        got[..4].iter().map(|t| t.day()).collect::<Vec<_>>(),
        [5, 8, 19, 22]
    );
}

#[test]
fn the_until_day_is_inclusive() {
    let mut m = meeting(
        "2026-01-01T23:30",
        "America/New_York",
        Recurrence::Daily { interval: 1 },
    );
    m.until = Some("2026-01-10".into());
    let got = between(&m, utc("2025-12-01T00:00:00Z"), utc("2026-03-01T00:00:00Z"));
    let expected: Vec<DateTime<Utc>> = days(date(2026, 1, 1), date(2026, 1, 11))
        .map(|d| instant(chrono_tz::America::New_York, d, hm(23, 30)))
        .collect();
    assert_eq!(got.iter().map(start_utc).collect::<Vec<_>>(), expected);
    // 23:30 on the last day is already the next day in UTC: the end is the local day.
    assert_eq!(
        start_utc(got.last().unwrap()).date_naive(),
        date(2026, 1, 11)
    );
}

#[test]
fn a_weekly_meeting_with_an_end_day_stops_after_it() {
    let mut m = meeting("2026-01-06T19:00", "Europe/London", weekly(&[Weekday::Tue]));
    m.until = Some("2026-02-03".into());
    let got: Vec<String> = between(&m, utc("2026-01-01T00:00:00Z"), utc("2026-06-01T00:00:00Z"))
        .into_iter()
        .map(|o| o.occurrence)
        .collect();
    assert_eq!(
        got,
        [
            "2026-01-06T19:00",
            "2026-01-13T19:00",
            "2026-01-20T19:00",
            "2026-01-27T19:00",
            "2026-02-03T19:00"
        ]
    );
}

#[rstest]
#[case::inside("2026-05-01T00:00:00Z", "2026-05-02T00:00:00Z", 1)]
#[case::starting_at_it("2026-05-01T13:00:00Z", "2026-05-01T13:00:01Z", 1)]
#[case::ending_at_it("2026-04-01T00:00:00Z", "2026-05-01T13:00:00Z", 0)]
#[case::after_it("2026-05-01T13:00:01Z", "2027-01-01T00:00:00Z", 0)]
#[case::long_before("2020-01-01T00:00:00Z", "2026-04-30T00:00:00Z", 0)]
fn a_one_off_appears_once_and_only_inside_the_window(
    #[case] from: &str,
    #[case] to: &str,
    #[case] expected: usize,
) {
    // 14:00 in London in May is 13:00 UTC.
    let m = meeting("2026-05-01T14:00", "Europe/London", Recurrence::Once);
    let got = between(&m, utc(from), utc(to));
    assert_eq!(got.len(), expected);
    if let Some(o) = got.first() {
        assert_eq!(start_utc(o), utc("2026-05-01T13:00:00Z"));
        assert_eq!(o.occurrence, "2026-05-01T14:00");
    }
}

// ---------------------------------------------------------------------------------------------
// Exceptions

fn with_exceptions() -> Meeting {
    let mut m = meeting("2026-01-06T19:00", "Europe/London", weekly(&[Weekday::Tue]));
    m.exceptions = vec![
        MeetingException {
            occurrence: "2026-02-03T19:00".into(),
            moved_to: None,
        },
        // Moved to the following Monday, into another week.
        MeetingException {
            occurrence: "2026-02-10T19:00".into(),
            moved_to: Some("2026-02-16T18:00".into()),
        },
    ];
    m
}

#[test]
fn a_skipped_occurrence_is_gone_and_a_moved_one_is_at_its_new_time() {
    let m = with_exceptions();
    let attended = |key: &str| (key == "2026-02-10T19:00").then_some(Attendance::Attended);
    let got = occurrences_between(
        &m,
        utc("2026-01-26T00:00:00Z"),
        utc("2026-03-01T00:00:00Z"),
        &attended,
    )
    .unwrap();
    let keys: Vec<&str> = got.iter().map(|o| o.occurrence.as_str()).collect();
    assert_eq!(
        keys,
        [
            "2026-01-27T19:00",
            "2026-02-10T19:00",
            "2026-02-17T19:00",
            "2026-02-24T19:00"
        ]
    );
    let moved = &got[1];
    assert!(moved.moved);
    assert_eq!(start_utc(moved), utc("2026-02-16T18:00:00Z"));
    assert_eq!(
        DateTime::parse_from_rfc3339(&moved.ends_at).unwrap() - start_of(moved),
        Duration::minutes(90)
    );
    assert_eq!(moved.attendance, Some(Attendance::Attended));
    assert!(got.iter().filter(|o| o.moved).count() == 1);
    assert!(got[0].attendance.is_none());
}

#[test]
fn a_moved_occurrence_shows_where_it_went_not_where_it_was() {
    let m = with_exceptions();
    // The original's week only: neither the original nor its new time.
    let week_of_original = between(&m, utc("2026-02-09T00:00:00Z"), utc("2026-02-15T00:00:00Z"));
    assert!(week_of_original.is_empty(), "{week_of_original:?}");
    // Only the new time's window: the moved one appears, from outside the window.
    let new_day = between(&m, utc("2026-02-16T00:00:00Z"), utc("2026-02-17T00:00:00Z"));
    assert_eq!(new_day.len(), 1);
    assert!(new_day[0].moved);
    assert_eq!(new_day[0].occurrence, "2026-02-10T19:00");
    // A meeting moved out of the window no longer appears in it.
    let mut back = m.clone();
    back.exceptions[1].moved_to = Some("2026-02-06T19:00".into());
    let week = between(
        &back,
        utc("2026-02-09T00:00:00Z"),
        utc("2026-02-16T00:00:00Z"),
    );
    assert!(week.is_empty());
    let earlier = between(
        &back,
        utc("2026-02-06T00:00:00Z"),
        utc("2026-02-07T00:00:00Z"),
    );
    assert_eq!(earlier.len(), 1);
    assert_eq!(earlier[0].occurrence, "2026-02-10T19:00");
}

#[test]
fn an_exception_for_a_date_the_meeting_no_longer_has_stops_applying() {
    // The meeting was edited from Tuesdays to Wednesdays after a Tuesday was moved.
    let mut m = with_exceptions();
    m.start_local = "2026-01-07T19:00".into();
    m.recurrence = weekly(&[Weekday::Wed]);
    let got = between(&m, utc("2026-02-01T00:00:00Z"), utc("2026-03-01T00:00:00Z"));
    assert!(got.iter().all(|o| !o.moved), "{got:?}");
    assert_eq!(got.len(), 4);
    assert!(got
        .iter()
        .all(|o| start_of(o).weekday() == chrono::Weekday::Wed));
}

// ---------------------------------------------------------------------------------------------
// Property: weekly meetings in several zones

const ZONES: [&str; 5] = [
    "Europe/London",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Kolkata",
    "UTC",
];

fn weekly_case() -> impl Strategy<Value = (Tz, Vec<Weekday>, NaiveTime, NaiveDate, i64, i64)> {
    (
        0..ZONES.len(),
        prop::collection::btree_set(0..7usize, 1..=7),
        // Hours outside 01:00-03:00, where the clock changes of these zones fall.
        prop_oneof![0u32..1, 3u32..24],
        0u32..60,
        0i64..3650,
        -60i64..400,
        1i64..400,
    )
        .prop_map(|(z, days, hour, minute, start, from, len)| {
            (
                zone(ZONES[z]),
                days.into_iter().map(|d| Weekday::ALL[d]).collect(),
                hm(hour, minute),
                date(2020, 1, 1) + Duration::days(start),
                from,
                len,
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn weekly_occurrences_keep_their_time_and_days_in_order_inside_the_window(
        (z, chosen, time, start_day, from_offset, len) in weekly_case()
    ) {
        let m = meeting(
            &start_day.and_time(time).format("%Y-%m-%dT%H:%M").to_string(),
            z.name(),
            Recurrence::Weekly { interval: 1, days: chosen.clone() },
        );
        let from = start_day.and_time(hm(0, 0)).and_utc() + Duration::days(from_offset);
        let to = from + Duration::days(len);
        let got = between(&m, from, to);
        let mut last: Option<DateTime<Utc>> = None;
        for o in &got {
            let local = start_utc(o).with_timezone(&z);
            prop_assert_eq!(local.time(), time);
            prop_assert!(chosen.contains(&Weekday::from_chrono(local.weekday())));
            prop_assert!(local.date_naive() >= start_day);
            let at = start_utc(o);
            prop_assert!(at >= from && at < to);
            if let Some(prev) = last {
                prop_assert!(at > prev);
            }
            last = Some(at);
        }
        // And none is missing: every chosen day from the start on, inside the window, is there.
        let expected = (start_day.iter_days())
            .take_while(|d| d.and_time(hm(0, 0)).and_utc() < to + Duration::days(2))
            .filter(|d| chosen.contains(&Weekday::from_chrono(d.weekday())))
            .map(|d| instant(z, d, time))
            .filter(|at| *at >= from && *at < to)
            .count();
        prop_assert_eq!(got.len(), expected);
    }
}

// ---------------------------------------------------------------------------------------------
// Reminders

fn settings(checkin: Option<&str>, medication: &[(&str, Option<&str>)]) -> ReminderSettings {
    ReminderSettings {
        checkin_time: checkin.map(str::to_string),
        medication: medication
            .iter()
            .map(|(time, label)| MedicationReminder {
                time: (*time).into(),
                label: label.map(str::to_string),
            })
            .collect(),
        style: NotificationStyle::Neutral,
    }
}

fn na_with_leads(leads: &[u32]) -> Meeting {
    let mut m = meeting("2026-03-03T19:00", "Europe/London", weekly(&[Weekday::Tue]));
    m.reminder_minutes = leads.to_vec();
    m
}

#[test]
fn a_meeting_with_two_leads_has_two_reminders_per_occurrence() {
    let m = na_with_leads(&[1440, 30]);
    let (after, until) = (utc("2026-03-09T00:00:00Z"), utc("2026-04-06T00:00:00Z"));
    let got = due_between(
        std::slice::from_ref(&m),
        &ReminderSettings::default(),
        chrono_tz::Europe::London,
        after,
        until,
    )
    .unwrap();
    let mut expected: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    for day in days(date(2026, 3, 1), date(2026, 4, 10)) {
        if day.weekday() != chrono::Weekday::Tue {
            continue;
        }
        let start = instant(chrono_tz::Europe::London, day, hm(19, 0));
        for lead in [1440, 30] {
            let due = start - Duration::minutes(lead);
            if due > after && due <= until {
                expected.push((due, start));
            }
        }
    }
    expected.sort();
    // Tuesdays 10, 17, 24 and 31 March, each with both leads.
    assert_eq!(expected.len(), 8);
    let got_pairs: Vec<(DateTime<Utc>, DateTime<Utc>)> = got
        .iter()
        .map(|r| {
            (
                r.due_instant().unwrap(),
                DateTime::parse_from_rfc3339(&r.event_at)
                    .unwrap()
                    .with_timezone(&Utc),
            )
        })
        .collect();
    assert_eq!(got_pairs, expected);
    for r in &got {
        assert_eq!(r.kind, ReminderKind::Meeting);
        assert_eq!(r.meeting_id, Some(m.id));
        assert_eq!(r.title.as_deref(), Some("Tuesday NA"));
        assert_eq!(r.event_time, "19:00");
    }
    let keys: HashSet<&str> = got.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys.len(), got.len(), "keys are unique");
}

#[test]
fn the_reminder_window_excludes_its_start_and_includes_its_end() {
    let m = na_with_leads(&[1440, 30]);
    let start = instant(chrono_tz::Europe::London, date(2026, 3, 10), hm(19, 0));
    let day_before = start - Duration::minutes(1440);
    let half_hour = start - Duration::minutes(30);
    let due = |after, until| {
        due_between(
            std::slice::from_ref(&m),
            &ReminderSettings::default(),
            chrono_tz::Europe::London,
            after,
            until,
        )
        .unwrap()
    };
    // Ends exactly on the day-before reminder: it is in.
    let first = due(day_before - Duration::hours(1), day_before);
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].due_instant(), Some(day_before));
    // Starts exactly on it: it is not in again, but the half-hour one is.
    let second = due(day_before, half_hour);
    assert_eq!(second.len(), 1);
    assert_eq!(second[0].due_instant(), Some(half_hour));
    assert_ne!(first[0].key, second[0].key);
    // Asked again over a wider window, the same reminders carry the same keys.
    let wide = due(
        day_before - Duration::days(3),
        half_hour + Duration::days(1),
    );
    let wide_keys: Vec<&str> = wide.iter().map(|r| r.key.as_str()).collect();
    assert!(wide_keys.contains(&first[0].key.as_str()));
    assert!(wide_keys.contains(&second[0].key.as_str()));
    // An empty or backwards window has nothing.
    assert!(due(half_hour, half_hour).is_empty());
    assert!(due(half_hour, day_before).is_empty());
}

#[test]
fn a_lead_of_zero_reminds_at_the_start_and_a_skipped_occurrence_has_no_reminder() {
    let mut m = na_with_leads(&[0]);
    m.exceptions = vec![MeetingException {
        occurrence: "2026-03-17T19:00".into(),
        moved_to: None,
    }];
    let got = due_between(
        &[m],
        &ReminderSettings::default(),
        chrono_tz::Europe::London,
        utc("2026-03-09T00:00:00Z"),
        utc("2026-03-25T00:00:00Z"),
    )
    .unwrap();
    let due: Vec<DateTime<Utc>> = got.iter().map(|r| r.due_instant().unwrap()).collect();
    assert_eq!(
        due,
        [
            instant(chrono_tz::Europe::London, date(2026, 3, 10), hm(19, 0)),
            instant(chrono_tz::Europe::London, date(2026, 3, 24), hm(19, 0)),
        ]
    );
}

#[test]
fn checkin_and_medication_reminders_fire_once_a_day_across_the_spring_change() {
    let london = chrono_tz::Europe::London;
    let spring = last_weekday(2026, 3, chrono::Weekday::Sun);
    let s = settings(
        Some("01:30"),
        &[("08:00", None), ("21:15", Some("Methadone"))],
    );
    let (after, until) = (
        instant(london, spring - Duration::days(2), hm(0, 0)),
        instant(london, spring + Duration::days(3), hm(0, 0)),
    );
    let got = due_between(&[], &s, london, after, until).unwrap();
    let local_days: Vec<NaiveDate> =
        days(spring - Duration::days(2), spring + Duration::days(3)).collect();

    let checkins: Vec<DateTime<Utc>> = got
        .iter()
        .filter(|r| r.kind == ReminderKind::Checkin)
        .map(|r| r.due_instant().unwrap())
        .collect();
    assert_eq!(checkins.len(), local_days.len());
    for (at, day) in checkins.iter().zip(&local_days) {
        assert_eq!(at.with_timezone(&london).date_naive(), *day);
        if *day == spring {
            // 01:30 never happens that day: the reminder comes in the hour after the change
            // (01:00 UTC), not on another day and not twice.
            let change = spring.and_time(hm(1, 0)).and_utc();
            assert!(*at >= change && *at < change + Duration::hours(1), "{at}");
        } else {
            assert_eq!(*at, instant(london, *day, hm(1, 30)));
        }
    }

    let medication: Vec<_> = got
        .iter()
        .filter(|r| r.kind == ReminderKind::Medication)
        .collect();
    assert_eq!(medication.len(), 2 * local_days.len());
    let expected: Vec<DateTime<Utc>> = local_days
        .iter()
        .flat_map(|d| {
            [
                instant(london, *d, hm(8, 0)),
                instant(london, *d, hm(21, 15)),
            ]
        })
        .collect();
    let got_due: Vec<DateTime<Utc>> = medication
        .iter()
        .map(|r| r.due_instant().unwrap())
        .collect();
    assert_eq!(got_due, expected);
    assert!(medication
        .iter()
        .all(|r| r.meeting_id.is_none() && (r.event_time == "08:00" || r.event_time == "21:15")));
    assert!(medication
        .iter()
        .filter(|r| r.event_time == "08:00")
        .all(|r| r.title.is_none()));

    let keys: HashSet<&str> = got.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys.len(), got.len());
    let mut sorted = got.clone();
    sorted.sort_by_key(|r| r.due_instant());
    assert_eq!(sorted, got, "in order");
}

#[test]
fn a_reminder_at_a_time_that_happens_twice_in_autumn_fires_once() {
    let london = chrono_tz::Europe::London;
    let autumn = last_weekday(2026, 10, chrono::Weekday::Sun);
    let s = settings(Some("01:30"), &[]);
    let got = due_between(
        &[],
        &s,
        london,
        autumn.and_time(hm(0, 0)).and_utc() - Duration::days(1),
        autumn.and_time(hm(0, 0)).and_utc() + Duration::days(1),
    )
    .unwrap();
    let on_the_day: Vec<_> = got
        .iter()
        .filter(|r| r.key.ends_with(&autumn.to_string()))
        .collect();
    assert_eq!(on_the_day.len(), 1);
    // The first of the two 01:30s: still summer time, 00:30 UTC.
    assert_eq!(
        on_the_day[0].due_instant(),
        Some(autumn.and_time(hm(0, 30)).and_utc())
    );
}

#[test]
fn daily_reminders_in_another_zone_follow_that_zones_days() {
    let kolkata = chrono_tz::Asia::Kolkata;
    let s = settings(Some("07:00"), &[]);
    let (after, until) = (utc("2026-06-01T00:00:00Z"), utc("2026-06-04T00:00:00Z"));
    let got = due_between(&[], &s, kolkata, after, until).unwrap();
    let expected: Vec<DateTime<Utc>> = days(date(2026, 5, 31), date(2026, 6, 5))
        .map(|d| instant(kolkata, d, hm(7, 0)))
        .filter(|t| *t > after && *t <= until)
        .collect();
    assert_eq!(
        got.iter()
            .map(|r| r.due_instant().unwrap())
            .collect::<Vec<_>>(),
        expected
    );
    assert_eq!(expected.len(), 3);
}

// ---------------------------------------------------------------------------------------------
// Notification text

#[rstest]
#[case::neutral_locked(NotificationStyle::Neutral, false)]
#[case::neutral_unlocked(NotificationStyle::Neutral, true)]
#[case::private_locked(NotificationStyle::Private, false)]
#[case::private_unlocked(NotificationStyle::Private, true)]
#[case::detailed_locked(NotificationStyle::Detailed, false)]
#[case::detailed_unlocked(NotificationStyle::Detailed, true)]
fn notification_text_says_only_what_the_style_allows(
    #[case] style: NotificationStyle,
    #[case] unlocked: bool,
) {
    let title = "Tuesday NA";
    let text = notification_text("19:30", Some(title), style, unlocked);
    let shown = format!("{} {}", text.title, text.body);
    let expected_body = match (style, unlocked) {
        (NotificationStyle::Private, _) => "You have a reminder",
        (NotificationStyle::Detailed, true) => "Tuesday NA at 19:30",
        _ => "Reminder at 19:30",
    };
    assert_eq!(text.body, expected_body);
    assert_eq!(
        shown.contains(title),
        style == NotificationStyle::Detailed && unlocked
    );
    if style == NotificationStyle::Private {
        assert!(!shown.contains("19:30"));
    }
}

#[rstest]
#[case::neutral(NotificationStyle::Neutral)]
#[case::private(NotificationStyle::Private)]
#[case::detailed(NotificationStyle::Detailed)]
fn medication_without_a_label_is_never_named(#[case] style: NotificationStyle) {
    let text = notification_text("08:00", None, style, true);
    let expected = if style == NotificationStyle::Private {
        "You have a reminder"
    } else {
        "Reminder at 08:00"
    };
    assert_eq!(text.body, expected);
    assert!(!text.body.to_lowercase().contains("medication"));
    assert!(!text.title.to_lowercase().contains("medication"));
}

// ---------------------------------------------------------------------------------------------
// Reminder settings

#[rstest]
#[case::bad_checkin_time("checkinTime", settings(Some("25:00"), &[]))]
#[case::checkin_in_words("checkinTime", settings(Some("7pm"), &[]))]
#[case::bad_medication_time("medication", settings(None, &[("8", None)]))]
#[case::duplicate_times("medication", settings(None, &[("08:00", None), ("08:00", Some("Later"))]))]
#[case::same_time_written_differently(
    "medication",
    settings(None, &[("08:00", None), (" 08:00 ", None)])
)]
#[case::control_char_in_label("medication", settings(None, &[("08:00", Some("Pill\u{7}"))]))]
#[case::label_too_long("medication", settings(None, &[("08:00", Some(&"x".repeat(61)))]))]
fn bad_reminder_settings_name_their_field(#[case] field: &str, #[case] bad: ReminderSettings) {
    let err = bad.validate().unwrap_err();
    assert_eq!(err.field, field, "{}", err.message);
    assert!(!err.message.contains("Pill"));
}

#[test]
fn too_many_medication_reminders_are_refused() {
    let times: Vec<String> = (0..=MEDICATION_REMINDERS_MAX)
        .map(|h| format!("{:02}:00", h + 6))
        .collect();
    let entries: Vec<(&str, Option<&str>)> = times.iter().map(|t| (t.as_str(), None)).collect();
    let err = settings(None, &entries).validate().unwrap_err();
    assert_eq!(err.field, "medication");
    assert!(err.message.contains(&MEDICATION_REMINDERS_MAX.to_string()));
    let just_enough = settings(None, &entries[..MEDICATION_REMINDERS_MAX]);
    assert!(just_enough.validate().is_ok());
}

#[test]
fn valid_settings_come_back_trimmed_and_in_time_order() {
    let s = ReminderSettings {
        style: NotificationStyle::Detailed,
        ..settings(
            Some(" 20:00 "),
            &[("21:00", Some("  Evening dose ")), ("07:30", Some("   "))],
        )
    };
    let v = s.validate().unwrap();
    assert_eq!(v.checkin_time.as_deref(), Some("20:00"));
    assert_eq!(
        v.medication,
        vec![
            MedicationReminder {
                time: "07:30".into(),
                label: None
            },
            MedicationReminder {
                time: "21:00".into(),
                label: Some("Evening dose".into())
            },
        ]
    );
    assert_eq!(v.style, NotificationStyle::Detailed);
    assert_eq!(v.validate().unwrap(), v, "validating twice changes nothing");
}

#[test]
fn a_moved_occurrence_is_reminded_of_at_its_new_time_under_a_new_key() {
    let mut m = na_with_leads(&[30]);
    let (after, until) = (utc("2026-03-09T00:00:00Z"), utc("2026-03-13T00:00:00Z"));
    let due = |m: &Meeting| {
        due_between(
            std::slice::from_ref(m),
            &ReminderSettings::default(),
            chrono_tz::Europe::London,
            after,
            until,
        )
        .unwrap()
    };
    let usual = due(&m);
    assert_eq!(usual.len(), 1);
    m.exceptions = vec![MeetingException {
        occurrence: "2026-03-10T19:00".into(),
        moved_to: Some("2026-03-11T12:00".into()),
    }];
    let moved = due(&m);
    assert_eq!(moved.len(), 1);
    assert_eq!(
        moved[0].due_instant(),
        Some(instant(
            chrono_tz::Europe::London,
            date(2026, 3, 11),
            hm(11, 30)
        ))
    );
    assert_eq!(moved[0].event_time, "12:00");
    assert_ne!(moved[0].key, usual[0].key);
    assert!(moved[0].key.contains("2026-03-10T19:00"));
}

// ---------------------------------------------------------------------------------------------
// A meeting that would never happen

#[rstest]
#[case::the_31st_of_april_every_year(
    "2026-04-10",
    Recurrence::MonthlyOnDay { interval: 12, day: 31 },
    None,
    Some("recurrence")
)]
#[case::the_30th_of_february_every_year(
    "2026-02-01",
    Recurrence::MonthlyOnDay { interval: 12, day: 30 },
    None,
    Some("recurrence")
)]
#[case::the_29th_of_february_comes_in_2028(
    "2026-02-01",
    Recurrence::MonthlyOnDay { interval: 12, day: 29 },
    None,
    None
)]
#[case::fridays_ending_before_the_first_friday(
    "2026-11-24",
    weekly(&[Weekday::Fri]),
    Some("2026-11-26"),
    Some("until")
)]
#[case::fridays_ending_on_the_first_friday(
    "2026-11-24",
    weekly(&[Weekday::Fri]),
    Some("2026-11-27"),
    None
)]
#[case::every_other_month_on_the_31st_from_february("2026-02-05", Recurrence::MonthlyOnDay { interval: 2, day: 31 }, None, None)]
fn a_meeting_that_would_never_happen_is_refused(
    #[case] start_date: &str,
    #[case] recurrence: Recurrence,
    #[case] until: Option<&str>,
    #[case] field: Option<&str>,
) {
    let mut input = super::meeting::tests::weekly_na();
    input.start_date = start_date.into();
    input.recurrence = recurrence;
    input.until = until.map(str::to_string);
    let result = input.validate();
    assert_eq!(result.as_ref().err().map(|e| e.field), field, "{result:?}");
}
