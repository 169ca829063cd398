use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;

use super::import::{
    skipped, FILE_NOT_CALENDAR, FILE_TOO_LARGE, FILE_TOO_MANY, SKIP_ALL_DAY, SKIP_CANCELLED,
    SKIP_COUNT, SKIP_DUPLICATE, SKIP_EXTRA_DATES, SKIP_FAR_MOVE, SKIP_NEVER, SKIP_NO_START,
    SKIP_ORPHAN, SKIP_RANGE, SKIP_RULE, UNTITLED,
};
use super::rules::{read_rule, start_near, until_day};
use super::values::{read_duration, read_time};
use super::*;
use crate::error::ValidationError;
use crate::schedule::meeting::tests::weekly_na;
use crate::schedule::meeting::{
    MeetingKind, NewMeeting, MEETING_DURATION_MAX_MINUTES, MEETING_TITLE_MAX_CHARS,
};
use crate::schedule::occurrence::is_original_occurrence;
use crate::schedule::recurrence::{original_starts, Recurrence, Weekday};
use crate::schedule::zone::{local_text, resolve_lenient, resolve_local};
use crate::schedule::MeetingId;

fn now() -> DateTime<Utc> {
    "2026-11-22T18:00:00Z".parse().unwrap()
}

fn london() -> Tz {
    chrono_tz::Europe::London
}

/// A stored-looking meeting from typed input, without a store.
fn stored(id: i64, input: &NewMeeting, exceptions: &[(&str, Option<&str>)]) -> Meeting {
    let v = input.validate().unwrap();
    Meeting {
        id: MeetingId(id),
        title: v.title,
        kind: v.kind,
        start_local: local_text(v.start_local),
        time_zone: v.time_zone.name().to_string(),
        duration_minutes: v.duration_minutes,
        recurrence: v.recurrence,
        until: v.until.map(|d| d.to_string()),
        place: v.place,
        link: v.link,
        notes: v.notes,
        reminder_minutes: v.reminder_minutes,
        exceptions: exceptions
            .iter()
            .map(|(o, m)| MeetingException {
                occurrence: o.to_string(),
                moved_to: m.map(str::to_string),
            })
            .collect(),
    }
}

/// A calendar file as another program would write it: CRLF line ends.
fn calendar(body: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Example Corp.//CalDAV Client//EN\n{}\nEND:VCALENDAR\n",
        body.trim()
    )
    .replace('\n', "\r\n")
}

fn event(uid: &str, lines: &str) -> String {
    format!(
        "BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20260101T000000Z\n{}\nEND:VEVENT",
        lines.trim()
    )
}

fn only(text: &str) -> ParsedEvent {
    let parsed = parse_calendar(text, london()).unwrap();
    assert_eq!(parsed.skipped, vec![], "nothing should be skipped");
    assert_eq!(parsed.events.len(), 1);
    parsed.events.into_iter().next().unwrap()
}

fn skip_reason(text: &str) -> String {
    let parsed = parse_calendar(text, london()).unwrap();
    assert_eq!(parsed.events, vec![], "nothing should be imported");
    assert_eq!(parsed.skipped.len(), 1);
    parsed.skipped[0].reason.clone()
}

#[test]
fn text_is_escaped_and_lines_fold_at_75_octets() {
    let mut input = weekly_na();
    let title =
        "Step 3, then 4; a\\b\nשלום עליכם 🌅🌅🌅🌅🌅🌅🌅🌅 مرحبا بكم في الاجتماع الأسبوعي ✨✨✨";
    input.title = title.into();
    input.place = Some("Room 2; side door, \\ back".into());
    let text = export_calendar(&[stored(1, &input, &[])], now());

    for line in text.split_inclusive("\r\n") {
        assert!(line.ends_with("\r\n"), "every line ends in CRLF");
        assert!(line.len() - 2 <= 75, "line of {} octets", line.len() - 2);
    }
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "no bare line feed"
    );
    // The escaped forms, written out by hand from RFC 5545 section 3.3.11.
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("SUMMARY:Step 3\\, then 4\\; a\\\\b\\nשלום עליכם 🌅🌅🌅🌅🌅🌅🌅🌅 مرحبا")
    );
    assert!(unfolded.contains("LOCATION:Room 2\\; side door\\, \\\\ back\r\n"));
    let summary_lines = text
        .split("\r\n")
        .skip_while(|l| !l.starts_with("SUMMARY:"))
        .take_while(|l| l.starts_with("SUMMARY:") || l.starts_with(' '))
        .count();
    assert!(summary_lines > 1, "the long title is folded");

    let back = only(&text);
    assert_eq!(back.meeting.title, title);
    assert_eq!(
        back.meeting.place.as_deref(),
        Some("Room 2; side door, \\ back")
    );
}

