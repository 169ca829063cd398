//! The coping library in the vault: the built-in strategies loaded from the content file, the
//! person's own, their star and hide flags, and the links from cravings' coping lines.

use std::collections::HashMap;

use rusqlite::{params, Row};

use super::rows::found;
use super::Store;
use crate::error::{Error, Result, ValidationError};
use crate::journal::Clock;
use crate::library::strategy::ValidStrategy;
use crate::library::{coping_library, NewStrategy, Strategy, StrategyCategory, StrategyId};

/// What a missing strategy is called in errors.
const WHAT: &str = "coping strategy";

const STRATEGY_SELECT: &str = "SELECT id, builtin_key, title, summary, steps, category, source, \
     starred, hidden, position FROM coping_strategy";

/// Coping text as it is matched to titles: Unicode lower case, so "WALK" and "walk" are one.
pub(super) fn fold(text: &str) -> String {
    text.to_lowercase()
}

/// Which strategy each title names, by folded title. Built-in strategies win a clash.
pub(super) struct TitleIndex(HashMap<String, i64>);

impl TitleIndex {
    /// The strategy whose title matches `text`, ignoring case.
    pub(super) fn find(&self, text: &str) -> Option<i64> {
        self.0.get(&fold(text)).copied()
    }
}

/// A strategy row, and its library position for ordering.
fn strategy_from_row(row: &Row<'_>) -> rusqlite::Result<Result<(Strategy, i64)>> {
    let steps: String = row.get(4)?;
    let category: String = row.get(5)?;
    let key: Option<String> = row.get(1)?;
    let built = (|| -> Result<(Strategy, i64)> {
        let steps: Vec<String> = serde_json::from_str(&steps)
            .map_err(|_| Error::Internal("stored strategy steps unreadable"))?;
        let category = StrategyCategory::from_key(&category)
            .ok_or(Error::Internal("stored strategy category unknown"))?;
        Ok((
            Strategy {
                id: StrategyId(row.get(0)?),
                custom: key.is_none(),
                key,
                title: row.get(2)?,
                summary: row.get(3)?,
                steps,
                category,
                source: row.get(6)?,
                starred: row.get(7)?,
                hidden: row.get(8)?,
            },
            row.get(9)?,
        ))
    })();
    Ok(built)
}

/// Library order: category, then built-ins in the content file's order, then the person's own
/// by title.
fn library_order(rows: &mut [(Strategy, i64)]) {
    rows.sort_by(|(a, a_pos), (b, b_pos)| {
        let category = |s: &Strategy| StrategyCategory::ALL.iter().position(|c| *c == s.category);
        category(a)
            .cmp(&category(b))
            .then(a.custom.cmp(&b.custom))
            .then(a_pos.cmp(b_pos))
            .then_with(|| fold(&a.title).cmp(&fold(&b.title)))
            .then(a.id.cmp(&b.id))
    });
}

fn steps_json(steps: &[String]) -> Result<String> {
    serde_json::to_string(steps).map_err(|_| Error::Internal("strategy steps unwritable"))
}

fn built_in_refused(action: &str) -> Error {
    Error::Invalid(ValidationError::new(
        "id",
        format!(
            "Built-in strategies can't be {action}; hide it if it doesn't fit you, or add your \
             own version."
        ),
    ))
}

/// A built-in strategy as stored, to compare with the content file.
struct StoredBuiltin {
    id: i64,
    title: String,
    summary: Option<String>,
    steps: String,
    category: String,
    source: Option<String>,
    position: i64,
}

