//! The daily aftercare check-in repository: `daily_checkin`, at most one live check-in per day.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};

use super::rows::{day_taken, day_text, flag, found, from_flag, require_live};
use super::Store;
use crate::error::{Error, Result, ValidationError};
use crate::journal::checkin::ValidCheckin;
use crate::journal::{Checkin, CheckinAnswers, CheckinId, Clock, NewCheckin};

/// What [`Store::checkin`] reports when a check-in is missing or deleted.
const WHAT: &str = "check-in";

/// The columns every read selects, in the order `from_row` expects.
macro_rules! columns {
    () => {
        "id, checkin_date, slept_well, ate_well, took_medication, attended_support, \
         contacted_someone, healthy_activity, high_risk_situation, used_today, day_rating, note"
    };
}

/// The table of check-ins, and its column of the day each is for.
const TABLE: &str = "daily_checkin";
const DAY_COLUMN: &str = "checkin_date";

/// The refusal when a day already has a live check-in.
fn day_refused() -> Error {
    Error::Invalid(ValidationError::new(
        "date",
        "There is already a check-in for that day; open it to change your answers.",
    ))
}

/// Reads a row selected with `columns!()`.
fn from_row(row: &Row<'_>) -> rusqlite::Result<Checkin> {
    Ok(Checkin {
        id: CheckinId(row.get(0)?),
        date: row.get(1)?,
        answers: CheckinAnswers {
            slept_well: from_flag(row.get(2)?),
            ate_well: from_flag(row.get(3)?),
            took_medication: from_flag(row.get(4)?),
            attended_support: from_flag(row.get(5)?),
            contacted_someone: from_flag(row.get(6)?),
            healthy_activity: from_flag(row.get(7)?),
            high_risk_situation: from_flag(row.get(8)?),
            used_today: from_flag(row.get(9)?),
        },
        day_rating: row.get(10)?,
        note: row.get(11)?,
    })
}

impl Store {
    /// Validates and saves a daily check-in. Refuses (field `date`) a day that already has a
    /// check-in; nothing is written when anything is refused.
    pub fn add_checkin(&self, input: &NewCheckin, clock: &dyn Clock) -> Result<Checkin> {
        self.save_checkin(None, input, clock)
    }

    /// Validates and replaces a check-in's day, answers, rating and note. Fails with
    /// [`Error::NotFound`] when it does not exist or was deleted, and refuses (field `date`) a
    /// day that already has another check-in; nothing is written when anything is refused.
    pub fn update_checkin(
        &self,
        id: CheckinId,
        input: &NewCheckin,
        clock: &dyn Clock,
    ) -> Result<Checkin> {
        self.save_checkin(Some(id), input, clock)
    }

