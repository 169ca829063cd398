//! The mood check-in repository: `mood_checkin` with its feelings in `mood_feeling`.

use rusqlite::{params, Connection, Row};

use super::rows::{found, instant_text};
use super::Store;
use crate::error::{Error, Result};
use crate::journal::mood::{feeling_keys, ValidMood};
use crate::journal::{Clock, Mood, MoodId, NewMood};

/// What [`Store::mood`] and friends report when a check-in is missing or deleted.
const WHAT: &str = "mood check-in";

/// One `mood_checkin` row (`id, occurred_at, utc_offset, mood, note`), before its feelings are
/// attached.
struct MoodRow {
    id: i64,
    occurred_at: i64,
    utc_offset: i64,
    mood: u8,
    note: Option<String>,
}

impl MoodRow {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            occurred_at: row.get(1)?,
            utc_offset: row.get(2)?,
            mood: row.get(3)?,
            note: row.get(4)?,
        })
    }
}

/// Puts feeling keys in the order of the built-in list; keys no longer on it go last,
/// alphabetically.
fn sort_feelings(feelings: &mut [String]) {
    let order = feeling_keys();
    feelings.sort_by_cached_key(|f| {
        let position = order.iter().position(|k| k == f).unwrap_or(usize::MAX);
        (position, f.clone())
    });
}

