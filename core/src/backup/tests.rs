//! Backups on real SQLCipher files: round trips, refusals that change nothing, rotation, and
//! restores interrupted at every step of the protocol.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::DateTime;
use zeroize::Zeroizing;

use super::format::{encode_prefix, read_prefix, BackupKind, Header};
use super::restore::testing::{restore_until, Stop};
use super::*;
use crate::error::Error;
use crate::journal::clock::FixedClock;
use crate::journal::NewJournalEntry;
use crate::store::Store;
use crate::vault::{Credential, KdfParams, RecoveryKey, Vault};

const PASS: &str = "harbour lantern pickle seven";
const NEW_PASS: &str = "quiet meadow copper violin";
const MARKER: &str = "zebra-quartz-backup-marker";

fn by_pass(p: &str) -> Credential {
    Credential::Passphrase(Zeroizing::new(p.into()))
}

fn by_key(key: &RecoveryKey) -> Credential {
    Credential::RecoveryKey(key.display())
}

fn clock(text: &str) -> FixedClock {
    FixedClock(DateTime::parse_from_rfc3339(text).unwrap())
}

fn noon() -> FixedClock {
    clock("2026-03-10T12:00:00+01:00")
}

fn new_vault(dir: &Path) -> (Vault, Store, RecoveryKey) {
    let vault = Vault::at(dir);
    let (store, key) = vault.create_with_params(PASS, KdfParams::MINIMUM).unwrap();
    (vault, store, key)
}

fn write_entry(store: &Store, day: &str, body: &str) {
    store
        .add_journal_entry(
            &NewJournalEntry {
                date: Some(day.into()),
                body: body.into(),
                ..Default::default()
            },
            &noon(),
        )
        .unwrap();
}

fn bodies(store: &Store) -> Vec<String> {
    let mut out: Vec<String> = store
        .list_journal_entries(1000)
        .unwrap()
        .into_iter()
        .map(|e| e.body)
        .collect();
    out.sort();
    out
}

/// Every file under `dir` with its SHA-256, to prove nothing changed.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(snapshot(&path));
        } else {
            out.insert(
                path.clone(),
                format::hex_sha256(&std::fs::read(&path).unwrap()),
            );
        }
    }
    out
}

/// A vault with two marked entries and one manual backup of it. Returns the backup's path.
fn vault_with_backup(dir: &Path) -> (Vault, Store, RecoveryKey, PathBuf) {
    let (vault, store, key) = new_vault(dir);
    write_entry(&store, "2026-03-01", &format!("{MARKER} one"));
    write_entry(&store, "2026-03-02", &format!("{MARKER} two"));
    let made = create_backup(&store, &vault, BackupKind::Manual, &noon()).unwrap();
    let path = list::backups_dir(&vault).join(made.file_name);
    (vault, store, key, path)
}

#[test]
fn a_backup_round_trips_into_an_empty_data_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let (vault, store, key, backup) = vault_with_backup(&tmp.path().join("a"));
    let expected = bodies(&store);
    assert_eq!(expected.len(), 2);

    let bytes = std::fs::read(&backup).unwrap();
    let prefix = read_prefix(&mut bytes.as_slice()).unwrap();
    let image = &bytes[prefix.len() as usize..];
    assert_eq!(image.len() as u64, prefix.header.image_len);
    assert!(!image.starts_with(b"SQLite format 3"), "image is encrypted");
    let marker = MARKER.as_bytes();
    assert!(
        !bytes.windows(marker.len()).any(|w| w == marker),
        "no journal text in the backup file"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "backup readable by others");
    }
    // No working copy is left behind in the data directory.
    let leftovers: Vec<_> = std::fs::read_dir(vault.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".backup-work"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let summary = verify_backup(&vault, &backup, &by_pass(PASS)).unwrap();
    assert_eq!(summary.entries, expected.len() as i64);
    assert_eq!(summary.kind, BackupKind::Manual);
    assert_eq!(summary.created_at, "2026-03-10T12:00:00+01:00");

    let fresh = Vault::at(tmp.path().join("new computer"));
    let outcome = restore_backup(&fresh, &backup, &by_key(&key)).unwrap();
    assert!(
        outcome.previous.is_none(),
        "nothing to keep on a new computer"
    );
    let restored = fresh.unlock(&by_pass(PASS)).unwrap();
    assert_eq!(bodies(&restored), expected);
    assert!(restored.integrity_report().unwrap().is_ok());
}

