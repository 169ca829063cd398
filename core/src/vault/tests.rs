//! Vault tests on real encrypted files in temporary directories.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use super::*;
use crate::journal::clock::FixedClock;
use crate::journal::NewCraving;

const PASS: &str = "harbour lantern pickle seven";

fn pass(p: &str) -> Credential {
    Credential::Passphrase(Zeroizing::new(p.to_string()))
}

fn clock() -> FixedClock {
    FixedClock(chrono::DateTime::parse_from_rfc3339("2026-11-22T15:00:00+00:00").unwrap())
}

fn new_vault() -> (tempfile::TempDir, Vault, RecoveryKey) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::at(dir.path().join("data"));
    let (_, recovery) = vault.create_with_params(PASS, KdfParams::MINIMUM).unwrap();
    (dir, vault, recovery)
}

/// Every file under `dir` with its bytes, to prove an operation changed nothing.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(snapshot(&path));
        } else {
            out.insert(path.clone(), fs::read(&path).unwrap());
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn the_database_file_has_no_plain_sqlite_header() {
    let (_dir, vault, _) = new_vault();
    let bytes = fs::read(vault.database_path()).unwrap();
    assert!(bytes.len() >= 16);
    assert_ne!(&bytes[..16], b"SQLite format 3\0");
}

#[cfg(unix)]
#[test]
fn vault_files_are_private_to_the_user() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::at(dir.path().join("data"));
    // The store from set-up stays open, as in the window's first session: its WAL exists now.
    let (_store, _) = vault.create_with_params(PASS, KdfParams::MINIMUM).unwrap();
    assert!(vault.dir().join("waymark.db-wal").exists());
    assert_eq!(
        fs::metadata(vault.dir()).unwrap().permissions().mode() & 0o777,
        0o700
    );
    for entry in fs::read_dir(vault.dir()).unwrap() {
        let path = entry.unwrap().path();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", path.display());
    }
}

#[test]
fn typed_text_never_reaches_any_file_in_plaintext() {
    let (_dir, vault, _) = new_vault();
    let marker = "zq-unique-marker-7f3a9c";
    let store = vault.unlock(&pass(PASS)).unwrap();
    let input = NewCraving {
        intensity: 6,
        occurred_at: None,
        note: Some(format!("note {marker} end")),
        ..Default::default()
    };
    store.add_craving(&input, &clock()).unwrap();
    // While the connection is open the entry sits in the WAL; scan then, and again after closing.
    for phase in ["open", "closed"] {
        let files = snapshot(vault.dir());
        assert!(
            files.len() >= 2,
            "{phase}: expected the database and key file"
        );
        for (path, bytes) in &files {
            assert!(
                !contains(bytes, marker.as_bytes()),
                "{phase}: marker found in {}",
                path.display()
            );
            assert!(
                !contains(bytes, PASS.as_bytes()),
                "{phase}: passphrase found in {}",
                path.display()
            );
        }
        if phase == "open" {
            drop(store);
            break;
        }
    }
    let files = snapshot(vault.dir());
    for (path, bytes) in &files {
        assert!(
            !contains(bytes, marker.as_bytes()),
            "closed: marker found in {}",
            path.display()
        );
    }
    // And the entry really was saved: it comes back after reopening.
    let store = vault.unlock(&pass(PASS)).unwrap();
    assert_eq!(
        store.list_cravings(10).unwrap()[0].note.as_deref(),
        Some(&*format!("note {marker} end"))
    );
}

#[test]
fn a_wrong_passphrase_fails_and_changes_nothing() {
    let (_dir, vault, _) = new_vault();
    let before = snapshot(vault.dir());
    let err = vault
        .unlock(&pass("harbour lantern pickle seveN"))
        .unwrap_err();
    assert!(matches!(err, Error::WrongSecret));
    // Only the wrong-passphrase counter is new (see throttle_tests); nothing else changed.
    let mut after = snapshot(vault.dir());
    after.remove(&vault.throttle().path().to_path_buf());
    assert_eq!(after, before);
}

#[test]
fn the_recovery_key_unlocks_and_can_reset_the_passphrase() {
    let (_dir, vault, recovery) = new_vault();
    let by_recovery = Credential::RecoveryKey(recovery.display());
    vault.unlock(&by_recovery).unwrap();
    vault
        .change_passphrase(&by_recovery, "a brand new passphrase here")
        .unwrap();
    assert!(matches!(vault.unlock(&pass(PASS)), Err(Error::WrongSecret)));
    vault.unlock(&pass("a brand new passphrase here")).unwrap();
    // The recovery key keeps working after the reset.
    vault.unlock(&by_recovery).unwrap();
}

