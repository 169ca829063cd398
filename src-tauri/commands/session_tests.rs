//! The app state's unlock and lock ordering, without a window.

use waymark_core::vault::{Credential, KdfParams, Vault};
use waymark_core::{ErrorCode, Session};
use zeroize::Zeroizing;

use super::AppState;

const PASS: &str = "harbour lantern pickle seven";

#[test]
fn an_unlock_that_finishes_after_a_lock_leaves_the_journal_shut() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::at(dir.path().join("data"));
    drop(vault.create_with_params(PASS, KdfParams::MINIMUM).unwrap());
    let state = AppState::new(Session::new(vault.clone()));
    let pass = || Credential::Passphrase(Zeroizing::new(PASS.into()));

    // "Hide now" (or sleep, or the screen locking) lands while the key is being derived.
    let before = state.locks_so_far();
    let store = vault.unlock(&pass()).unwrap();
    state.lock_session();
    let refused = state
        .open_session_unless_locked_since(before, store, None)
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Locked);
    assert!(!state.session().status().unlocked, "the journal stays shut");

    // With no lock in between, the same unlock opens it.
    let before = state.locks_so_far();
    let store = vault.unlock(&pass()).unwrap();
    state
        .open_session_unless_locked_since(before, store, None)
        .unwrap();
    assert!(state.session().status().unlocked);
}