#[test]
fn a_backup_needs_the_passphrase_it_was_made_with_and_the_replaced_journal_is_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let (vault, store, _key, backup) = vault_with_backup(&tmp.path().join("a"));
    let backed_up = bodies(&store);
    write_entry(&store, "2026-03-03", "written after the backup");
    let newer = bodies(&store);
    drop(store);
    vault.change_passphrase(&by_pass(PASS), NEW_PASS).unwrap();

    assert!(matches!(
        verify_backup(&vault, &backup, &by_pass(NEW_PASS)),
        Err(Error::BackupWrongSecret)
    ));
    let outcome = restore_backup(&vault, &backup, &by_pass(PASS)).unwrap();
    assert!(matches!(
        vault.unlock(&by_pass(NEW_PASS)),
        Err(Error::WrongSecret)
    ));
    assert_eq!(bodies(&vault.unlock(&by_pass(PASS)).unwrap()), backed_up);

    let previous = outcome.previous.expect("the replaced journal is kept");
    let kept = Vault::at(&previous).unlock(&by_pass(NEW_PASS)).unwrap();
    assert_eq!(bodies(&kept), newer);
}

#[test]
fn a_wrong_secret_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (vault, store, _key, backup) = vault_with_backup(&tmp.path().join("a"));
    drop(store);
    let before = snapshot(vault.dir());
    for wrong in [by_pass(NEW_PASS), by_key(&RecoveryKey::generate().unwrap())] {
        assert!(matches!(
            verify_backup(&vault, &backup, &wrong),
            Err(Error::BackupWrongSecret)
        ));
        let err = restore_backup(&vault, &backup, &wrong).unwrap_err();
        assert!(matches!(err, Error::BackupWrongSecret), "{err:?}");
        assert!(err.to_string().contains("current when the backup was made"));
        // Only the count of wrong passphrases may change (see `in_use_tests`), never the journal.
        let mut after = snapshot(vault.dir());
        after.remove(&vault.dir().join(crate::vault::throttle::THROTTLE_FILE));
        assert_eq!(after, before);
    }
}

#[test]
fn truncated_or_flipped_backups_are_refused_before_anything_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let (vault, store, key, backup) = vault_with_backup(&tmp.path().join("a"));
    drop(store);
    let bytes = std::fs::read(&backup).unwrap();
    let prefix_len = read_prefix(&mut bytes.as_slice()).unwrap().len() as usize;
    let len = bytes.len();
    let header_at = 14;
    let slots_at = prefix_len - 64 - 100;
    let checksum_at = prefix_len - 64;
    let mac_at = prefix_len - 32;
    let before = snapshot(vault.dir());
    let mut cases: Vec<(String, Vec<u8>)> = Vec::new();
    for cut in [
        0,
        5,
        header_at + 3,
        slots_at,
        checksum_at,
        mac_at + 1,
        prefix_len,
        prefix_len + 4096,
        len - 1,
    ] {
        cases.push((format!("cut at {cut}"), bytes[..cut].to_vec()));
    }
    let mut longer = bytes.clone();
    longer.push(0);
    cases.push(("one byte added".into(), longer));
    for at in [
        0,
        9,
        header_at + 10,
        slots_at,
        checksum_at + 3,
        mac_at + 5,
        prefix_len,
        prefix_len + 5000,
        (prefix_len + len) / 2,
        len - 1,
    ] {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x10;
        cases.push((format!("flip at {at}"), flipped));
    }
    let target = tmp.path().join("damaged.backup");
    for (what, damaged) in cases {
        std::fs::write(&target, &damaged).unwrap();
        let verified = verify_backup(&vault, &target, &by_key(&key));
        assert!(
            matches!(verified, Err(Error::BackupDamaged)),
            "{what}: {verified:?}"
        );
        let restored = restore_backup(&vault, &target, &by_key(&key));
        assert!(
            matches!(restored, Err(Error::BackupDamaged)),
            "{what}: {restored:?}"
        );
        assert_eq!(snapshot(vault.dir()), before, "{what}");
    }
    assert!(Error::BackupDamaged
        .to_string()
        .contains("Nothing was changed"));
}

