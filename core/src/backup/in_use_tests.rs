//! A restore and an open journal never overlap, and guessing at a backup's passphrase is slowed
//! like guessing at the journal's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use super::*;
use crate::error::Error;
use crate::journal::clock::FixedClock;
use crate::vault::{Credential, KdfParams, Vault};

const PASS: &str = "harbour lantern pickle seven";

fn by_pass(p: &str) -> Credential {
    Credential::Passphrase(Zeroizing::new(p.into()))
}

fn clock() -> FixedClock {
    FixedClock(chrono::DateTime::parse_from_rfc3339("2026-03-10T12:00:00+01:00").unwrap())
}

/// Every file directly in `dir` with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect()
}

/// A vault in `root/data` and a manual backup of it, written outside the data directory.
fn vault_and_backup(root: &Path) -> (Vault, PathBuf) {
    let vault = Vault::at(root.join("data"));
    let (store, _) = vault.create_with_params(PASS, KdfParams::MINIMUM).unwrap();
    let file = root.join("copy.backup");
    write_backup(&store, &vault, &file, BackupKind::Manual, &clock()).unwrap();
    (vault, file)
}

#[test]
fn a_restore_is_refused_while_the_journal_is_open_and_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let (vault, file) = vault_and_backup(root.path());
    let open = vault.unlock(&by_pass(PASS)).unwrap();
    let before = files(vault.dir());
    let refused = restore_backup(&vault, &file, &by_pass(PASS)).unwrap_err();
    assert!(matches!(refused, Error::JournalInUse), "{refused:?}");
    assert_eq!(
        files(vault.dir()),
        before,
        "nothing moved under the open journal"
    );
    // Once the journal is closed, the same restore goes through.
    drop(open);
    restore_backup(&vault, &file, &by_pass(PASS)).unwrap();
    vault.unlock(&by_pass(PASS)).unwrap();
}

#[test]
fn the_journal_cannot_be_opened_while_a_restore_holds_the_folder() {
    let root = tempfile::tempdir().unwrap();
    let (vault, _) = vault_and_backup(root.path());
    let restoring = lock_file(vault.dir()).unwrap();
    restoring.lock().unwrap();
    let refused = vault.unlock(&by_pass(PASS)).unwrap_err();
    assert!(matches!(refused, Error::RestoreInProgress), "{refused:?}");
    drop(restoring);
    vault.unlock(&by_pass(PASS)).unwrap();
}

#[test]
fn wrong_passphrases_tried_on_a_backup_count_towards_the_journals_delay() {
    let root = tempfile::tempdir().unwrap();
    let (vault, file) = vault_and_backup(root.path());
    let wrong = by_pass("harbour lantern pickle eight");
    for _ in 0..crate::vault::throttle::FREE_FAILURES {
        let e = verify_backup(&vault, &file, &wrong).unwrap_err();
        assert!(matches!(e, Error::BackupWrongSecret), "{e:?}");
    }
    // Now even the right passphrase waits, for the backup and for the journal alike.
    let e = verify_backup(&vault, &file, &by_pass(PASS)).unwrap_err();
    assert!(matches!(e, Error::TryAgainIn { .. }), "{e:?}");
    let e = restore_backup(&vault, &file, &by_pass(PASS)).unwrap_err();
    assert!(matches!(e, Error::TryAgainIn { .. }), "{e:?}");
    let e = vault.unlock(&by_pass(PASS)).unwrap_err();
    assert!(matches!(e, Error::TryAgainIn { .. }), "{e:?}");
}