#[test]
fn a_meeting_is_written_with_its_zone_rule_end_day_exceptions_and_alarms() {
    let mut input = weekly_na();
    input.time_zone = Some("America/New_York".into());
    input.until = Some("2026-12-31".into());
    input.link = Some("https://example.org/meet?a=1,b=2;c".into());
    input.notes = Some("private-marker-never-exported".into());
    input.reminder_minutes = vec![0, 45];
    let meeting = stored(
        7,
        &input,
        &[
            ("2026-12-01T19:00", None),
            ("2026-12-08T19:00", Some("2026-12-09T18:30")),
            // Left over from an earlier rule: not an occurrence, so not written.
            ("2026-12-10T19:00", None),
        ],
    );
    let text = export_calendar(&[meeting], now());
    let lines: Vec<&str> = text.split("\r\n").collect();
    let has = |l: &str| lines.contains(&l);

    for expected in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Waymark//Schedule//EN",
        "CALSCALE:GREGORIAN",
        "UID:meeting-7@waymark.invalid",
        "DTSTAMP:20261122T180000Z",
        "DTSTART;TZID=America/New_York:20261124T190000",
        // 23:59:59 EST on 31 December is 04:59:59 UTC on 1 January.
        "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270101T045959Z",
        "EXDATE;TZID=America/New_York:20261201T190000",
        "RECURRENCE-ID;TZID=America/New_York:20261208T190000",
        "DTSTART;TZID=America/New_York:20261209T183000",
        "DURATION:PT90M",
        "URL:https://example.org/meet?a=1,b=2;c",
        "CATEGORIES:NA / 12-step meeting",
        "X-WAYMARK-KIND:twelve_step",
        "ACTION:DISPLAY",
        "DESCRIPTION:Reminder",
        "TRIGGER:-PT45M",
        "TRIGGER:PT0M",
        "BEGIN:VTIMEZONE",
        "TZID:America/New_York",
    ] {
        assert!(has(expected), "missing {expected}");
    }
    assert!(
        !text.contains("20261210"),
        "a stale exception is not written"
    );
    assert!(!text.contains("private-marker"), "notes are never exported");
    assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VEVENT").count(), 2);
    assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VALARM").count(), 4);
}

#[test]
fn utc_meetings_use_the_z_form_and_no_vtimezone() {
    let mut input = weekly_na();
    input.time_zone = Some("UTC".into());
    input.until = Some("2027-01-05".into());
    let text = export_calendar(&[stored(1, &input, &[("2026-12-01T19:00", None)])], now());
    assert!(text.contains("DTSTART:20261124T190000Z\r\n"));
    assert!(text.contains("UNTIL=20270105T235959Z\r\n"));
    assert!(text.contains("EXDATE:20261201T190000Z\r\n"));
    assert!(!text.contains("VTIMEZONE"));
    assert!(!text.contains("TZID"));
    let back = only(&text);
    assert_eq!(back.meeting.time_zone, Tz::UTC);
    assert_eq!(back.meeting.until, NaiveDate::from_ymd_opt(2027, 1, 5));
}

#[test]
fn category_labels_need_no_escaping() {
    for kind in MeetingKind::ALL {
        assert!(!kind.label().contains([',', ';', '\\', '\n']), "{kind:?}");
    }
}

/// The observances of every VTIMEZONE in `text`: (zone, onset as UTC, offset after).
fn vtimezones(text: &str) -> BTreeMap<String, Vec<(DateTime<Utc>, i32)>> {
    let mut out: BTreeMap<String, Vec<(DateTime<Utc>, i32)>> = BTreeMap::new();
    let mut zone = String::new();
    let (mut onset, mut from, mut to) = (None, 0, 0);
    let offset = |v: &str| {
        let sign = if v.starts_with('-') { -1 } else { 1 };
        let h: i32 = v[1..3].parse().unwrap();
        let m: i32 = v[3..5].parse().unwrap();
        sign * (h * 3600 + m * 60)
    };
    for line in text.split("\r\n") {
        if let Some(v) = line.strip_prefix("TZID:") {
            zone = v.to_string();
        } else if let Some(v) = line.strip_prefix("DTSTART:") {
            onset = NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").ok();
        } else if let Some(v) = line.strip_prefix("TZOFFSETFROM:") {
            from = offset(v);
        } else if let Some(v) = line.strip_prefix("TZOFFSETTO:") {
            to = offset(v);
        } else if line == "END:STANDARD" || line == "END:DAYLIGHT" {
            let local = onset.take().unwrap();
            let utc = (local - Duration::seconds(i64::from(from))).and_utc();
            out.entry(zone.clone()).or_default().push((utc, to));
        }
    }
    out
}