#[test]
fn an_authentic_header_over_a_corrupt_database_is_caught_by_the_integrity_check() {
    let tmp = tempfile::tempdir().unwrap();
    let (vault, store, key, _) = vault_with_backup(&tmp.path().join("a"));
    let image = tmp.path().join("image");
    store.write_encrypted_copy(&image).unwrap();
    let mut bytes = std::fs::read(&image).unwrap();
    // Damage a page after the first, so the key check passes and the page check fails.
    let at = bytes.len() - 100;
    bytes[at] ^= 0x01;
    let header = Header {
        created_at: "2026-03-10T12:00:00+01:00".into(),
        schema_version: store.schema_version().unwrap(),
        kind: BackupKind::Manual,
        image_len: bytes.len() as u64,
        image_sha256: format::hex_sha256(&bytes),
    };
    let slots = std::fs::read(vault.keyslots_path()).unwrap();
    let mut file = encode_prefix(&header, &slots, store.backup_key()).unwrap();
    file.extend_from_slice(&bytes);
    let forged = tmp.path().join("forged.backup");
    std::fs::write(&forged, file).unwrap();
    drop(store);
    let before = snapshot(vault.dir());
    let result = restore_backup(&vault, &forged, &by_key(&key));
    assert!(matches!(result, Err(Error::BackupDamaged)), "{result:?}");
    assert_eq!(snapshot(vault.dir()), before);
}

#[test]
fn rotation_makes_one_a_day_and_keeps_only_the_newest_automatic_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let (vault, store, _key) = new_vault(&tmp.path().join("a"));
    store.set_backup_keep(3).unwrap();
    let dir = list::backups_dir(&vault);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), b"mine").unwrap();
    std::fs::write(dir.join("auto-old-copy.backup"), b"mine too").unwrap();
    create_backup(
        &store,
        &vault,
        BackupKind::Manual,
        &clock("2026-02-01T08:00:00+00:00"),
    )
    .unwrap();
    for day in 1..=6 {
        let morning = clock(&format!("2026-03-{day:02}T08:00:00+01:00"));
        let evening = clock(&format!("2026-03-{day:02}T23:30:00+01:00"));
        assert!(auto_backup(&store, &vault, &morning)
            .unwrap()
            .made
            .is_some());
        assert!(auto_backup(&store, &vault, &evening)
            .unwrap()
            .made
            .is_none());
    }
    let listed = list_backups(&vault).unwrap();
    let automatic: Vec<&str> = listed
        .iter()
        .filter(|b| b.kind == BackupKind::Automatic)
        .filter_map(|b| b.created_at.as_deref())
        .collect();
    assert_eq!(
        automatic,
        [
            "2026-03-06T08:00:00+01:00",
            "2026-03-05T08:00:00+01:00",
            "2026-03-04T08:00:00+01:00"
        ]
    );
    assert_eq!(
        listed
            .iter()
            .filter(|b| b.kind == BackupKind::Manual)
            .count(),
        1
    );
    assert!(dir.join("notes.txt").exists() && dir.join("auto-old-copy.backup").exists());
    store.set_backup_keep(1).unwrap();
    let run = auto_backup(&store, &vault, &clock("2026-03-06T23:59:00+01:00")).unwrap();
    assert_eq!(run.removed, 2);
    assert_eq!(list_backups(&vault).unwrap().len(), 2);
}

