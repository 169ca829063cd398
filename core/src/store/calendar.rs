//! Calendar files for the schedule: export every meeting as `.ics`, import meetings from one.

use chrono::Utc;
use chrono_tz::Tz;
use rusqlite::{params, OptionalExtension};

use super::rows::found;
use super::Store;
use crate::error::Result;
use crate::journal::Clock;
use crate::schedule::ics::{parse_calendar, write_calendar, IcsImportReport, IcsSkipped};
use crate::schedule::occurrence::parse_stored;
use crate::schedule::MeetingId;

/// Why an event already in the vault was not imported again.
const ALREADY_THERE: &str = "It is already in your schedule.";

impl Store {
    /// The calendar UID a meeting was created or imported with.
    pub(crate) fn meeting_uid(&self, id: MeetingId) -> Result<String> {
        found(
            self.conn
                .prepare_cached("SELECT ics_uid FROM meeting WHERE id = ?1")?
                .query_row([id.0], |r| r.get(0)),
            "meeting",
        )
    }

    /// Whether a meeting with this calendar UID is already stored.
    fn has_meeting_uid(&self, uid: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM meeting WHERE ics_uid = ?1")?
            .query_row([uid], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Every meeting as one calendar file (RFC 5545), each under its own calendar UID so that
    /// importing the file back recognises it. Private notes are not written: the file is not
    /// encrypted.
    pub fn export_ics(&self, clock: &dyn Clock) -> Result<String> {
        let meetings = self.list_meetings()?;
        let mut entries = Vec::with_capacity(meetings.len());
        for meeting in &meetings {
            // A stored meeting that cannot be read is a bug; say so rather than drop it.
            parse_stored(meeting)?;
            entries.push((meeting, self.meeting_uid(meeting.id)?));
        }
        Ok(write_calendar(&entries, clock.now().with_timezone(&Utc)))
    }

    /// Imports the meetings in a calendar file, reading times without a known zone in `zone`.
    ///
    /// A file that cannot be read is refused whole (field `file`) and nothing is written.
    /// Otherwise every event that can be imported is added in one transaction, either all or
    /// none; events already in the vault (by calendar UID) and events Waymark cannot show are
    /// listed as skipped, so importing the same file twice adds nothing the second time.
    pub fn import_ics(&self, text: &str, zone: Tz, clock: &dyn Clock) -> Result<IcsImportReport> {
        let parsed = parse_calendar(text, zone)?;
        let mut report = IcsImportReport {
            imported: Vec::with_capacity(parsed.events.len()),
            skipped: parsed.skipped,
        };
        let tx = self.conn.unchecked_transaction()?;
        for event in parsed.events {
            if self.has_meeting_uid(&event.uid)? {
                report.skipped.push(IcsSkipped {
                    title: event.meeting.title.clone(),
                    reason: ALREADY_THERE.to_string(),
                });
                continue;
            }
            let meeting = self.insert_meeting(&event.meeting, &event.uid, clock)?;
            let mut insert = self.conn.prepare_cached(
                "INSERT INTO meeting_exception (meeting_id, occurrence, moved_to) \
                 VALUES (?1, ?2, ?3)",
            )?;
            for exception in &event.exceptions {
                insert.execute(params![
                    meeting.id.0,
                    exception.occurrence,
                    exception.moved_to
                ])?;
            }
            report.imported.push(if event.exceptions.is_empty() {
                meeting
            } else {
                self.meeting(meeting.id)?
            });
        }
        tx.commit()?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Duration, Utc};
    use chrono_tz::Tz;

    use super::ALREADY_THERE;
    use crate::journal::clock::FixedClock;
    use crate::schedule::ics::{IcsImportReport, ICS_MAX_BYTES};
    use crate::schedule::{Meeting, MeetingKind, NewMeeting, Occurrence, Recurrence, Weekday};
    use crate::store::testing::{at, count, temp_store};
    use crate::store::Store;
    use crate::Error;

    const NEW_YORK_FIXTURE: &str = include_str!("../../tests/fixtures/ics/rfc5545_new_york.ics");
    const EVENTS_FIXTURE: &str = include_str!("../../tests/fixtures/ics/rfc5545_events.ics");

    fn clock() -> FixedClock {
        FixedClock(at("2026-11-22T18:00:00+00:00"))
    }

    fn utc(text: &str) -> DateTime<Utc> {
        at(text).with_timezone(&Utc)
    }

    fn input(title: &str, zone: &str, start: &str, recurrence: Recurrence) -> NewMeeting {
        let (date, time) = start.split_once('T').unwrap();
        NewMeeting {
            title: title.into(),
            kind: MeetingKind::Other,
            start_date: date.into(),
            start_time: time.into(),
            time_zone: Some(zone.into()),
            duration_minutes: 60,
            recurrence,
            until: None,
            place: None,
            link: None,
            notes: None,
            reminder_minutes: vec![],
        }
    }

    /// A vault with every kind of repeat, end days, skipped and moved dates, reminders, places,
    /// links and notes, in zones on both sides of the equator and UTC.
    fn full_vault() -> (tempfile::TempDir, Store) {
        let (dir, store) = temp_store();
        let c = clock();
        let mut group = input(
            "Group, then tea; bring \\ the key\nback door",
            "Europe/London",
            "2026-11-24T19:00",
            Recurrence::Weekly {
                interval: 2,
                days: vec![Weekday::Tue, Weekday::Thu],
            },
        );
        group.kind = MeetingKind::TwelveStep;
        group.duration_minutes = 90;
        group.until = Some("2027-06-30".into());
        group.place = Some("St Mark's hall, Church St; side door".into());
        group.notes = Some("private-notes-marker".into());
        group.reminder_minutes = vec![0, 30, 1440];
        let group = store.add_meeting(&group, &c).unwrap();
        store.skip_occurrence(group.id, "2026-12-08T19:00").unwrap();
        store
            .move_occurrence(group.id, "2026-12-10T19:00", "2026-12-11T18:00")
            .unwrap();

        let mut clinic = input(
            "GP review",
            "Europe/London",
            "2026-12-03T09:15",
            Recurrence::Once,
        );
        clinic.kind = MeetingKind::Clinic;
        clinic.duration_minutes = 20;
        clinic.link = Some("https://clinic.example.org/visit?a=1,b=2;c".into());
        clinic.reminder_minutes = vec![60];
        store.add_meeting(&clinic, &c).unwrap();

        let mut smart = input(
            "SMART",
            "America/New_York",
            "2026-11-28T07:30",
            Recurrence::Daily { interval: 3 },
        );
        smart.kind = MeetingKind::SmartRecovery;
        // Runs across the change to summer time on 14 March 2027.
        smart.until = Some("2027-03-20".into());
        store.add_meeting(&smart, &c).unwrap();

        let mut counselling = input(
            "Counselling",
            "Asia/Kolkata",
            "2026-12-31T18:00",
            Recurrence::MonthlyOnDay {
                interval: 1,
                day: 31,
            },
        );
        counselling.kind = MeetingKind::Counselling;
        counselling.notes = Some("private-notes-marker".into());
        store.add_meeting(&counselling, &c).unwrap();

        let mut keyworker = input(
            "Keyworker",
            "Australia/Sydney",
            "2026-11-30T12:00",
            Recurrence::MonthlyOnDay {
                interval: 3,
                day: -1,
            },
        );
        keyworker.kind = MeetingKind::Keyworker;
        let keyworker = store.add_meeting(&keyworker, &c).unwrap();
        store
            .move_occurrence(keyworker.id, "2027-02-28T12:00", "2027-03-01T10:00")
            .unwrap();

        let mut second_tuesday = input(
            "Family group",
            "Europe/Paris",
            "2026-12-08T18:45",
            Recurrence::MonthlyOnWeekday {
                interval: 1,
                week: 2,
                weekday: Weekday::Tue,
            },
        );
        second_tuesday.kind = MeetingKind::GroupTherapy;
        second_tuesday.until = Some("2027-12-31".into());
        store.add_meeting(&second_tuesday, &c).unwrap();

        let last_friday = input(
            "Online meeting",
            "UTC",
            "2026-11-27T20:00",
            Recurrence::MonthlyOnWeekday {
                interval: 2,
                week: -1,
                weekday: Weekday::Fri,
            },
        );
        store.add_meeting(&last_friday, &c).unwrap();

        let mut saturday = input(
            "שבת morning 🌅 مجموعة الدعم — a long title with emoji and right-to-left text",
            "Europe/London",
            "2026-11-28T10:00",
            Recurrence::Weekly {
                interval: 1,
                days: vec![Weekday::Sat],
            },
        );
        saturday.reminder_minutes = vec![10080];
        store.add_meeting(&saturday, &c).unwrap();
        (dir, store)
    }

    /// Meetings compared field by field, ids and notes aside, in a fixed order.
    fn comparable(store: &Store) -> Vec<(Meeting, String)> {
        let mut out: Vec<(Meeting, String)> = store
            .list_meetings()
            .unwrap()
            .into_iter()
            .map(|mut m| {
                let uid = store.meeting_uid(m.id).unwrap();
                m.id = crate::schedule::MeetingId(0);
                m.notes = None;
                (m, uid)
            })
            .collect();
        out.sort_by(|a, b| (&a.0.start_local, &a.0.title).cmp(&(&b.0.start_local, &b.0.title)));
        out
    }

    /// The next `n` occurrences, with meeting ids left out (they differ between vaults).
    fn next_occurrences(store: &Store, n: usize) -> Vec<Occurrence> {
        let from = clock().0.with_timezone(&Utc);
        let mut all: Vec<Occurrence> = store
            .occurrences(from, from + Duration::days(400))
            .unwrap()
            .into_iter()
            .map(|mut o| {
                o.meeting_id = crate::schedule::MeetingId(0);
                o
            })
            .collect();
        all.sort_by(|a, b| (&a.starts_at, &a.title).cmp(&(&b.starts_at, &b.title)));
        all.truncate(n);
        all
    }

    #[test]
    fn a_vault_round_trips_through_a_calendar_file() {
        let (_a, original) = full_vault();
        let text = original.export_ics(&clock()).unwrap();
        assert!(
            !text.contains("private-notes-marker"),
            "notes are never exported"
        );

        let (_b, fresh) = temp_store();
        let report = fresh
            .import_ics(&text, chrono_tz::Europe::Berlin, &clock())
            .unwrap();
        assert_eq!(report.skipped, vec![]);
        assert_eq!(report.imported.len(), 8);

        let before = comparable(&original);
        let after = comparable(&fresh);
        assert_eq!(before.len(), 8);
        for (b, a) in before.iter().zip(&after) {
            assert_eq!(a, b, "{}", b.0.title);
        }
        assert!(before.iter().any(|(m, _)| m.exceptions.len() == 2));
        assert!(before.iter().any(|(m, _)| m.time_zone == "UTC"));

        let expected = next_occurrences(&original, 60);
        assert_eq!(expected.len(), 60);
        assert!(
            expected.iter().any(|o| o.moved),
            "a moved occurrence is among them"
        );
        assert_eq!(next_occurrences(&fresh, 60), expected);
        // The skipped date stays skipped.
        assert!(!expected.iter().any(|o| o.occurrence == "2026-12-08T19:00"));
    }

    #[test]
    fn importing_the_same_file_twice_adds_nothing_the_second_time() {
        let (_a, original) = full_vault();
        let text = original.export_ics(&clock()).unwrap();
        let again = original.import_ics(&text, Tz::UTC, &clock()).unwrap();
        assert_eq!(again.imported, vec![]);
        assert_eq!(again.skipped.len(), 8);
        assert!(again.skipped.iter().all(|s| s.reason == ALREADY_THERE));

        let (_b, fresh) = temp_store();
        for file in [text.as_str(), NEW_YORK_FIXTURE, EVENTS_FIXTURE] {
            let first = fresh
                .import_ics(file, chrono_tz::Europe::London, &clock())
                .unwrap();
            assert!(!first.imported.is_empty());
            let meetings = count(&fresh, "meeting");
            let exceptions = count(&fresh, "meeting_exception");
            let second = fresh
                .import_ics(file, chrono_tz::Europe::London, &clock())
                .unwrap();
            assert_eq!(second.imported, vec![]);
            let already = second
                .skipped
                .iter()
                .filter(|s| s.reason == ALREADY_THERE)
                .count();
            assert_eq!(already, first.imported.len());
            assert_eq!(
                second.skipped.len(),
                first.imported.len() + first.skipped.len()
            );
            assert_eq!(count(&fresh, "meeting"), meetings);
            assert_eq!(count(&fresh, "meeting_exception"), exceptions);
        }
    }

    #[test]
    fn a_refused_file_writes_nothing() {
        let (_d, store) = full_vault();
        let text = store.export_ics(&clock()).unwrap();
        let (meetings, exceptions) = (count(&store, "meeting"), count(&store, "meeting_exception"));
        let (_e, fresh) = temp_store();
        let too_big = format!("{text}{}", " ".repeat(ICS_MAX_BYTES));
        for file in [
            too_big.as_str(),
            "Shopping: milk, bread",
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Sam\r\nEND:VCARD\r\n",
            &text[..text.len() / 2],
        ] {
            for target in [&store, &fresh] {
                let err = target.import_ics(file, Tz::UTC, &clock()).unwrap_err();
                assert_eq!(err.field(), Some("file"), "{err}");
            }
        }
        assert_eq!(count(&store, "meeting"), meetings);
        assert_eq!(count(&store, "meeting_exception"), exceptions);
        assert_eq!(count(&fresh, "meeting"), 0);
    }

    #[test]
    fn an_import_lands_whole_or_not_at_all() {
        let (_a, original) = full_vault();
        let text = original.export_ics(&clock()).unwrap();
        let (_b, fresh) = temp_store();
        // Fails the insert of one meeting half-way through, as a full disk would.
        fresh
            .connection()
            .execute_batch(
                "CREATE TEMP TRIGGER boom BEFORE INSERT ON meeting WHEN NEW.title = 'Online meeting' \
                 BEGIN SELECT RAISE(ABORT, 'refused'); END;",
            )
            .unwrap();
        let err = fresh.import_ics(&text, Tz::UTC, &clock()).unwrap_err();
        assert!(matches!(err, Error::Database(_)), "{err:?}");
        assert_eq!(count(&fresh, "meeting"), 0);
        assert_eq!(count(&fresh, "meeting_exception"), 0);
        fresh
            .connection()
            .execute_batch("DROP TRIGGER boom;")
            .unwrap();
        assert_eq!(
            fresh
                .import_ics(&text, Tz::UTC, &clock())
                .unwrap()
                .imported
                .len(),
            8
        );
    }

    #[test]
    fn the_export_carries_the_stored_calendar_ids() {
        let (_d, store) = full_vault();
        let text = store.export_ics(&clock()).unwrap();
        for meeting in store.list_meetings().unwrap() {
            let uid = store.meeting_uid(meeting.id).unwrap();
            assert!(uid.ends_with("@waymark.invalid"));
            assert!(text.contains(&format!("\r\nUID:{uid}\r\n")));
        }
        assert!(matches!(
            store.meeting_uid(crate::schedule::MeetingId(999)),
            Err(Error::NotFound(_))
        ));
    }

    /// The meeting imported under `title`.
    fn imported<'a>(report: &'a IcsImportReport, title: &str) -> &'a Meeting {
        report
            .imported
            .iter()
            .find(|m| m.title == title)
            .unwrap_or_else(|| panic!("{title} was not imported"))
    }

