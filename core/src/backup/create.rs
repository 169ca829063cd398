//! Making a backup: a consistent encrypted copy of the open database plus the key slot file.

use std::fs::File;
use std::path::{Path, PathBuf};

use super::format::{encode_prefix, BackupKind, Header};
use super::list::{backups_dir, BackupFile};
use super::staging::{copy_hashing, write_streamed, WorkDir};
use crate::error::Result;
use crate::journal::Clock;
use crate::store::Store;
use crate::vault::{atomic, KeySlotFile, Vault};

/// Writes a backup of `store` (open on `vault`) to `dest`, replacing a file already there.
/// The database copy is made in a private working directory inside the data directory and
/// removed afterwards; `dest` appears whole or not at all.
pub fn write_backup(
    store: &Store,
    vault: &Vault,
    dest: &Path,
    kind: BackupKind,
    clock: &dyn Clock,
) -> Result<Header> {
    let slots = std::fs::read(vault.keyslots_path())?;
    // Refuse to pack a slot file that could not be read back at restore.
    KeySlotFile::from_bytes(&slots)?;
    let work = WorkDir::new(vault.dir())?;
    let image = work.join("image");
    // An empty private file first: VACUUM INTO accepts one, and it is never world-readable.
    drop(super::staging::create_private_file(&image)?);
    store.write_encrypted_copy(&image)?;
    let (image_len, hash) = copy_hashing(&mut File::open(&image)?, &mut std::io::sink())?;
    let header = Header {
        created_at: clock
            .now()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        schema_version: store.schema_version()?,
        kind,
        image_len,
        image_sha256: data_encoding::HEXLOWER.encode(&hash),
    };
    let prefix = encode_prefix(&header, &slots, store.backup_key())?;
    write_streamed(dest, &prefix, &image)?;
    Ok(header)
}

/// The file name for a new backup in the backups folder: kind and local time, with a counter
/// when one of that second already exists.
pub(super) fn new_backup_path(dir: &Path, kind: BackupKind, clock: &dyn Clock) -> PathBuf {
    let stamp = clock.now().format("%Y%m%d-%H%M%S");
    let prefix = super::list::kind_prefix(kind);
    let mut path = dir.join(format!("{prefix}-{stamp}.backup"));
    let mut n = 2;
    while path.symlink_metadata().is_ok() {
        path = dir.join(format!("{prefix}-{stamp}-{n}.backup"));
        n += 1;
    }
    path
}

/// Makes a backup of `store` in the data directory's backups folder. Manual backups there are
/// never deleted by the rotation.
pub fn create_backup(
    store: &Store,
    vault: &Vault,
    kind: BackupKind,
    clock: &dyn Clock,
) -> Result<BackupFile> {
    let dir = backups_dir(vault);
    atomic::create_private_dir(&dir)?;
    let dest = new_backup_path(&dir, kind, clock);
    let header = write_backup(store, vault, &dest, kind, clock)?;
    let size_bytes = std::fs::metadata(&dest)?.len();
    Ok(BackupFile {
        file_name: dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        kind,
        created_at: Some(header.created_at),
        size_bytes,
    })
}