#[test]
fn vtimezone_changes_fall_on_the_known_dates() {
    let zones = [
        "Europe/London",
        "America/New_York",
        "Australia/Sydney",
        "Asia/Kolkata",
    ];
    let meetings: Vec<Meeting> = zones
        .iter()
        .enumerate()
        .map(|(i, zone)| {
            let mut input = weekly_na();
            input.time_zone = Some(zone.to_string());
            stored(i as i64, &input, &[])
        })
        .collect();
    let text = export_calendar(&meetings, now());
    let found = vtimezones(&text);
    let lines: Vec<&str> = text.split("\r\n").collect();
    // 2026's changes, from the governments' published rules (last Sunday of March and
    // October at 01:00 UTC; second Sunday of March and first of November at 02:00 local;
    // first Sunday of April and of October at 03:00 and 02:00 local).
    for window in [
        [
            "DTSTART:20260329T010000",
            "TZOFFSETFROM:+0000",
            "TZOFFSETTO:+0100",
        ],
        [
            "DTSTART:20261025T020000",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0000",
        ],
        [
            "DTSTART:20260308T020000",
            "TZOFFSETFROM:-0500",
            "TZOFFSETTO:-0400",
        ],
        [
            "DTSTART:20261101T020000",
            "TZOFFSETFROM:-0400",
            "TZOFFSETTO:-0500",
        ],
        [
            "DTSTART:20260405T030000",
            "TZOFFSETFROM:+1100",
            "TZOFFSETTO:+1000",
        ],
        [
            "DTSTART:20261004T020000",
            "TZOFFSETFROM:+1000",
            "TZOFFSETTO:+1100",
        ],
    ] {
        assert!(lines.windows(3).any(|w| w == window), "missing {window:?}");
    }
    // India has had no change since 1945: one observance at the start of the span.
    assert_eq!(found["Asia/Kolkata"].len(), 1);
    assert_eq!(found["Asia/Kolkata"][0].1, 5 * 3600 + 1800);
    // Every 6 hours across the span, the offset the observances give is chrono-tz's.
    for zone in zones {
        let tz: Tz = zone.parse().unwrap();
        let list = &found[zone];
        let mut at = list[0].0;
        let stop = Utc.with_ymd_and_hms(2037, 1, 1, 0, 0, 0).unwrap();
        assert!(
            list.len() == 1 || list.last().unwrap().0.year() == 2036,
            "{zone}"
        );
        while at < stop {
            let expected = tz.offset_from_utc_datetime(&at.naive_utc()).fix();
            let current = list.iter().rev().find(|(onset, _)| *onset <= at).unwrap().1;
            assert_eq!(current, expected.local_minus_utc(), "{zone} at {at}");
            at += Duration::hours(6);
        }
    }
}

#[test]
fn durations_read_the_rfc_forms() {
    for (text, seconds) in [
        ("-PT30M", Some(-1800)),
        ("PT0S", Some(0)),
        ("+PT1H30M", Some(5400)),
        ("P1DT2H", Some(93_600)),
        ("P2W", Some(1_209_600)),
        ("-P1D", Some(-86_400)),
        ("pt15m", Some(900)),
        ("P", None),
        ("PT", None),
        ("P1H", None),
        ("PT1.5H", None),
        ("30M", None),
        ("PT30", None),
        ("P99999999999999D", None),
        ("-", None),
        ("", None),
    ] {
        assert_eq!(read_duration(text), seconds, "{text}");
    }
}