    /// Start times of one meeting's occurrences in `[from, to)`.
    fn starts(store: &Store, meeting: &Meeting, from: &str, to: &str) -> Vec<String> {
        store
            .occurrences(utc(from), utc(to))
            .unwrap()
            .into_iter()
            .filter(|o| o.meeting_id == meeting.id)
            .map(|o| o.starts_at)
            .collect()
    }

    /// New York wall times in 1997-98 with the offset then in force: daylight time from the
    /// first Sunday of April to the last Sunday of October (the US rule of 1987-2006).
    fn new_york(days: &[&str], time: &str) -> Vec<String> {
        days.iter()
            .map(|day| {
                let daylight = ("1997-04-06".."1997-10-26").contains(day)
                    || ("1998-04-05".."1998-10-25").contains(day);
                let offset = if daylight { "-04:00" } else { "-05:00" };
                format!("{day}T{time}:00{offset}")
            })
            .collect()
    }

    /// Every day from `first` to `last` (inclusive) `step` days apart, as text.
    fn every(first: &str, last: &str, step: i64) -> Vec<String> {
        let (mut day, last) = (
            crate::store::testing::day(first),
            crate::store::testing::day(last),
        );
        let mut out = Vec::new();
        while day <= last {
            out.push(day.to_string());
            day += Duration::days(step);
        }
        out
    }

