//! The counsellor summary's data: the insights over the chosen range, with everything the person
//! did not choose to share left out of the value itself, so it cannot reach a file.

use chrono::{NaiveDate, TimeZone};
use rusqlite::params;

use super::rows::{day_text, parse_stored_day};
use super::Store;
use crate::error::{Error, Result, ValidationError};
use crate::export::SummarySection;
use crate::export::{JournalExcerpt, NoteKind, SharedNote, SummaryReport, SummaryRequest};
use crate::insights::facts::{wall_clock, InstantBounds};
use crate::insights::{Insights, ValidRange};
use crate::journal::clock::FixedClock;
use crate::journal::Clock;

/// The notes written on cravings and mood check-ins in a span of local days.
const TIMED_NOTES_SQL: [(NoteKind, &str); 2] = [
    (
        NoteKind::Craving,
        "SELECT occurred_at, utc_offset, note FROM craving WHERE deleted_at IS NULL \
         AND note IS NOT NULL AND occurred_at >= ?1 AND occurred_at < ?2 \
         AND occurred_at + utc_offset * 1000 >= ?3 AND occurred_at + utc_offset * 1000 < ?4",
    ),
    (
        NoteKind::Mood,
        "SELECT occurred_at, utc_offset, note FROM mood_checkin WHERE deleted_at IS NULL \
         AND note IS NOT NULL AND occurred_at >= ?1 AND occurred_at < ?2 \
         AND occurred_at + utc_offset * 1000 >= ?3 AND occurred_at + utc_offset * 1000 < ?4",
    ),
];

const LAPSE_NOTES_SQL: &str = "SELECT occurred_at, utc_offset, situation, learned, next_time \
     FROM lapse WHERE deleted_at IS NULL AND occurred_at >= ?1 AND occurred_at < ?2 \
     AND occurred_at + utc_offset * 1000 >= ?3 AND occurred_at + utc_offset * 1000 < ?4";

/// How a lapse's three reflections are labelled when joined into one note.
const LAPSE_PARTS: [&str; 3] = ["Situation", "What I learned", "Next time"];

/// A note with the key it is sorted by: its day, then timed notes (by wall-clock time) before
/// the day's check-in note.
type SortedNote = ((NaiveDate, u8, i64), SharedNote);

/// The chosen sections in print order, without repeats; refuses an empty choice.
pub fn chosen_sections(
    sections: &[SummarySection],
) -> Result<Vec<SummarySection>, ValidationError> {
    let mut chosen = sections.to_vec();
    chosen.sort();
    chosen.dedup();
    if chosen.is_empty() {
        return Err(ValidationError::new(
            "sections",
            "Choose at least one section to include.",
        ));
    }
    Ok(chosen)
}

/// Empties the names and free text of the sections not chosen: trigger names unless
/// "cravings and triggers", lapses unless "lapses", strategies unless "coping".
pub fn leave_out_unchosen(insights: &mut Insights, sections: &[SummarySection]) {
    if !sections.contains(&SummarySection::CravingsAndTriggers) {
        insights.top_triggers.clear();
    }
    if !sections.contains(&SummarySection::Lapses) {
        insights.lapses.clear();
    }
    if !sections.contains(&SummarySection::Coping) {
        insights.what_works.clear();
    }
}

impl Store {
    /// The counsellor summary the person asked for, as of now.
    pub fn summary_report(
        &self,
        request: &SummaryRequest,
        clock: &dyn Clock,
    ) -> Result<SummaryReport> {
        let range = ValidRange::parse(&request.range)?;
        let sections = chosen_sections(&request.sections)?;
        let now = clock.now();
        let today = now.date_naive();
        let as_of = range.to.min(today);
        let end_of_day = as_of
            .and_hms_opt(23, 59, 59)
            .and_then(|t| now.offset().from_local_datetime(&t).single())
            .ok_or(Error::Internal("summary day out of range"))?;
        let recovery = self.recovery_summary(&FixedClock(end_of_day))?;
        let mut insights = self.insights(range)?;
        leave_out_unchosen(&mut insights, &sections);
        let plan = if sections.contains(&SummarySection::Plan) {
            Some(self.plan()?.plan).filter(|p| !p.is_empty())
        } else {
            None
        };
        let journal = if sections.contains(&SummarySection::JournalExcerpts) {
            self.journal_excerpts(range)?
        } else {
            Vec::new()
        };
        let notes = if request.include_notes {
            self.shared_notes(range, &sections)?
        } else {
            Vec::new()
        };
        Ok(SummaryReport {
            generated_on: day_text(today),
            range: range.to_day_range(),
            sections,
            recovery,
            insights,
            plan,
            journal,
            notes,
        })
    }

