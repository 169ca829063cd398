//! Encrypted backups: one file holding a consistent copy of the database and the key slots.
//!
//! Making one needs the open store; checking or restoring one needs the passphrase or recovery
//! key that was current when it was made (the backup carries its own key slots). See
//! docs/BACKUPS.md for the file format, the restore protocol and the rotation rules.

mod create;
pub mod format;
mod list;
mod restore;
mod rotation;
mod staging;
mod verify;

pub use create::{create_backup, write_backup};
pub use format::{BackupKind, MacKey};
pub use list::{backups_dir, list_backups, BackupFile};
pub(crate) use restore::lock_file;
pub use restore::{finish_interrupted_restore, restore_backup, RestoreOutcome};
pub use rotation::{auto_backup, AutoBackup};
pub use verify::{verify_backup, BackupSummary};

#[cfg(test)]
mod in_use_tests;
#[cfg(test)]
mod tests;