    fn refs(days: &[String]) -> Vec<&str> {
        days.iter().map(String::as_str).collect()
    }

    #[test]
    fn rfc_5545_recurrence_examples_import_with_their_published_dates() {
        assert!(
            NEW_YORK_FIXTURE.contains("\r\n "),
            "the fixture keeps its CRLF folds"
        );
        let (_d, store) = temp_store();
        let report = store
            .import_ics(NEW_YORK_FIXTURE, chrono_tz::Europe::London, &clock())
            .unwrap();
        let (from, to) = ("1997-08-01T00:00:00Z", "1998-03-01T00:00:00Z");

        let mut skipped: Vec<(&str, &str)> = report
            .skipped
            .iter()
            .map(|s| (s.title.as_str(), s.reason.as_str()))
            .collect();
        skipped.sort();
        let count_reason = "It repeats a set number of times, which Waymark can't show yet.";
        let rule_reason =
            "It repeats in a way Waymark can't show exactly, so it was left out rather than guessed.";
        let mut expected_skips = vec![
            ("Daily for 10 occurrences", count_reason),
            ("Every 10 days, 5 occurrences", count_reason),
            (
                "Monthly on the first Friday for 10 occurrences",
                count_reason,
            ),
            ("Every day in January, for 3 years", rule_reason),
            (
                "Monthly on the third-to-the-last day of the month, forever",
                rule_reason,
            ),
            ("Every Tuesday, every other month", rule_reason),
            ("Every Friday the 13th, forever", rule_reason),
            (
                "Every 3 hours from 9:00 AM to 5:00 PM on a specific day",
                rule_reason,
            ),
            (
                "WKST example, weeks starting on Sunday (COUNT=4 taken out)",
                rule_reason,
            ),
            (
                "Monthly on the first and last day of the month (COUNT=10 taken out)",
                rule_reason,
            ),
        ];
        expected_skips.sort();
        assert_eq!(skipped, expected_skips);
        assert_eq!(report.imported.len(), 9, "the VTODO is not a meeting");
        assert!(report
            .imported
            .iter()
            .all(|m| m.time_zone == "America/New_York"));

        // "Daily until December 24, 1997": 2 September to 23 December, 113 days.
        let daily = imported(&report, "Daily until December 24, 1997");
        assert_eq!(daily.recurrence, Recurrence::Daily { interval: 1 });
        assert_eq!(daily.until.as_deref(), Some("1997-12-23"));
        let days = every("1997-09-02", "1997-12-23", 1);
        assert_eq!(days.len(), 113);
        assert_eq!(
            starts(&store, daily, from, to),
            new_york(&refs(&days), "09:00")
        );

        // "Every other day - forever", less the two EXDATEs.
        let other_day = imported(&report, "Every other day - forever");
        assert_eq!(other_day.duration_minutes, 45);
        assert_eq!(other_day.reminder_minutes, vec![15]);
        assert_eq!(
            other_day.place.as_deref(),
            Some("Room 101, Community Centre; side entrance")
        );
        assert_eq!(
            other_day.notes.as_deref(),
            Some(
                "A long description that another calendar program folded across several lines, \
                 the way RFC 5545 section 3.1 allows: a line break followed by one space.\n\
                 Second paragraph."
            )
        );
        let got = starts(&store, other_day, from, "1997-09-13T00:00:00Z");
        assert_eq!(
            got,
            new_york(
                &["1997-09-02", "1997-09-08", "1997-09-10", "1997-09-12"],
                "09:00"
            )
        );

        // "Weekly until December 24, 1997", one date moved and one cancelled.
        let weekly = imported(&report, "Weekly until December 24, 1997");
        assert_eq!(weekly.kind, MeetingKind::GroupTherapy);
        assert_eq!(
            weekly.recurrence,
            Recurrence::Weekly {
                interval: 1,
                days: vec![Weekday::Tue]
            }
        );
        assert_eq!(weekly.until.as_deref(), Some("1997-12-23"));
        let mut expected = new_york(&["1997-09-02", "1997-09-09"], "09:00");
        expected.extend(new_york(&["1997-09-17"], "14:00"));
        let tuesdays = every("1997-09-30", "1997-12-23", 7);
        expected.extend(new_york(&refs(&tuesdays), "09:00"));
        assert_eq!(starts(&store, weekly, from, to), expected);

        let other_week = imported(&report, "Every other week - forever");
        let days = [
            "1997-09-02",
            "1997-09-16",
            "1997-09-30",
            "1997-10-14",
            "1997-10-28",
            "1997-11-11",
            "1997-11-25",
            "1997-12-09",
            "1997-12-23",
            "1998-01-06",
            "1998-01-20",
            "1998-02-03",
            "1998-02-17",
        ];
        assert_eq!(
            starts(&store, other_week, from, to),
            new_york(&days, "09:00")
        );

        let tue_thu = imported(&report, "Weekly on Tuesday and Thursday for five weeks");
        let days = [
            "1997-09-02",
            "1997-09-04",
            "1997-09-09",
            "1997-09-11",
            "1997-09-16",
            "1997-09-18",
            "1997-09-23",
            "1997-09-25",
            "1997-09-30",
            "1997-10-02",
        ];
        assert_eq!(starts(&store, tue_thu, from, to), new_york(&days, "09:00"));

        let mwf = imported(
            &report,
            "Every other week on Monday, Wednesday, and Friday until December 24, 1997, starting \
             on Monday, September 1, 1997",
        );
        let days = [
            "1997-09-01",
            "1997-09-03",
            "1997-09-05",
            "1997-09-15",
            "1997-09-17",
            "1997-09-19",
            "1997-09-29",
            "1997-10-01",
            "1997-10-03",
            "1997-10-13",
            "1997-10-15",
            "1997-10-17",
            "1997-10-27",
            "1997-10-29",
            "1997-10-31",
            "1997-11-10",
            "1997-11-12",
            "1997-11-14",
            "1997-11-24",
            "1997-11-26",
            "1997-11-28",
            "1997-12-08",
            "1997-12-10",
            "1997-12-12",
            "1997-12-22",
        ];
        assert_eq!(starts(&store, mwf, from, to), new_york(&days, "09:00"));

        let first_friday = imported(
            &report,
            "Monthly on the first Friday until December 24, 1997",
        );
        let days = ["1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05"];
        assert_eq!(
            starts(&store, first_friday, from, to),
            new_york(&days, "09:00")
        );

        let wkst = imported(
            &report,
            "WKST example, weeks starting on Monday (COUNT=4 taken out)",
        );
        let got = starts(&store, wkst, from, "1997-08-30T00:00:00Z");
        assert_eq!(
            got,
            new_york(
                &["1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24"],
                "09:00"
            )
        );

        let last_day = imported(
            &report,
            "Monthly on the last day of the month (after the first-and-last example)",
        );
        let days = [
            "1997-09-30",
            "1997-10-31",
            "1997-11-30",
            "1997-12-31",
            "1998-01-31",
            "1998-02-28",
        ];
        assert_eq!(starts(&store, last_day, from, to), new_york(&days, "09:00"));
    }

