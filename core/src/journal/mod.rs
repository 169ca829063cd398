//! The journal's domain: entry types, their ids, and the rules input must meet.

pub mod clock;
pub mod craving;
pub mod text;

pub use clock::{Clock, SystemClock};
pub use craving::{Craving, CravingId, NewCraving};