#[test]
fn changing_the_passphrase_rewrites_only_the_key_file() {
    let (_dir, vault, _) = new_vault();
    {
        let store = vault.unlock(&pass(PASS)).unwrap();
        store
            .add_craving(
                &NewCraving {
                    intensity: 4,
                    ..Default::default()
                },
                &clock(),
            )
            .unwrap();
    }
    let db_before = fs::read(vault.database_path()).unwrap();
    let slots_before = fs::read(vault.keyslots_path()).unwrap();
    vault
        .change_passphrase(&pass(PASS), "another quite long passphrase")
        .unwrap();
    assert_eq!(
        fs::read(vault.database_path()).unwrap(),
        db_before,
        "the database must not be re-encrypted"
    );
    assert_ne!(fs::read(vault.keyslots_path()).unwrap(), slots_before);
    let store = vault
        .unlock(&pass("another quite long passphrase"))
        .unwrap();
    assert_eq!(store.count_cravings().unwrap(), 1);
}

#[test]
fn changing_with_a_wrong_passphrase_or_to_a_weak_one_changes_nothing() {
    let (_dir, vault, _) = new_vault();
    let before = snapshot(vault.dir());
    assert!(matches!(
        vault.change_passphrase(&pass("not the passphrase"), "another quite long passphrase"),
        Err(Error::WrongSecret)
    ));
    let weak = vault
        .change_passphrase(&pass(PASS), "password")
        .unwrap_err();
    assert_eq!(weak.field(), Some("newPassphrase"));
    let mut after = snapshot(vault.dir());
    after.remove(&vault.throttle().path().to_path_buf());
    assert_eq!(after, before);
}

#[test]
fn a_tampered_key_file_is_refused_without_touching_the_database() {
    let (_dir, vault, _) = new_vault();
    let text = fs::read_to_string(vault.keyslots_path()).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let wrapped = json["slots"][0]["wrapped_key"]
        .as_str()
        .unwrap()
        .to_string();
    // Flip one base64 character of the wrapped key: the GCM tag must catch it.
    let mut chars: Vec<char> = wrapped.chars().collect();
    chars[4] = if chars[4] == 'A' { 'B' } else { 'A' };
    let tampered: String = chars.into_iter().collect();
    fs::write(vault.keyslots_path(), text.replace(&wrapped, &tampered)).unwrap();
    let before = snapshot(vault.dir());
    assert!(matches!(vault.unlock(&pass(PASS)), Err(Error::WrongSecret)));
    fs::write(vault.keyslots_path(), b"{ not json").unwrap();
    let err = vault.unlock(&pass(PASS)).unwrap_err();
    assert!(matches!(
        err,
        Error::Damaged(crate::error::VaultFile::KeySlots)
    ));
    assert!(err.to_string().contains("backup"));
    let mut after = snapshot(vault.dir());
    after.remove(&vault.keyslots_path());
    // A tampered slot reads as a wrong passphrase, which is counted (see throttle_tests).
    after.remove(&vault.throttle().path().to_path_buf());
    let mut expected = before;
    expected.remove(&vault.keyslots_path());
    assert_eq!(after, expected);
}

#[test]
fn a_vault_from_a_newer_schema_is_refused_and_left_untouched() {
    let (_dir, vault, _) = new_vault();
    {
        let store = vault.unlock(&pass(PASS)).unwrap();
        store
            .connection()
            .pragma_update(None, "user_version", 999)
            .unwrap();
    }
    let db_before = fs::read(vault.database_path()).unwrap();
    let err = vault.unlock(&pass(PASS)).unwrap_err();
    assert!(
        matches!(err, Error::NewerSchema { found: 999, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("newer version of Waymark"));
    assert_eq!(fs::read(vault.database_path()).unwrap(), db_before);
}

#[test]
fn creating_twice_is_refused_and_keeps_the_first_vault() {
    let (_dir, vault, _) = new_vault();
    let before = snapshot(vault.dir());
    assert!(matches!(
        vault.create_with_params("different passphrase entirely", KdfParams::MINIMUM),
        Err(Error::VaultExists)
    ));
    assert_eq!(snapshot(vault.dir()), before);
}

#[test]
fn unlocking_where_there_is_no_vault_says_so_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::at(dir.path().join("absent"));
    assert!(matches!(vault.unlock(&pass(PASS)), Err(Error::NoVault)));
    assert!(!vault.dir().exists());
}

#[test]
fn a_weak_passphrase_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::at(dir.path().join("data"));
    let err = vault
        .create_with_params("password", KdfParams::MINIMUM)
        .unwrap_err();
    assert_eq!(err.field(), Some("passphrase"));
    assert!(!vault.dir().exists());
}

