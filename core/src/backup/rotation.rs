//! Automatic backups: at most one per local day, the newest N kept.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::create::create_backup;
use super::format::BackupKind;
use super::list::{backups_dir, own_files, BackupFile};
use crate::error::Result;
use crate::journal::Clock;
use crate::store::Store;
use crate::vault::Vault;

/// What one automatic run did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AutoBackup {
    /// The backup made now; `None` when one had already been made today.
    pub made: Option<BackupFile>,
    /// How many older automatic backups were deleted.
    pub removed: u32,
}

/// Makes today's automatic backup unless one exists for this local day, then deletes the
/// oldest automatic backups beyond the number the person keeps. Only files named by this code
/// as automatic (`auto-YYYYMMDD-HHMMSS.backup`) are ever deleted; manual backups and anything
/// else in the folder are left alone.
pub fn auto_backup(store: &Store, vault: &Vault, clock: &dyn Clock) -> Result<AutoBackup> {
    let dir = backups_dir(vault);
    let today = clock.now().date_naive();
    let done_today = own_files(&dir)?
        .iter()
        .any(|(_, kind, at)| *kind == BackupKind::Automatic && at.date() == today);
    let made = if done_today {
        None
    } else {
        Some(create_backup(store, vault, BackupKind::Automatic, clock)?)
    };
    let keep = store.backup_keep()? as usize;
    let mut removed = 0;
    let automatic = own_files(&dir)?
        .into_iter()
        .filter(|(_, kind, _)| *kind == BackupKind::Automatic);
    for (path, _, _) in automatic.skip(keep) {
        std::fs::remove_file(path)?;
        removed += 1;
    }
    sweep_leftovers(vault.dir(), &dir);
    Ok(AutoBackup { made, removed })
}

/// Working directories and half-written files older than a day belong to a process that was
/// killed mid-way (a live one finishes in minutes): they are removed, best effort.
fn sweep_leftovers(data_dir: &std::path::Path, backups: &std::path::Path) {
    const STALE: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);
    let is_stale = |entry: &std::fs::DirEntry| {
        entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE)
    };
    for entry in std::fs::read_dir(data_dir).into_iter().flatten().flatten() {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with(".backup-work-")
            && is_stale(&entry)
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    for entry in std::fs::read_dir(backups).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.contains(".backup.partial-") && is_stale(&entry) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
