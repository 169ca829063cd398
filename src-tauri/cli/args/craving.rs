//! `waymark craving ...`

use clap::{Args, Subcommand};

use super::values::{HaltArg, OutcomeArg};
use super::ListArgs;

/// `waymark craving ...`
#[derive(Debug, Subcommand)]
pub enum CravingCommand {
    /// Log a craving; prints the new entry's id
    Add {
        /// How strong it is, 0 (none) to 10 (overwhelming)
        #[arg(long, allow_negative_numbers = true, value_name = "0-10")]
        intensity: i32,
        #[command(flatten)]
        details: CravingDetails,
        /// Print the saved entry as JSON instead of its id
        #[arg(long)]
        json: bool,
    },
    /// List cravings, newest first
    List(ListArgs),
    /// Change a craving: only the flags given change
    Edit {
        /// The craving's id (see `waymark craving list`)
        id: i64,
        /// How strong it was, 0 (none) to 10 (overwhelming)
        #[arg(long, allow_negative_numbers = true, value_name = "0-10")]
        intensity: Option<i32>,
        #[command(flatten)]
        details: CravingDetails,
        /// Print the saved entry as JSON
        #[arg(long)]
        json: bool,
    },
    /// Delete a craving for good
    Delete {
        /// The craving's id
        id: i64,
    },
}

/// Everything about a craving besides its intensity.
#[derive(Debug, Args)]
pub struct CravingDetails {
    /// When it started: RFC 3339 (2026-11-22T14:30:00+00:00) or local "2026-11-22 14:30"
    /// [default: now]
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// How long it lasted, in minutes (0 to 1440)
    #[arg(long, value_name = "MINUTES", allow_negative_numbers = true)]
    pub duration: Option<i32>,
    /// A trigger from your catalogue, by name (any case); repeat for more. When editing, the
    /// triggers given replace the old ones; `--trigger ''` removes them all
    #[arg(long, value_name = "NAME")]
    pub trigger: Vec<String>,
    /// A trigger that is not in your catalogue yet, added with its category, e.g.
    /// "Payday:times_and_situations". Categories: people, places, feelings, body_states,
    /// times_and_situations, things
    #[arg(long, value_name = "NAME:CATEGORY")]
    pub new_trigger: Vec<String>,
    /// Hungry, angry, lonely, tired: the ones that were true, comma-separated
    #[arg(long, value_enum, value_delimiter = ',', value_name = "STATES")]
    pub halt: Vec<HaltArg>,
    /// Where you were
    #[arg(long = "where", value_name = "TEXT")]
    pub place: Option<String>,
    /// Who you were with
    #[arg(long = "with", value_name = "TEXT")]
    pub with_whom: Option<String>,
    /// What you were doing
    #[arg(long = "doing", value_name = "TEXT")]
    pub activity: Option<String>,
    /// A coping strategy you tried; repeat for more (when editing, replaces the list;
    /// `--coped ''` clears it)
    #[arg(long, value_name = "TEXT")]
    pub coped: Vec<String>,
    /// How it ended
    #[arg(long, value_enum)]
    pub outcome: Option<OutcomeArg>,
    /// How strong it was afterwards, 0 to 10
    #[arg(long, allow_negative_numbers = true, value_name = "0-10")]
    pub after: Option<i32>,
    /// A note (up to 10,000 characters); `-` reads it from standard input, '' clears it
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}
