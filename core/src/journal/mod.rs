//! The journal's domain: entry types, their ids, and the rules input must meet.

pub mod checkin;
pub mod clock;
pub mod content;
pub mod craving;
pub mod entry;
pub mod fields;
pub mod ids;
pub mod kind;
pub mod lapse;
pub mod mood;
pub mod profile;
pub mod recovery;
pub mod review;
pub mod text;
pub mod trigger;

pub use checkin::{Checkin, CheckinAnswers, CheckinId, NewCheckin};
pub use clock::{Clock, SystemClock};
pub use craving::{Craving, CravingId, CravingOutcome, Halt, NewCraving, TriggerRef};
pub use entry::{JournalEntry, JournalEntryId, NewJournalEntry};
pub use kind::{EntryKind, EntryRef, TimelineItem};
pub use lapse::{Lapse, LapseId, NewLapse};
pub use mood::{Mood, MoodId, NewMood};
pub use profile::{Profile, ProfileInput};
pub use recovery::RecoverySummary;
pub use review::{NewReview, Review, ReviewId};
pub use trigger::{NewTrigger, Trigger, TriggerId};
