//! The craving repository: the quick log and every detail added later.

use std::collections::HashMap;

use rusqlite::{params, Connection, Row};

use super::rows::{found, instant_text, require_live};
use super::strategies::{fold, TitleIndex};
use super::Store;
use crate::error::Result;
use crate::journal::craving::ValidCraving;
use crate::journal::{Clock, Craving, CravingId, CravingOutcome, Halt, NewCraving, TriggerRef};

/// What [`Store::craving`] reports when a craving is missing or deleted.
const WHAT: &str = "craving";

/// The table of cravings.
const TABLE: &str = "craving";

const CRAVING_COLUMNS: &str = "id, occurred_at, utc_offset, intensity, duration_minutes, hungry, \
     angry, lonely, tired, place, with_whom, activity, outcome, intensity_after, note, created_at";

/// A craving row before its triggers and coping list are attached.
fn craving_from_row(row: &Row<'_>) -> rusqlite::Result<Result<Craving>> {
    let at: i64 = row.get(1)?;
    let offset: i64 = row.get(2)?;
    let created: i64 = row.get(15)?;
    let outcome: Option<String> = row.get(12)?;
    let craving = (|| -> Result<Craving> {
        Ok(Craving {
            id: CravingId(row.get(0)?),
            occurred_at: instant_text(at, offset)?,
            intensity: row.get(3)?,
            duration_minutes: row.get(4)?,
            triggers: Vec::new(),
            halt: Halt {
                hungry: row.get(5)?,
                angry: row.get(6)?,
                lonely: row.get(7)?,
                tired: row.get(8)?,
            },
            place: row.get(9)?,
            with_whom: row.get(10)?,
            activity: row.get(11)?,
            coping: Vec::new(),
            outcome: outcome.as_deref().and_then(CravingOutcome::from_key),
            intensity_after: row.get(13)?,
            note: row.get(14)?,
            created_at: instant_text(created, 0)?,
        })
    })();
    Ok(craving)
}

