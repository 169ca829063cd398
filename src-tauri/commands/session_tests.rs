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

#[test]
fn a_restore_after_locking_the_session_goes_through() {
    use waymark_core::backup::{self, BackupKind};
    use waymark_core::journal::SystemClock;
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::at(dir.path().join("data"));
    drop(vault.create_with_params(PASS, KdfParams::MINIMUM).unwrap());
    let state = AppState::new(Session::new(vault.clone()));
    let pass = || Credential::Passphrase(Zeroizing::new(PASS.into()));
    state.open_session(vault.unlock(&pass()).unwrap(), None);
    let file = dir.path().join("copy.backup");
    {
        let session = state.session();
        backup::write_backup(
            session.store().unwrap(),
            &vault,
            &file,
            BackupKind::Manual,
            &SystemClock,
        )
        .unwrap();
    }
    // As the window's restore does: check, back up what is there, lock, restore.
    backup::verify_backup(&vault, &file, &pass()).unwrap();
    {
        let session = state.session();
        backup::create_backup(
            session.store().unwrap(),
            &vault,
            BackupKind::Manual,
            &SystemClock,
        )
        .unwrap();
    }
    state.lock_session();
    backup::restore_backup(&vault, &file, &pass()).unwrap();
}