#[test]
fn utc_times_move_to_the_fallback_zone_unless_they_repeat() {
    // 16:30 UTC on 3 September 1997 is 17:30 in London (BST, UTC+1).
    let one_off = only(&calendar(&event(
        "a",
        "DTSTART:19970903T163000Z\nDTEND:19970903T190000Z\nSUMMARY:Review",
    )));
    assert_eq!(one_off.meeting.time_zone, london());
    assert_eq!(local_text(one_off.meeting.start_local), "1997-09-03T17:30");
    assert_eq!(one_off.meeting.duration_minutes, 150);
    // 01:30 UTC on 25 October 2026 is the second 01:30 in London: kept in UTC.
    let repeated_hour = only(&calendar(&event("b", "DTSTART:20261025T013000Z")));
    assert_eq!(repeated_hour.meeting.time_zone, Tz::UTC);
    let weekly = only(&calendar(&event(
        "c",
        "DTSTART:20261124T190000Z\nRRULE:FREQ=WEEKLY",
    )));
    assert_eq!(weekly.meeting.time_zone, Tz::UTC);
    assert_eq!(
        weekly.meeting.recurrence,
        Recurrence::Weekly {
            interval: 1,
            days: vec![Weekday::Tue]
        }
    );
}

#[test]
fn zones_floating_times_and_unknown_zones() {
    let cases = [
        (
            "DTSTART;TZID=America/New_York:20261124T190000",
            "America/New_York",
        ),
        (
            "DTSTART;TZID=\"America/New_York\":20261124T190000",
            "America/New_York",
        ),
        (
            "DTSTART;TZID=/mozilla.org/20050126_1/Europe/Paris:20261124T190000",
            "Europe/Paris",
        ),
        (
            "DTSTART;TZID=GMT Standard Time:20261124T190000",
            "Europe/London",
        ),
        ("DTSTART:20261124T190000", "Europe/London"),
        ("dtstart;tzid=Asia/Tokyo:20261124T190000", "Asia/Tokyo"),
    ];
    for (line, zone) in cases {
        let got = only(&calendar(&event("x", line)));
        assert_eq!(got.meeting.time_zone.name(), zone, "{line}");
        assert_eq!(
            local_text(got.meeting.start_local),
            "2026-11-24T19:00",
            "{line}"
        );
        assert_eq!(got.meeting.duration_minutes, 60, "the default length");
        assert_eq!(got.meeting.kind, MeetingKind::Other);
        assert_eq!(got.meeting.title, UNTITLED);
    }
}

#[test]
fn details_are_cleaned_and_kept_within_limits() {
    let long = "x".repeat(300);
    let text = calendar(&event(
        "d",
        &format!(
            "DTSTART;TZID=Europe/London:20261124T190000\nDURATION:PT20H\nSUMMARY:  {long}\n\
             location:Hall\\, upstairs\nURL:javascript:alert(1)\nDESCRIPTION:Bring the \\n form\n\
             X-WAYMARK-KIND:keyworker\n\
             BEGIN:VALARM\nTRIGGER:-P1D\nEND:VALARM\n\
             BEGIN:VALARM\nTRIGGER;RELATED=END:-PT5M\nEND:VALARM\n\
             BEGIN:VALARM\nTRIGGER;VALUE=DATE-TIME:20261124T180000Z\nEND:VALARM\n\
             BEGIN:VALARM\nTRIGGER:-P8D\nEND:VALARM\n\
             BEGIN:VALARM\nTRIGGER:-PT10M\nEND:VALARM\n\
             BEGIN:VALARM\nTRIGGER:-PT90S\nEND:VALARM\n\
             BEGIN:VALARM\nTRIGGER:-PT1H\nEND:VALARM\n\
             BEGIN:VALARM\nTRIGGER:PT5M\nEND:VALARM\n\
             BEGIN:VALARM\nTRIGGER:-PT3H\nEND:VALARM"
        ),
    ));
    let got = only(&text).meeting;
    assert_eq!(got.title, "x".repeat(MEETING_TITLE_MAX_CHARS));
    assert_eq!(got.duration_minutes, MEETING_DURATION_MAX_MINUTES);
    assert_eq!(got.place.as_deref(), Some("Hall, upstairs"));
    assert_eq!(got.link, None);
    assert_eq!(got.notes.as_deref(), Some("Bring the \n form"));
    assert_eq!(got.kind, MeetingKind::Keyworker);
    // Leads 1440, 10, 2 (90 s rounded up), 60, 180 qualify; the four nearest the start stay.
    assert_eq!(got.reminder_minutes, vec![180, 60, 10, 2]);
}

