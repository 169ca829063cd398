//! The command-line grammar (clap).

pub mod backup;
pub mod craving;
pub mod daily;
pub mod export;
pub mod fields;
pub mod lapse;
pub mod review;
pub mod schedule;
pub mod toolkit;
pub mod triggers;
pub mod values;
pub mod views;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub use backup::BackupCommand;
pub use craving::CravingCommand;
pub use daily::{CheckinCommand, JournalCommand, MoodCommand};
pub use export::{ExportArgs, ImportArgs};
pub use lapse::LapseCommand;
pub use review::ReviewCommand;
pub use schedule::{IcsCommand, MeetingCommand, RemindersCommand};
pub use toolkit::{ContactCommand, HelplinesArgs, PlanCommand, StrategyCommand};
pub use triggers::TriggerCommand;
pub use views::{ProfileCommand, RecoveryCommand, SearchArgs, TimelineArgs};

const AFTER_HELP: &str = "\
Entries:
  Every kind of entry (craving, mood, journal, checkin, review, lapse) has add, list, edit and
  delete. `edit ID` changes only the flags you give; `--note ''` clears a note. `delete ID`
  removes the entry for good. Ids are shown by `list` and printed by `add`.

Meetings:
  `meeting add` takes the first day and local start time; `--repeat` with --every, --days,
  --month-day or --week and --weekday says how it repeats. `meeting next` lists the times coming
  up, each with the YYYY-MM-DDTHH:MM that `meeting skip`, `move`, `restore` and `attend` take as
  --occurrence. `ics export` writes an unencrypted calendar file without your notes.

Export:
  `export --format pdf --out summary.pdf` writes a counsellor summary of the last 30 days;
  --from/--to choose the days and --sections what it shares (journal text and --include-notes
  only when asked). `--format csv` or `json` writes your data (everything, or --from/--to).
  Exported files are NOT encrypted. `import FILE` reads a JSON export into a new journal.

Backups:
  `backup create` saves an encrypted backup (journal and key slots) in the data directory's
  backups folder, or to --out FILE. `backup restore FILE` checks it in full, then replaces the
  journal (the old one is kept in the backups folder); it needs the passphrase or recovery key
  that was current when the backup was made, and works on a new computer too.

Secrets:
  The passphrase comes from WAYMARK_PASSPHRASE, --passphrase-file, or a prompt when run in a
  terminal. To unlock with the recovery key instead, set WAYMARK_RECOVERY_KEY or pass
  `--recovery-key -` to be asked for it. Anything typed on the command line itself (a key after
  --recovery-key, a --note) can be seen by other programs while it runs and is kept in your
  shell's history: prefer the prompt, the environment, or `-` for a text flag such as
  `--note -` (reads the text from standard input; one flag per command).

Exit codes:
  0 success   1 other failure   2 usage error or no passphrase given
  3 wrong passphrase or recovery key   4 no journal here (or init found one)
  5 invalid input, nothing written   6 journal damaged or from a newer version
  7 not found (no entry, trigger, strategy, contact or meeting with that id; it may have been
    deleted)
  8 too many wrong passphrases in a row: wait the seconds given, then try again (the recovery
    key is never delayed)";

/// Waymark: a private, encrypted recovery journal. Run with no arguments to open the window.
#[derive(Debug, Parser)]
#[command(name = "waymark", version, about, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    /// The data directory holding the journal [default: WAYMARK_DATA_DIR, else the OS data directory]
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help_heading = "Global options"
    )]
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
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        help_heading = "Global options"
    )]
    pub passphrase_file: Option<PathBuf>,

    /// Unlock with the recovery key instead of the passphrase; `-` asks for it
    #[arg(
        long,
        global = true,
        env = "WAYMARK_RECOVERY_KEY",
        hide_env_values = true,
        value_name = "KEY",
        help_heading = "Global options"
    )]
    pub recovery_key: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new journal and print its recovery key (shown only this once)
    Init,
    /// Log, list, edit and delete cravings
    Craving {
        #[command(subcommand)]
        command: CravingCommand,
    },
    /// Your catalogue of triggers: list, add, rename, archive, merge, delete
    Trigger {
        #[command(subcommand)]
        command: TriggerCommand,
    },
    /// Mood check-ins: how you feel, 1 to 10, and which feelings
    Mood {
        #[command(subcommand)]
        command: MoodCommand,
    },
    /// The daily journal: one entry per day
    Journal {
        #[command(subcommand)]
        command: JournalCommand,
    },
    /// The daily check-in: a few yes/no questions and a rating of the day
    Checkin {
        #[command(subcommand)]
        command: CheckinCommand,
    },
    /// The weekly review: a look back at the past 7 days
    Review {
        #[command(subcommand)]
        command: ReviewCommand,
    },
    /// Lapses: what happened, what you learned, what you'll do next time
    Lapse {
        #[command(subcommand)]
        command: LapseCommand,
    },
    /// Coping strategies: the built-in library and your own; star, hide, and what works for you
    Strategy {
        #[command(subcommand)]
        command: StrategyCommand,
    },
    /// Your support network: the people you can call, in call order
    Contact {
        #[command(subcommand)]
        command: ContactCommand,
    },
    /// Helplines for your region, and your own local ones
    Helplines(HelplinesArgs),
    /// Your relapse-prevention plan
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
    },
    /// Meetings and appointments: add, list, edit, skip or move a date, say whether you went
    Meeting {
        #[command(subcommand)]
        command: MeetingCommand,
    },
    /// Reminders: which are due, and the check-in and medication reminder settings
    Reminders {
        #[command(subcommand)]
        command: RemindersCommand,
    },
    /// Calendar files (.ics): export your meetings, or import them from another calendar
    Ics {
        #[command(subcommand)]
        command: IcsCommand,
    },
    /// Save a counsellor summary (PDF) or your data (CSV, JSON) to a file. The file is NOT
    /// encrypted
    Export(ExportArgs),
    /// Import a JSON export into a journal that has no entries yet
    Import(ImportArgs),
    /// Encrypted backups: create, list, verify and restore
    Backup {
        #[command(subcommand)]
        command: BackupCommand,
    },
    /// Search every entry's text
    Search(SearchArgs),
    /// Every kind of entry, day by day
    Timeline(TimelineArgs),
    /// Days in recovery, milestones and the history of periods
    Recovery {
        #[command(subcommand)]
        command: RecoveryCommand,
    },
    /// Your region (for the emergency number) and medication
    Profile {
        #[command(subcommand)]
        command: ProfileCommand,
    },
    /// Manage the passphrase
    Passphrase {
        #[command(subcommand)]
        command: PassphraseCommand,
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

/// `--limit` and `--json` of every `list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Show at most this many
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

impl ListArgs {
    /// The limit to ask the store for.
    pub fn limit(&self) -> u32 {
        self.limit.unwrap_or(u32::MAX)
    }
}
