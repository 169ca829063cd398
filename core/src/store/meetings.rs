//! Meetings and appointments: the schedule, its exceptions and the person's attendance.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::rows::found;
use super::Store;
use crate::error::{Error, Result, ValidationError};
use crate::journal::Clock;
use crate::schedule::meeting::ValidMeeting;
use crate::schedule::occurrence::{
    is_original_occurrence, occurrence_start, occurrences_between, parse_stored,
};
use crate::schedule::zone::{local_text, parse_local, resolve_local};
use crate::schedule::{
    Attendance, Meeting, MeetingException, MeetingId, MeetingKind, NewMeeting, Occurrence,
    Recurrence,
};

/// What a missing meeting is called in errors.
const WHAT: &str = "meeting";

/// The longest window of occurrences one request may ask for.
pub const OCCURRENCE_WINDOW_MAX_DAYS: i64 = 400;

const MEETING_SELECT: &str = "SELECT id, title, kind, start_local, time_zone, duration_minutes, \
     recurrence, until_date, place, link, notes, reminder_minutes FROM meeting";

fn meeting_from_row(row: &Row<'_>) -> rusqlite::Result<Result<Meeting>> {
    let kind: String = row.get(2)?;
    let recurrence: String = row.get(6)?;
    let reminders: String = row.get(11)?;
    let (Some(kind), Ok(recurrence), Ok(reminder_minutes)) = (
        MeetingKind::from_key(&kind),
        serde_json::from_str::<Recurrence>(&recurrence),
        serde_json::from_str::<Vec<u32>>(&reminders),
    ) else {
        return Ok(Err(Error::Internal("stored meeting unreadable")));
    };
    Ok(Ok(Meeting {
        id: MeetingId(row.get(0)?),
        title: row.get(1)?,
        kind,
        start_local: row.get(3)?,
        time_zone: row.get(4)?,
        duration_minutes: row.get(5)?,
        recurrence,
        until: row.get(7)?,
        place: row.get(8)?,
        link: row.get(9)?,
        notes: row.get(10)?,
        reminder_minutes,
        exceptions: Vec::new(),
    }))
}

/// The recurrence and the reminder leads as they are stored: JSON text.
fn stored_json(v: &ValidMeeting) -> Result<(String, String)> {
    let recurrence = serde_json::to_string(&v.recurrence)
        .map_err(|_| Error::Internal("recurrence not serialisable"))?;
    let reminders = serde_json::to_string(&v.reminder_minutes)
        .map_err(|_| Error::Internal("reminders not serialisable"))?;
    Ok((recurrence, reminders))
}

/// A fresh calendar UID for a meeting made in Waymark.
fn new_uid() -> Result<String> {
    use ring::rand::SecureRandom;
    let mut bytes = [0u8; 16];
    ring::rand::SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| Error::Internal("no randomness for a calendar id"))?;
    Ok(format!(
        "{}@waymark.invalid",
        data_encoding::HEXLOWER.encode(&bytes)
    ))
}

fn occurrence_error() -> Error {
    Error::Invalid(ValidationError::new(
        "occurrence",
        "That meeting does not happen at that time; reload the schedule and try again.",
    ))
}

impl Store {
    /// One meeting, with its exceptions.
    pub fn meeting(&self, id: MeetingId) -> Result<Meeting> {
        let sql = format!("{MEETING_SELECT} WHERE id = ?1");
        let mut meeting = found(
            self.conn
                .prepare_cached(&sql)?
                .query_row([id.0], meeting_from_row),
            WHAT,
        )??;
        meeting.exceptions = self.meeting_exceptions(id)?;
        Ok(meeting)
    }

