//! Replacing the journal with a backup, crash-safely.
//!
//! The database and the key slot file are two files, so the swap follows a small journal:
//! 1. the backup is verified in full while its database image is written as
//!    `waymark.db.restoring`, then its key slots as `keyslots.json.restoring` (both fsynced);
//! 2. the marker `restore-in-progress.json` is written atomically: from here on the restore
//!    only ever goes forward, because the new pair is known to be whole;
//! 3. the current database with its `-wal`/`-shm` files, then the current key slot file, are
//!    renamed to `*.before-restore`, and each staged file renamed into place (dir fsynced);
//! 4. the set-aside files are moved into `backups/previous-<time>/`, never deleted;
//! 5. the marker is removed.
//!
//! A crash before step 2 leaves the old vault untouched (staged files are swept later); a crash
//! after it is finished by [`finish_interrupted_restore`], which every unlock runs first. So the
//! vault always opens with the old secret or with the backup's, and an old WAL is never applied
//! to the restored database: it moves aside before the new database moves in.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::list::backups_dir;
use super::staging::random_suffix;
use super::verify::{throttled, verify_into, BackupSummary};
use crate::error::{Error, Result};
use crate::vault::{atomic, Credential, Vault};

/// The marker whose presence means "the staged pair is verified: finish moving it in".
pub const MARKER_FILE: &str = "restore-in-progress.json";
const STAGED: &str = ".restoring";
const ASIDE: &str = ".before-restore";
/// The files SQLite may keep beside the database; the database itself is moved last.
const DB_COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

#[derive(Debug, Serialize, Deserialize)]
struct Marker {
    /// The folder in `backups/` that receives the journal that was replaced.
    previous: String,
}

/// What a restore did.
#[derive(Debug, Clone)]
pub struct RestoreOutcome {
    /// What the restored backup holds.
    pub summary: BackupSummary,
    /// Where the journal that was replaced now lives, if there was one.
    pub previous: Option<PathBuf>,
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Holds the data directory's restore lock while alive; released on drop.
struct DirLock(#[allow(dead_code)] File);

/// The file whose `flock` guards the data directory: an open journal holds it shared, a restore
/// exclusively, so neither can happen under the other.
pub(crate) fn lock_file(dir: &Path) -> Result<File> {
    #[cfg(unix)]
    {
        Ok(File::open(dir)?)
    }
    #[cfg(not(unix))]
    {
        Ok(fs::OpenOptions::new()
            .create(true)
            .write(true)
            .open(dir.join(".restore-lock"))?)
    }
}

/// Waits for the restore lock.
fn lock(dir: &Path) -> Result<DirLock> {
    let file = lock_file(dir)?;
    file.lock()?;
    Ok(DirLock(file))
}

/// Takes the restore lock if nobody holds it.
fn try_lock(dir: &Path) -> Result<Option<DirLock>> {
    let file = lock_file(dir)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(DirLock(file))),
        Err(fs::TryLockError::WouldBlock) => Ok(None),
        Err(fs::TryLockError::Error(e)) => Err(e.into()),
    }
}

fn remove_if_there(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}

/// Deletes staged files left by a restore that stopped before its marker was written.
fn remove_staging(vault: &Vault) -> Result<()> {
    let db = with_suffix(&vault.database_path(), STAGED);
    for suffix in DB_COMPANIONS {
        remove_if_there(&with_suffix(&db, suffix))?;
    }
    remove_if_there(&db)?;
    remove_if_there(&with_suffix(&vault.keyslots_path(), STAGED))?;
    Ok(())
}

