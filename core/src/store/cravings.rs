//! The craving repository.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use rusqlite::{params, Row};

use super::Store;
use crate::error::{Error, Result};
use crate::journal::craving::format_instant;
use crate::journal::{Clock, Craving, CravingId, NewCraving};

fn instant_from_parts(millis: i64, offset_seconds: i64) -> Result<DateTime<FixedOffset>> {
    let offset = FixedOffset::east_opt(offset_seconds as i32)
        .ok_or(Error::Internal("stored offset out of range"))?;
    let utc = Utc
        .timestamp_millis_opt(millis)
        .single()
        .ok_or(Error::Internal("stored time out of range"))?;
    Ok(utc.with_timezone(&offset))
}

fn craving_from_row(row: &Row<'_>) -> rusqlite::Result<(i64, i64, i64, u8, Option<String>, i64)> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
    ))
}

fn to_craving(
    (id, at, offset, intensity, note, created): (i64, i64, i64, u8, Option<String>, i64),
) -> Result<Craving> {
    Ok(Craving {
        id: CravingId(id),
        occurred_at: format_instant(&instant_from_parts(at, offset)?),
        intensity,
        note,
        created_at: format_instant(&instant_from_parts(created, 0)?.with_timezone(&Utc)),
    })
}

impl Store {
    /// Validates and saves a craving; nothing is written when validation fails.
    pub fn add_craving(&self, input: &NewCraving, clock: &dyn Clock) -> Result<Craving> {
        let now = clock.now();
        let valid = input.validate(now)?;
        self.conn.execute(
            "INSERT INTO craving (occurred_at, utc_offset, intensity, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                valid.occurred_at.timestamp_millis(),
                valid.occurred_at.offset().local_minus_utc(),
                valid.intensity,
                valid.note,
                now.timestamp_millis(),
            ],
        )?;
        self.craving(CravingId(self.conn.last_insert_rowid()))
    }

    /// Validates every input first, then saves them all in one transaction: all or none.
    /// Returns how many were saved.
    pub fn add_cravings(&mut self, inputs: &[NewCraving], clock: &dyn Clock) -> Result<usize> {
        let now = clock.now();
        let valid = inputs
            .iter()
            .map(|input| input.validate(now))
            .collect::<Result<Vec<_>, _>>()?;
        let tx = self.conn.transaction()?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO craving (occurred_at, utc_offset, intensity, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for v in &valid {
                insert.execute(params![
                    v.occurred_at.timestamp_millis(),
                    v.occurred_at.offset().local_minus_utc(),
                    v.intensity,
                    v.note,
                    now.timestamp_millis(),
                ])?;
            }
        }
        tx.commit()?;
        Ok(valid.len())
    }

    /// One craving by id.
    pub fn craving(&self, id: CravingId) -> Result<Craving> {
        let row = self.conn.query_row(
            "SELECT id, occurred_at, utc_offset, intensity, note, created_at FROM craving WHERE id = ?1",
            [id.0],
            craving_from_row,
        )?;
        to_craving(row)
    }

    /// The newest `limit` cravings, newest first.
    pub fn list_cravings(&self, limit: u32) -> Result<Vec<Craving>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, occurred_at, utc_offset, intensity, note, created_at FROM craving \
             ORDER BY occurred_at DESC, id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], craving_from_row)?;
        rows.map(|r| to_craving(r?)).collect()
    }

    /// How many cravings are stored.
    pub fn count_cravings(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM craving", [], |r| r.get(0))?)
    }
}
