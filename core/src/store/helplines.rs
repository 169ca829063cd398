//! The person's own local helplines, and the helplines shown for their region.

use rusqlite::{params, Row};

use super::rows::found;
use super::Store;
use crate::error::{Error, Result};
use crate::journal::Clock;
use crate::library::helplines_for;
use crate::support::{LocalHelpline, LocalHelplineId, NewLocalHelpline, RegionHelplines};

/// What a missing local helpline is called in errors.
const WHAT: &str = "helpline";

const HELPLINE_SELECT: &str = "SELECT id, name, number, note FROM local_helpline";

fn helpline_from_row(row: &Row<'_>) -> rusqlite::Result<LocalHelpline> {
    Ok(LocalHelpline {
        id: LocalHelplineId(row.get(0)?),
        name: row.get(1)?,
        number: row.get(2)?,
        note: row.get(3)?,
    })
}

impl Store {
    /// One of the person's own helplines.
    pub fn local_helpline(&self, id: LocalHelplineId) -> Result<LocalHelpline> {
        let sql = format!("{HELPLINE_SELECT} WHERE id = ?1");
        found(
            self.conn
                .prepare_cached(&sql)?
                .query_row([id.0], helpline_from_row),
            WHAT,
        )
    }

    /// The person's own helplines, in the order they were added.
    pub fn list_local_helplines(&self) -> Result<Vec<LocalHelpline>> {
        let sql = format!("{HELPLINE_SELECT} ORDER BY id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], helpline_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a local helpline; nothing is written on rejection.
    pub fn add_local_helpline(
        &self,
        input: &NewLocalHelpline,
        clock: &dyn Clock,
    ) -> Result<LocalHelpline> {
        let v = input.validate()?;
        self.conn.execute(
            "INSERT INTO local_helpline (name, number, note, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![v.name, v.number, v.note, clock.now().timestamp_millis()],
        )?;
        self.local_helpline(LocalHelplineId(self.conn.last_insert_rowid()))
    }

    /// Replaces a local helpline's name, number and note.
    pub fn update_local_helpline(
        &self,
        id: LocalHelplineId,
        input: &NewLocalHelpline,
        clock: &dyn Clock,
    ) -> Result<LocalHelpline> {
        self.local_helpline(id)?;
        let v = input.validate()?;
        self.conn.execute(
            "UPDATE local_helpline SET name = ?2, number = ?3, note = ?4, updated_at = ?5 \
             WHERE id = ?1",
            params![
                id.0,
                v.name,
                v.number,
                v.note,
                clock.now().timestamp_millis()
            ],
        )?;
        self.local_helpline(id)
    }

    /// Deletes a local helpline.
    pub fn delete_local_helpline(&self, id: LocalHelplineId) -> Result<()> {
        let changed = self
            .conn
            .execute("DELETE FROM local_helpline WHERE id = ?1", [id.0])?;
        if changed == 0 {
            return Err(Error::NotFound(WHAT));
        }
        Ok(())
    }

    /// The built-in helplines for the profile's region (none when no region is set, or for a
    /// region Waymark has no numbers for), and the person's own.
    pub fn region_helplines(&self) -> Result<RegionHelplines> {
        let region = self.profile()?.region;
        let builtin = region
            .as_deref()
            .map(|r| helplines_for(r).into_iter().cloned().collect())
            .unwrap_or_default();
        Ok(RegionHelplines {
            region,
            builtin,
            local: self.list_local_helplines()?,
        })
    }
}
