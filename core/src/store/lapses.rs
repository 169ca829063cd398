//! The lapse repository.

use rusqlite::{params, Row};

use super::cravings::linked_triggers;
use super::rows::{found, instant_text, require_live};
use super::Store;
use crate::error::Result;
use crate::journal::lapse::ValidLapse;
use crate::journal::mood::feeling_keys;
use crate::journal::{Clock, Lapse, LapseId, NewLapse};

/// What [`Store::lapse`] reports when a lapse is missing or deleted.
const WHAT: &str = "lapse";

/// The table of lapses.
const TABLE: &str = "lapse";

const LAPSE_COLUMNS: &str =
    "id, occurred_at, utc_offset, situation, learned, next_time, restarts_counter";

fn lapse_from_row(row: &Row<'_>) -> rusqlite::Result<Result<Lapse>> {
    let at: i64 = row.get(1)?;
    let offset: i64 = row.get(2)?;
    let lapse = (|| -> Result<Lapse> {
        Ok(Lapse {
            id: LapseId(row.get(0)?),
            occurred_at: instant_text(at, offset)?,
            triggers: Vec::new(),
            feelings: Vec::new(),
            situation: row.get(3)?,
            learned: row.get(4)?,
            next_time: row.get(5)?,
            restarts_counter: row.get(6)?,
        })
    })();
    Ok(lapse)
}

impl Store {
    fn write_lapse_links(&self, id: i64, valid: &ValidLapse) -> Result<()> {
        let trigger_ids = self.existing_trigger_ids(&valid.trigger_ids)?;
        self.conn
            .execute("DELETE FROM lapse_trigger WHERE lapse_id = ?1", [id])?;
        self.conn
            .execute("DELETE FROM lapse_feeling WHERE lapse_id = ?1", [id])?;
        let mut link = self
            .conn
            .prepare_cached("INSERT INTO lapse_trigger (lapse_id, trigger_id) VALUES (?1, ?2)")?;
        for trigger in trigger_ids {
            link.execute([id, trigger])?;
        }
        let mut feel = self
            .conn
            .prepare_cached("INSERT INTO lapse_feeling (lapse_id, feeling) VALUES (?1, ?2)")?;
        for feeling in &valid.feelings {
            feel.execute(params![id, feeling])?;
        }
        Ok(())
    }

    /// Validates and saves a lapse; nothing is written on rejection.
    pub fn add_lapse(&self, input: &NewLapse, clock: &dyn Clock) -> Result<Lapse> {
        let now = clock.now();
        let valid = input.validate(now)?;
        let tx = self.conn.unchecked_transaction()?;
        self.conn.execute(
            "INSERT INTO lapse (occurred_at, utc_offset, situation, learned, next_time, \
             restarts_counter, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                valid.occurred_at.timestamp_millis(),
                valid.occurred_at.offset().local_minus_utc(),
                valid.situation,
                valid.learned,
                valid.next_time,
                valid.restarts_counter,
                now.timestamp_millis(),
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        self.write_lapse_links(id, &valid)?;
        tx.commit()?;
        self.lapse(LapseId(id))
    }

    /// Replaces every field of a lapse.
    pub fn update_lapse(&self, id: LapseId, input: &NewLapse, clock: &dyn Clock) -> Result<Lapse> {
        let now = clock.now();
        let valid = input.validate(now)?;
        let tx = self.conn.unchecked_transaction()?;
        require_live(&self.conn, TABLE, id.0, WHAT)?;
        self.conn.execute(
            "UPDATE lapse SET occurred_at = ?2, utc_offset = ?3, situation = ?4, learned = ?5, \
             next_time = ?6, restarts_counter = ?7, updated_at = ?8 WHERE id = ?1",
            params![
                id.0,
                valid.occurred_at.timestamp_millis(),
                valid.occurred_at.offset().local_minus_utc(),
                valid.situation,
                valid.learned,
                valid.next_time,
                valid.restarts_counter,
                now.timestamp_millis(),
            ],
        )?;
        self.write_lapse_links(id.0, &valid)?;
        tx.commit()?;
        self.lapse(id)
    }

    fn attach_lapse_details(&self, lapse: &mut Lapse) -> Result<()> {
        lapse.triggers = linked_triggers(
            &self.conn,
            "SELECT t.id, t.name FROM lapse_trigger lt JOIN trigger_item t ON t.id = lt.trigger_id \
             WHERE lt.lapse_id = ?1 ORDER BY t.name COLLATE NOCASE",
            lapse.id.0,
        )?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT feeling FROM lapse_feeling WHERE lapse_id = ?1")?;
        let stored: Vec<String> = stmt
            .query_map([lapse.id.0], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        lapse.feelings = feeling_keys()
            .into_iter()
            .filter(|k| stored.iter().any(|s| s == k))
            .map(String::from)
            .collect();
        Ok(())
    }

    /// One lapse by id.
    pub fn lapse(&self, id: LapseId) -> Result<Lapse> {
        let sql = format!("SELECT {LAPSE_COLUMNS} FROM lapse WHERE id = ?1 AND deleted_at IS NULL");
        let mut lapse = found(
            self.conn
                .prepare_cached(&sql)?
                .query_row([id.0], lapse_from_row),
            WHAT,
        )??;
        self.attach_lapse_details(&mut lapse)?;
        Ok(lapse)
    }

    /// The newest `limit` lapses, newest first.
    pub fn list_lapses(&self, limit: u32) -> Result<Vec<Lapse>> {
        let sql = format!(
            "SELECT {LAPSE_COLUMNS} FROM lapse WHERE deleted_at IS NULL \
             ORDER BY occurred_at DESC, id DESC LIMIT ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([limit], lapse_from_row)?;
        let mut out = Vec::new();
        for row in rows {
            let mut lapse = row??;
            self.attach_lapse_details(&mut lapse)?;
            out.push(lapse);
        }
        Ok(out)
    }
}