#[test]
fn a_truncated_database_is_reported_as_damaged() {
    let (_dir, vault, _) = new_vault();
    let bytes = fs::read(vault.database_path()).unwrap();
    fs::write(vault.database_path(), &bytes[..bytes.len() / 3]).unwrap();
    let _ = fs::remove_file(vault.dir().join("waymark.db-wal"));
    let err = vault.unlock(&pass(PASS)).unwrap_err();
    assert!(
        matches!(err, Error::Damaged(_) | Error::Database(_)),
        "{err:?}"
    );
}

#[test]
fn cravings_come_back_newest_first_with_their_offset() {
    let (_dir, vault, _) = new_vault();
    let store = vault.unlock(&pass(PASS)).unwrap();
    let times = [
        "2026-11-20T08:00:00+01:00",
        "2026-11-22T09:30:00-05:00",
        "2026-11-21T23:59:00+00:00",
    ];
    for (i, at) in times.iter().enumerate() {
        let input = NewCraving {
            intensity: i as i32 + 1,
            occurred_at: Some((*at).into()),
            note: None,
            ..Default::default()
        };
        store.add_craving(&input, &clock()).unwrap();
    }
    let listed = store.list_cravings(10).unwrap();
    let got: Vec<&str> = listed.iter().map(|c| c.occurred_at.as_str()).collect();
    assert_eq!(
        got,
        vec![
            "2026-11-22T09:30:00-05:00",
            "2026-11-21T23:59:00Z",
            "2026-11-20T08:00:00+01:00"
        ]
    );
    assert_eq!(store.list_cravings(2).unwrap().len(), 2);
}

#[test]
fn invalid_cravings_write_nothing() {
    let (_dir, vault, _) = new_vault();
    let store = vault.unlock(&pass(PASS)).unwrap();
    for bad in [
        NewCraving {
            intensity: 11,
            ..Default::default()
        },
        NewCraving {
            intensity: 3,
            occurred_at: Some("not a time".into()),
            note: None,
            ..Default::default()
        },
        NewCraving {
            intensity: 3,
            occurred_at: None,
            note: Some("x".repeat(10_001)),
            ..Default::default()
        },
    ] {
        assert!(matches!(
            store.add_craving(&bad, &clock()),
            Err(Error::Invalid(_))
        ));
    }
    assert_eq!(store.count_cravings().unwrap(), 0);
}

#[test]
fn a_batch_is_saved_whole_or_not_at_all() {
    let (_dir, vault, _) = new_vault();
    let store = vault.unlock(&pass(PASS)).unwrap();
    let good = NewCraving {
        intensity: 2,
        ..Default::default()
    };
    let bad = NewCraving {
        intensity: 12,
        ..Default::default()
    };
    assert!(store
        .add_cravings(&[good.clone(), bad, good.clone()], &clock())
        .is_err());
    assert_eq!(store.count_cravings().unwrap(), 0);
    assert_eq!(store.add_cravings(&vec![good; 250], &clock()).unwrap(), 250);
    assert_eq!(store.count_cravings().unwrap(), 250);
}

#[test]
fn an_interrupted_set_up_is_set_aside_and_set_up_starts_again() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::at(dir.path().join("data"));
    fs::create_dir_all(vault.dir()).unwrap();
    fs::write(
        vault.database_path(),
        b"left by a crash before the key file was written",
    )
    .unwrap();
    assert!(!vault.exists());
    let (store, _) = vault.create_with_params(PASS, KdfParams::MINIMUM).unwrap();
    assert_eq!(store.count_cravings().unwrap(), 0);
    let aside: Vec<_> = fs::read_dir(vault.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("waymark.db.unfinished-"))
        .collect();
    assert_eq!(aside.len(), 1, "the stray file is kept, renamed");
}

#[cfg(unix)]
#[test]
fn an_existing_folder_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("Documents");
    fs::create_dir(&own).unwrap();
    fs::set_permissions(&own, fs::Permissions::from_mode(0o755)).unwrap();
    Vault::at(&own)
        .create_with_params(PASS, KdfParams::MINIMUM)
        .unwrap();
    assert_eq!(
        fs::metadata(&own).unwrap().permissions().mode() & 0o777,
        0o755
    );
    assert_eq!(
        fs::metadata(own.join("waymark.db"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
}