#[test]
fn rules_are_read_only_when_waymark_gives_the_same_dates() {
    let start = "DTSTART;TZID=America/New_York:19970805T090000";
    let read = |rule: &str| {
        parse_calendar(
            &calendar(&event("r", &format!("{start}\nRRULE:{rule}"))),
            london(),
        )
        .unwrap()
    };
    // RFC 5545's WKST example: with Monday weeks the dates are Waymark's own.
    let monday = read("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=MO");
    assert_eq!(
        monday.events[0].meeting.recurrence,
        Recurrence::Weekly {
            interval: 2,
            days: vec![Weekday::Tue, Weekday::Sun]
        }
    );
    for (rule, reason) in [
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU", SKIP_RULE),
        ("FREQ=WEEKLY;COUNT=4;BYDAY=TU", SKIP_COUNT),
        ("FREQ=DAILY;BYHOUR=9,17", SKIP_RULE),
        ("FREQ=YEARLY", SKIP_RULE),
        ("FREQ=MONTHLY;BYMONTHDAY=1,15", SKIP_RULE),
        ("FREQ=MONTHLY;BYDAY=TU", SKIP_RULE),
        ("FREQ=MINUTELY;INTERVAL=15", SKIP_RULE),
        ("FREQ=DAILY;INTERVAL=400", SKIP_RULE),
        ("FREQ=DAILY;FREQ=WEEKLY", SKIP_RULE),
        ("NONSENSE", SKIP_RULE),
        // A multi-byte letter where the rrule crate expects a weekday used to panic it.
        ("FREQ=WEEKLY;BYDAY=1é", SKIP_RULE),
        ("FREQ=WEEKLY;BYDAY=MO:TU", SKIP_RULE),
    ] {
        let parsed = read(rule);
        assert_eq!(parsed.events, vec![], "{rule}");
        assert_eq!(parsed.skipped[0].reason, reason, "{rule}");
    }
    // June has no 31st, and every twelve months is always June.
    let never = calendar(&event(
        "n",
        "DTSTART;TZID=Europe/London:20260605T190000\nRRULE:FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31",
    ));
    assert_eq!(skip_reason(&never), SKIP_NEVER);
}

#[test]
fn rules_without_days_fall_on_the_start_and_until_is_inclusive() {
    // 5 August 1997 was a Tuesday.
    let weekly = only(&calendar(&event(
        "w",
        "DTSTART;TZID=America/New_York:19970805T090000\nRRULE:FREQ=WEEKLY;UNTIL=19970826",
    )));
    assert_eq!(
        weekly.meeting.recurrence,
        Recurrence::Weekly {
            interval: 1,
            days: vec![Weekday::Tue]
        }
    );
    assert_eq!(weekly.meeting.until, NaiveDate::from_ymd_opt(1997, 8, 26));
    let monthly = only(&calendar(&event(
        "m",
        // 13:00 UTC on 26 Aug is 09:00 EDT, the meeting's own time: that day counts.
        "DTSTART;TZID=America/New_York:19970805T090000\nRRULE:FREQ=MONTHLY;UNTIL=19970826T130000Z",
    )));
    assert_eq!(
        monthly.meeting.recurrence,
        Recurrence::MonthlyOnDay {
            interval: 1,
            day: 5
        }
    );
    assert_eq!(monthly.meeting.until, NaiveDate::from_ymd_opt(1997, 8, 26));
    // 12:59 UTC is 08:59 EDT, before the meeting: the last day is the day before.
    let early = only(&calendar(&event(
        "e",
        "DTSTART;TZID=America/New_York:19970805T090000\nRRULE:FREQ=DAILY;UNTIL=19970826T125900Z",
    )));
    assert_eq!(early.meeting.until, NaiveDate::from_ymd_opt(1997, 8, 25));
}

