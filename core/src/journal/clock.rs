//! The current time, injected so that validation and defaults can be tested.

use chrono::{DateTime, FixedOffset, Local};

/// A source of "now", with the person's current UTC offset.
pub trait Clock {
    /// The current instant in the person's local offset.
    fn now(&self) -> DateTime<FixedOffset>;
}

/// The machine's clock and time zone.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }
}

/// A clock stuck at one instant, for tests.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<FixedOffset>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}
