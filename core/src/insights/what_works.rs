//! "What works for me": for each coping strategy, how often it was tried during a craving, how
//! often the craving then passed without use, and how far the intensity fell, ranked.
//!
//! Every figure comes with the number of cravings behind it, so a 100% from one craving is
//! never mistaken for a pattern.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::journal::ids::{CravingId, StrategyId};
use crate::journal::CravingOutcome;

/// One live craving that tried a strategy, with what "what works" needs of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriedCraving {
    /// The strategy tried.
    pub strategy_id: StrategyId,
    /// The craving.
    pub craving_id: CravingId,
    /// How it ended, if recorded.
    pub outcome: Option<CravingOutcome>,
    /// Its intensity, 0 to 10.
    pub intensity: u8,
    /// Its intensity afterwards, if recorded.
    pub intensity_after: Option<u8>,
}

/// The raw counts for one strategy over the live (not deleted) cravings that tried it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrategyTally {
    /// The strategy.
    pub strategy_id: StrategyId,
    /// Its title now.
    pub title: String,
    /// Cravings that tried it.
    pub tried: u32,
    /// Of those, the ones whose outcome is "passed" or "used" (ongoing or unrecorded don't count).
    pub with_outcome: u32,
    /// Of those, the ones that passed without use.
    pub passed: u32,
    /// Of the cravings that tried it, the ones with both an intensity and an intensity after.
    pub with_drop: u32,
    /// The sum of `intensity - intensity_after` over those.
    pub drop_total: i64,
}

/// Counts the cravings that tried each strategy. A craving counts once per strategy, however
/// many of its lines name it. Titles come from `titles`; a strategy missing there is skipped.
pub fn tally_tried(
    tried: impl IntoIterator<Item = TriedCraving>,
    titles: &HashMap<StrategyId, String>,
) -> Vec<StrategyTally> {
    let mut seen: HashSet<(StrategyId, CravingId)> = HashSet::new();
    let mut tallies: HashMap<StrategyId, StrategyTally> = HashMap::new();
    for t in tried {
        if !seen.insert((t.strategy_id, t.craving_id)) {
            continue;
        }
        let Some(title) = titles.get(&t.strategy_id) else {
            continue;
        };
        let tally = tallies
            .entry(t.strategy_id)
            .or_insert_with(|| StrategyTally {
                strategy_id: t.strategy_id,
                title: title.clone(),
                tried: 0,
                with_outcome: 0,
                passed: 0,
                with_drop: 0,
                drop_total: 0,
            });
        tally.tried += 1;
        match t.outcome {
            Some(CravingOutcome::Passed) => {
                tally.with_outcome += 1;
                tally.passed += 1;
            }
            Some(CravingOutcome::Used) => tally.with_outcome += 1,
            Some(CravingOutcome::Ongoing) | None => {}
        }
        if let Some(after) = t.intensity_after {
            tally.with_drop += 1;
            tally.drop_total += i64::from(t.intensity) - i64::from(after);
        }
    }
    tallies.into_values().collect()
}

/// One strategy's line in "what works for me".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WhatWorks {
    /// The strategy.
    pub strategy_id: StrategyId,
    /// Its title now.
    pub title: String,
    /// How many logged cravings tried it.
    pub tried: u32,
    /// How many of those have an outcome of "passed" or "used": the basis of `passRate`.
    pub with_outcome: u32,
    /// How many of those passed without use.
    pub passed: u32,
    /// `passed / withOutcome`, 0 to 1; `None` when no craving that tried it has an outcome.
    pub pass_rate: Option<f64>,
    /// How many cravings that tried it have both intensities logged: the basis of
    /// `averageDrop`.
    pub with_drop: u32,
    /// The average of intensity minus intensity afterwards over those (negative if it rose);
    /// `None` when there are none.
    pub average_drop: Option<f64>,
}

impl From<&StrategyTally> for WhatWorks {
    fn from(t: &StrategyTally) -> Self {
        WhatWorks {
            strategy_id: t.strategy_id,
            title: t.title.clone(),
            tried: t.tried,
            with_outcome: t.with_outcome,
            passed: t.passed,
            pass_rate: (t.with_outcome > 0)
                .then(|| f64::from(t.passed) / f64::from(t.with_outcome)),
            with_drop: t.with_drop,
            average_drop: (t.with_drop > 0).then(|| t.drop_total as f64 / f64::from(t.with_drop)),
        }
    }
}

/// Compares two pass rates exactly (as fractions, not floats), higher first; a strategy with no
/// outcome yet comes after every one that has some.
fn by_pass_rate(a: &StrategyTally, b: &StrategyTally) -> Ordering {
    match (a.with_outcome, b.with_outcome) {
        (0, 0) => Ordering::Equal,
        (0, _) => Ordering::Greater,
        (_, 0) => Ordering::Less,
        (an, bn) => {
            let left = u64::from(b.passed) * u64::from(an);
            let right = u64::from(a.passed) * u64::from(bn);
            left.cmp(&right)
        }
    }
}