#[test]
fn events_that_cannot_be_shown_are_skipped_with_a_reason() {
    let start = "DTSTART;TZID=Europe/London:20261124T190000";
    assert_eq!(
        skip_reason(&calendar(&event("a", "DTSTART;VALUE=DATE:20261124"))),
        SKIP_ALL_DAY
    );
    assert_eq!(
        skip_reason(&calendar(&event("a", "DTSTART:20261124"))),
        SKIP_ALL_DAY
    );
    assert_eq!(
        skip_reason(&calendar(&event("a", "SUMMARY:No start"))),
        SKIP_NO_START
    );
    assert_eq!(
        skip_reason(&calendar(&event("a", "DTSTART:tomorrow"))),
        SKIP_NO_START
    );
    assert_eq!(
        skip_reason(&calendar(&event(
            "a",
            &format!("{start}\nSTATUS:CANCELLED")
        ))),
        SKIP_CANCELLED
    );
    assert_eq!(
        skip_reason(&calendar(&event(
            "a",
            &format!("{start}\nRRULE:FREQ=DAILY\nRDATE:20261201T190000")
        ))),
        SKIP_EXTRA_DATES
    );
    // 01:30 on 29 March 2026 never happens in London.
    let gap = skip_reason(&calendar(&event(
        "a",
        "DTSTART;TZID=Europe/London:20260329T013000",
    )));
    assert!(gap.contains("clocks go forward"), "{gap}");
    // A duplicate UID, and a changed date whose meeting is not in the file.
    let text = calendar(&format!(
        "{}\n{}\n{}",
        event("same", &format!("{start}\nSUMMARY:First")),
        event("same", &format!("{start}\nSUMMARY:Second")),
        event(
            "lost",
            &format!("RECURRENCE-ID;TZID=Europe/London:20261124T190000\n{start}\nSUMMARY:Orphan")
        ),
    ));
    let parsed = parse_calendar(&text, london()).unwrap();
    assert_eq!(parsed.events.len(), 1);
    assert_eq!(parsed.events[0].meeting.title, "First");
    assert_eq!(
        parsed.skipped,
        vec![
            skipped("Second".into(), SKIP_DUPLICATE),
            skipped("Orphan".into(), SKIP_ORPHAN)
        ]
    );
}

#[test]
fn changed_dates_become_skipped_and_moved_occurrences() {
    let master = "DTSTART;TZID=Europe/London:20261124T190000\nRRULE:FREQ=WEEKLY;BYDAY=TU\n\
                  EXDATE;TZID=Europe/London:20261201T190000,20261203T190000\n\
                  EXDATE;VALUE=DATE:20261215";
    let text = calendar(&format!(
        "{}\n{}\n{}\n{}",
        event("m", master),
        // Moved, written in another zone: 13:30 in New York is 18:30 in London.
        event("m", "RECURRENCE-ID;TZID=Europe/London:20261208T190000\nDTSTART;TZID=America/New_York:20261209T133000"),
        event("m", "RECURRENCE-ID:20261222T190000Z\nDTSTART;TZID=Europe/London:20261222T190000\nSTATUS:CANCELLED"),
        // The same time again changes nothing.
        event("m", "RECURRENCE-ID;TZID=Europe/London:20261229T190000\nDTSTART;TZID=Europe/London:20261229T190000"),
    ));
    let got = only(&text);
    let exceptions: Vec<(&str, Option<&str>)> = got
        .exceptions
        .iter()
        .map(|e| (e.occurrence.as_str(), e.moved_to.as_deref()))
        .collect();
    assert_eq!(
        exceptions,
        vec![
            ("2026-12-01T19:00", None),
            ("2026-12-08T19:00", Some("2026-12-09T18:30")),
            ("2026-12-15T19:00", None),
            ("2026-12-22T19:00", None),
        ]
    );
    let far = calendar(&format!(
        "{}\n{}",
        event("m", master),
        event("m", "RECURRENCE-ID;TZID=Europe/London:20261208T190000\nDTSTART;TZID=Europe/London:20270308T190000"),
    ));
    assert_eq!(skip_reason(&far), SKIP_FAR_MOVE);
    let range = calendar(&format!(
        "{}\n{}",
        event("m", master),
        event("m", "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/London:20261208T190000\nDTSTART;TZID=Europe/London:20261208T200000"),
    ));
    assert_eq!(skip_reason(&range), SKIP_RANGE);
}

#[test]
fn an_event_without_a_uid_gets_the_same_one_each_time() {
    let text = calendar(
        "BEGIN:VEVENT\nDTSTART;TZID=Europe/London:20261124T190000\nSUMMARY:No id\nEND:VEVENT",
    );
    let first = only(&text).uid;
    assert!(first.starts_with("import-") && first.ends_with("@waymark.invalid"));
    assert_eq!(only(&text).uid, first);
    let other = text.replace("No id", "Another");
    assert_ne!(only(&other).uid, first);
}

fn file_error_of(text: &str) -> ValidationError {
    let err = parse_calendar(text, london()).unwrap_err();
    assert_eq!(err.field, "file");
    err
}

