//! The weekly review repository: `weekly_review`, one live review per week, stored by the week's
//! Monday, with its answers as a JSON object of question key to number.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};

use super::rows::{day_taken, day_text, found, require_live};
use super::Store;
use crate::error::{Error, Result, ValidationError};
use crate::journal::review::{week_start, ValidReview};
use crate::journal::{Clock, NewReview, Review, ReviewId};

/// What [`Store::review`] reports when a review is missing or deleted.
const WHAT: &str = "weekly review";

/// The table of reviews, and its column of the Monday of each one's week.
const TABLE: &str = "weekly_review";
const WEEK_COLUMN: &str = "week_start";

/// The refusal when a week already has a live review.
fn week_refused() -> Error {
    Error::Invalid(ValidationError::new(
        "weekOf",
        "There is already a review for that week; open it to change your answers.",
    ))
}

/// Answers as stored: a JSON object of question key to number.
fn answers_text(answers: &BTreeMap<String, u8>) -> Result<String> {
    serde_json::to_string(answers).map_err(|_| Error::Internal("answers could not be stored"))
}

/// One `weekly_review` row (`id, week_start, answers, note`), before its answers are read.
struct ReviewRow {
    id: i64,
    week_start: String,
    answers: String,
    note: Option<String>,
}

impl ReviewRow {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            week_start: row.get(1)?,
            answers: row.get(2)?,
            note: row.get(3)?,
        })
    }

    fn into_review(self) -> Result<Review> {
        let answers = serde_json::from_str(&self.answers)
            .map_err(|_| Error::Internal("stored review answers unreadable"))?;
        Ok(Review {
            id: ReviewId(self.id),
            week_start: self.week_start,
            answers,
            note: self.note,
        })
    }
}

impl Store {
    /// Validates and saves a weekly review under its week's Monday. Refuses (field `weekOf`) a
    /// week that already has a review; nothing is written when anything is refused.
    pub fn add_review(&self, input: &NewReview, clock: &dyn Clock) -> Result<Review> {
        self.save_review(None, input, clock)
    }

    /// Validates and replaces a weekly review's week, answers and note. Fails with
    /// [`Error::NotFound`] when it does not exist or was deleted, and refuses (field `weekOf`) a
    /// week that already has another review; nothing is written when anything is refused.
    pub fn update_review(
        &self,
        id: ReviewId,
        input: &NewReview,
        clock: &dyn Clock,
    ) -> Result<Review> {
        self.save_review(Some(id), input, clock)
    }