/// The feelings of check-in `id`, in the built-in list's order.
fn feelings_of(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT feeling FROM mood_feeling WHERE mood_id = ?1")?;
    let mut feelings = stmt
        .query_map([id], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    sort_feelings(&mut feelings);
    Ok(feelings)
}

/// Replaces the feelings of check-in `id` with `feelings` (already validated, no repeats).
fn write_feelings(conn: &Connection, id: i64, feelings: &[String]) -> Result<()> {
    conn.prepare_cached("DELETE FROM mood_feeling WHERE mood_id = ?1")?
        .execute([id])?;
    let mut insert =
        conn.prepare_cached("INSERT INTO mood_feeling (mood_id, feeling) VALUES (?1, ?2)")?;
    for feeling in feelings {
        insert.execute(params![id, feeling])?;
    }
    Ok(())
}

/// Turns a row into a [`Mood`], reading its feelings.
fn to_mood(conn: &Connection, row: MoodRow) -> Result<Mood> {
    Ok(Mood {
        id: MoodId(row.id),
        occurred_at: instant_text(row.occurred_at, row.utc_offset)?,
        mood: row.mood,
        feelings: feelings_of(conn, row.id)?,
        note: row.note,
    })
}

impl Store {
    /// Validates and saves a mood check-in with its feelings, all or nothing; nothing is
    /// written when validation fails.
    pub fn add_mood(&self, input: &NewMood, clock: &dyn Clock) -> Result<Mood> {
        self.save_mood(None, input, clock)
    }

    /// Validates and replaces a mood check-in's time, score, feelings and note, all or
    /// nothing. Fails with [`Error::NotFound`] when it does not exist or was deleted; nothing is
    /// written when validation fails.
    pub fn update_mood(&self, id: MoodId, input: &NewMood, clock: &dyn Clock) -> Result<Mood> {
        self.save_mood(Some(id), input, clock)
    }

    /// Validates `input` and saves it as a new check-in, or over live check-in `id`, with its
    /// feelings, all or nothing.
    fn save_mood(&self, id: Option<MoodId>, input: &NewMood, clock: &dyn Clock) -> Result<Mood> {
        let now = clock.now();
        let ValidMood {
            mood,
            occurred_at,
            feelings,
            note,
        } = input.validate(now)?;
        let tx = self.conn.unchecked_transaction()?;
        let id = match id {
            None => {
                tx.prepare_cached(
                    "INSERT INTO mood_checkin (occurred_at, utc_offset, mood, note, created_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![
                    occurred_at.timestamp_millis(),
                    occurred_at.offset().local_minus_utc(),
                    mood,
                    note,
                    now.timestamp_millis(),
                ])?;
                tx.last_insert_rowid()
            }
            Some(id) => {
                let changed = tx
                    .prepare_cached(
                        "UPDATE mood_checkin SET occurred_at = ?2, utc_offset = ?3, mood = ?4, \
                         note = ?5, updated_at = ?6 WHERE id = ?1 AND deleted_at IS NULL",
                    )?
                    .execute(params![
                        id.0,
                        occurred_at.timestamp_millis(),
                        occurred_at.offset().local_minus_utc(),
                        mood,
                        note,
                        now.timestamp_millis(),
                    ])?;
                if changed == 0 {
                    return Err(Error::NotFound(WHAT));
                }
                id.0
            }
        };
        write_feelings(&tx, id, &feelings)?;
        tx.commit()?;
        self.mood(MoodId(id))
    }

    /// One mood check-in by id; [`Error::NotFound`] when it does not exist or was deleted.
    pub fn mood(&self, id: MoodId) -> Result<Mood> {
        let row = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, occurred_at, utc_offset, mood, note FROM mood_checkin \
                 WHERE id = ?1 AND deleted_at IS NULL",
            )?;
            found(stmt.query_row([id.0], MoodRow::from_row), WHAT)?
        };
        to_mood(&self.conn, row)
    }

    /// The newest `limit` mood check-ins, newest first (by when they happened, then by id).
    pub fn list_moods(&self, limit: u32) -> Result<Vec<Mood>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, occurred_at, utc_offset, mood, note FROM mood_checkin \
             WHERE deleted_at IS NULL ORDER BY occurred_at DESC, id DESC LIMIT ?1",
        )?;
        let rows = stmt
            .query_map([limit], MoodRow::from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|row| to_mood(&self.conn, row))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, FixedOffset};
    use proptest::prelude::*;
    use proptest::test_runner::TestRunner;

    use super::*;
    use crate::journal::clock::FixedClock;
    use crate::journal::craving::format_instant;
    use crate::store::testing::{at, count, soft_delete, stamps, temp_store};

    /// The table of mood check-ins.
    const TABLE: &str = "mood_checkin";

    fn now() -> DateTime<FixedOffset> {
        at("2026-11-22T15:00:00+01:00")
    }

    fn clock() -> FixedClock {
        FixedClock(now())
    }

    fn input(mood: i32, at: &str, feelings: &[&str], note: Option<&str>) -> NewMood {
        NewMood {
            mood,
            occurred_at: Some(at.to_string()),
            feelings: feelings.iter().map(|f| f.to_string()).collect(),
            note: note.map(str::to_string),
        }
    }

    #[test]
    fn a_mood_comes_back_as_saved_with_feelings_in_list_order() {
        let (_dir, store) = temp_store();
        // The built-in list puts "tired" before "hopeful", unlike the alphabet (and the table's
        // primary key), so only a deliberate sort gives this order.
        let saved = store
            .add_mood(
                &input(
                    7,
                    "2026-11-22T08:30:00-05:00",
                    &["hopeful", "tired", "anxious", "hopeful"],
                    Some("  Walked to the river\nfelt steadier  "),
                ),
                &clock(),
            )
            .unwrap();
        let expected = Mood {
            id: saved.id,
            occurred_at: "2026-11-22T08:30:00-05:00".to_string(),
            mood: 7,
            feelings: vec!["anxious".into(), "tired".into(), "hopeful".into()],
            note: Some("Walked to the river\nfelt steadier".into()),
        };
        assert_eq!(saved, expected);
        assert_eq!(store.mood(saved.id).unwrap(), expected);
        assert_eq!(store.list_moods(10).unwrap(), vec![expected]);
        assert_eq!(count(&store, "mood_feeling"), 3);
        assert_eq!(
            stamps(&store, TABLE, saved.id.0),
            (now().timestamp_millis(), None)
        );
    }

    #[test]
    fn a_missing_time_means_now_in_the_clocks_offset() {
        let (_dir, store) = temp_store();
        let saved = store
            .add_mood(
                &NewMood {
                    mood: 3,
                    ..Default::default()
                },
                &clock(),
            )
            .unwrap();
        assert_eq!(saved.occurred_at, "2026-11-22T15:00:00+01:00");
        assert_eq!(saved.feelings, Vec::<String>::new());
        assert_eq!(saved.note, None);
    }

    #[test]
    fn moods_are_listed_newest_first_up_to_the_limit() {
        let (_dir, store) = temp_store();
        let a = store
            .add_mood(&input(2, "2026-11-20T08:00:00+00:00", &[], None), &clock())
            .unwrap();
        let b = store
            .add_mood(&input(5, "2026-11-22T08:00:00+00:00", &[], None), &clock())
            .unwrap();
        let c = store
            .add_mood(&input(9, "2026-11-21T08:00:00+00:00", &[], None), &clock())
            .unwrap();
        // Same instant as `b`: the later id comes first.
        let d = store
            .add_mood(&input(4, "2026-11-22T09:00:00+01:00", &[], None), &clock())
            .unwrap();
        let ids: Vec<MoodId> = store.list_moods(10).unwrap().iter().map(|m| m.id).collect();
        assert_eq!(ids, vec![d.id, b.id, c.id, a.id]);
        let ids: Vec<MoodId> = store.list_moods(2).unwrap().iter().map(|m| m.id).collect();
        assert_eq!(ids, vec![d.id, b.id]);
        assert!(store.list_moods(0).unwrap().is_empty());
    }

    #[test]
    fn an_update_changes_every_field_and_keeps_the_id() {
        let (_dir, store) = temp_store();
        let first = store
            .add_mood(
                &input(
                    3,
                    "2026-11-21T22:00:00+00:00",
                    &["low", "lonely"],
                    Some("rough"),
                ),
                &clock(),
            )
            .unwrap();
        let later = FixedClock(at("2026-11-23T10:00:00+00:00"));
        let updated = store
            .update_mood(
                first.id,
                &input(6, "2026-11-22T07:15:00+02:00", &["proud", "restless"], None),
                &later,
            )
            .unwrap();
        let expected = Mood {
            id: first.id,
            occurred_at: "2026-11-22T07:15:00+02:00".to_string(),
            mood: 6,
            feelings: vec!["restless".into(), "proud".into()],
            note: None,
        };
        assert_eq!(updated, expected);
        assert_eq!(store.mood(first.id).unwrap(), expected);
        assert_eq!(store.list_moods(10).unwrap(), vec![expected]);
        assert_eq!(count(&store, TABLE), 1);
        assert_eq!(count(&store, "mood_feeling"), 2);
        let (created, updated_at) = stamps(&store, TABLE, first.id.0);
        assert_eq!(created, now().timestamp_millis());
        assert_eq!(updated_at, Some(later.0.timestamp_millis()));
    }

    #[test]
    fn invalid_moods_write_nothing() {
        let (_dir, store) = temp_store();
        let kept = store
            .add_mood(
                &input(5, "2026-11-22T08:00:00+00:00", &["calm"], Some("ok")),
                &clock(),
            )
            .unwrap();
        let before = (count(&store, TABLE), count(&store, "mood_feeling"));
        let bad = [
            (input(0, "2026-11-22T08:00:00+00:00", &[], None), "mood"),
            (input(11, "2026-11-22T08:00:00+00:00", &[], None), "mood"),
            (
                input(5, "2026-11-22T08:00:00+00:00", &["calm", "made_up"], None),
                "feelings",
            ),
            (
                input(5, "2099-01-01T00:00:00+00:00", &[], None),
                "occurredAt",
            ),
            (input(5, "yesterday", &[], None), "occurredAt"),
            (
                input(5, "2026-11-22T08:00:00+00:00", &[], Some("a\u{0}b")),
                "note",
            ),
        ];
        for (bad, field) in &bad {
            let err = store.add_mood(bad, &clock()).unwrap_err();
            assert_eq!(err.field(), Some(*field));
            let err = store.update_mood(kept.id, bad, &clock()).unwrap_err();
            assert_eq!(err.field(), Some(*field));
        }
        assert_eq!(
            (count(&store, TABLE), count(&store, "mood_feeling")),
            before
        );
        assert_eq!(store.mood(kept.id).unwrap(), kept);
    }

    #[test]
    fn updating_a_missing_mood_is_not_found_and_writes_nothing() {
        let (_dir, store) = temp_store();
        let err = store
            .update_mood(
                MoodId(42),
                &input(5, "2026-11-22T08:00:00+00:00", &["calm"], None),
                &clock(),
            )
            .unwrap_err();
        assert!(matches!(err, Error::NotFound("mood check-in")), "{err:?}");
        assert_eq!(count(&store, TABLE), 0);
        assert_eq!(count(&store, "mood_feeling"), 0);
        assert!(matches!(
            store.mood(MoodId(42)),
            Err(Error::NotFound("mood check-in"))
        ));
    }

    #[test]
    fn a_deleted_mood_is_invisible_and_cannot_be_updated() {
        let (_dir, store) = temp_store();
        let gone = store
            .add_mood(
                &input(2, "2026-11-22T08:00:00+00:00", &["low"], Some("x")),
                &clock(),
            )
            .unwrap();
        let live = store
            .add_mood(&input(8, "2026-11-21T08:00:00+00:00", &[], None), &clock())
            .unwrap();
        soft_delete(&store, TABLE, gone.id.0);
        assert!(matches!(
            store.mood(gone.id),
            Err(Error::NotFound("mood check-in"))
        ));
        assert_eq!(store.list_moods(10).unwrap(), vec![live]);
        let err = store
            .update_mood(
                gone.id,
                &input(9, "2026-11-22T08:00:00+00:00", &["calm"], None),
                &clock(),
            )
            .unwrap_err();
        assert!(matches!(err, Error::NotFound("mood check-in")), "{err:?}");
        // The deleted row and its feelings are untouched, ready to be undone.
        let (mood, deleted): (i64, Option<i64>) = store
            .connection()
            .query_row(
                "SELECT mood, deleted_at FROM mood_checkin WHERE id = ?1",
                [gone.id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((mood, deleted), (2, Some(1)));
        let feeling: String = store
            .connection()
            .query_row(
                "SELECT feeling FROM mood_feeling WHERE mood_id = ?1",
                [gone.id.0],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(feeling, "low");
    }

    #[test]
    fn any_valid_mood_round_trips() {
        let (_dir, store) = temp_store();
        let keys: Vec<String> = feeling_keys().into_iter().map(String::from).collect();
        let strategy = (
            1..=10i32,
            proptest::sample::subsequence(keys.clone(), 0..=keys.len()).prop_shuffle(),
            proptest::option::of("([^\\p{Cc}]|\n){0,200}"),
            0i64..1_795_000_000,
            -50_400i32..=50_400,
        );
        let mut runner = TestRunner::new(ProptestConfig::with_cases(32));
        runner
            .run(&strategy, |(mood, feelings, note, secs, offset)| {
                let offset = FixedOffset::east_opt(offset).unwrap();
                let at = DateTime::from_timestamp(secs, 0)
                    .unwrap()
                    .with_timezone(&offset);
                let new = NewMood {
                    mood,
                    occurred_at: Some(format_instant(&at)),
                    feelings: feelings.clone(),
                    note: note.clone(),
                };
                let saved = store.add_mood(&new, &clock()).unwrap();
                let mut expected_feelings = feelings;
                expected_feelings.sort_by_key(|f| keys.iter().position(|k| k == f));
                let expected = Mood {
                    id: saved.id,
                    occurred_at: format_instant(&at),
                    mood: u8::try_from(mood).unwrap(),
                    feelings: expected_feelings,
                    note: note
                        .as_deref()
                        .map(str::trim)
                        .filter(|n| !n.is_empty())
                        .map(String::from),
                };
                prop_assert_eq!(&saved, &expected);
                prop_assert_eq!(&store.mood(saved.id).unwrap(), &expected);
                let listed = store.list_moods(u32::MAX).unwrap();
                prop_assert!(listed.contains(&expected));
                Ok(())
            })
            .unwrap();
    }
}
