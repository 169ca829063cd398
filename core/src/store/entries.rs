//! The daily journal repository: `journal_entry` with its tags in `journal_tag`. At most one live
//! entry per day.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::rows::{day_taken, day_text, found, require_live};
use super::Store;
use crate::error::{Error, Result, ValidationError};
use crate::journal::entry::ValidJournalEntry;
use crate::journal::{Clock, JournalEntry, JournalEntryId, NewJournalEntry};

/// What [`Store::journal_entry`] reports when an entry is missing or deleted.
const WHAT: &str = "journal entry";

/// The table of entries, and its column of the day each is for.
const TABLE: &str = "journal_entry";
const DAY_COLUMN: &str = "entry_date";

/// The refusal when a day already has a live entry.
fn day_refused() -> Error {
    Error::Invalid(ValidationError::new(
        "date",
        "There is already a journal entry for that day; open it to add to it.",
    ))
}

/// One `journal_entry` row (`id, entry_date, body, went_well`), before its tags are attached.
struct EntryRow {
    id: i64,
    date: String,
    body: String,
    went_well: Option<String>,
}

impl EntryRow {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            date: row.get(1)?,
            body: row.get(2)?,
            went_well: row.get(3)?,
        })
    }
}

/// Turns a row into a [`JournalEntry`], reading its tags in sorted order.
fn to_entry(conn: &Connection, row: EntryRow) -> Result<JournalEntry> {
    let mut stmt =
        conn.prepare_cached("SELECT tag FROM journal_tag WHERE entry_id = ?1 ORDER BY tag")?;
    let tags = stmt
        .query_map([row.id], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(JournalEntry {
        id: JournalEntryId(row.id),
        date: row.date,
        body: row.body,
        went_well: row.went_well,
        tags,
    })
}

/// Replaces the tags of entry `id` with `tags` (already validated, no repeats).
fn write_tags(conn: &Connection, id: i64, tags: &[String]) -> Result<()> {
    conn.prepare_cached("DELETE FROM journal_tag WHERE entry_id = ?1")?
        .execute([id])?;
    let mut insert =
        conn.prepare_cached("INSERT INTO journal_tag (entry_id, tag) VALUES (?1, ?2)")?;
    for tag in tags {
        insert.execute(params![id, tag])?;
    }
    Ok(())
}

impl Store {
    /// Validates and saves a journal entry with its tags, all or nothing. Refuses (field
    /// `date`) a day that already has an entry; nothing is written when anything is refused.
    pub fn add_journal_entry(
        &self,
        input: &NewJournalEntry,
        clock: &dyn Clock,
    ) -> Result<JournalEntry> {
        self.save_journal_entry(None, input, clock)
    }

    /// Validates and replaces a journal entry's day, text, "went well" and tags, all or
    /// nothing. Fails with [`Error::NotFound`] when it does not exist or was deleted, and
    /// refuses (field `date`) a day that already has another entry; nothing is written when
    /// anything is refused.
    pub fn update_journal_entry(
        &self,
        id: JournalEntryId,
        input: &NewJournalEntry,
        clock: &dyn Clock,
    ) -> Result<JournalEntry> {
        self.save_journal_entry(Some(id), input, clock)
    }

    /// Validates `input` and saves it as a new entry, or over live entry `id`, with its tags,
    /// all or nothing.
    fn save_journal_entry(
        &self,
        id: Option<JournalEntryId>,
        input: &NewJournalEntry,
        clock: &dyn Clock,
    ) -> Result<JournalEntry> {
        let now = clock.now();
        let ValidJournalEntry {
            date,
            body,
            went_well,
            tags,
        } = input.validate(now)?;
        let day = day_text(date);
        let tx = self.conn.unchecked_transaction()?;
        if let Some(id) = id {
            require_live(&tx, TABLE, id.0, WHAT)?;
        }
        if day_taken(&tx, TABLE, DAY_COLUMN, &day, id.map(|id| id.0))? {
            return Err(day_refused());
        }
        let id = match id {
            None => {
                tx.prepare_cached(
                    "INSERT INTO journal_entry (entry_date, body, went_well, created_at) \
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![day, body, went_well, now.timestamp_millis()])?;
                tx.last_insert_rowid()
            }
            Some(id) => {
                tx.prepare_cached(
                    "UPDATE journal_entry SET entry_date = ?2, body = ?3, went_well = ?4, \
                     updated_at = ?5 WHERE id = ?1 AND deleted_at IS NULL",
                )?
                .execute(params![
                    id.0,
                    day,
                    body,
                    went_well,
                    now.timestamp_millis()
                ])?;
                id.0
            }
        };
        write_tags(&tx, id, &tags)?;
        tx.commit()?;
        self.journal_entry(JournalEntryId(id))
    }

    /// One journal entry by id; [`Error::NotFound`] when it does not exist or was deleted.
    pub fn journal_entry(&self, id: JournalEntryId) -> Result<JournalEntry> {
        let row = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, entry_date, body, went_well FROM journal_entry \
                 WHERE id = ?1 AND deleted_at IS NULL",
            )?;
            found(stmt.query_row([id.0], EntryRow::from_row), WHAT)?
        };
        to_entry(&self.conn, row)
    }

    /// The live journal entry for `day`, if there is one.
    pub fn journal_entry_on(&self, day: NaiveDate) -> Result<Option<JournalEntry>> {
        let row = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, entry_date, body, went_well FROM journal_entry \
                 WHERE entry_date = ?1 AND deleted_at IS NULL",
            )?;
            stmt.query_row([day_text(day)], EntryRow::from_row)
                .optional()?
        };
        row.map(|row| to_entry(&self.conn, row)).transpose()
    }

    /// The newest `limit` journal entries, newest day first.
    pub fn list_journal_entries(&self, limit: u32) -> Result<Vec<JournalEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, entry_date, body, went_well FROM journal_entry \
             WHERE deleted_at IS NULL ORDER BY entry_date DESC, id DESC LIMIT ?1",
        )?;
        let rows = stmt
            .query_map([limit], EntryRow::from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|row| to_entry(&self.conn, row))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use chrono::{DateTime, Duration, FixedOffset};
    use proptest::prelude::*;
    use proptest::test_runner::TestRunner;

    use super::*;
    use crate::journal::clock::FixedClock;
    use crate::store::testing::{at, count, day, soft_delete, stamps, temp_store};

    fn now() -> DateTime<FixedOffset> {
        // Late evening west of UTC: the person's today is the 22nd, UTC's is already the 23rd.
        at("2026-11-22T21:00:00-05:00")
    }

    fn clock() -> FixedClock {
        FixedClock(now())
    }

    /// How many entries and tags are stored, deleted ones included.
    fn counts(store: &Store) -> (i64, i64) {
        (count(store, TABLE), count(store, "journal_tag"))
    }

    fn entry(
        date: Option<&str>,
        body: &str,
        went_well: Option<&str>,
        tags: &[&str],
    ) -> NewJournalEntry {
        NewJournalEntry {
            date: date.map(str::to_string),
            body: body.to_string(),
            went_well: went_well.map(str::to_string),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn an_entry_comes_back_as_saved_with_sorted_tags() {
        let (_dir, store) = temp_store();
        let saved = store
            .add_journal_entry(
                &entry(
                    Some("2026-11-20"),
                    "  # Thursday\n\nA **long** day at work.\n",
                    Some(" Called my sister "),
                    &["Work", "#family", "work", " sleep "],
                ),
                &clock(),
            )
            .unwrap();
        let expected = JournalEntry {
            id: saved.id,
            date: "2026-11-20".into(),
            body: "# Thursday\n\nA **long** day at work.".into(),
            went_well: Some("Called my sister".into()),
            tags: vec!["family".into(), "sleep".into(), "work".into()],
        };
        assert_eq!(saved, expected);
        assert_eq!(store.journal_entry(saved.id).unwrap(), expected);
        assert_eq!(
            store.journal_entry_on(day("2026-11-20")).unwrap(),
            Some(expected.clone())
        );
        assert_eq!(store.journal_entry_on(day("2026-11-21")).unwrap(), None);
        assert_eq!(store.list_journal_entries(10).unwrap(), vec![expected]);
        assert_eq!(counts(&store), (1, 3));
        assert_eq!(
            stamps(&store, TABLE, saved.id.0),
            (now().timestamp_millis(), None)
        );
    }

    #[test]
    fn a_missing_date_means_the_persons_today() {
        let (_dir, store) = temp_store();
        let saved = store
            .add_journal_entry(&entry(None, "Tonight was fine.", None, &[]), &clock())
            .unwrap();
        assert_eq!(saved.date, "2026-11-22");
        assert_eq!(saved.went_well, None);
        assert!(saved.tags.is_empty());
        assert_eq!(
            store.journal_entry_on(day("2026-11-22")).unwrap(),
            Some(saved)
        );
    }

    #[test]
    fn entries_are_listed_newest_day_first_up_to_the_limit() {
        let (_dir, store) = temp_store();
        let mut ids = Vec::new();
        for date in ["2026-11-19", "2026-11-22", "2025-12-31", "2026-11-20"] {
            let saved = store
                .add_journal_entry(&entry(Some(date), date, None, &[]), &clock())
                .unwrap();
            ids.push(saved.id);
        }
        let listed: Vec<String> = store
            .list_journal_entries(10)
            .unwrap()
            .into_iter()
            .map(|e| e.date)
            .collect();
        assert_eq!(
            listed,
            vec!["2026-11-22", "2026-11-20", "2026-11-19", "2025-12-31"]
        );
        let two: Vec<JournalEntryId> = store
            .list_journal_entries(2)
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(two, vec![ids[1], ids[3]]);
    }

    #[test]
    fn an_update_changes_every_field_and_keeps_the_id() {
        let (_dir, store) = temp_store();
        let first = store
            .add_journal_entry(
                &entry(
                    Some("2026-11-21"),
                    "First draft",
                    Some("Slept"),
                    &["a", "b"],
                ),
                &clock(),
            )
            .unwrap();
        let later = FixedClock(at("2026-11-23T08:00:00+00:00"));
        let updated = store
            .update_journal_entry(
                first.id,
                &entry(Some("2026-11-18"), "Second draft", None, &["c", "#B"]),
                &later,
            )
            .unwrap();
        let expected = JournalEntry {
            id: first.id,
            date: "2026-11-18".into(),
            body: "Second draft".into(),
            went_well: None,
            tags: vec!["b".into(), "c".into()],
        };
        assert_eq!(updated, expected);
        assert_eq!(store.journal_entry(first.id).unwrap(), expected);
        assert_eq!(store.journal_entry_on(day("2026-11-21")).unwrap(), None);
        assert_eq!(
            store.journal_entry_on(day("2026-11-18")).unwrap(),
            Some(expected.clone())
        );
        assert_eq!(store.list_journal_entries(10).unwrap(), vec![expected]);
        assert_eq!(counts(&store), (1, 2));
        let (created, updated_at) = stamps(&store, TABLE, first.id.0);
        assert_eq!(created, now().timestamp_millis());
        assert_eq!(updated_at, Some(later.0.timestamp_millis()));
        // Saving an entry on its own day again is not a clash with itself.
        let same_day = store
            .update_journal_entry(
                first.id,
                &entry(Some("2026-11-18"), "Third", None, &[]),
                &later,
            )
            .unwrap();
        assert_eq!(same_day.body, "Third");
        assert_eq!(counts(&store), (1, 0));
    }

    #[test]
    fn invalid_entries_write_nothing() {
        let (_dir, store) = temp_store();
        let kept = store
            .add_journal_entry(
                &entry(Some("2026-11-01"), "Kept", None, &["keep"]),
                &clock(),
            )
            .unwrap();
        let before = counts(&store);
        let long_tag = "t".repeat(41);
        let bad = [
            (entry(Some("2026-11-02"), "   ", None, &[]), "body"),
            (entry(Some("2026-11-23"), "Tomorrow", None, &[]), "date"),
            (entry(Some("22/11/2026"), "Text", None, &[]), "date"),
            (
                entry(Some("2026-11-02"), "Text", Some("a\u{7}b"), &[]),
                "wentWell",
            ),
            (
                entry(Some("2026-11-02"), "Text", None, &["ok", &long_tag]),
                "tags",
            ),
            (entry(Some("2026-11-02"), "bad\u{0}", None, &[]), "body"),
        ];
        for (bad, field) in &bad {
            let err = store.add_journal_entry(bad, &clock()).unwrap_err();
            assert_eq!(err.field(), Some(*field));
            let err = store
                .update_journal_entry(kept.id, bad, &clock())
                .unwrap_err();
            assert_eq!(err.field(), Some(*field));
        }
        assert_eq!(counts(&store), before);
        assert_eq!(store.journal_entry(kept.id).unwrap(), kept);
    }

    #[test]
    fn a_second_entry_for_a_day_is_refused_and_writes_nothing() {
        let (_dir, store) = temp_store();
        let first = store
            .add_journal_entry(&entry(Some("2026-11-20"), "One", None, &["x"]), &clock())
            .unwrap();
        let other = store
            .add_journal_entry(&entry(Some("2026-11-21"), "Two", None, &["y"]), &clock())
            .unwrap();
        let before = counts(&store);
        let err = store
            .add_journal_entry(&entry(Some("2026-11-20"), "Again", None, &["z"]), &clock())
            .unwrap_err();
        assert_eq!(err.field(), Some("date"));
        assert_eq!(
            err.to_string(),
            "There is already a journal entry for that day; open it to add to it."
        );
        let err = store
            .update_journal_entry(
                other.id,
                &entry(Some("2026-11-20"), "Moved", None, &["z"]),
                &clock(),
            )
            .unwrap_err();
        assert_eq!(err.field(), Some("date"));
        assert_eq!(counts(&store), before);
        assert_eq!(store.journal_entry(first.id).unwrap(), first);
        assert_eq!(store.journal_entry(other.id).unwrap(), other);
    }

    #[test]
    fn a_missing_entry_is_not_found_and_nothing_is_written() {
        let (_dir, store) = temp_store();
        assert!(matches!(
            store.journal_entry(JournalEntryId(7)),
            Err(Error::NotFound("journal entry"))
        ));
        let err = store
            .update_journal_entry(
                JournalEntryId(7),
                &entry(None, "Text", None, &["t"]),
                &clock(),
            )
            .unwrap_err();
        assert!(matches!(err, Error::NotFound("journal entry")), "{err:?}");
        assert_eq!(counts(&store), (0, 0));
    }

    #[test]
    fn a_deleted_entry_is_invisible_and_frees_its_day() {
        let (_dir, store) = temp_store();
        let gone = store
            .add_journal_entry(&entry(Some("2026-11-20"), "Gone", None, &["old"]), &clock())
            .unwrap();
        soft_delete(&store, TABLE, gone.id.0);
        assert!(matches!(
            store.journal_entry(gone.id),
            Err(Error::NotFound("journal entry"))
        ));
        assert_eq!(store.journal_entry_on(day("2026-11-20")).unwrap(), None);
        assert!(store.list_journal_entries(10).unwrap().is_empty());
        let err = store
            .update_journal_entry(
                gone.id,
                &entry(Some("2026-11-19"), "Back", None, &[]),
                &clock(),
            )
            .unwrap_err();
        assert!(matches!(err, Error::NotFound("journal entry")), "{err:?}");

        let fresh = store
            .add_journal_entry(
                &entry(Some("2026-11-20"), "Fresh", None, &["new"]),
                &clock(),
            )
            .unwrap();
        assert_ne!(fresh.id, gone.id);
        assert_eq!(
            store.journal_entry_on(day("2026-11-20")).unwrap(),
            Some(fresh.clone())
        );
        assert_eq!(store.list_journal_entries(10).unwrap(), vec![fresh]);
        // The deleted entry and its tags are kept for undo.
        assert_eq!(counts(&store), (2, 2));
    }

    #[test]
    fn any_entry_round_trips_or_is_refused_whole() {
        let (_dir, store) = temp_store();
        let next_day = Cell::new(0i64);
        let strategy = (
            "([^\\p{Cc}]|\n){0,300}",
            proptest::option::of("([^\\p{Cc}]|\n){0,60}"),
            proptest::collection::vec("#?[A-Za-zÀ-ÿ0-9 _-]{0,16}", 0..8),
        );
        let mut runner = TestRunner::new(ProptestConfig::with_cases(32));
        runner
            .run(&strategy, |(body, went_well, tags)| {
                // A fresh day for every case, so no case clashes with an earlier one.
                let date = now().date_naive() - Duration::days(next_day.get());
                next_day.set(next_day.get() + 1);
                let input = NewJournalEntry {
                    date: Some(day_text(date)),
                    body,
                    went_well,
                    tags,
                };
                let before = counts(&store);
                match input.validate(now()) {
                    Err(refused) => {
                        let err = store.add_journal_entry(&input, &clock()).unwrap_err();
                        prop_assert_eq!(err.field(), Some(refused.field));
                        prop_assert_eq!(counts(&store), before);
                    }
                    Ok(valid) => {
                        let saved = store.add_journal_entry(&input, &clock()).unwrap();
                        let mut tags = valid.tags.clone();
                        tags.sort();
                        let expected = JournalEntry {
                            id: saved.id,
                            date: day_text(date),
                            body: input.body.trim().to_string(),
                            went_well: valid.went_well,
                            tags,
                        };
                        prop_assert_eq!(&saved, &expected);
                        prop_assert_eq!(&store.journal_entry(saved.id).unwrap(), &expected);
                        prop_assert_eq!(
                            store.journal_entry_on(date).unwrap(),
                            Some(expected.clone())
                        );
                        prop_assert!(store
                            .list_journal_entries(u32::MAX)
                            .unwrap()
                            .contains(&expected));
                    }
                }
                Ok(())
            })
            .unwrap();
    }
}
