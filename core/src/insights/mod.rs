//! What the journal shows the person about themselves, computed from their own entries.

pub mod what_works;

pub use what_works::{rank_what_works, tally_tried, StrategyTally, TriedCraving, WhatWorks};
