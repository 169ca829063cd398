//! The relapse-prevention plan: one JSON document per vault.

use rusqlite::{params, OptionalExtension};

use super::rows::instant_text;
use super::Store;
use crate::error::{Error, Result};
use crate::journal::Clock;
use crate::plan::{RelapsePlan, StoredPlan};

impl Store {
    /// The plan, empty (and never saved) until the person writes one.
    pub fn plan(&self) -> Result<StoredPlan> {
        let row: Option<(String, i64)> = self
            .conn
            .prepare_cached("SELECT body, updated_at FROM relapse_plan WHERE id = 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((body, updated)) = row else {
            return Ok(StoredPlan::default());
        };
        let plan: RelapsePlan =
            serde_json::from_str(&body).map_err(|_| Error::Internal("stored plan unreadable"))?;
        Ok(StoredPlan {
            plan,
            updated_at: Some(instant_text(updated, 0)?),
        })
    }

    /// Validates and replaces the whole plan; nothing is written on rejection.
    pub fn set_plan(&self, input: &RelapsePlan, clock: &dyn Clock) -> Result<StoredPlan> {
        let plan = input.validate()?;
        let body = serde_json::to_string(&plan).map_err(|_| Error::Internal("plan unwritable"))?;
        self.conn.execute(
            "INSERT INTO relapse_plan (id, body, updated_at) VALUES (1, ?1, ?2) \
             ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            params![body, clock.now().timestamp_millis()],
        )?;
        self.plan()
    }

    /// The plan as a Markdown document, with the support network under "People I can call".
    /// See [`RelapsePlan::to_markdown`].
    pub fn plan_markdown(&self) -> Result<String> {
        Ok(self.plan()?.plan.to_markdown(&self.list_contacts()?))
    }
}
