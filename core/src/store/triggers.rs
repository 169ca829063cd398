//! The trigger catalogue: add, rename, archive, merge, and the starter set.

use rusqlite::{params, OptionalExtension, Row};

use super::rows::found;
use super::Store;
use crate::error::{Error, Result, ValidationError};
use crate::journal::content::{journal_content, TriggerCategory};
use crate::journal::trigger::ValidTrigger;
use crate::journal::{Clock, NewTrigger, Trigger, TriggerId};

/// The profile key that records the starter triggers were added, so a person who deletes or
/// merges them away never sees them come back.
const STARTER_SEEDED_KEY: &str = "starter_triggers_seeded";

// Uses are counted from the link tables alone (an index scan), less the links of entries marked
// deleted: joining every link to its entry to check would read the whole journal.
const TRIGGER_SELECT: &str = "SELECT t.id, t.name, t.category, t.archived, \
     (SELECT count(*) FROM craving_trigger WHERE trigger_id = t.id) \
   - (SELECT count(*) FROM craving c JOIN craving_trigger ct ON ct.craving_id = c.id \
        WHERE c.deleted_at IS NOT NULL AND ct.trigger_id = t.id) \
   + (SELECT count(*) FROM lapse_trigger WHERE trigger_id = t.id) \
   - (SELECT count(*) FROM lapse l JOIN lapse_trigger lt ON lt.lapse_id = l.id \
        WHERE l.deleted_at IS NOT NULL AND lt.trigger_id = t.id) \
     FROM trigger_item t";

fn trigger_from_row(row: &Row<'_>) -> rusqlite::Result<Result<Trigger>> {
    let category: String = row.get(2)?;
    let Some(category) = TriggerCategory::from_key(&category) else {
        return Ok(Err(Error::Internal("stored trigger category unknown")));
    };
    Ok(Ok(Trigger {
        id: TriggerId(row.get(0)?),
        name: row.get(1)?,
        category,
        archived: row.get(3)?,
        uses: row.get(4)?,
    }))
}

fn name_taken() -> Error {
    Error::Invalid(ValidationError::new(
        "name",
        "You already have a trigger with that name.",
    ))
}

