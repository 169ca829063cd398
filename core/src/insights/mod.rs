//! What the journal shows the person about themselves, computed from their own entries:
//! the dashboard, the charts' figures, early-warning signs and "what works for me".

pub mod charts;
pub mod dashboard;
pub mod facts;
pub mod figures;
pub mod model;
pub mod range;
pub mod warnings;
pub mod what_works;

#[cfg(test)]
mod figures_tests;
#[cfg(test)]
mod warnings_history_tests;
#[cfg(test)]
mod warnings_tests;

pub use model::{Dashboard, DayRange, EarlyWarning, EarlyWarningRule, Insights, PeriodFigures};
pub use range::{ValidRange, MAX_RANGE_DAYS};
pub use what_works::{rank_what_works, tally_tried, StrategyTally, TriedCraving, WhatWorks};