#[test]
fn unreadable_files_are_refused_whole() {
    let one = event("a", "DTSTART:20261124T190000Z");
    let big = calendar(&one) + &" ".repeat(ICS_MAX_BYTES);
    assert_eq!(file_error_of(&big).message, FILE_TOO_LARGE);
    for text in [
        String::new(),
        "hello, this is a shopping list".into(),
        "BEGIN:VCARD\r\nFN:Someone\r\nEND:VCARD\r\n".into(),
        one.clone(),
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n".into(),
        calendar(&format!(
            "{}{}",
            "BEGIN:X\r\n".repeat(20),
            "END:X\r\n".repeat(20)
        )),
        calendar(&event("a", "DTSTART;TZID=\"Europe/London:20261124T190000")),
    ] {
        assert_eq!(file_error_of(&text).message, FILE_NOT_CALENDAR);
    }
    let many: Vec<String> = (0..=ICS_MAX_EVENTS)
        .map(|i| event(&i.to_string(), "DTSTART:20261124T190000Z"))
        .collect();
    assert_eq!(
        file_error_of(&calendar(&many.join("\n"))).message,
        FILE_TOO_MANY
    );
    let fine: Vec<String> = (0..ICS_MAX_EVENTS)
        .map(|i| event(&i.to_string(), "DTSTART:20261124T190000Z"))
        .collect();
    assert_eq!(
        parse_calendar(&calendar(&fine.join("\n")), london())
            .unwrap()
            .events
            .len(),
        ICS_MAX_EVENTS
    );
}

#[test]
fn bare_line_feeds_carriage_returns_and_a_byte_order_mark_are_read() {
    let text = calendar(&event(
        "a",
        "DTSTART;TZID=Europe/London:20261124T190000\nSUMMARY:Fol\n ded",
    ));
    for variant in [
        text.clone(),
        text.replace("\r\n", "\n"),
        text.replace("\r\n", "\r"),
        format!("\u{feff}{text}"),
    ] {
        assert_eq!(only(&variant).meeting.title, "Folded");
    }
}

/// What `parse_calendar` must do with any input: return, and only ever a `file` error, with
/// every exception an original occurrence of its meeting.
fn check_any(text: &str) -> Result<(), TestCaseError> {
    match parse_calendar(text, london()) {
        Err(e) => prop_assert_eq!(e.field, "file"),
        Ok(parsed) => {
            for (i, event) in parsed.events.iter().enumerate() {
                let v = &event.meeting;
                let meeting = Meeting {
                    id: MeetingId(i as i64),
                    title: v.title.clone(),
                    kind: v.kind,
                    start_local: local_text(v.start_local),
                    time_zone: v.time_zone.name().to_string(),
                    duration_minutes: v.duration_minutes,
                    recurrence: v.recurrence.clone(),
                    until: v.until.map(|d| d.to_string()),
                    place: None,
                    link: None,
                    notes: None,
                    reminder_minutes: vec![],
                    exceptions: vec![],
                };
                for e in &event.exceptions {
                    let at = NaiveDateTime::parse_from_str(
                        &e.occurrence,
                        super::super::zone::LOCAL_FORMAT,
                    )
                    .unwrap();
                    prop_assert!(is_original_occurrence(&meeting, at).unwrap());
                }
            }
        }
    }
    Ok(())
}

fn sample_export() -> String {
    let mut a = weekly_na();
    a.title = "Tuesday NA, St Mark's; room \\2\nback door".into();
    a.until = Some("2027-02-23".into());
    let mut b = weekly_na();
    b.recurrence = Recurrence::MonthlyOnWeekday {
        interval: 1,
        week: -1,
        weekday: Weekday::Fri,
    };
    b.time_zone = Some("America/New_York".into());
    b.link = Some("https://example.org/x".into());
    export_calendar(
        &[
            stored(
                1,
                &a,
                &[
                    ("2026-12-01T19:00", None),
                    ("2026-12-08T19:00", Some("2026-12-09T18:00")),
                ],
            ),
            stored(2, &b, &[]),
        ],
        now(),
    )
}

/// Lines that steer generated input into the parser's and importer's deeper paths.
fn ics_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("BEGIN:VCALENDAR".to_string()),
        Just("END:VCALENDAR".to_string()),
        Just("BEGIN:VEVENT".to_string()),
        Just("END:VEVENT".to_string()),
        Just("BEGIN:VALARM".to_string()),
        Just("END:VALARM".to_string()),
        Just("UID:x".to_string()),
        Just("RECURRENCE-ID;TZID=Europe/London:20261201T190000".to_string()),
        Just("DTSTART;TZID=Europe/London:20261124T190000".to_string()),
        Just("RRULE:FREQ=WEEKLY;BYDAY=TU".to_string()),
        Just("EXDATE:20261201T190000Z,2026".to_string()),
        Just("TRIGGER:-PT15M".to_string()),
        Just(" folded".to_string()),
        "[A-Z-]{1,12}(;[A-Z]{1,5}=\"?[a-z/]{0,8}\"?)?:[ -~]{0,20}",
        "RRULE:FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY);(INTERVAL|BYDAY|BYMONTHDAY|UNTIL|WKST)=[0-9A-Z,-]{0,12}",
        "(DTSTART|DTEND|EXDATE|RECURRENCE-ID|DURATION)(;TZID=[A-Za-z/_]{0,20})?:[0-9TZP+-]{0,17}",
        "\\PC{0,30}",
    ]
}