    #[test]
    fn rfc_5545_events_and_other_programs_habits_import() {
        let (_d, store) = temp_store();
        let report = store
            .import_ics(EVENTS_FIXTURE, chrono_tz::Europe::London, &clock())
            .unwrap();
        let skipped: Vec<&str> = report.skipped.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            skipped,
            vec![
                "Our Blissful Anniversary",
                "Festival International de Jazz de Montreal",
                "Changed from the 20th on (section 3.8.4.4's RANGE form)",
                "Called off",
                "A changed date on its own",
            ]
        );
        assert!(report.skipped[0].reason.contains("all-day"));
        assert_eq!(report.imported.len(), 7);

        // 16:30 UTC in September 1997 is 17:30 British Summer Time; it ends at 19:00 UTC.
        let review = imported(&report, "Annual Employee Review");
        assert_eq!(
            (review.start_local.as_str(), review.time_zone.as_str()),
            ("1997-09-03T17:30", "Europe/London")
        );
        assert_eq!(review.duration_minutes, 150);
        assert_eq!(review.kind, MeetingKind::Other);
        let occurrence: Vec<Occurrence> = store
            .occurrences(utc("1997-09-01T00:00:00Z"), utc("1997-09-05T00:00:00Z"))
            .unwrap()
            .into_iter()
            .filter(|o| o.meeting_id == review.id)
            .collect();
        assert_eq!(occurrence.len(), 1);
        assert_eq!(occurrence[0].starts_at, "1997-09-03T17:30:00+01:00");
        assert_eq!(occurrence[0].ends_at, "1997-09-03T20:00:00+01:00");
        // Summer time began on 30 March 1997; 16:30 to 01:00 UTC is eight and a half hours.
        let class = imported(&report, "Laurel is in sensitivity awareness class.");
        assert_eq!(class.start_local, "1997-04-01T17:30");
        assert_eq!(class.duration_minutes, 510);

