//! The one error type of `waymark-core`, and the stable codes the UI and CLI map it to.
//!
//! Messages are written for the person using the app. They never carry journal text, key
//! material or SQL: database errors are reduced to a generic sentence with SQLite's numeric code.

use serde::{Deserialize, Serialize};
use specta::Type;

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A stable, machine-readable classification of an [`Error`], shared with the UI and the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The passphrase or recovery key did not open the vault.
    WrongSecret,
    /// There is no vault in the data directory yet.
    NoVault,
    /// A vault already exists where one was to be created.
    VaultExists,
    /// The vault must be unlocked first.
    Locked,
    /// Input was rejected by validation; nothing was written.
    InvalidInput,
    /// The entry asked for does not exist (any more).
    NotFound,
    /// The vault was written by a newer version of Waymark.
    NewerSchema,
    /// A vault file is damaged or not a Waymark file.
    Damaged,
    /// The files could not be read or written (permissions, disk full, ...).
    Storage,
    /// Too many wrong passphrases in a row: wait before trying again (the recovery key works).
    TryAgainLater,
    /// A bug or an unexpected state.
    Internal,
}

/// Why a piece of input was rejected, and which field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ValidationError {
    /// The input field at fault, as the UI names it (camelCase), e.g. `intensity`.
    pub field: &'static str,
    /// A specific, user-facing explanation. Never repeats the rejected text.
    pub message: String,
}

impl ValidationError {
    /// A validation error for `field` with a user-facing `message`.
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// Which vault file a [`Error::Damaged`] concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VaultFile {
    /// The key slot file that holds the wrapped data key.
    KeySlots,
    /// The encrypted database.
    Database,
}

impl std::fmt::Display for VaultFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            VaultFile::KeySlots => "The key file (keyslots.json)",
            VaultFile::Database => "The journal database (waymark.db)",
        })
    }
}

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No vault exists in the data directory.
    #[error("No Waymark journal was found here. Create one first.")]
    NoVault,
    /// A vault (or a stray database file) already exists where one was to be created.
    #[error("A Waymark journal already exists here; nothing was changed.")]
    VaultExists,
    /// The passphrase or recovery key did not unwrap the data key.
    #[error("That passphrase or recovery key did not unlock the journal. Nothing was changed.")]
    WrongSecret,
    /// An operation needed an unlocked vault.
    #[error("The journal is locked. Unlock it first.")]
    Locked,
    /// A passphrase was tried too soon after several wrong ones; refused before any key
    /// derivation. The recovery key is never delayed.
    #[error("Please wait {} before trying again.", seconds_text(*seconds))]
    TryAgainIn {
        /// Whole seconds left to wait.
        seconds: u64,
    },
    /// Input failed validation.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// The entry asked for does not exist, or was deleted.
    #[error("That {0} was not found; it may have been deleted.")]
    NotFound(&'static str),
    /// The database's schema is newer than this build understands.
    #[error(
        "This journal was saved by a newer version of Waymark (data version {found}; this version \
         reads up to {supported}). Update Waymark to open it. Nothing was changed."
    )]
    NewerSchema {
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this build knows.
        supported: i64,
    },
    /// A vault file is damaged, truncated or not a Waymark file.
    #[error(
        "{0} is damaged or unreadable. Nothing was changed; restore it from a backup (\"Restore \
         from backup\" in the window, or `waymark backup restore`)."
    )]
    Damaged(VaultFile),
    /// A backup file is truncated, altered, or not a Waymark backup at all.
    #[error("This backup file is damaged or not a Waymark backup. Nothing was changed.")]
    BackupDamaged,
    /// The secret given does not open the backup's own key slots.
    #[error(
        "That passphrase or recovery key does not open this backup. It needs the passphrase or \
         recovery key that was current when the backup was made. Nothing was changed."
    )]
    BackupWrongSecret,
    /// A restore was asked for while the journal is open (in the window or another command).
    #[error(
        "This journal is open in Waymark's window or in another command. Lock it there first, \
         then restore. Nothing was changed."
    )]
    JournalInUse,
    /// The journal was to be opened while a backup is being restored into it.
    #[error("A backup is being restored into this journal. Try again in a moment.")]
    RestoreInProgress,
    /// An I/O failure, reduced to its kind so no path or content leaks.
    #[error("{}", io_text(*.0))]
    Io(std::io::ErrorKind),
    /// A database failure, reduced to SQLite's code so no SQL or content leaks.
    #[error("The journal database reported an error (code {0}).")]
    Database(i32),
    /// A broken internal invariant: a bug, not the user's doing.
    #[error("Something went wrong inside Waymark ({0}).")]
    Internal(&'static str),
}

