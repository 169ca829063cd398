//! The timeline: every kind of entry by day, as one-line summaries.

use chrono::{Duration, NaiveDate};

use super::deletion::table;
use super::Store;
use crate::error::{Result, ValidationError};
use crate::journal::content::journal_content;
use crate::journal::fields::parse_day;
use crate::journal::kind::{TimelineQuery, TIMELINE_MAX_DAYS};
use crate::journal::{
    CheckinId, Clock, CravingId, EntryKind, EntryRef, JournalEntryId, LapseId, MoodId, ReviewId,
    TimelineItem,
};

/// The longest excerpt shown in a timeline line, in characters.
const EXCERPT_CHARS: usize = 160;
/// How far a stored offset can move an instant's day, so a UTC range safely covers local days.
const MAX_OFFSET_MS: i64 = 26 * 3600 * 1000;

/// The first `EXCERPT_CHARS` characters of a text, on one line.
pub(super) fn excerpt(text: Option<&str>) -> Option<String> {
    let text = text?.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return None;
    }
    if text.chars().count() <= EXCERPT_CHARS {
        return Some(text);
    }
    let cut: String = text.chars().take(EXCERPT_CHARS).collect();
    Some(format!("{}…", cut.trim_end()))
}

fn feeling_labels(keys: &[String]) -> String {
    keys.iter()
        .map(|k| {
            journal_content()
                .feeling
                .iter()
                .find(|f| &f.key == k)
                .map_or(k.as_str(), |f| f.label.as_str())
                .to_lowercase()
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Orders items newest day first, and within a day newest first (untimed entries last).
pub(super) fn sort_newest_first(items: &mut [TimelineItem]) {
    items.sort_by(|a, b| {
        b.day
            .cmp(&a.day)
            .then_with(|| b.at.cmp(&a.at))
            .then_with(|| b.entry.id.cmp(&a.entry.id))
    });
}

fn day_of(rfc3339: &str) -> String {
    rfc3339.get(..10).unwrap_or(rfc3339).to_string()
}

impl Store {
    /// One entry as a timeline line.
    pub fn entry_item(&self, entry: EntryRef) -> Result<TimelineItem> {
        let item =
            |day: String, at: Option<String>, summary: String, text: Option<&str>| TimelineItem {
                entry,
                day,
                at,
                summary,
                excerpt: excerpt(text),
            };
        Ok(match entry.kind {
            EntryKind::Craving => {
                let c = self.craving(CravingId(entry.id))?;
                let mut summary = format!("Craving {}/10", c.intensity);
                if let Some(outcome) = c.outcome {
                    summary.push_str(&format!(", {}", outcome.label()));
                }
                if !c.triggers.is_empty() {
                    let names: Vec<_> = c.triggers.iter().map(|t| t.name.as_str()).collect();
                    summary.push_str(&format!(" · {}", names.join(", ")));
                }
                item(
                    day_of(&c.occurred_at),
                    Some(c.occurred_at.clone()),
                    summary,
                    c.note.as_deref(),
                )
            }
            EntryKind::Mood => {
                let m = self.mood(MoodId(entry.id))?;
                let mut summary = format!("Mood {}/10", m.mood);
                if !m.feelings.is_empty() {
                    summary.push_str(&format!(" · {}", feeling_labels(&m.feelings)));
                }
                item(
                    day_of(&m.occurred_at),
                    Some(m.occurred_at.clone()),
                    summary,
                    m.note.as_deref(),
                )
            }
            EntryKind::Journal => {
                let j = self.journal_entry(JournalEntryId(entry.id))?;
                let mut summary = "Journal entry".to_string();
                if !j.tags.is_empty() {
                    let tags: Vec<_> = j.tags.iter().map(|t| format!("#{t}")).collect();
                    summary.push_str(&format!(" · {}", tags.join(" ")));
                }
                item(j.date.clone(), None, summary, Some(&j.body))
            }
            EntryKind::Checkin => {
                let c = self.checkin(CheckinId(entry.id))?;
                let answered = c
                    .answers
                    .labelled()
                    .iter()
                    .filter(|(_, _, a)| a.is_some())
                    .count();
                let mut summary = format!("Daily check-in · {answered} answered");
                if let Some(rating) = c.day_rating {
                    summary.push_str(&format!(", day {rating}/10"));
                }
                item(c.date.clone(), None, summary, c.note.as_deref())
            }
            EntryKind::Review => {
                let r = self.review(ReviewId(entry.id))?;
                let summary = format!("Weekly review · {} answers", r.answers.len());
                item(r.week_start.clone(), None, summary, r.note.as_deref())
            }
            EntryKind::Lapse => {
                let l = self.lapse(LapseId(entry.id))?;
                let summary = if l.restarts_counter {
                    "Lapse · counter started again".to_string()
                } else {
                    "Lapse".to_string()
                };
                let text = l.learned.as_deref().or(l.situation.as_deref());
                item(
                    day_of(&l.occurred_at),
                    Some(l.occurred_at.clone()),
                    summary,
                    text,
                )
            }
        })
    }

    fn ids_in_range(&self, kind: EntryKind, from: NaiveDate, to: NaiveDate) -> Result<Vec<i64>> {
        let sql = match kind {
            EntryKind::Craving | EntryKind::Mood | EntryKind::Lapse => format!(
                "SELECT id FROM {} WHERE deleted_at IS NULL AND occurred_at BETWEEN ?3 AND ?4 \
                 AND date((occurred_at / 1000) + utc_offset, 'unixepoch') BETWEEN ?1 AND ?2",
                table(kind)
            ),
            EntryKind::Journal => "SELECT id FROM journal_entry WHERE deleted_at IS NULL \
                 AND entry_date BETWEEN ?1 AND ?2 AND ?3 <= ?4"
                .to_string(),
            EntryKind::Checkin => "SELECT id FROM daily_checkin WHERE deleted_at IS NULL \
                 AND checkin_date BETWEEN ?1 AND ?2 AND ?3 <= ?4"
                .to_string(),
            EntryKind::Review => "SELECT id FROM weekly_review WHERE deleted_at IS NULL \
                 AND week_start BETWEEN ?1 AND ?2 AND ?3 <= ?4"
                .to_string(),
        };
        // Checked and saturating: the last day chrono can hold has no day after it.
        let start_ms = from
            .and_hms_opt(0, 0, 0)
            .map_or(i64::MIN, |t| t.and_utc().timestamp_millis())
            .saturating_sub(MAX_OFFSET_MS);
        let end_ms = to
            .checked_add_signed(Duration::days(1))
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map_or(i64::MAX, |t| t.and_utc().timestamp_millis())
            .saturating_add(MAX_OFFSET_MS);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params![from.to_string(), to.to_string(), start_ms, end_ms],
            |r| r.get(0),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every entry of the chosen kinds between two days, newest day first, and within a day
    /// newest first.
    pub fn timeline(&self, query: &TimelineQuery, clock: &dyn Clock) -> Result<Vec<TimelineItem>> {
        let now = clock.now();
        let to = match query.to.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            None => now.date_naive(),
            Some(text) => parse_day("to", text)?,
        };
        let from = match query
            .from
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            None => to
                .checked_sub_signed(Duration::days(30))
                .unwrap_or(NaiveDate::MIN),
            Some(text) => parse_day("from", text)?,
        };
        if from > to {
            return Err(ValidationError::new(
                "from",
                "The first day must not be after the last day.",
            )
            .into());
        }
        if to - from > Duration::days(TIMELINE_MAX_DAYS) {
            return Err(ValidationError::new(
                "from",
                format!("Show at most {TIMELINE_MAX_DAYS} days at a time."),
            )
            .into());
        }
        let kinds: Vec<EntryKind> = if query.kinds.is_empty() {
            EntryKind::ALL.to_vec()
        } else {
            query.kinds.clone()
        };
        let mut items = Vec::new();
        for kind in kinds {
            for id in self.ids_in_range(kind, from, to)? {
                items.push(self.entry_item(EntryRef { kind, id })?);
            }
        }
        sort_newest_first(&mut items);
        Ok(items)
    }
}