impl Store {
    /// Loads the built-in library into the vault: new strategies are added and changed ones
    /// updated, matched by their content key, while the person's star and hide flags stay.
    /// Coping lines that name a strategy added or retitled here (those saved before schema 3
    /// included) are linked to it. Called on every create and open; writes only what changed.
    pub(crate) fn seed_coping_library(&self) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        let mut stored: HashMap<String, StoredBuiltin> = HashMap::new();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT builtin_key, id, title, summary, steps, category, source, position \
                 FROM coping_strategy WHERE builtin_key IS NOT NULL",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    StoredBuiltin {
                        id: r.get(1)?,
                        title: r.get(2)?,
                        summary: r.get(3)?,
                        steps: r.get(4)?,
                        category: r.get(5)?,
                        source: r.get(6)?,
                        position: r.get(7)?,
                    },
                ))
            })?;
            for row in rows {
                let (key, builtin) = row?;
                stored.insert(key, builtin);
            }
        }
        let now = chrono::Utc::now().timestamp_millis();
        let mut relink: HashMap<String, i64> = HashMap::new();
        for (position, s) in coping_library().strategy.iter().enumerate() {
            let position = position as i64;
            let steps = steps_json(&s.steps)?;
            match stored.get(&s.key) {
                None => {
                    self.conn
                        .prepare_cached(
                            "INSERT INTO coping_strategy (builtin_key, title, summary, steps, \
                             category, source, position, created_at) \
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        )?
                        .execute(params![
                            s.key,
                            s.title,
                            s.summary,
                            steps,
                            s.category.key(),
                            s.source,
                            position,
                            now
                        ])?;
                    relink.insert(fold(&s.title), self.conn.last_insert_rowid());
                }
                Some(old) => {
                    let same = old.title == s.title
                        && old.summary.as_deref() == Some(s.summary.as_str())
                        && old.steps == steps
                        && old.category == s.category.key()
                        && old.source.as_deref() == Some(s.source.as_str())
                        && old.position == position;
                    if same {
                        continue;
                    }
                    self.conn
                        .prepare_cached(
                            "UPDATE coping_strategy SET title = ?2, summary = ?3, steps = ?4, \
                             category = ?5, source = ?6, position = ?7, updated_at = ?8 \
                             WHERE id = ?1",
                        )?
                        .execute(params![
                            old.id,
                            s.title,
                            s.summary,
                            steps,
                            s.category.key(),
                            s.source,
                            position,
                            now
                        ])?;
                    if old.title != s.title {
                        relink.insert(fold(&s.title), old.id);
                    }
                }
            }
        }
        self.link_free_coping(&relink)?;
        tx.commit()?;
        Ok(())
    }

    /// Every strategy's folded title, for matching coping text. Call inside the write's
    /// transaction so it is current.
    pub(super) fn title_index(&self) -> Result<TitleIndex> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title FROM coping_strategy ORDER BY builtin_key IS NULL, id",
        )?;
        let mut index = HashMap::new();
        for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
            let (id, title) = row?;
            index.entry(fold(&title)).or_insert(id);
        }
        Ok(TitleIndex(index))
    }

    /// Links free-text coping lines (those naming no strategy yet) whose text matches one of
    /// `titles` (folded title to strategy id). Lines already linked keep their strategy.
    fn link_free_coping(&self, titles: &HashMap<String, i64>) -> Result<()> {
        if titles.is_empty() {
            return Ok(());
        }
        let mut links = Vec::new();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT craving_id, position, strategy FROM craving_coping \
                 WHERE strategy_id IS NULL",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let (craving, position, text) = row?;
                if let Some(id) = titles.get(&fold(&text)) {
                    links.push((craving, position, *id));
                }
            }
        }
        let mut update = self.conn.prepare_cached(
            "UPDATE craving_coping SET strategy_id = ?3 WHERE craving_id = ?1 AND position = ?2",
        )?;
        for (craving, position, id) in links {
            update.execute([craving, position, id])?;
        }
        Ok(())
    }

    /// Refuses a title another strategy already has (ignoring case): coping text must name one
    /// strategy only.
    fn check_title_free(&self, title: &str, except: Option<StrategyId>) -> Result<()> {
        let index = self.title_index()?;
        match index.find(title) {
            Some(id) if Some(StrategyId(id)) != except => Err(Error::Invalid(
                ValidationError::new("title", "There is already a strategy with that title."),
            )),
            _ => Ok(()),
        }
    }

    /// One strategy, built in or the person's own.
    pub fn strategy(&self, id: StrategyId) -> Result<Strategy> {
        let sql = format!("{STRATEGY_SELECT} WHERE id = ?1");
        let (strategy, _) = found(
            self.conn
                .prepare_cached(&sql)?
                .query_row([id.0], strategy_from_row),
            WHAT,
        )??;
        Ok(strategy)
    }

    /// The library: by category, built-ins in the content's order, then the person's own by
    /// title. Hidden strategies only when asked for.
    pub fn list_strategies(&self, include_hidden: bool) -> Result<Vec<Strategy>> {
        let sql = format!("{STRATEGY_SELECT} WHERE ?1 OR hidden = 0");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt
            .query_map([include_hidden], strategy_from_row)?
            .map(|r| r?)
            .collect::<Result<Vec<_>>>()?;
        library_order(&mut rows);
        Ok(rows.into_iter().map(|(s, _)| s).collect())
    }

    /// Adds a strategy of the person's own. Its title must differ (ignoring case) from every
    /// other strategy's; coping already logged under that title starts counting for it.
    pub fn add_strategy(&self, input: &NewStrategy, clock: &dyn Clock) -> Result<Strategy> {
        let valid = input.validate()?;
        let tx = self.conn.unchecked_transaction()?;
        self.check_title_free(&valid.title, None)?;
        self.conn.execute(
            "INSERT INTO coping_strategy (title, summary, steps, category, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                valid.title,
                valid.summary,
                steps_json(&valid.steps)?,
                valid.category.key(),
                clock.now().timestamp_millis()
            ],
        )?;
        let id = StrategyId(self.conn.last_insert_rowid());
        self.link_free_coping(&HashMap::from([(fold(&valid.title), id.0)]))?;
        tx.commit()?;
        self.strategy(id)
    }

    /// Replaces the title, summary, steps and category of one of the person's own strategies.
    /// Built-in strategies are refused (field `id`). Cravings already linked stay linked.
    pub fn update_strategy(
        &self,
        id: StrategyId,
        input: &NewStrategy,
        clock: &dyn Clock,
    ) -> Result<Strategy> {
        if !self.strategy(id)?.custom {
            return Err(built_in_refused("changed"));
        }
        let valid: ValidStrategy = input.validate()?;
        let tx = self.conn.unchecked_transaction()?;
        self.check_title_free(&valid.title, Some(id))?;
        self.conn.execute(
            "UPDATE coping_strategy SET title = ?2, summary = ?3, steps = ?4, category = ?5, \
             updated_at = ?6 WHERE id = ?1",
            params![
                id.0,
                valid.title,
                valid.summary,
                steps_json(&valid.steps)?,
                valid.category.key(),
                clock.now().timestamp_millis()
            ],
        )?;
        self.link_free_coping(&HashMap::from([(fold(&valid.title), id.0)]))?;
        tx.commit()?;
        self.strategy(id)
    }

    /// Deletes one of the person's own strategies; coping lines that named it stay on their
    /// cravings as free text. Built-in strategies are refused (field `id`): hide them instead.
    pub fn delete_strategy(&self, id: StrategyId) -> Result<()> {
        if !self.strategy(id)?.custom {
            return Err(built_in_refused("deleted"));
        }
        self.conn
            .execute("DELETE FROM coping_strategy WHERE id = ?1", [id.0])?;
        Ok(())
    }

    /// Stars a strategy as a favourite, or takes the star off.
    pub fn set_strategy_starred(&self, id: StrategyId, starred: bool) -> Result<Strategy> {
        self.set_strategy_flag(id, "starred", starred)
    }

    /// Hides a strategy that doesn't fit the person, or shows it again.
    pub fn set_strategy_hidden(&self, id: StrategyId, hidden: bool) -> Result<Strategy> {
        self.set_strategy_flag(id, "hidden", hidden)
    }

    /// Sets one of the person's flags; `column` is always one of this file's constants.
    fn set_strategy_flag(
        &self,
        id: StrategyId,
        column: &'static str,
        on: bool,
    ) -> Result<Strategy> {
        let changed = self.conn.execute(
            &format!("UPDATE coping_strategy SET {column} = ?2 WHERE id = ?1"),
            params![id.0, on],
        )?;
        if changed == 0 {
            return Err(Error::NotFound(WHAT));
        }
        self.strategy(id)
    }
}