        let exdate = imported(
            &report,
            "Daily at 01:00 UTC, with the EXDATE example of section 3.8.5.1",
        );
        assert_eq!(exdate.time_zone, "UTC");
        assert_eq!(exdate.until.as_deref(), Some("1996-04-10"));
        let days = ["01", "05", "06", "07", "08", "09", "10"];
        let expected: Vec<String> = days
            .iter()
            .map(|d| format!("1996-04-{d}T01:00:00Z"))
            .collect();
        assert_eq!(
            starts(
                &store,
                exdate,
                "1996-03-01T00:00:00Z",
                "1996-05-01T00:00:00Z"
            ),
            expected
        );

        let noon = imported(
            &report,
            "Daily at noon UTC, one day moved (section 3.8.4.4's date form)",
        );
        let expected: Vec<String> = ["15T12", "16T12", "17T12", "18T15", "19T12", "20T12"]
            .iter()
            .map(|d| format!("1996-01-{d}:00:00Z"))
            .collect();
        assert_eq!(
            starts(&store, noon, "1996-01-15T00:00:00Z", "1996-01-21T00:00:00Z"),
            expected
        );

        // Outlook's Windows zone name is not an IANA name: the fallback zone is used.
        let outlook = imported(&report, "Tuesday group");
        assert_eq!(outlook.time_zone, "Europe/London");
        assert_eq!(
            outlook.recurrence,
            Recurrence::Weekly {
                interval: 1,
                days: vec![Weekday::Tue]
            }
        );
        assert_eq!(outlook.duration_minutes, 90);
        assert_eq!(outlook.place.as_deref(), Some("St Mark's hall"));
        assert_eq!(outlook.kind, MeetingKind::GroupTherapy);
        assert_eq!(
            outlook.reminder_minutes,
            vec![15],
            "the alarm before the end is after the start"
        );

        let thunderbird = imported(&report, "Counselling with Sam");
        assert_eq!(thunderbird.time_zone, "Europe/Paris");
        assert_eq!(
            thunderbird.recurrence,
            Recurrence::Weekly {
                interval: 2,
                days: vec![Weekday::Wed]
            }
        );
        assert_eq!(thunderbird.duration_minutes, 50);
        assert_eq!(thunderbird.link, None, "only web links are kept");
        assert_eq!(thunderbird.kind, MeetingKind::Counselling);

        let lower = imported(&report, "Clinic, bloods");
        assert_eq!(lower.start_local, "2026-11-30T08:30");
        assert_eq!(lower.recurrence, Recurrence::Once);
        assert_eq!(lower.duration_minutes, 15);
        assert_eq!(lower.place.as_deref(), Some("Health centre; room 4"));
        assert_eq!(
            lower.link.as_deref(),
            Some("https://clinic.example.org/appointments?id=12")
        );
        assert_eq!(lower.kind, MeetingKind::Clinic);
        assert!(store.meeting_uid(lower.id).unwrap().starts_with("import-"));
    }
}
