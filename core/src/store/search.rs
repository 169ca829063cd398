//! Full-text search across every kind of entry, inside the encrypted database (SQLite FTS5).

use super::Store;
use crate::error::{Result, ValidationError};
use crate::journal::kind::{MATCH_END, MATCH_START};
use crate::journal::{EntryKind, EntryRef, TimelineItem};

/// The longest search text, in characters.
pub const SEARCH_MAX_CHARS: usize = 200;
/// The most words a search may hold.
const SEARCH_MAX_WORDS: usize = 16;

/// Turns what the person typed into an FTS5 query that can never be a syntax error: each word
/// becomes a quoted term, and every term must match. The index stems English words (Porter), so
/// "walk" finds "walked" and "walking"; there is no prefix matching, which would make FTS5 read
/// and merge every match of a common word (about 100 ms at ten years of entries, against 5 ms).
pub fn fts_query(text: &str) -> Result<String, ValidationError> {
    if text.chars().count() > SEARCH_MAX_CHARS {
        return Err(ValidationError::new(
            "query",
            format!("Search for at most {SEARCH_MAX_CHARS} characters."),
        ));
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Err(ValidationError::new("query", "Type a word to search for."));
    }
    if words.len() > SEARCH_MAX_WORDS {
        return Err(ValidationError::new(
            "query",
            format!("Search for at most {SEARCH_MAX_WORDS} words."),
        ));
    }
    Ok(words
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" "))
}

/// The FTS5 table that indexes each kind of entry, keyed by the entry's id.
fn index_table(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Craving => "search_craving",
        EntryKind::Mood => "search_mood",
        EntryKind::Journal => "search_journal",
        EntryKind::Checkin => "search_checkin",
        EntryKind::Review => "search_review",
        EntryKind::Lapse => "search_lapse",
    }
}

/// SQL for an entry's place in time: its table, its person's-own day, and its instant (NULL for
/// kinds that belong to a whole day).
fn time_columns(kind: EntryKind) -> (&'static str, &'static str, &'static str) {
    const LOCAL_DAY: &str = "date((e.occurred_at / 1000) + e.utc_offset, 'unixepoch')";
    match kind {
        EntryKind::Craving => ("craving", LOCAL_DAY, "e.occurred_at"),
        EntryKind::Mood => ("mood_checkin", LOCAL_DAY, "e.occurred_at"),
        EntryKind::Lapse => ("lapse", LOCAL_DAY, "e.occurred_at"),
        EntryKind::Journal => ("journal_entry", "e.entry_date", "NULL"),
        EntryKind::Checkin => ("daily_checkin", "e.checkin_date", "NULL"),
        EntryKind::Review => ("weekly_review", "e.week_start", "NULL"),
    }
}

/// A match before it is turned into a timeline line.
struct Hit {
    entry: EntryRef,
    day: String,
    at: Option<i64>,
    snippet: String,
}

impl Store {
    /// The newest `limit` entries matching `text`, newest first, with the matching words marked
    /// in each excerpt.
    ///
    /// Newest first rather than by relevance: it is what a person looking for something they
    /// wrote expects, and it lets FTS5 stop after `limit` matches of each kind (ids grow with
    /// time) instead of scoring every match of a common word across years of entries. Only the
    /// `limit` newest of all kinds are then read in full.
    pub fn search(&self, text: &str, limit: u32) -> Result<Vec<TimelineItem>> {
        let query = fts_query(text)?;
        let mut hits = Vec::new();
        for kind in EntryKind::ALL {
            let index = index_table(kind);
            let (table, day, at) = time_columns(kind);
            let sql = format!(
                "SELECT s.rowid, {day}, {at}, \
                 snippet({index}, 0, '{MATCH_START}', '{MATCH_END}', '…', 16) \
                 FROM {index} s JOIN {table} e ON e.id = s.rowid \
                 WHERE {index} MATCH ?1 ORDER BY s.rowid DESC LIMIT ?2"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params![query, limit], |r| {
                Ok(Hit {
                    entry: EntryRef {
                        kind,
                        id: r.get(0)?,
                    },
                    day: r.get(1)?,
                    at: r.get(2)?,
                    snippet: r.get(3)?,
                })
            })?;
            for row in rows {
                hits.push(row?);
            }
        }
        hits.sort_by(|a, b| {
            b.day
                .cmp(&a.day)
                .then_with(|| b.at.cmp(&a.at))
                .then_with(|| b.entry.id.cmp(&a.entry.id))
        });
        hits.truncate(limit as usize);
        hits.into_iter()
            .map(|hit| {
                let mut item = self.entry_item(hit.entry)?;
                item.excerpt = Some(hit.snippet.split_whitespace().collect::<Vec<_>>().join(" "));
                Ok(item)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn typed_text_becomes_quoted_terms() {
        assert_eq!(fts_query("  walk, park!").unwrap(), "\"walk\" \"park\"");
        assert_eq!(fts_query("\"OR NOT").unwrap(), "\"OR\" \"NOT\"");
        assert_eq!(fts_query(" -*- ").unwrap_err().field, "query");
    }

    proptest! {
        #[test]
        fn queries_only_ever_hold_words_quotes_and_spaces(text in "(?s).{0,100}") {
            if let Ok(q) = fts_query(&text) {
                prop_assert!(q.chars().all(|c| c.is_alphanumeric() || c == '"' || c == ' '));
            }
        }
    }
}
