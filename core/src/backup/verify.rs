//! Checking a backup completely before anything relies on it.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use serde::{Deserialize, Serialize};
use specta::Type;

use super::format::{read_prefix, BackupKind, MacKey};
use super::staging::{copy_hashing, create_private_file, WorkDir};
use crate::error::{Error, Result, VaultFile};
use crate::store::Store;
use crate::vault::{Credential, KeySlotFile, Vault};

/// What a verified backup holds, for showing before a restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupSummary {
    /// When it was made (RFC 3339, local offset of the machine that made it).
    pub created_at: String,
    /// Automatic or manual.
    pub kind: BackupKind,
    /// The database schema version inside.
    pub schema_version: i64,
    /// Entries of every kind in it (cravings, moods, journal, check-ins, reviews, lapses).
    pub entries: i64,
}

/// A backup checked in full, its database image written to the path asked for.
pub(super) struct Verified {
    pub summary: BackupSummary,
    pub slots: Vec<u8>,
}

/// Any failure of a database check means the image is not what was backed up.
fn image_damaged(e: Error) -> Error {
    match e {
        Error::Damaged(_) | Error::Database(_) => Error::BackupDamaged,
        other => other,
    }
}

/// Checks the backup at `path` with `credential` and writes its database image to `image`
/// (which must not exist). Order: structure and plain checksum, image length and SHA-256, then
/// the secret (slow), then the MAC, then SQLite's and SQLCipher's full checks of the image.
pub(super) fn verify_into(path: &Path, credential: &Credential, image: &Path) -> Result<Verified> {
    let mut reader = BufReader::new(File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::Io(e.kind()),
        _ => Error::from(e),
    })?);
    let prefix = read_prefix(&mut reader)?;
    let mut out = create_private_file(image)?;
    let (len, hash) = copy_hashing(&mut (&mut reader).take(prefix.header.image_len), &mut out)?;
    let mut extra = [0u8; 1];
    if len != prefix.header.image_len
        || reader.read(&mut extra)? != 0
        || data_encoding::HEXLOWER.encode(&hash) != prefix.header.image_sha256
    {
        return Err(Error::BackupDamaged);
    }
    out.sync_all()?;
    drop(out);
    let slots = KeySlotFile::from_bytes(&prefix.slots).map_err(|_| Error::BackupDamaged)?;
    let key = slots.unwrap_key(credential).map_err(|e| match e {
        Error::WrongSecret => Error::BackupWrongSecret,
        Error::Damaged(VaultFile::KeySlots) => Error::BackupDamaged,
        other => other,
    })?;
    prefix.authenticate(&MacKey::derive(&key)?)?;
    let entries = {
        let store = Store::open_image_for_check(image, &key).map_err(image_damaged)?;
        if !store.integrity_report().map_err(image_damaged)?.is_ok() {
            return Err(Error::BackupDamaged);
        }
        if store.schema_version()? != prefix.header.schema_version {
            return Err(Error::BackupDamaged);
        }
        store.count_entries().map_err(image_damaged)?
    };
    Ok(Verified {
        summary: BackupSummary {
            created_at: prefix.header.created_at.clone(),
            kind: prefix.header.kind,
            schema_version: prefix.header.schema_version,
            entries,
        },
        slots: prefix.slots,
    })
}

/// Checks the backup at `path` in full with `credential` (the passphrase or recovery key that
/// was current when it was made) and says what it holds. Changes nothing: the image is checked
/// in a private working directory inside `vault`'s data directory, removed afterwards.
pub fn verify_backup(vault: &Vault, path: &Path, credential: &Credential) -> Result<BackupSummary> {
    // Beside the journal when there is one; a new machine's data directory is not created
    // just to check a file.
    let parent = if vault.dir().is_dir() {
        vault.dir().to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let work = WorkDir::new(&parent)?;
    let verified = throttled(vault, credential, || {
        verify_into(path, credential, &work.join("image"))
    })?;
    Ok(verified.summary)
}

/// Runs `work`, which tries `credential` on a backup, under the journal's wrong-passphrase delay:
/// the automatic backups hold the same key slots as the journal, so guessing at a backup must be
/// no faster than guessing at the journal. The recovery key is never delayed, as when unlocking.
pub(super) fn throttled<T>(
    vault: &Vault,
    credential: &Credential,
    work: impl FnOnce() -> Result<T>,
) -> Result<T> {
    if !matches!(credential, Credential::Passphrase(_)) {
        return work();
    }
    let throttle = vault.throttle();
    throttle.check_at(std::time::SystemTime::now())?;
    let result = work();
    if matches!(result, Err(Error::BackupWrongSecret)) {
        throttle.record_failure_at(std::time::SystemTime::now());
    }
    result
}
