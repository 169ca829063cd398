//! `waymark lapse ...`

use clap::{Args, Subcommand};

use super::ListArgs;

/// `waymark lapse ...`
#[derive(Debug, Subcommand)]
pub enum LapseCommand {
    /// Write down a lapse; prints its id. A lapse is information, not failure
    Add {
        #[command(flatten)]
        details: LapseDetails,
        /// Start the recovery counter again from this lapse (your choice; the history is kept)
        #[arg(long)]
        restart_counter: bool,
        /// Print the saved entry as JSON instead of its id
        #[arg(long)]
        json: bool,
    },
    /// List lapses, newest first
    List(ListArgs),
    /// Change a lapse: only the flags given change
    Edit {
        /// The lapse's id (see `waymark lapse list`)
        id: i64,
        #[command(flatten)]
        details: LapseDetails,
        /// Start the recovery counter again from this lapse
        #[arg(long, conflicts_with = "no_restart_counter")]
        restart_counter: bool,
        /// Don't start the counter again from this lapse
        #[arg(long)]
        no_restart_counter: bool,
        /// Print the saved entry as JSON
        #[arg(long)]
        json: bool,
    },
    /// Delete a lapse for good
    Delete {
        /// The lapse's id
        id: i64,
    },
}

/// What a lapse records.
#[derive(Debug, Args)]
pub struct LapseDetails {
    /// When: RFC 3339 or local "2026-11-22 14:30" [default: now]
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// A trigger from your catalogue that led up to it, by name; repeat for more. When editing,
    /// replaces the list; `--trigger ''` clears it
    #[arg(long, value_name = "NAME")]
    pub trigger: Vec<String>,
    /// A feeling, by key (see `waymark mood feelings`); repeat for more. When editing, replaces
    /// the list; `--feeling ''` clears it
    #[arg(long, value_name = "KEY")]
    pub feeling: Vec<String>,
    /// The situation, in your words; `-` reads it from standard input
    #[arg(long, value_name = "TEXT")]
    pub situation: Option<String>,
    /// What you learned; `-` reads it from standard input
    #[arg(long, value_name = "TEXT")]
    pub learned: Option<String>,
    /// What you'll do differently next time; `-` reads it from standard input
    #[arg(long, value_name = "TEXT")]
    pub next_time: Option<String>,
}