    /// The journal entries of the range, oldest first.
    fn journal_excerpts(&self, range: ValidRange) -> Result<Vec<JournalExcerpt>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT entry_date, body, went_well FROM journal_entry \
             WHERE deleted_at IS NULL AND entry_date BETWEEN ?1 AND ?2 ORDER BY entry_date, id",
        )?;
        let rows = stmt.query_map(params![day_text(range.from), day_text(range.to)], |r| {
            Ok(JournalExcerpt {
                day: r.get(0)?,
                text: r.get(1)?,
                went_well: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The private notes written on the range's cravings, moods, check-ins and lapses, oldest
    /// first: each kind only when its section is among `sections`, so ticking "notes" never
    /// shares a lapse's reflections (or any note) from a section the person left out.
    fn shared_notes(
        &self,
        range: ValidRange,
        sections: &[SummarySection],
    ) -> Result<Vec<SharedNote>> {
        let b = InstantBounds::of_days(range.from, range.to);
        let bounds = [b.utc_from, b.utc_to, b.local_from, b.local_to];
        let mut notes: Vec<SortedNote> = Vec::new();
        let shared = |kind: NoteKind| sections.contains(&note_section(kind));
        let timed = |millis: i64, offset: i64| -> Result<(NaiveDate, u8, i64)> {
            let at =
                wall_clock(millis, offset).ok_or(Error::Internal("stored time out of range"))?;
            Ok((at.day, 0, millis + offset * 1000))
        };
        for (kind, sql) in TIMED_NOTES_SQL.into_iter().filter(|(k, _)| shared(*k)) {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let mut rows = stmt.query(bounds)?;
            while let Some(r) = rows.next()? {
                let key = timed(r.get(0)?, r.get(1)?)?;
                notes.push((key, note(key.0, kind, r.get(2)?)));
            }
        }
        if shared(NoteKind::Lapse) {
            let mut stmt = self.conn.prepare_cached(LAPSE_NOTES_SQL)?;
            let mut rows = stmt.query(bounds)?;
            while let Some(r) = rows.next()? {
                let key = timed(r.get(0)?, r.get(1)?)?;
                let texts: [Option<String>; 3] = [r.get(2)?, r.get(3)?, r.get(4)?];
                let parts: Vec<String> = LAPSE_PARTS
                    .iter()
                    .zip(texts)
                    .filter_map(|(label, text)| text.map(|t| format!("{label}: {t}")))
                    .collect();
                if !parts.is_empty() {
                    notes.push((key, note(key.0, NoteKind::Lapse, parts.join("\n"))));
                }
            }
        }
        if shared(NoteKind::Checkin) {
            let mut stmt = self.conn.prepare_cached(
                "SELECT checkin_date, note FROM daily_checkin WHERE deleted_at IS NULL \
                 AND note IS NOT NULL AND checkin_date BETWEEN ?1 AND ?2",
            )?;
            let mut rows = stmt.query(params![day_text(range.from), day_text(range.to)])?;
            while let Some(r) = rows.next()? {
                let day = parse_stored_day(&r.get::<_, String>(0)?)?;
                notes.push(((day, 1, 0), note(day, NoteKind::Checkin, r.get(1)?)));
            }
        }
        notes.sort_by_key(|(key, _)| *key);
        Ok(notes.into_iter().map(|(_, n)| n).collect())
    }
}

/// The section a note belongs to: it is shared only when that section is.
fn note_section(kind: NoteKind) -> SummarySection {
    match kind {
        NoteKind::Craving => SummarySection::CravingsAndTriggers,
        NoteKind::Mood => SummarySection::Mood,
        NoteKind::Checkin => SummarySection::CheckinsAndMedication,
        NoteKind::Lapse => SummarySection::Lapses,
    }
}

fn note(day: NaiveDate, kind: NoteKind, text: String) -> SharedNote {
    SharedNote {
        day: day_text(day),
        kind,
        text,
    }
}
