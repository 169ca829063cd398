//! The support network and what the SOS panel shows: contacts in "who I call first" order,
//! the person's own local helplines, phone and email checks, and the SOS summary.

pub mod contact;
pub mod helpline;
pub mod phone;
pub mod sos;

pub use contact::{Contact, ContactId, ContactLinkKind, ContactRole, NewContact};
pub use helpline::{LocalHelpline, LocalHelplineId, NewLocalHelpline, RegionHelplines};
pub use sos::{pick_sos_strategies, SosSummary, SOS_STRATEGY_LIMIT};
