//! The command-line grammar (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

const AFTER_HELP: &str = "\
Secrets:
  The passphrase comes from WAYMARK_PASSPHRASE, --passphrase-file, or a prompt when run in a
  terminal. To unlock with the recovery key instead, set WAYMARK_RECOVERY_KEY or pass
  `--recovery-key -` to be asked for it. Anything typed on the command line itself (a key after
  --recovery-key, a --note) can be seen by other programs while it runs and is kept in your
  shell's history: prefer the prompt, the environment, or `--note -` (reads the note from stdin).

Exit codes:
  0 success   1 other failure   2 usage error or no passphrase given
  3 wrong passphrase or recovery key   4 no journal here (or init found one)
  5 invalid input, nothing written   6 journal damaged or from a newer version";

/// Waymark: a private, encrypted recovery journal. Run with no arguments to open the window.
#[derive(Debug, Parser)]
#[command(name = "waymark", version, about, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    /// The data directory holding the journal [default: WAYMARK_DATA_DIR, else the OS data directory]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(flatten)]
    pub secrets: SecretArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Where secrets come from, besides the environment and the terminal prompt.
#[derive(Debug, Args)]
pub struct SecretArgs {
    /// Read the passphrase from the first line of this file
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,

    /// Unlock with the recovery key instead of the passphrase; `-` asks for it
    #[arg(
        long,
        global = true,
        env = "WAYMARK_RECOVERY_KEY",
        hide_env_values = true,
        value_name = "KEY"
    )]
    pub recovery_key: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new journal and print its recovery key (shown only this once)
    Init,
    /// Log and list cravings
    Craving {
        #[command(subcommand)]
        command: CravingCommand,
    },
    /// Manage the passphrase
    Passphrase {
        #[command(subcommand)]
        command: PassphraseCommand,
    },
}

/// `waymark craving ...`
#[derive(Debug, Subcommand)]
pub enum CravingCommand {
    /// Log a craving; prints the new entry's id
    Add {
        /// How strong it is, 0 (none) to 10 (overwhelming)
        #[arg(long, allow_negative_numbers = true)]
        intensity: i32,
        /// When it started, RFC 3339 (e.g. 2026-11-22T14:30:00+00:00) [default: now]
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// A note (up to 10,000 characters); `-` reads it from standard input
        #[arg(long)]
        note: Option<String>,
        /// Print the saved entry as JSON instead of its id
        #[arg(long)]
        json: bool,
    },
    /// List cravings, newest first
    List {
        /// Show at most this many
        #[arg(long)]
        limit: Option<u32>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
}

/// `waymark passphrase ...`
#[derive(Debug, Subcommand)]
pub enum PassphraseCommand {
    /// Change the passphrase (unlock with the current one or the recovery key). The new
    /// passphrase comes from WAYMARK_NEW_PASSPHRASE, --new-passphrase-file or a prompt.
    Change {
        /// Read the new passphrase from the first line of this file
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
    },
}

/// The command-line flag that sets a core input field, for error messages.
pub fn flag_for_field(field: &str) -> &'static str {
    match field {
        "intensity" => "--intensity",
        "occurredAt" => "--at",
        "note" => "--note",
        "recoveryKey" => "--recovery-key",
        "newPassphrase" => "new passphrase",
        _ => "passphrase",
    }
}
