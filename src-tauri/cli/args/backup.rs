//! `waymark backup`: encrypted backups of the whole journal.

use std::path::PathBuf;

use clap::Subcommand;

/// The backup subcommands.
#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Make an encrypted backup now (in the data directory's backups folder, or --out FILE).
    /// Restoring it needs the passphrase or recovery key you use today
    Create {
        /// Write the backup to this file instead of the backups folder
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it already exists
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// List the backups in the data directory's backups folder, newest first (needs no secret)
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Check a backup file in full with the passphrase or recovery key it was made with;
    /// changes nothing
    Verify {
        /// The backup file
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Replace the journal with a backup, after checking it in full. Needs the passphrase or
    /// recovery key that was current when the backup was made. The journal that was here is
    /// kept in the backups folder
    Restore {
        /// The backup file
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Do not ask for confirmation (needed when not run in a terminal)
        #[arg(long)]
        yes: bool,
    },
}
