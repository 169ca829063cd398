//! The SOS panel: everything it shows, in one answer, so it opens at once in a craving.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::contact::Contact;
use super::helpline::RegionHelplines;
use crate::insights::WhatWorks;
use crate::library::Strategy;
use crate::plan::IfThenPlan;

/// How many strategies the SOS panel offers.
pub const SOS_STRATEGY_LIMIT: usize = 6;

/// Everything the SOS panel shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SosSummary {
    /// Up to [`SOS_STRATEGY_LIMIT`] strategies, hidden ones never: starred first, then those
    /// that have helped this person (best first by "what works"), then the rest by category.
    pub strategies: Vec<Strategy>,
    /// The plan's if-then lines for high-risk situations.
    pub if_then_plans: Vec<IfThenPlan>,
    /// The support network, in "who I call first" order.
    pub call_list: Vec<Contact>,
    /// The plan's own "people to call" lines.
    pub people_to_call: Vec<String>,
    /// The helplines for the person's region, built-in and their own.
    pub helplines: RegionHelplines,
    /// The plan's reasons for recovery.
    pub reasons: Vec<String>,
}

/// Picks the SOS panel's strategies from `strategies` (in library order: category, then the
/// library's own order, then title) using `ranked` ("what works", best first). Hidden strategies
/// are left out; starred ones come first (those with a better "what works" rank first), then
/// strategies that have helped at least once in rank order, then the rest in library order.
pub fn pick_sos_strategies(
    strategies: Vec<Strategy>,
    ranked: &[WhatWorks],
    limit: usize,
) -> Vec<Strategy> {
    let rank_of = |s: &Strategy| ranked.iter().position(|w| w.strategy_id == s.id);
    let helped = |s: &Strategy| ranked.iter().any(|w| w.strategy_id == s.id && w.passed > 0);
    let mut keyed: Vec<((u8, usize, usize), Strategy)> = strategies
        .into_iter()
        .filter(|s| !s.hidden)
        .enumerate()
        .map(|(i, s)| {
            let key = if s.starred {
                (0, rank_of(&s).unwrap_or(usize::MAX), i)
            } else if helped(&s) {
                (1, rank_of(&s).unwrap_or(usize::MAX), i)
            } else {
                (2, 0, i)
            };
            (key, s)
        })
        .collect();
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().take(limit).map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{StrategyCategory, StrategyId};

    fn strategy(id: i64, starred: bool, hidden: bool) -> Strategy {
        Strategy {
            id: StrategyId(id),
            key: None,
            title: format!("S{id}"),
            summary: None,
            steps: vec!["Do it.".into()],
            category: StrategyCategory::InTheMoment,
            source: None,
            custom: true,
            starred,
            hidden,
        }
    }

    fn works(id: i64, passed: u32) -> WhatWorks {
        WhatWorks {
            strategy_id: StrategyId(id),
            title: format!("S{id}"),
            tried: 3,
            with_outcome: 3,
            passed,
            pass_rate: Some(f64::from(passed) / 3.0),
            with_drop: 0,
            average_drop: None,
        }
    }

    #[test]
    fn starred_then_helped_then_the_rest_and_never_hidden() {
        let strategies = vec![
            strategy(1, false, false),
            strategy(2, true, false),
            strategy(3, false, false),
            strategy(4, false, true),
            strategy(5, true, false),
            strategy(6, false, false),
            strategy(7, false, false),
            strategy(8, false, false),
            strategy(9, false, false),
        ];
        // Ranked best first: 4 (hidden), 6, 5, 3 (never helped).
        let ranked = vec![works(4, 3), works(6, 2), works(5, 1), works(3, 0)];
        let picked = pick_sos_strategies(strategies, &ranked, 6);
        let ids: Vec<i64> = picked.iter().map(|s| s.id.0).collect();
        // Starred 5 (ranked) before starred 2 (unranked); then 6 (helped); then library order.
        assert_eq!(ids, vec![5, 2, 6, 1, 3, 7]);
    }
}