/// Ranks the tallies: pass rate highest first, then most often tried, then title (ignoring
/// case), then id so the order is always the same. Strategies never tried are left out.
pub fn rank_what_works(mut tallies: Vec<StrategyTally>) -> Vec<WhatWorks> {
    tallies.retain(|t| t.tried > 0);
    tallies.sort_by(|a, b| {
        by_pass_rate(a, b)
            .then_with(|| b.tried.cmp(&a.tried))
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then_with(|| a.strategy_id.cmp(&b.strategy_id))
    });
    tallies.iter().map(WhatWorks::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(
        id: i64,
        title: &str,
        tried: u32,
        with_outcome: u32,
        passed: u32,
        drops: &[i64],
    ) -> StrategyTally {
        StrategyTally {
            strategy_id: StrategyId(id),
            title: title.into(),
            tried,
            with_outcome,
            passed,
            with_drop: drops.len() as u32,
            drop_total: drops.iter().sum(),
        }
    }

    #[test]
    fn figures_match_the_hand_computed_ones() {
        // 3 tried; 3 with an outcome, 2 of them passed; drops of 5 and 3 logged.
        let ranked = rank_what_works(vec![tally(1, "Walk", 3, 3, 2, &[5, 3])]);
        assert_eq!(
            ranked,
            vec![WhatWorks {
                strategy_id: StrategyId(1),
                title: "Walk".into(),
                tried: 3,
                with_outcome: 3,
                passed: 2,
                pass_rate: Some(2.0 / 3.0),
                with_drop: 2,
                average_drop: Some(4.0),
            }]
        );
    }

    #[test]
    fn missing_bases_give_no_figure_rather_than_zero() {
        let ranked = rank_what_works(vec![tally(1, "Breathe", 2, 0, 0, &[])]);
        assert_eq!(ranked[0].pass_rate, None);
        assert_eq!(ranked[0].average_drop, None);
        // A rise in intensity is a negative drop: (2 - 6) and (4 - 4) average to -2.
        let rose = rank_what_works(vec![tally(2, "Scroll", 2, 1, 0, &[-4, 0])]);
        assert_eq!(rose[0].pass_rate, Some(0.0));
        assert_eq!(rose[0].average_drop, Some(-2.0));
    }

    #[test]
    fn ranking_is_rate_then_tries_then_title() {
        let ranked = rank_what_works(vec![
            tally(1, "zeta", 4, 4, 2, &[]),   // 1/2, tried 4
            tally(2, "Alpha", 10, 0, 0, &[]), // no outcome: last
            tally(3, "beta", 2, 2, 2, &[]),   // 1/1
            tally(4, "Gamma", 6, 6, 3, &[]),  // 1/2, tried 6
            tally(5, "alpha", 4, 2, 1, &[]),  // 1/2, tried 4, title before "zeta"
            tally(6, "Never", 0, 0, 0, &[]),  // never tried: left out
            tally(7, "Delta", 3, 3, 2, &[]),  // 2/3
        ]);
        let order: Vec<i64> = ranked.iter().map(|w| w.strategy_id.0).collect();
        assert_eq!(order, vec![3, 7, 4, 5, 1, 2]);
    }

    #[test]
    fn tallies_count_each_craving_once_and_only_passed_or_used_outcomes() {
        use CravingOutcome::*;
        let tried = |s: i64, c: i64, outcome, intensity, after| TriedCraving {
            strategy_id: StrategyId(s),
            craving_id: CravingId(c),
            outcome,
            intensity,
            intensity_after: after,
        };
        let titles = HashMap::from([(StrategyId(1), "Walk".to_string())]);
        let mut tallies = tally_tried(
            [
                tried(1, 10, Some(Passed), 8, Some(3)),
                tried(1, 10, Some(Passed), 8, Some(3)), // the same craving again
                tried(1, 11, Some(Used), 6, Some(3)),
                tried(1, 12, Some(Passed), 7, None),
                tried(1, 13, Some(Ongoing), 5, None),
                tried(1, 14, None, 4, None),
                tried(2, 10, Some(Passed), 8, Some(3)), // no title: skipped
            ],
            &titles,
        );
        assert_eq!(tallies.len(), 1);
        // Hand-counted: 5 tried; 3 with an outcome (10, 11, 12), 2 passed; drops 5 and 3.
        assert_eq!(tallies.pop().unwrap(), tally(1, "Walk", 5, 3, 2, &[5, 3]));
    }

    #[test]
    fn equal_fractions_tie_exactly() {
        // 1/3 and 2/6 are the same rate; more tries wins the tie.
        let ranked = rank_what_works(vec![
            tally(1, "A", 3, 3, 1, &[]),
            tally(2, "B", 6, 6, 2, &[]),
        ]);
        assert_eq!(ranked[0].strategy_id, StrategyId(2));
    }
}