impl Store {
    /// Adds the starter triggers from the content file, once per vault.
    pub(crate) fn seed_starter_triggers(&self) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        let seeded: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM profile_setting WHERE key = ?1",
                [STARTER_SEEDED_KEY],
                |r| r.get(0),
            )
            .optional()?;
        if seeded.is_none() {
            let now = chrono::Utc::now().timestamp_millis();
            let mut insert = self.conn.prepare_cached(
                "INSERT OR IGNORE INTO trigger_item (name, category, created_at) VALUES (?1, ?2, ?3)",
            )?;
            for starter in &journal_content().trigger {
                insert.execute(params![starter.name, starter.category.key(), now])?;
            }
            self.conn.execute(
                "INSERT INTO profile_setting (key, value) VALUES (?1, '1')",
                [STARTER_SEEDED_KEY],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Checks every id names a trigger in the catalogue; returns them as raw ids.
    pub(super) fn existing_trigger_ids(&self, ids: &[TriggerId]) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM trigger_item WHERE id = ?1")?;
        for id in ids {
            if !stmt.exists([id.0])? {
                return Err(Error::Invalid(ValidationError::new(
                    "triggers",
                    "One of the chosen triggers no longer exists; choose again.",
                )));
            }
        }
        Ok(ids.iter().map(|id| id.0).collect())
    }

    /// The id of the trigger with this name (any case), made active again if it was archived,
    /// or of a new one.
    pub(super) fn find_or_create_trigger(
        &self,
        trigger: &ValidTrigger,
        now_ms: i64,
    ) -> Result<i64> {
        let existing: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM trigger_item WHERE name = ?1 COLLATE NOCASE",
                [&trigger.name],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = existing {
            self.conn
                .execute("UPDATE trigger_item SET archived = 0 WHERE id = ?1", [id])?;
            return Ok(id);
        }
        self.conn.execute(
            "INSERT INTO trigger_item (name, category, created_at) VALUES (?1, ?2, ?3)",
            params![trigger.name, trigger.category.key(), now_ms],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    fn trigger_name_taken(&self, name: &str, except: Option<TriggerId>) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM trigger_item WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2",
            params![name, except.map(|e| e.0)],
            |r| r.get::<_, i64>(0),
        )? > 0)
    }

    /// Adds a trigger to the catalogue; a name already there (in any case) is refused.
    pub fn add_trigger(&self, input: &NewTrigger, clock: &dyn Clock) -> Result<Trigger> {
        let valid = input.validate()?;
        if self.trigger_name_taken(&valid.name, None)? {
            return Err(name_taken());
        }
        let id = self.find_or_create_trigger(&valid, clock.now().timestamp_millis())?;
        self.trigger(TriggerId(id))
    }

    /// One trigger, with how often it is used.
    pub fn trigger(&self, id: TriggerId) -> Result<Trigger> {
        let sql = format!("{TRIGGER_SELECT} WHERE t.id = ?1");
        found(
            self.conn
                .prepare_cached(&sql)?
                .query_row([id.0], trigger_from_row),
            "trigger",
        )?
    }

    /// The catalogue by category then name; archived triggers only when asked for.
    pub fn list_triggers(&self, include_archived: bool) -> Result<Vec<Trigger>> {
        let sql = format!(
            "{TRIGGER_SELECT} WHERE ?1 OR t.archived = 0 ORDER BY t.category, t.name COLLATE NOCASE"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([include_archived], trigger_from_row)?;
        rows.map(|r| r?).collect()
    }

    /// Renames a trigger and sets its category; every entry that names it follows.
    pub fn update_trigger(&self, id: TriggerId, input: &NewTrigger) -> Result<Trigger> {
        self.trigger(id)?;
        let valid = input.validate()?;
        if self.trigger_name_taken(&valid.name, Some(id))? {
            return Err(name_taken());
        }
        self.conn.execute(
            "UPDATE trigger_item SET name = ?2, category = ?3 WHERE id = ?1",
            params![id.0, valid.name, valid.category.key()],
        )?;
        self.trigger(id)
    }

    /// Archives a trigger (kept on old entries, no longer offered) or makes it active again.
    pub fn set_trigger_archived(&self, id: TriggerId, archived: bool) -> Result<Trigger> {
        self.trigger(id)?;
        self.conn.execute(
            "UPDATE trigger_item SET archived = ?2 WHERE id = ?1",
            params![id.0, archived],
        )?;
        self.trigger(id)
    }

    /// Merges `from` into `into`: every craving and lapse that named `from` names `into`
    /// instead, and `from` leaves the catalogue. All in one transaction.
    pub fn merge_triggers(&self, from: TriggerId, into: TriggerId) -> Result<Trigger> {
        self.trigger(from)?;
        self.trigger(into)?;
        if from == into {
            return Err(Error::Invalid(ValidationError::new(
                "into",
                "Choose a different trigger to merge into.",
            )));
        }
        let tx = self.conn.unchecked_transaction()?;
        for table in ["craving_trigger", "lapse_trigger"] {
            let owner = if table == "craving_trigger" {
                "craving_id"
            } else {
                "lapse_id"
            };
            self.conn.execute(
                &format!(
                    "INSERT OR IGNORE INTO {table} ({owner}, trigger_id) \
                     SELECT {owner}, ?2 FROM {table} WHERE trigger_id = ?1"
                ),
                params![from.0, into.0],
            )?;
            self.conn.execute(
                &format!("DELETE FROM {table} WHERE trigger_id = ?1"),
                [from.0],
            )?;
        }
        self.conn
            .execute("DELETE FROM trigger_item WHERE id = ?1", [from.0])?;
        tx.commit()?;
        self.trigger(into)
    }
}

impl Store {
    /// Deletes a trigger no entry names. One that is in use is refused: archive it, or merge
    /// it into another, so no entry loses it.
    pub fn delete_trigger(&self, id: TriggerId) -> Result<()> {
        let trigger = self.trigger(id)?;
        if trigger.uses > 0 {
            return Err(Error::Invalid(ValidationError::new(
                "id",
                format!(
                    "That trigger is named by {} {}; archive it, or merge it into another, instead.",
                    trigger.uses,
                    if trigger.uses == 1 { "entry" } else { "entries" }
                ),
            )));
        }
        // Only entries deleted in this session (awaiting undo) can still link to it.
        let tx = self.conn.unchecked_transaction()?;
        self.conn
            .execute("DELETE FROM craving_trigger WHERE trigger_id = ?1", [id.0])?;
        self.conn
            .execute("DELETE FROM lapse_trigger WHERE trigger_id = ?1", [id.0])?;
        self.conn
            .execute("DELETE FROM trigger_item WHERE id = ?1", [id.0])?;
        tx.commit()?;
        Ok(())
    }
}