    /// Every meeting, in the order of their first start.
    pub fn list_meetings(&self) -> Result<Vec<Meeting>> {
        let sql = format!("{MEETING_SELECT} ORDER BY start_local, id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], meeting_from_row)?;
        let mut meetings: Vec<Meeting> = rows.map(|r| r?).collect::<Result<_>>()?;
        for meeting in &mut meetings {
            meeting.exceptions = self.meeting_exceptions(meeting.id)?;
        }
        Ok(meetings)
    }

    fn meeting_exceptions(&self, id: MeetingId) -> Result<Vec<MeetingException>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT occurrence, moved_to FROM meeting_exception WHERE meeting_id = ?1 \
             ORDER BY occurrence",
        )?;
        let rows = stmt.query_map([id.0], |r| {
            Ok(MeetingException {
                occurrence: r.get(0)?,
                moved_to: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a meeting; nothing is written on rejection.
    pub fn add_meeting(&self, input: &NewMeeting, clock: &dyn Clock) -> Result<Meeting> {
        let v = input.validate()?;
        self.insert_meeting(&v, &new_uid()?, clock)
    }

    /// Inserts a validated meeting under a calendar UID (kept from an import).
    pub(crate) fn insert_meeting(
        &self,
        v: &ValidMeeting,
        uid: &str,
        clock: &dyn Clock,
    ) -> Result<Meeting> {
        let (recurrence, reminders) = stored_json(v)?;
        self.conn.execute(
            "INSERT INTO meeting (title, kind, start_local, time_zone, duration_minutes, \
             recurrence, until_date, place, link, notes, reminder_minutes, ics_uid, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                v.title,
                v.kind.key(),
                local_text(v.start_local),
                v.time_zone.name(),
                v.duration_minutes,
                recurrence,
                v.until.map(|d| d.to_string()),
                v.place,
                v.link,
                v.notes,
                reminders,
                uid,
                clock.now().timestamp_millis(),
            ],
        )?;
        self.meeting(MeetingId(self.conn.last_insert_rowid()))
    }

    /// Replaces a meeting's details. Skipped and moved dates and attendance stay; those that no
    /// longer match an occurrence simply stop applying.
    pub fn update_meeting(
        &self,
        id: MeetingId,
        input: &NewMeeting,
        clock: &dyn Clock,
    ) -> Result<Meeting> {
        self.meeting(id)?;
        let v = input.validate()?;
        let (recurrence, reminders) = stored_json(&v)?;
        self.conn.execute(
            "UPDATE meeting SET title = ?2, kind = ?3, start_local = ?4, time_zone = ?5, \
             duration_minutes = ?6, recurrence = ?7, until_date = ?8, place = ?9, link = ?10, \
             notes = ?11, reminder_minutes = ?12, updated_at = ?13 WHERE id = ?1",
            params![
                id.0,
                v.title,
                v.kind.key(),
                local_text(v.start_local),
                v.time_zone.name(),
                v.duration_minutes,
                recurrence,
                v.until.map(|d| d.to_string()),
                v.place,
                v.link,
                v.notes,
                reminders,
                clock.now().timestamp_millis(),
            ],
        )?;
        self.meeting(id)
    }

    /// Deletes a meeting with its exceptions and attendance.
    pub fn delete_meeting(&self, id: MeetingId) -> Result<()> {
        let changed = self
            .conn
            .execute("DELETE FROM meeting WHERE id = ?1", [id.0])?;
        if changed == 0 {
            return Err(Error::NotFound(WHAT));
        }
        Ok(())
    }

    /// Checks that `occurrence` names one of the meeting's own dates.
    fn check_occurrence(&self, id: MeetingId, occurrence: &str) -> Result<(Meeting, String)> {
        let meeting = self.meeting(id)?;
        let at = parse_local("occurrence", occurrence)?;
        if !is_original_occurrence(&meeting, at)? {
            return Err(occurrence_error());
        }
        Ok((meeting, local_text(at)))
    }

    /// Skips one occurrence (undo with [`Store::restore_occurrence`]).
    /// A skipped occurrence did not happen, so any attendance marked for it is cleared.
    pub fn skip_occurrence(&self, id: MeetingId, occurrence: &str) -> Result<Meeting> {
        let (_, key) = self.check_occurrence(id, occurrence)?;
        let tx = self.conn.unchecked_transaction()?;
        self.conn.execute(
            "INSERT INTO meeting_exception (meeting_id, occurrence, moved_to) VALUES (?1, ?2, NULL) \
             ON CONFLICT (meeting_id, occurrence) DO UPDATE SET moved_to = NULL",
            params![id.0, key],
        )?;
        self.conn.execute(
            "DELETE FROM meeting_attendance WHERE meeting_id = ?1 AND occurrence = ?2",
            params![id.0, key],
        )?;
        tx.commit()?;
        self.meeting(id)
    }

    /// Moves one occurrence to another local start (`YYYY-MM-DDTHH:MM`, in the meeting's zone).
    pub fn move_occurrence(&self, id: MeetingId, occurrence: &str, to: &str) -> Result<Meeting> {
        let (meeting, key) = self.check_occurrence(id, occurrence)?;
        let zone = parse_stored(&meeting)?.zone;
        let target = parse_local("movedTo", to)?;
        resolve_local("movedTo", zone, target)?;
        let original = parse_local("occurrence", &key)?;
        if (target - original).abs() > Duration::days(60) {
            return Err(Error::Invalid(ValidationError::new(
                "movedTo",
                "A meeting can be moved by up to 60 days; for a bigger change, edit the meeting.",
            )));
        }
        self.conn.execute(
            "INSERT INTO meeting_exception (meeting_id, occurrence, moved_to) VALUES (?1, ?2, ?3) \
             ON CONFLICT (meeting_id, occurrence) DO UPDATE SET moved_to = excluded.moved_to",
            params![id.0, key, local_text(target)],
        )?;
        self.meeting(id)
    }

    /// Puts a skipped or moved occurrence back at its usual time.
    pub fn restore_occurrence(&self, id: MeetingId, occurrence: &str) -> Result<Meeting> {
        self.meeting(id)?;
        let key = local_text(parse_local("occurrence", occurrence)?);
        let changed = self.conn.execute(
            "DELETE FROM meeting_exception WHERE meeting_id = ?1 AND occurrence = ?2",
            params![id.0, key],
        )?;
        if changed == 0 {
            return Err(occurrence_error());
        }
        self.meeting(id)
    }

    /// Records whether the person went to one occurrence (`None` clears it). Only an occurrence
    /// that has started can be marked, and not a skipped one.
    pub fn set_attendance(
        &self,
        id: MeetingId,
        occurrence: &str,
        attendance: Option<Attendance>,
        clock: &dyn Clock,
    ) -> Result<()> {
        let (meeting, key) = self.check_occurrence(id, occurrence)?;
        if meeting
            .exceptions
            .iter()
            .any(|e| e.occurrence == key && e.moved_to.is_none())
        {
            return Err(Error::Invalid(ValidationError::new(
                "occurrence",
                "That meeting was skipped; put it back before marking it.",
            )));
        }
        let start = occurrence_start(&meeting, parse_local("occurrence", &key)?)?;
        let now = clock.now();
        let Some(attendance) = attendance else {
            self.conn.execute(
                "DELETE FROM meeting_attendance WHERE meeting_id = ?1 AND occurrence = ?2",
                params![id.0, key],
            )?;
            return Ok(());
        };
        if start > now.with_timezone(&Utc) {
            return Err(Error::Invalid(ValidationError::new(
                "attendance",
                "That meeting has not started yet; mark it once it has.",
            )));
        }
        let zone = parse_stored(&meeting)?.zone;
        let local_date = start.with_timezone(&zone).date_naive().to_string();
        self.conn.execute(
            "INSERT INTO meeting_attendance (meeting_id, occurrence, attended, local_date, recorded_at) \
             VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (meeting_id, occurrence) DO UPDATE SET attended = excluded.attended, \
             local_date = excluded.local_date, recorded_at = excluded.recorded_at",
            params![
                id.0,
                key,
                i64::from(attendance == Attendance::Attended),
                local_date,
                now.timestamp_millis()
            ],
        )?;
        Ok(())
    }

    fn attendance_of(&self, id: MeetingId, occurrence: &str) -> Result<Option<Attendance>> {
        let attended: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT attended FROM meeting_attendance WHERE meeting_id = ?1 AND occurrence = ?2",
            )?
            .query_row(params![id.0, occurrence], |r| r.get(0))
            .optional()?;
        Ok(attended.map(|a| {
            if a != 0 {
                Attendance::Attended
            } else {
                Attendance::Missed
            }
        }))
    }

    /// Every occurrence of every meeting starting in `[from, to)`, in order, with attendance.
    pub fn occurrences(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Occurrence>> {
        if to < from || to - from > Duration::days(OCCURRENCE_WINDOW_MAX_DAYS) {
            return Err(Error::Invalid(ValidationError::new(
                "days",
                format!("Ask for at most {OCCURRENCE_WINDOW_MAX_DAYS} days of meetings at a time."),
            )));
        }
        let mut all = Vec::new();
        for meeting in self.list_meetings()? {
            let lookup = |key: &str| self.attendance_of(meeting.id, key).ok().flatten();
            all.extend(occurrences_between(&meeting, from, to, &lookup)?);
        }
        all.sort_by(|a, b| {
            let a_at = DateTime::parse_from_rfc3339(&a.starts_at).ok();
            let b_at = DateTime::parse_from_rfc3339(&b.starts_at).ok();
            a_at.cmp(&b_at).then(a.meeting_id.cmp(&b.meeting_id))
        });
        Ok(all)
    }

    /// The occurrences that take place on `day` in their own local time: what the daily
    /// check-in shows and draws its meeting answer from.
    pub fn occurrences_on(&self, day: NaiveDate) -> Result<Vec<Occurrence>> {
        let Some(midnight) = day.and_hms_opt(0, 0, 0) else {
            return Ok(Vec::new());
        };
        // Every zone's day lies within UTC's day widened by 14 hours on each side. At the edges
        // of what chrono can hold there is nothing scheduled, and no widening to do.
        let midnight = midnight.and_utc();
        let (Some(from), Some(to)) = (
            midnight.checked_sub_signed(Duration::hours(14)),
            midnight.checked_add_signed(Duration::hours(38)),
        ) else {
            return Ok(Vec::new());
        };
        let day_text = day.to_string();
        Ok(self
            .occurrences(from, to)?
            .into_iter()
            .filter(|o| o.starts_at.get(..10) == Some(day_text.as_str()))
            .collect())
    }

    /// How many occurrences on each day in `[from, to]` the person marked attended and missed.
    pub fn attendance_counts(&self, from: NaiveDate, to: NaiveDate) -> Result<(u32, u32)> {
        let (attended, missed): (i64, i64) = self.conn.query_row(
            "SELECT coalesce(sum(attended), 0), coalesce(sum(1 - attended), 0) \
             FROM meeting_attendance WHERE local_date BETWEEN ?1 AND ?2",
            params![from.to_string(), to.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok((
            u32::try_from(attended).unwrap_or(0),
            u32::try_from(missed).unwrap_or(0),
        ))
    }
}