    /// Validates `input` and saves it as a new check-in, or over live check-in `id`.
    fn save_checkin(
        &self,
        id: Option<CheckinId>,
        input: &NewCheckin,
        clock: &dyn Clock,
    ) -> Result<Checkin> {
        let now = clock.now();
        let ValidCheckin {
            date,
            answers: a,
            day_rating,
            note,
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
                    "INSERT INTO daily_checkin (checkin_date, slept_well, ate_well, \
                     took_medication, attended_support, contacted_someone, healthy_activity, \
                     high_risk_situation, used_today, day_rating, note, created_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                )?
                .execute(params![
                    day,
                    flag(a.slept_well),
                    flag(a.ate_well),
                    flag(a.took_medication),
                    flag(a.attended_support),
                    flag(a.contacted_someone),
                    flag(a.healthy_activity),
                    flag(a.high_risk_situation),
                    flag(a.used_today),
                    day_rating,
                    note,
                    now.timestamp_millis(),
                ])?;
                tx.last_insert_rowid()
            }
            Some(id) => {
                tx.prepare_cached(
                    "UPDATE daily_checkin SET checkin_date = ?2, slept_well = ?3, ate_well = ?4, \
                     took_medication = ?5, attended_support = ?6, contacted_someone = ?7, \
                     healthy_activity = ?8, high_risk_situation = ?9, used_today = ?10, \
                     day_rating = ?11, note = ?12, updated_at = ?13 \
                     WHERE id = ?1 AND deleted_at IS NULL",
                )?
                .execute(params![
                    id.0,
                    day,
                    flag(a.slept_well),
                    flag(a.ate_well),
                    flag(a.took_medication),
                    flag(a.attended_support),
                    flag(a.contacted_someone),
                    flag(a.healthy_activity),
                    flag(a.high_risk_situation),
                    flag(a.used_today),
                    day_rating,
                    note,
                    now.timestamp_millis(),
                ])?;
                id.0
            }
        };
        tx.commit()?;
        self.checkin(CheckinId(id))
    }

    /// One check-in by id; [`Error::NotFound`] when it does not exist or was deleted.
    pub fn checkin(&self, id: CheckinId) -> Result<Checkin> {
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT ",
            columns!(),
            " FROM daily_checkin WHERE id = ?1 AND deleted_at IS NULL"
        ))?;
        found(stmt.query_row([id.0], from_row), WHAT)
    }

    /// The live check-in for `day`, if there is one.
    pub fn checkin_on(&self, day: NaiveDate) -> Result<Option<Checkin>> {
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT ",
            columns!(),
            " FROM daily_checkin WHERE checkin_date = ?1 AND deleted_at IS NULL"
        ))?;
        Ok(stmt.query_row([day_text(day)], from_row).optional()?)
    }

    /// The newest `limit` check-ins, newest day first.
    pub fn list_checkins(&self, limit: u32) -> Result<Vec<Checkin>> {
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT ",
            columns!(),
            " FROM daily_checkin WHERE deleted_at IS NULL \
             ORDER BY checkin_date DESC, id DESC LIMIT ?1"
        ))?;
        let rows = stmt
            .query_map([limit], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, FixedOffset};

    use super::*;
    use crate::journal::clock::FixedClock;
    use crate::store::testing::{at, count, day, soft_delete, stamps, temp_store};

    fn now() -> DateTime<FixedOffset> {
        at("2026-11-22T21:00:00-05:00")
    }

    fn clock() -> FixedClock {
        FixedClock(now())
    }

    /// Every answer given, mixing yes and no, so a swapped column shows up.
    fn full_answers() -> CheckinAnswers {
        CheckinAnswers {
            slept_well: Some(true),
            ate_well: Some(false),
            took_medication: Some(true),
            attended_support: Some(false),
            contacted_someone: Some(true),
            healthy_activity: Some(false),
            high_risk_situation: Some(true),
            used_today: Some(false),
        }
    }

    fn checkin_input(date: Option<&str>, answers: CheckinAnswers) -> NewCheckin {
        NewCheckin {
            date: date.map(str::to_string),
            answers,
            day_rating: None,
            note: None,
        }
    }

    fn one_answer(date: &str) -> NewCheckin {
        checkin_input(
            Some(date),
            CheckinAnswers {
                used_today: Some(false),
                ..Default::default()
            },
        )
    }

    #[test]
    fn a_checkin_comes_back_as_saved() {
        let (_dir, store) = temp_store();
        let input = NewCheckin {
            day_rating: Some(7),
            note: Some("  Long walk\nafter the meeting ".into()),
            ..checkin_input(Some("2026-11-21"), full_answers())
        };
        let saved = store.add_checkin(&input, &clock()).unwrap();
        let expected = Checkin {
            id: saved.id,
            date: "2026-11-21".into(),
            answers: full_answers(),
            day_rating: Some(7),
            note: Some("Long walk\nafter the meeting".into()),
        };
        assert_eq!(saved, expected);
        assert_eq!(store.checkin(saved.id).unwrap(), expected);
        assert_eq!(
            store.checkin_on(day("2026-11-21")).unwrap(),
            Some(expected.clone())
        );
        assert_eq!(store.checkin_on(day("2026-11-22")).unwrap(), None);
        assert_eq!(store.list_checkins(10).unwrap(), vec![expected]);
        let (slept, ate, created): (Option<i64>, Option<i64>, i64) = store
            .connection()
            .query_row(
                "SELECT slept_well, ate_well, created_at FROM daily_checkin WHERE id = ?1",
                [saved.id.0],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((slept, ate), (Some(1), Some(0)));
        assert_eq!(created, now().timestamp_millis());
    }

    #[test]
    fn skipped_answers_stay_skipped_and_a_missing_date_is_today() {
        let (_dir, store) = temp_store();
        let saved = store
            .add_checkin(
                &NewCheckin {
                    day_rating: Some(4),
                    ..Default::default()
                },
                &clock(),
            )
            .unwrap();
        assert_eq!(saved.date, "2026-11-22");
        assert_eq!(saved.answers, CheckinAnswers::default());
        assert_eq!(saved.day_rating, Some(4));
        assert_eq!(saved.note, None);
        let nulls: i64 = store
            .connection()
            .query_row(
                "SELECT count(*) FROM daily_checkin WHERE slept_well IS NULL AND used_today IS NULL \
                 AND took_medication IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(nulls, 1);
    }

    #[test]
    fn checkins_are_listed_newest_day_first_up_to_the_limit() {
        let (_dir, store) = temp_store();
        for date in ["2026-11-19", "2026-11-22", "2026-01-05", "2026-11-20"] {
            store.add_checkin(&one_answer(date), &clock()).unwrap();
        }
        let days: Vec<String> = store
            .list_checkins(10)
            .unwrap()
            .into_iter()
            .map(|c| c.date)
            .collect();
        assert_eq!(
            days,
            vec!["2026-11-22", "2026-11-20", "2026-11-19", "2026-01-05"]
        );
        assert_eq!(store.list_checkins(1).unwrap()[0].date, "2026-11-22");
        assert_eq!(store.list_checkins(1).unwrap().len(), 1);
    }

    #[test]
    fn an_update_changes_every_field_and_keeps_the_id() {
        let (_dir, store) = temp_store();
        let first = store
            .add_checkin(
                &NewCheckin {
                    day_rating: Some(3),
                    note: Some("hard".into()),
                    ..checkin_input(Some("2026-11-20"), full_answers())
                },
                &clock(),
            )
            .unwrap();
        let flipped = CheckinAnswers {
            slept_well: Some(false),
            ate_well: None,
            took_medication: Some(false),
            attended_support: Some(true),
            contacted_someone: None,
            healthy_activity: Some(true),
            high_risk_situation: Some(false),
            used_today: Some(true),
        };
        let later = FixedClock(at("2026-11-23T08:00:00+00:00"));
        let updated = store
            .update_checkin(
                first.id,
                &NewCheckin {
                    day_rating: None,
                    note: None,
                    ..checkin_input(Some("2026-11-21"), flipped)
                },
                &later,
            )
            .unwrap();
        let expected = Checkin {
            id: first.id,
            date: "2026-11-21".into(),
            answers: flipped,
            day_rating: None,
            note: None,
        };
        assert_eq!(updated, expected);
        assert_eq!(store.checkin(first.id).unwrap(), expected);
        assert_eq!(store.checkin_on(day("2026-11-20")).unwrap(), None);
        assert_eq!(store.list_checkins(10).unwrap(), vec![expected]);
        assert_eq!(count(&store, TABLE), 1);
        let (created, updated_at) = stamps(&store, TABLE, first.id.0);
        assert_eq!(created, now().timestamp_millis());
        assert_eq!(updated_at, Some(later.0.timestamp_millis()));
        // Saving on its own day again is not a clash with itself.
        assert!(store
            .update_checkin(first.id, &one_answer("2026-11-21"), &later)
            .is_ok());
    }

    #[test]
    fn invalid_checkins_write_nothing() {
        let (_dir, store) = temp_store();
        let kept = store
            .add_checkin(&one_answer("2026-11-01"), &clock())
            .unwrap();
        let bad = [
            (
                checkin_input(Some("2026-11-02"), CheckinAnswers::default()),
                "answers",
            ),
            (
                NewCheckin {
                    day_rating: Some(0),
                    ..one_answer("2026-11-02")
                },
                "dayRating",
            ),
            (
                NewCheckin {
                    day_rating: Some(11),
                    ..one_answer("2026-11-02")
                },
                "dayRating",
            ),
            (one_answer("2026-11-23"), "date"),
            (one_answer("Nov 2"), "date"),
            (
                NewCheckin {
                    note: Some("x\u{1b}y".into()),
                    ..one_answer("2026-11-02")
                },
                "note",
            ),
        ];
        for (bad, field) in &bad {
            let err = store.add_checkin(bad, &clock()).unwrap_err();
            assert_eq!(err.field(), Some(*field));
            let err = store.update_checkin(kept.id, bad, &clock()).unwrap_err();
            assert_eq!(err.field(), Some(*field));
        }
        assert_eq!(count(&store, TABLE), 1);
        assert_eq!(store.checkin(kept.id).unwrap(), kept);
    }

    #[test]
    fn a_second_checkin_for_a_day_is_refused_and_writes_nothing() {
        let (_dir, store) = temp_store();
        let first = store
            .add_checkin(&one_answer("2026-11-20"), &clock())
            .unwrap();
        let other = store
            .add_checkin(&one_answer("2026-11-21"), &clock())
            .unwrap();
        let again = NewCheckin {
            day_rating: Some(9),
            ..one_answer("2026-11-20")
        };
        let err = store.add_checkin(&again, &clock()).unwrap_err();
        assert_eq!(err.field(), Some("date"));
        assert_eq!(
            err.to_string(),
            "There is already a check-in for that day; open it to change your answers."
        );
        let err = store
            .update_checkin(other.id, &again, &clock())
            .unwrap_err();
        assert_eq!(err.field(), Some("date"));
        assert_eq!(count(&store, TABLE), 2);
        assert_eq!(store.checkin(first.id).unwrap(), first);
        assert_eq!(store.checkin(other.id).unwrap(), other);
    }

    #[test]
    fn a_missing_checkin_is_not_found_and_nothing_is_written() {
        let (_dir, store) = temp_store();
        assert!(matches!(
            store.checkin(CheckinId(3)),
            Err(Error::NotFound("check-in"))
        ));
        let err = store
            .update_checkin(CheckinId(3), &one_answer("2026-11-20"), &clock())
            .unwrap_err();
        assert!(matches!(err, Error::NotFound("check-in")), "{err:?}");
        assert_eq!(count(&store, TABLE), 0);
    }

    #[test]
    fn a_deleted_checkin_is_invisible_and_frees_its_day() {
        let (_dir, store) = temp_store();
        let gone = store
            .add_checkin(&one_answer("2026-11-20"), &clock())
            .unwrap();
        soft_delete(&store, TABLE, gone.id.0);
        assert!(matches!(
            store.checkin(gone.id),
            Err(Error::NotFound("check-in"))
        ));
        assert_eq!(store.checkin_on(day("2026-11-20")).unwrap(), None);
        assert!(store.list_checkins(10).unwrap().is_empty());
        let err = store
            .update_checkin(gone.id, &one_answer("2026-11-19"), &clock())
            .unwrap_err();
        assert!(matches!(err, Error::NotFound("check-in")), "{err:?}");

        let fresh = store
            .add_checkin(
                &NewCheckin {
                    day_rating: Some(8),
                    ..one_answer("2026-11-20")
                },
                &clock(),
            )
            .unwrap();
        assert_ne!(fresh.id, gone.id);
        assert_eq!(
            store.checkin_on(day("2026-11-20")).unwrap(),
            Some(fresh.clone())
        );
        assert_eq!(store.list_checkins(10).unwrap(), vec![fresh]);
        assert_eq!(count(&store, TABLE), 2);
    }
}
