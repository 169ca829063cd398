//! The backups folder: naming, and listing what Waymark made there.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::format::{read_prefix, BackupKind};
use crate::error::Result;
use crate::vault::Vault;

/// One backup in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupFile {
    /// The file's name inside the backups folder.
    pub file_name: String,
    /// Automatic (rotated) or manual (kept until the person deletes it).
    pub kind: BackupKind,
    /// When it was made (RFC 3339), from its header; `None` when the header is unreadable.
    pub created_at: Option<String>,
    /// The file's size in bytes.
    pub size_bytes: u64,
}

/// The folder inside the data directory where backups are kept.
pub fn backups_dir(vault: &Vault) -> PathBuf {
    vault.dir().join("backups")
}

/// The name prefix of each kind.
pub(super) fn kind_prefix(kind: BackupKind) -> &'static str {
    match kind {
        BackupKind::Automatic => "auto",
        BackupKind::Manual => "manual",
    }
}

/// The kind and local time of a file name this code made (`auto-20260301-093000.backup`,
/// optionally with `-2`... before the extension); `None` for any other name, which is never
/// listed or deleted.
pub(super) fn parse_name(name: &str) -> Option<(BackupKind, NaiveDateTime)> {
    let stem = name.strip_suffix(".backup")?;
    let (kind, rest) = if let Some(rest) = stem.strip_prefix("auto-") {
        (BackupKind::Automatic, rest)
    } else {
        (BackupKind::Manual, stem.strip_prefix("manual-")?)
    };
    let (stamp, counter) = match rest.get(15..) {
        Some("") => (rest, None),
        Some(tail) => (rest.get(..15)?, Some(tail.strip_prefix('-')?)),
        None => return None,
    };
    if let Some(counter) = counter {
        if counter.is_empty() || !counter.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let at = NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok()?;
    Some((kind, at))
}

/// Backups this code made in `dir`, with their parsed names, newest first.
pub(super) fn own_files(dir: &Path) -> Result<Vec<(PathBuf, BackupKind, NaiveDateTime)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        let name = entry.file_name();
        if let Some((kind, at)) = name.to_str().and_then(parse_name) {
            out.push((entry.path(), kind, at));
        }
    }
    // By time, then by name so "-2" sorts after its first file of the same second.
    out.sort_by(|a, b| (b.2, &b.0).cmp(&(a.2, &a.0)));
    Ok(out)
}

/// The backups in the data directory's backups folder, newest first. Reads only their
/// headers; needs no secret.
pub fn list_backups(vault: &Vault) -> Result<Vec<BackupFile>> {
    own_files(&backups_dir(vault))?
        .into_iter()
        .map(|(path, kind, _)| {
            let size_bytes = std::fs::metadata(&path)?.len();
            let created_at = File::open(&path)
                .ok()
                .and_then(|f| read_prefix(&mut BufReader::new(f)).ok())
                .map(|p| p.header.created_at);
            Ok(BackupFile {
                file_name: path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                kind,
                created_at,
                size_bytes,
            })
        })
        .collect()
}
