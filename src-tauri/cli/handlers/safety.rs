//! Showing the opioid safety card after an entry that calls for it.

use waymark_core::journal::EntryRef;
use waymark_core::store::Store;

use crate::cli::output::recovery::{safety_card, CardReason};

/// After a saved entry, shows the safety card on stderr when core says it is due (always after
/// a lapse; after recorded use that follows a gap). Only in text mode: `--json` output is for
/// programs. When core cannot tell, the card is shown: better once too often.
pub fn after(store: &Store, entry: EntryRef, reason: CardReason, json: bool) {
    if json {
        return;
    }
    if store.safety_card_due(entry).unwrap_or(true) {
        let region = store.profile().ok().and_then(|p| p.region);
        safety_card(reason, region.as_deref());
    }
}