/// Steps 3 to 5, each idempotent, so running it again after a crash at any point completes it.
/// The caller holds the lock.
fn roll_forward(vault: &Vault) -> Result<()> {
    let dir = vault.dir();
    let marker_path = dir.join(MARKER_FILE);
    let marker = match fs::read(&marker_path) {
        Ok(bytes) => serde_json::from_slice::<Marker>(&bytes).unwrap_or(Marker {
            previous: "previous-unknown".into(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let db = vault.database_path();
    let slots = vault.keyslots_path();
    let staged_db = with_suffix(&db, STAGED);
    if staged_db.exists() {
        // Whatever sits at the live names still belongs to the old database: move it all aside,
        // the WAL before the database, so it can never be replayed into the new one.
        for suffix in DB_COMPANIONS.into_iter().chain([""]) {
            let live = with_suffix(&db, suffix);
            if live.exists() {
                fs::rename(&live, with_suffix(&live, ASIDE))?;
            }
        }
        atomic::sync_dir(dir)?;
        fs::rename(&staged_db, &db)?;
        atomic::sync_dir(dir)?;
    }
    let staged_slots = with_suffix(&slots, STAGED);
    if staged_slots.exists() {
        if slots.exists() {
            fs::rename(&slots, with_suffix(&slots, ASIDE))?;
        }
        fs::rename(&staged_slots, &slots)?;
        atomic::sync_dir(dir)?;
    }
    let aside: Vec<PathBuf> = DB_COMPANIONS
        .into_iter()
        .map(|s| with_suffix(&db, s))
        .chain([db.clone(), slots.clone()])
        .filter(|live| with_suffix(live, ASIDE).exists())
        .collect();
    if !aside.is_empty() {
        let previous = backups_dir(vault).join(&marker.previous);
        atomic::create_private_dir(&previous)?;
        for live in &aside {
            let name = live.file_name().ok_or(Error::Internal("unnamed file"))?;
            fs::rename(with_suffix(live, ASIDE), previous.join(name))?;
        }
        atomic::sync_dir(&previous)?;
        atomic::sync_dir(dir)?;
    }
    fs::remove_file(&marker_path)?;
    atomic::sync_dir(dir)?;
    Ok(())
}

/// Completes a restore that was interrupted after its backup had been verified, or sweeps the
/// staged files of one interrupted before. Idempotent and cheap when there is nothing to do;
/// [`Vault::unlock`] runs it first. While another process is in the middle of a restore, it
/// waits for it only if that restore has reached its swap.
pub fn finish_interrupted_restore(vault: &Vault) -> Result<()> {
    let dir = vault.dir();
    if !dir.is_dir() {
        return Ok(());
    }
    let marker = dir.join(MARKER_FILE);
    match try_lock(dir)? {
        Some(_lock) if marker.exists() => roll_forward(vault),
        Some(_lock) => {
            if with_suffix(&vault.database_path(), STAGED).exists()
                || with_suffix(&vault.keyslots_path(), STAGED).exists()
            {
                remove_staging(vault)?;
            }
            Ok(())
        }
        None if marker.exists() => {
            let _lock = lock(dir)?;
            roll_forward(vault)
        }
        None => Ok(()),
    }
}

/// Replaces the journal in `vault` with the backup at `path`, which `credential` (the
/// passphrase or recovery key current when the backup was made) must open. The backup is
/// verified in full before anything is replaced; the journal that was there is kept in
/// `backups/previous-<time>/`. Works on an empty data directory too (a new computer).
pub fn restore_backup(
    vault: &Vault,
    path: &Path,
    credential: &Credential,
) -> Result<RestoreOutcome> {
    let dir = vault.dir();
    atomic::create_private_dir(dir)?;
    // Never under an open journal: its connection would keep writing to (and, on closing, delete
    // the WAL beside) files this restore moves.
    let Some(_lock) = try_lock(dir)? else {
        return Err(Error::JournalInUse);
    };
    // An earlier restore that stopped half-way is finished before this one starts.
    roll_forward(vault)?;
    remove_staging(vault)?;
    let staged_db = with_suffix(&vault.database_path(), STAGED);
    let staged = (|| {
        let verified = throttled(vault, credential, || {
            verify_into(path, credential, &staged_db)
        })?;
        atomic::write_atomically(
            &with_suffix(&vault.keyslots_path(), STAGED),
            &verified.slots,
        )?;
        atomic::sync_dir(dir)?;
        Ok::<_, Error>(verified)
    })();
    let verified = match staged {
        Ok(v) => v,
        Err(e) => {
            let _ = remove_staging(vault);
            return Err(e);
        }
    };
    let had_vault = vault.keyslots_path().exists() || vault.database_path().exists();
    let marker = Marker {
        previous: format!(
            "previous-{}-{}",
            chrono::Local::now().format("%Y%m%d-%H%M%S"),
            random_suffix()?
        ),
    };
    let previous = backups_dir(vault).join(&marker.previous);
    let bytes =
        serde_json::to_vec(&marker).map_err(|_| Error::Internal("could not encode marker"))?;
    atomic::write_atomically(&dir.join(MARKER_FILE), &bytes)?;
    roll_forward(vault)?;
    Ok(RestoreOutcome {
        summary: verified.summary,
        previous: had_vault.then_some(previous),
    })
}

/// Test hooks: run the protocol up to a step, as a crash there would leave it.
#[cfg(test)]
pub(super) mod testing {
    use super::*;

    /// Where a simulated crash stops.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Stop {
        /// After the database image was staged.
        StagedDatabase,
        /// After both files were staged, before the marker.
        StagedBoth,
        /// Right after the marker was written.
        Marker,
        /// After the old database (and WAL) moved aside, before the new one moved in.
        OldDatabaseAside,
        /// After the new database moved in, before the key slots.
        NewDatabaseIn,
        /// After both new files moved in, before the old ones were put away.
        BothIn,
        /// After the old files were put away, before the marker was removed.
        PutAway,
    }

    /// Runs a restore that stops at `stop` as if the process had been killed there.
    pub fn restore_until(vault: &Vault, path: &Path, credential: &Credential, stop: Stop) {
        let dir = vault.dir();
        let db = vault.database_path();
        let slots = vault.keyslots_path();
        let staged_db = with_suffix(&db, STAGED);
        let verified = verify_into(path, credential, &staged_db).unwrap();
        if stop == Stop::StagedDatabase {
            return;
        }
        atomic::write_atomically(&with_suffix(&slots, STAGED), &verified.slots).unwrap();
        if stop == Stop::StagedBoth {
            return;
        }
        let marker = Marker {
            previous: "previous-test".into(),
        };
        atomic::write_atomically(
            &dir.join(MARKER_FILE),
            &serde_json::to_vec(&marker).unwrap(),
        )
        .unwrap();
        if stop == Stop::Marker {
            return;
        }
        for suffix in DB_COMPANIONS.into_iter().chain([""]) {
            let live = with_suffix(&db, suffix);
            if live.exists() {
                fs::rename(&live, with_suffix(&live, ASIDE)).unwrap();
            }
        }
        if stop == Stop::OldDatabaseAside {
            return;
        }
        fs::rename(&staged_db, &db).unwrap();
        if stop == Stop::NewDatabaseIn {
            return;
        }
        fs::rename(&slots, with_suffix(&slots, ASIDE)).unwrap();
        fs::rename(with_suffix(&slots, STAGED), &slots).unwrap();
        if stop == Stop::BothIn {
            return;
        }
        let previous = backups_dir(vault).join("previous-test");
        fs::create_dir_all(&previous).unwrap();
        for live in DB_COMPANIONS
            .into_iter()
            .map(|s| with_suffix(&db, s))
            .chain([db.clone(), slots.clone()])
        {
            if with_suffix(&live, ASIDE).exists() {
                fs::rename(
                    with_suffix(&live, ASIDE),
                    previous.join(live.file_name().unwrap()),
                )
                .unwrap();
            }
        }
    }
}