fn any_recurrence() -> impl Strategy<Value = Recurrence> {
    let weekday = (0usize..7).prop_map(|k| Weekday::ALL[k]);
    prop_oneof![
        (1u32..=5).prop_map(|interval| Recurrence::Daily { interval }),
        (1u32..=4, prop::collection::btree_set(weekday.clone(), 1..4)).prop_map(
            |(interval, days)| Recurrence::Weekly {
                interval,
                days: days.into_iter().collect(),
            }
        ),
        (1u32..=12, prop_oneof![Just(-1), 1i32..=31])
            .prop_map(|(interval, day)| Recurrence::MonthlyOnDay { interval, day }),
        (1u32..=12, prop_oneof![Just(-1), 1i32..=4], weekday).prop_map(
            |(interval, week, weekday)| Recurrence::MonthlyOnWeekday {
                interval,
                week,
                weekday,
            }
        ),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Checking a date years after the first start from a later start gives exactly the
    /// occurrences that walking the rule from the first start gives.
    #[test]
    fn a_shifted_start_gives_the_same_occurrences(
        recurrence in any_recurrence(),
        start_day in 0i64..2000,
        minute in 0u32..(24 * 60),
        zone in prop::sample::select(vec![
            "Europe/London", "America/New_York", "Australia/Sydney", "America/Santiago",
            "Asia/Kolkata", "UTC",
        ]),
        later in 0i64..2500,
    ) {
        let zone: Tz = zone.parse().unwrap();
        let day = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Duration::days(start_day);
        let start = day.and_hms_opt(minute / 60, minute % 60, 0).unwrap();
        prop_assume!(resolve_local("start", zone, start).is_ok());
        let target = day + Duration::days(later);
        let from = resolve_lenient(zone, target.and_hms_opt(0, 0, 0).unwrap());
        let to = from + Duration::days(75);
        let walked = original_starts(start, zone, &recurrence, None, from, to);
        let near = start_near(start, zone, &recurrence, target - Duration::days(1));
        prop_assert!(near >= start);
        let shifted = original_starts(near, zone, &recurrence, None, from, to);
        prop_assert_eq!(shifted, walked);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_parses_or_is_a_file_error(text in "\\PC{0,400}") {
        check_any(&text)?;
    }

    #[test]
    fn calendar_shaped_text_parses_or_is_a_file_error(
        lines in prop::collection::vec(ics_line(), 0..40),
        ending in prop_oneof![Just("\r\n"), Just("\n"), Just("\r")],
    ) {
        check_any(&lines.join(ending))?;
    }

    #[test]
    fn rules_times_and_durations_never_panic(
        rule in "((FREQ|INTERVAL|BYDAY|BYMONTHDAY|UNTIL|WKST|COUNT|BYSETPOS)=[0-9A-Z,+-]{0,10};?){0,5}",
        text in "\\PC{0,24}",
    ) {
        let start = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap().and_hms_opt(19, 0, 0).unwrap();
        for zone in [london(), Tz::UTC] {
            let _ = read_rule(&rule, start, zone);
            let _ = read_rule(&text, start, zone);
            let _ = until_day(&text, start, zone);
        }
        let _ = read_duration(&text);
        let _ = read_time(&text, Some(london()), false);
    }

    #[test]
    fn a_damaged_file_parses_or_is_a_file_error(
        base in 0usize..3,
        cut in any::<prop::sample::Index>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 0..8),
        truncate in any::<bool>(),
    ) {
        let mut bytes = match base {
            0 => sample_export(),
            1 => include_str!("../../../tests/fixtures/ics/rfc5545_new_york.ics").to_string(),
            _ => include_str!("../../../tests/fixtures/ics/rfc5545_events.ics").to_string(),
        }
        .into_bytes();
        for (at, mask) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= mask;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        check_any(&String::from_utf8_lossy(&bytes))?;
    }
}
