//! Full-text search across every kind of entry, inside the encrypted database (SQLite FTS5).

use super::timeline::sort_newest_first;
use super::Store;
use crate::error::{Result, ValidationError};
use crate::journal::kind::{MATCH_END, MATCH_START};
use crate::journal::{EntryKind, EntryRef, TimelineItem};

/// The longest search text, in characters.
pub const SEARCH_MAX_CHARS: usize = 200;
/// The most words a search may hold.
const SEARCH_MAX_WORDS: usize = 16;

/// Turns what the person typed into an FTS5 query that can never be a syntax error: each word
/// becomes a quoted prefix term, and every term must match.
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
        .map(|w| format!("\"{w}\"*"))
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

impl Store {
    /// The newest `limit` entries matching `text`, newest first, with the matching words marked
    /// in each excerpt.
    ///
    /// Newest first rather than by relevance: it is what a person looking for something they
    /// wrote expects, and it lets FTS5 stop after `limit` matches of each kind (ids grow with
    /// time) instead of scoring every match of a common word across years of entries.
    pub fn search(&self, text: &str, limit: u32) -> Result<Vec<TimelineItem>> {
        let query = fts_query(text)?;
        let mut hits = Vec::new();
        for kind in EntryKind::ALL {
            let table = index_table(kind);
            let sql = format!(
                "SELECT rowid, snippet({table}, 0, '{MATCH_START}', '{MATCH_END}', '…', 16) \
                 FROM {table} WHERE {table} MATCH ?1 ORDER BY rowid DESC LIMIT ?2"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params![query, limit], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (id, snippet) = row?;
                let mut item = self.entry_item(EntryRef { kind, id })?;
                item.excerpt = Some(snippet.split_whitespace().collect::<Vec<_>>().join(" "));
                hits.push(item);
            }
        }
        sort_newest_first(&mut hits);
        hits.truncate(limit as usize);
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn typed_text_becomes_quoted_prefix_terms() {
        assert_eq!(fts_query("  walk, park!").unwrap(), "\"walk\"* \"park\"*");
        assert_eq!(fts_query("\"OR NOT").unwrap(), "\"OR\"* \"NOT\"*");
        assert_eq!(fts_query(" -*- ").unwrap_err().field, "query");
    }

    proptest! {
        #[test]
        fn queries_only_ever_hold_words_quotes_stars_and_spaces(text in "(?s).{0,100}") {
            if let Ok(q) = fts_query(&text) {
                prop_assert!(q.chars().all(|c| c.is_alphanumeric() || c == '"' || c == '*' || c == ' '));
            }
        }
    }
}