/// The triggers of a craving or lapse, by current name, through `link_table`.
pub(super) fn linked_triggers(
    conn: &Connection,
    sql: &str,
    owner_id: i64,
) -> Result<Vec<TriggerRef>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([owner_id], |r| {
        Ok(TriggerRef {
            id: crate::journal::TriggerId(r.get(0)?),
            name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn attach_details(conn: &Connection, craving: &mut Craving) -> Result<()> {
    craving.triggers = linked_triggers(
        conn,
        "SELECT t.id, t.name FROM craving_trigger ct JOIN trigger_item t ON t.id = ct.trigger_id \
         WHERE ct.craving_id = ?1 ORDER BY t.name COLLATE NOCASE",
        craving.id.0,
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT strategy FROM craving_coping WHERE craving_id = ?1 ORDER BY position",
    )?;
    craving.coping = stmt
        .query_map([craving.id.0], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

/// Writes the links and coping list of a craving, replacing what was there. Each coping line
/// is linked to the strategy whose title it matches (ignoring case); a line that matches none
/// keeps the strategy it was linked to before (one since renamed), or stays free text.
fn write_details(
    conn: &Connection,
    id: i64,
    trigger_ids: &[i64],
    coping: &[String],
    titles: &TitleIndex,
) -> Result<()> {
    let mut previous: HashMap<String, i64> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT strategy, strategy_id FROM craving_coping \
             WHERE craving_id = ?1 AND strategy_id IS NOT NULL",
        )?;
        for row in stmt.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (text, strategy) = row?;
            previous.insert(fold(&text), strategy);
        }
    }
    conn.execute("DELETE FROM craving_trigger WHERE craving_id = ?1", [id])?;
    conn.execute("DELETE FROM craving_coping WHERE craving_id = ?1", [id])?;
    let mut link = conn
        .prepare_cached("INSERT INTO craving_trigger (craving_id, trigger_id) VALUES (?1, ?2)")?;
    for trigger in trigger_ids {
        link.execute([id, *trigger])?;
    }
    let mut cope = conn.prepare_cached(
        "INSERT INTO craving_coping (craving_id, position, strategy, strategy_id) \
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, strategy) in coping.iter().enumerate() {
        let strategy_id = titles
            .find(strategy)
            .or_else(|| previous.get(&fold(strategy)).copied());
        cope.execute(params![id, position as i64, strategy, strategy_id])?;
    }
    Ok(())
}

impl Store {
    /// The trigger ids of a validated craving: catalogue ids checked to exist, and typed-in
    /// triggers found by name or created. Call inside the write's transaction.
    fn resolve_craving_triggers(&self, valid: &ValidCraving, now_ms: i64) -> Result<Vec<i64>> {
        let mut ids = self.existing_trigger_ids(&valid.trigger_ids)?;
        for new in &valid.new_triggers {
            let id = self.find_or_create_trigger(new, now_ms)?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    fn insert_craving(
        &self,
        valid: &ValidCraving,
        now_ms: i64,
        titles: &TitleIndex,
    ) -> Result<CravingId> {
        let trigger_ids = self.resolve_craving_triggers(valid, now_ms)?;
        self.conn
            .prepare_cached(
                "INSERT INTO craving (occurred_at, utc_offset, intensity, duration_minutes, hungry, \
                 angry, lonely, tired, place, with_whom, activity, outcome, intensity_after, note, \
                 created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?
            .execute(params![
                valid.occurred_at.timestamp_millis(),
                valid.occurred_at.offset().local_minus_utc(),
                valid.intensity,
                valid.duration_minutes,
                valid.halt.hungry,
                valid.halt.angry,
                valid.halt.lonely,
                valid.halt.tired,
                valid.place,
                valid.with_whom,
                valid.activity,
                valid.outcome.map(CravingOutcome::key),
                valid.intensity_after,
                valid.note,
                now_ms,
            ])?;
        let id = self.conn.last_insert_rowid();
        write_details(&self.conn, id, &trigger_ids, &valid.coping, titles)?;
        Ok(CravingId(id))
    }

    /// Validates and saves a craving with all its details; nothing is written when validation
    /// fails or a trigger id is unknown.
    pub fn add_craving(&self, input: &NewCraving, clock: &dyn Clock) -> Result<Craving> {
        let now = clock.now();
        let valid = input.validate(now)?;
        let tx = self.conn.unchecked_transaction()?;
        let titles = self.title_index()?;
        let id = self.insert_craving(&valid, now.timestamp_millis(), &titles)?;
        tx.commit()?;
        self.craving(id)
    }

    /// Validates every input first, then saves them all in one transaction: all or none.
    /// Returns how many were saved.
    pub fn add_cravings(&self, inputs: &[NewCraving], clock: &dyn Clock) -> Result<usize> {
        let now = clock.now();
        let valid = inputs
            .iter()
            .map(|input| input.validate(now))
            .collect::<Result<Vec<_>, _>>()?;
        let tx = self.conn.unchecked_transaction()?;
        let titles = self.title_index()?;
        for v in &valid {
            self.insert_craving(v, now.timestamp_millis(), &titles)?;
        }
        tx.commit()?;
        Ok(valid.len())
    }

    /// Replaces every field of a craving; its id and creation time stay.
    pub fn update_craving(
        &self,
        id: CravingId,
        input: &NewCraving,
        clock: &dyn Clock,
    ) -> Result<Craving> {
        let now = clock.now();
        let valid = input.validate(now)?;
        let tx = self.conn.unchecked_transaction()?;
        require_live(&self.conn, TABLE, id.0, WHAT)?;
        let trigger_ids = self.resolve_craving_triggers(&valid, now.timestamp_millis())?;
        self.conn.execute(
            "UPDATE craving SET occurred_at = ?2, utc_offset = ?3, intensity = ?4, \
             duration_minutes = ?5, hungry = ?6, angry = ?7, lonely = ?8, tired = ?9, place = ?10, \
             with_whom = ?11, activity = ?12, outcome = ?13, intensity_after = ?14, note = ?15, \
             updated_at = ?16 WHERE id = ?1",
            params![
                id.0,
                valid.occurred_at.timestamp_millis(),
                valid.occurred_at.offset().local_minus_utc(),
                valid.intensity,
                valid.duration_minutes,
                valid.halt.hungry,
                valid.halt.angry,
                valid.halt.lonely,
                valid.halt.tired,
                valid.place,
                valid.with_whom,
                valid.activity,
                valid.outcome.map(CravingOutcome::key),
                valid.intensity_after,
                valid.note,
                now.timestamp_millis(),
            ],
        )?;
        let titles = self.title_index()?;
        write_details(&self.conn, id.0, &trigger_ids, &valid.coping, &titles)?;
        tx.commit()?;
        self.craving(id)
    }

    /// One craving by id; deleted ones are not found.
    pub fn craving(&self, id: CravingId) -> Result<Craving> {
        let sql =
            format!("SELECT {CRAVING_COLUMNS} FROM craving WHERE id = ?1 AND deleted_at IS NULL");
        let mut craving = found(
            self.conn
                .prepare_cached(&sql)?
                .query_row([id.0], craving_from_row),
            WHAT,
        )??;
        attach_details(&self.conn, &mut craving)?;
        Ok(craving)
    }

    /// The newest `limit` cravings, newest first.
    pub fn list_cravings(&self, limit: u32) -> Result<Vec<Craving>> {
        let sql = format!(
            "SELECT {CRAVING_COLUMNS} FROM craving WHERE deleted_at IS NULL \
             ORDER BY occurred_at DESC, id DESC LIMIT ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([limit], craving_from_row)?;
        let mut out = Vec::new();
        for row in rows {
            let mut craving = row??;
            attach_details(&self.conn, &mut craving)?;
            out.push(craving);
        }
        Ok(out)
    }

    /// How many cravings are stored (deleted ones excluded).
    pub fn count_cravings(&self) -> Result<u64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM craving WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?)
    }
}