    /// Validates `input` and saves it as a new review, or over live review `id`.
    fn save_review(
        &self,
        id: Option<ReviewId>,
        input: &NewReview,
        clock: &dyn Clock,
    ) -> Result<Review> {
        let now = clock.now();
        let ValidReview {
            week_start,
            answers,
            note,
        } = input.validate(now)?;
        let monday = day_text(week_start);
        let answers = answers_text(&answers)?;
        let tx = self.conn.unchecked_transaction()?;
        if let Some(id) = id {
            require_live(&tx, TABLE, id.0, WHAT)?;
        }
        if day_taken(&tx, TABLE, WEEK_COLUMN, &monday, id.map(|id| id.0))? {
            return Err(week_refused());
        }
        let id = match id {
            None => {
                tx.prepare_cached(
                    "INSERT INTO weekly_review (week_start, answers, note, created_at) \
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![
                    monday,
                    answers,
                    note,
                    now.timestamp_millis()
                ])?;
                tx.last_insert_rowid()
            }
            Some(id) => {
                tx.prepare_cached(
                    "UPDATE weekly_review SET week_start = ?2, answers = ?3, note = ?4, \
                     updated_at = ?5 WHERE id = ?1 AND deleted_at IS NULL",
                )?
                .execute(params![
                    id.0,
                    monday,
                    answers,
                    note,
                    now.timestamp_millis()
                ])?;
                id.0
            }
        };
        tx.commit()?;
        self.review(ReviewId(id))
    }

    /// One weekly review by id; [`Error::NotFound`] when it does not exist or was deleted.
    pub fn review(&self, id: ReviewId) -> Result<Review> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, week_start, answers, note FROM weekly_review \
             WHERE id = ?1 AND deleted_at IS NULL",
        )?;
        found(stmt.query_row([id.0], ReviewRow::from_row), WHAT)?.into_review()
    }

    /// The live review of the week starting on `monday`, if there is one. Any other day finds
    /// the review of the week that holds it.
    pub fn review_for_week(&self, monday: NaiveDate) -> Result<Option<Review>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, week_start, answers, note FROM weekly_review \
             WHERE week_start = ?1 AND deleted_at IS NULL",
        )?;
        stmt.query_row([day_text(week_start(monday))], ReviewRow::from_row)
            .optional()?
            .map(ReviewRow::into_review)
            .transpose()
    }

    /// The newest `limit` weekly reviews, newest week first.
    pub fn list_reviews(&self, limit: u32) -> Result<Vec<Review>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, week_start, answers, note FROM weekly_review \
             WHERE deleted_at IS NULL ORDER BY week_start DESC, id DESC LIMIT ?1",
        )?;
        let rows = stmt
            .query_map([limit], ReviewRow::from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(ReviewRow::into_review).collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, FixedOffset};

    use super::*;
    use crate::journal::clock::FixedClock;
    use crate::journal::content::{journal_content, AnswerKind};
    use crate::store::testing::{at, count, day, soft_delete, stamps, temp_store};

    /// Sunday 22 November 2026; its week starts on Monday the 16th.
    fn now() -> DateTime<FixedOffset> {
        at("2026-11-22T20:00:00+00:00")
    }

    fn clock() -> FixedClock {
        FixedClock(now())
    }

    /// The key of the first question answered in days, and of the first on a 0-10 scale.
    fn keys() -> (String, String) {
        let questions = &journal_content().weekly_question;
        let days = questions
            .iter()
            .find(|q| q.answer == AnswerKind::Days)
            .unwrap();
        let scale = questions
            .iter()
            .find(|q| q.answer == AnswerKind::Scale)
            .unwrap();
        (days.key.clone(), scale.key.clone())
    }

    fn review_input(week_of: &str, answers: &[(&str, i32)], note: Option<&str>) -> NewReview {
        NewReview {
            week_of: Some(week_of.to_string()),
            answers: answers.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            note: note.map(str::to_string),
        }
    }

    fn simple(week_of: &str) -> NewReview {
        let (days, _) = keys();
        review_input(week_of, &[(days.as_str(), 1)], None)
    }

    #[test]
    fn a_review_comes_back_as_saved_under_its_monday() {
        let (_dir, store) = temp_store();
        let (days, scale) = keys();
        // Every question answered, each with a different value, so no answer can be lost.
        let all: Vec<(String, i32)> = journal_content()
            .weekly_question
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let max = if q.answer == AnswerKind::Days { 7 } else { 10 };
                (q.key.clone(), i32::try_from(i).unwrap() % (max + 1))
            })
            .collect();
        let mut input = review_input("2026-11-12", &[], Some("  A steadier week\nthan the last "));
        input.answers = all.iter().cloned().collect();
        let saved = store.add_review(&input, &clock()).unwrap();
        let expected = Review {
            id: saved.id,
            week_start: "2026-11-09".into(),
            answers: all
                .iter()
                .map(|(k, v)| (k.clone(), u8::try_from(*v).unwrap()))
                .collect(),
            note: Some("A steadier week\nthan the last".into()),
        };
        assert!(expected.answers.contains_key(&days) && expected.answers.contains_key(&scale));
        assert_eq!(saved, expected);
        assert_eq!(store.review(saved.id).unwrap(), expected);
        assert_eq!(
            store.review_for_week(day("2026-11-09")).unwrap(),
            Some(expected.clone())
        );
        assert_eq!(
            store.review_for_week(day("2026-11-15")).unwrap(),
            Some(expected.clone())
        );
        assert_eq!(store.review_for_week(day("2026-11-16")).unwrap(), None);
        assert_eq!(store.list_reviews(10).unwrap(), vec![expected.clone()]);
        let (text, created): (String, i64) = store
            .connection()
            .query_row(
                "SELECT answers, created_at FROM weekly_review WHERE id = ?1",
                [saved.id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        let stored: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(stored.is_object(), "{text}");
        assert_eq!(
            stored[days.as_str()],
            serde_json::json!(expected.answers[&days])
        );
        assert_eq!(created, now().timestamp_millis());
    }

    #[test]
    fn a_note_alone_is_a_review_and_a_missing_week_is_this_week() {
        let (_dir, store) = temp_store();
        let saved = store
            .add_review(
                &NewReview {
                    note: Some("Just a note".into()),
                    ..Default::default()
                },
                &clock(),
            )
            .unwrap();
        assert_eq!(saved.week_start, "2026-11-16");
        assert!(saved.answers.is_empty());
        assert_eq!(store.review(saved.id).unwrap(), saved);
    }

    #[test]
    fn reviews_are_listed_newest_week_first_up_to_the_limit() {
        let (_dir, store) = temp_store();
        for week_of in ["2026-11-03", "2026-11-22", "2025-12-31", "2026-11-10"] {
            store.add_review(&simple(week_of), &clock()).unwrap();
        }
        let weeks: Vec<String> = store
            .list_reviews(10)
            .unwrap()
            .into_iter()
            .map(|r| r.week_start)
            .collect();
        assert_eq!(
            weeks,
            vec!["2026-11-16", "2026-11-09", "2026-11-02", "2025-12-29"]
        );
        assert_eq!(store.list_reviews(2).unwrap().len(), 2);
        assert_eq!(store.list_reviews(2).unwrap()[1].week_start, "2026-11-09");
    }

    #[test]
    fn an_update_changes_every_field_and_keeps_the_id() {
        let (_dir, store) = temp_store();
        let (days, scale) = keys();
        let first = store
            .add_review(
                &review_input(
                    "2026-11-04",
                    &[(days.as_str(), 3), (scale.as_str(), 9)],
                    Some("first"),
                ),
                &clock(),
            )
            .unwrap();
        let later = FixedClock(at("2026-11-23T08:00:00+00:00"));
        let updated = store
            .update_review(
                first.id,
                &review_input("2026-11-17", &[(scale.as_str(), 2)], None),
                &later,
            )
            .unwrap();
        let expected = Review {
            id: first.id,
            week_start: "2026-11-16".into(),
            answers: BTreeMap::from([(scale.clone(), 2)]),
            note: None,
        };
        assert_eq!(updated, expected);
        assert_eq!(store.review(first.id).unwrap(), expected);
        assert_eq!(store.review_for_week(day("2026-11-02")).unwrap(), None);
        assert_eq!(store.list_reviews(10).unwrap(), vec![expected]);
        assert_eq!(count(&store, TABLE), 1);
        let (created, updated_at) = stamps(&store, TABLE, first.id.0);
        assert_eq!(created, now().timestamp_millis());
        assert_eq!(updated_at, Some(later.0.timestamp_millis()));
        // Another day of the same week is the same week, not a clash with itself.
        assert!(store
            .update_review(first.id, &simple("2026-11-20"), &later)
            .is_ok());
    }

    #[test]
    fn invalid_reviews_write_nothing() {
        let (_dir, store) = temp_store();
        let (days, scale) = keys();
        let kept = store.add_review(&simple("2026-11-02"), &clock()).unwrap();
        let bad = [
            (review_input("2026-11-10", &[], None), "answers"),
            (
                review_input("2026-11-10", &[(days.as_str(), 8)], None),
                "answers",
            ),
            (
                review_input("2026-11-10", &[(scale.as_str(), -1)], None),
                "answers",
            ),
            (
                review_input("2026-11-10", &[("made_up", 1)], None),
                "answers",
            ),
            (
                review_input("2026-11-30", &[(days.as_str(), 1)], None),
                "weekOf",
            ),
            (
                review_input("last week", &[(days.as_str(), 1)], None),
                "weekOf",
            ),
            (
                review_input("2026-11-10", &[(days.as_str(), 1)], Some("bad\u{0}")),
                "note",
            ),
        ];
        for (bad, field) in &bad {
            let err = store.add_review(bad, &clock()).unwrap_err();
            assert_eq!(err.field(), Some(*field));
            let err = store.update_review(kept.id, bad, &clock()).unwrap_err();
            assert_eq!(err.field(), Some(*field));
        }
        assert_eq!(count(&store, TABLE), 1);
        assert_eq!(store.review(kept.id).unwrap(), kept);
    }

    #[test]
    fn a_second_review_for_a_week_is_refused_and_writes_nothing() {
        let (_dir, store) = temp_store();
        let first = store.add_review(&simple("2026-11-09"), &clock()).unwrap();
        let other = store.add_review(&simple("2026-11-16"), &clock()).unwrap();
        // A different day of the same week is still the same week.
        let err = store
            .add_review(&simple("2026-11-13"), &clock())
            .unwrap_err();
        assert_eq!(err.field(), Some("weekOf"));
        assert_eq!(
            err.to_string(),
            "There is already a review for that week; open it to change your answers."
        );
        let err = store
            .update_review(other.id, &simple("2026-11-15"), &clock())
            .unwrap_err();
        assert_eq!(err.field(), Some("weekOf"));
        assert_eq!(count(&store, TABLE), 2);
        assert_eq!(store.review(first.id).unwrap(), first);
        assert_eq!(store.review(other.id).unwrap(), other);
    }

    #[test]
    fn a_missing_review_is_not_found_and_nothing_is_written() {
        let (_dir, store) = temp_store();
        assert!(matches!(
            store.review(ReviewId(5)),
            Err(Error::NotFound("weekly review"))
        ));
        let err = store
            .update_review(ReviewId(5), &simple("2026-11-16"), &clock())
            .unwrap_err();
        assert!(matches!(err, Error::NotFound("weekly review")), "{err:?}");
        assert_eq!(count(&store, TABLE), 0);
    }

    #[test]
    fn a_deleted_review_is_invisible_and_frees_its_week() {
        let (_dir, store) = temp_store();
        let gone = store.add_review(&simple("2026-11-10"), &clock()).unwrap();
        soft_delete(&store, TABLE, gone.id.0);
        assert!(matches!(
            store.review(gone.id),
            Err(Error::NotFound("weekly review"))
        ));
        assert_eq!(store.review_for_week(day("2026-11-09")).unwrap(), None);
        assert!(store.list_reviews(10).unwrap().is_empty());
        let err = store
            .update_review(gone.id, &simple("2026-11-03"), &clock())
            .unwrap_err();
        assert!(matches!(err, Error::NotFound("weekly review")), "{err:?}");

        let fresh = store.add_review(&simple("2026-11-12"), &clock()).unwrap();
        assert_ne!(fresh.id, gone.id);
        assert_eq!(
            store.review_for_week(day("2026-11-09")).unwrap(),
            Some(fresh.clone())
        );
        assert_eq!(store.list_reviews(10).unwrap(), vec![fresh]);
        assert_eq!(count(&store, TABLE), 2);
    }
}
