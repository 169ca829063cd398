//! The built-in library: coping strategies and helplines, kept in versioned data files under
//! `core/content/` so they can be reviewed and translated without touching code.

pub mod coping;
pub mod helplines;

pub use coping::{coping_library, CopingLibrary, LibraryStrategy, StrategyCategory};
pub use helplines::{helplines, helplines_for, Helpline, HelplineKind, Helplines};
