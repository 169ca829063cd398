//! The home dashboard from the last few weeks of facts: this week against last week, and the
//! early-warning signs.

use chrono::NaiveDate;

use super::facts::{days_before, Facts};
use super::figures::period_figures;
use super::model::Dashboard;
use super::range::ValidRange;
use super::warnings::{early_warnings, RecentDays};
use crate::journal::RecoverySummary;

pub use super::warnings::window as dashboard_window;

/// The last 7 days, today included.
pub fn this_week(today: NaiveDate) -> ValidRange {
    ValidRange {
        from: days_before(today, 6),
        to: today,
    }
}

/// The 7 days before [`this_week`].
pub fn last_week(today: NaiveDate) -> ValidRange {
    ValidRange {
        from: days_before(today, 13),
        to: days_before(today, 7),
    }
}

/// The dashboard for `today` from `facts`, which must cover at least [`dashboard_window`].
pub fn build_dashboard(today: NaiveDate, recovery: RecoverySummary, facts: &Facts) -> Dashboard {
    Dashboard {
        today: today.format("%Y-%m-%d").to_string(),
        recovery,
        this_week: period_figures(this_week(today), facts),
        last_week: period_figures(last_week(today), facts),
        warnings: early_warnings(&RecentDays::from_facts(today, facts)),
    }
}