impl Error {
    /// The stable code for this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NoVault => ErrorCode::NoVault,
            Error::VaultExists => ErrorCode::VaultExists,
            Error::WrongSecret => ErrorCode::WrongSecret,
            Error::Locked => ErrorCode::Locked,
            Error::TryAgainIn { .. } => ErrorCode::TryAgainLater,
            Error::Invalid(_) => ErrorCode::InvalidInput,
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::NewerSchema { .. } => ErrorCode::NewerSchema,
            Error::Damaged(_) => ErrorCode::Damaged,
            Error::BackupDamaged => ErrorCode::Damaged,
            Error::BackupWrongSecret => ErrorCode::WrongSecret,
            Error::JournalInUse | Error::RestoreInProgress => ErrorCode::Storage,
            Error::Io(_) => ErrorCode::Storage,
            Error::Database(_) => ErrorCode::Storage,
            Error::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The field at fault, for validation errors.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid(v) => Some(v.field),
            _ => None,
        }
    }
}

/// "1 second", "12 seconds".
fn seconds_text(seconds: u64) -> String {
    if seconds == 1 {
        "1 second".to_string()
    } else {
        format!("{seconds} seconds")
    }
}

/// A full disk is common and the person can fix it, so it gets its own words.
fn io_text(kind: std::io::ErrorKind) -> String {
    match kind {
        std::io::ErrorKind::StorageFull => "The disk is full, so this could not be saved. \
            Nothing was changed; free some space and try again."
            .to_string(),
        other => {
            format!("Could not read or write the journal files ({other}). Nothing was changed.")
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e.kind())
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::SqliteFailure(f, _) => match f.code {
                rusqlite::ErrorCode::NotADatabase => Error::Damaged(VaultFile::Database),
                rusqlite::ErrorCode::DatabaseCorrupt => Error::Damaged(VaultFile::Database),
                rusqlite::ErrorCode::DiskFull => Error::Io(std::io::ErrorKind::StorageFull),
                rusqlite::ErrorCode::CannotOpen => Error::Io(std::io::ErrorKind::NotFound),
                rusqlite::ErrorCode::PermissionDenied | rusqlite::ErrorCode::ReadOnly => {
                    Error::Io(std::io::ErrorKind::PermissionDenied)
                }
                _ => Error::Database(f.extended_code),
            },
            _ => Error::Internal("unexpected database result"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_errors_never_carry_sql_or_text() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let raw = conn
            .execute(
                "INSERT INTO secret_marker_table VALUES ('secret-marker')",
                [],
            )
            .unwrap_err();
        let mapped = Error::from(raw);
        let shown = mapped.to_string();
        assert!(!shown.contains("secret"), "{shown}");
        assert!(!shown.to_lowercase().contains("insert"), "{shown}");
        assert_eq!(mapped.code(), ErrorCode::Storage);
    }

    #[test]
    fn validation_errors_name_their_field() {
        let e = Error::from(ValidationError::new("intensity", "out of range"));
        assert_eq!(e.code(), ErrorCode::InvalidInput);
        assert_eq!(e.field(), Some("intensity"));
        assert_eq!(e.to_string(), "out of range");
    }
}