#[test]
fn the_number_kept_is_bounded() {
    let tmp = tempfile::tempdir().unwrap();
    let (_vault, store, _key) = new_vault(&tmp.path().join("a"));
    assert_eq!(store.backup_keep().unwrap(), 7);
    for bad in [0, 61, 1000] {
        assert_eq!(
            store.set_backup_keep(bad).unwrap_err().field(),
            Some("keep")
        );
    }
    assert_eq!(store.backup_keep().unwrap(), 7);
    store.set_backup_keep(60).unwrap();
    assert_eq!(store.backup_keep().unwrap(), 60);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
fn a_restore_interrupted_at_any_step_opens_with_one_secret_or_the_other() {
    let tmp = tempfile::tempdir().unwrap();
    let (vault, store, key, backup) = vault_with_backup(&tmp.path().join("a"));
    let backed_up = bodies(&store);
    drop(store);
    vault.change_passphrase(&by_pass(PASS), NEW_PASS).unwrap();
    let store = vault.unlock(&by_pass(NEW_PASS)).unwrap();
    write_entry(&store, "2026-03-04", "only in the old journal's WAL");
    let current = bodies(&store);
    // Copied while open: the newest entry lives only in the WAL, as after a crash.
    let template = tmp.path().join("template");
    copy_dir(vault.dir(), &template);
    assert!(template.join("waymark.db-wal").exists());
    drop(store);

    for stop in [
        Stop::StagedDatabase,
        Stop::StagedBoth,
        Stop::Marker,
        Stop::OldDatabaseAside,
        Stop::NewDatabaseIn,
        Stop::BothIn,
        Stop::PutAway,
    ] {
        let dir = tmp.path().join(format!("{stop:?}"));
        copy_dir(&template, &dir);
        let crashed = Vault::at(&dir);
        restore_until(&crashed, &backup, &by_key(&key), stop);
        assert!(crashed.exists(), "{stop:?}: the vault is still there");
        let rolled_forward = !matches!(stop, Stop::StagedDatabase | Stop::StagedBoth);
        let (secret, wrong, expected) = if rolled_forward {
            (PASS, NEW_PASS, &backed_up)
        } else {
            (NEW_PASS, PASS, &current)
        };
        assert!(
            matches!(crashed.unlock(&by_pass(wrong)), Err(Error::WrongSecret)),
            "{stop:?}"
        );
        let store = crashed.unlock(&by_pass(secret)).unwrap();
        assert_eq!(&bodies(&store), expected, "{stop:?}");
        assert!(store.integrity_report().unwrap().is_ok(), "{stop:?}");
        drop(store);
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("restor"))
            .collect();
        assert!(names.is_empty(), "{stop:?}: left {names:?}");
        if rolled_forward {
            let kept = std::fs::read_dir(list::backups_dir(&crashed))
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.is_dir())
                .expect("the replaced journal is kept");
            let old = Vault::at(kept).unlock(&by_pass(NEW_PASS)).unwrap();
            assert_eq!(
                bodies(&old),
                current,
                "{stop:?}: the old WAL stayed with it"
            );
        }
    }
}

#[test]
fn unlocking_makes_todays_backup_and_a_failure_never_blocks_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (vault, store, _key) = new_vault(&tmp.path().join("a"));
    let mut session = crate::Session::new(vault.clone());
    session.open(store, None);
    assert!(session.auto_backup_error().is_none());
    let automatic = |vault: &Vault| {
        list_backups(vault)
            .unwrap()
            .iter()
            .filter(|b| b.kind == BackupKind::Automatic)
            .count()
    };
    assert_eq!(automatic(&vault), 1);
    session.lock();
    session.open(vault.unlock(&by_pass(PASS)).unwrap(), None);
    assert_eq!(automatic(&vault), 1, "one a day");

    // A backups "folder" that is a file: the backup fails, the journal still opens.
    let (other, store, _key) = new_vault(&tmp.path().join("b"));
    std::fs::write(list::backups_dir(&other), b"in the way").unwrap();
    let mut session = crate::Session::new(other);
    session.open(store, None);
    assert!(session.store().is_ok());
    assert!(session.auto_backup_error().is_some());
}
