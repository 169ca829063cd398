//! The built-in library: coping strategies and helplines, kept in versioned data files under
//! `core/content/` so they can be reviewed and translated without touching code; and coping
//! strategies as the vault holds them, built-in and the person's own.

pub mod coping;
pub mod helplines;
#[cfg(test)]
pub(crate) mod material;
pub mod strategy;

pub use coping::{coping_library, CopingLibrary, LibraryStrategy, StrategyCategory};
pub use helplines::{helplines, helplines_for, Helpline, HelplineKind, Helplines};
pub use strategy::{NewStrategy, Strategy, StrategyId};
