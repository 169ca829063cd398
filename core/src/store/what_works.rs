//! "What works for me": reads the live cravings that tried each strategy and tallies them.

use std::collections::HashMap;

use super::Store;
use crate::error::Result;
use crate::insights::{rank_what_works, tally_tried, StrategyTally, TriedCraving, WhatWorks};
use crate::journal::ids::{CravingId, StrategyId};
use crate::journal::CravingOutcome;

/// Every linked coping line of a live craving, in the order of the strategy index, so SQLite
/// needs no sort or temporary table (a grouped query here was several times slower on an
/// encrypted vault). Counting is done by [`tally_tried`].
pub(super) const TRIED_SQL: &str = "SELECT cc.strategy_id, cc.craving_id, c.outcome, c.intensity, \
       c.intensity_after \
     FROM craving_coping cc JOIN craving c ON c.id = cc.craving_id \
     WHERE cc.strategy_id IS NOT NULL AND c.deleted_at IS NULL \
     ORDER BY cc.strategy_id, cc.craving_id";

/// One row of a query selecting the columns of [`TRIED_SQL`] in its order (strategy, craving,
/// outcome, intensity before and after); the insights' ranged query shares it.
pub(super) fn tried_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TriedCraving> {
    let outcome: Option<String> = r.get(2)?;
    Ok(TriedCraving {
        strategy_id: StrategyId(r.get(0)?),
        craving_id: CravingId(r.get(1)?),
        outcome: outcome.as_deref().and_then(CravingOutcome::from_key),
        intensity: r.get(3)?,
        intensity_after: r.get(4)?,
    })
}

impl Store {
    /// The raw counts behind "what works", one per strategy tried at least once.
    pub fn strategy_tallies(&self) -> Result<Vec<StrategyTally>> {
        let titles = self.strategy_titles()?;
        let mut stmt = self.conn.prepare_cached(TRIED_SQL)?;
        let rows = stmt.query_map([], tried_row)?;
        let tried = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(tally_tried(tried, &titles))
    }

    /// Every coping strategy's title, hidden ones included.
    pub(super) fn strategy_titles(&self) -> Result<HashMap<StrategyId, String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, title FROM coping_strategy")?;
        let rows = stmt.query_map([], |r| Ok((StrategyId(r.get(0)?), r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// "What works for me": every strategy tried during a logged craving, ranked by how often
    /// the craving then passed without use, then by how often it was tried, then by title.
    /// Hidden strategies are included; deleted cravings never count.
    pub fn what_works(&self) -> Result<Vec<WhatWorks>> {
        Ok(rank_what_works(self.strategy_tallies()?))
    }
}
