//! `waymark mood ...`, `waymark journal ...` and `waymark checkin ...`

use clap::{Args, Subcommand};

use super::values::YesNo;
use super::ListArgs;

/// `waymark mood ...`
#[derive(Debug, Subcommand)]
pub enum MoodCommand {
    /// Log how you feel; prints the new entry's id
    Add {
        /// Your mood, 1 (very low) to 10 (very good)
        #[arg(long, allow_negative_numbers = true, value_name = "1-10")]
        mood: i32,
        #[command(flatten)]
        details: MoodDetails,
        /// Print the saved entry as JSON instead of its id
        #[arg(long)]
        json: bool,
    },
    /// List mood check-ins, newest first
    List(ListArgs),
    /// Change a mood check-in: only the flags given change
    Edit {
        /// The check-in's id (see `waymark mood list`)
        id: i64,
        /// Your mood, 1 (very low) to 10 (very good)
        #[arg(long, allow_negative_numbers = true, value_name = "1-10")]
        mood: Option<i32>,
        #[command(flatten)]
        details: MoodDetails,
        /// Print the saved entry as JSON
        #[arg(long)]
        json: bool,
    },
    /// Delete a mood check-in for good
    Delete {
        /// The check-in's id
        id: i64,
    },
    /// List the feelings you can choose from, with their keys
    Feelings {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
}

/// Everything about a mood check-in besides the mood itself.
#[derive(Debug, Args)]
pub struct MoodDetails {
    /// When: RFC 3339 or local "2026-11-22 14:30" [default: now]
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// A feeling, by key (see `waymark mood feelings`); repeat for more. When editing, replaces
    /// the list; `--feeling ''` clears it
    #[arg(long, value_name = "KEY")]
    pub feeling: Vec<String>,
    /// A note; `-` reads it from standard input, '' clears it
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

/// `waymark journal ...`
#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// Write the day's journal entry (one per day); prints its id
    Add {
        /// The entry's text, plain or Markdown; `-` reads it from standard input
        #[arg(long, value_name = "TEXT")]
        text: String,
        #[command(flatten)]
        details: JournalDetails,
        /// Print the saved entry as JSON instead of its id
        #[arg(long)]
        json: bool,
    },
    /// List journal entries, newest day first
    List(ListArgs),
    /// Change a journal entry: only the flags given change
    Edit {
        /// The entry's id (see `waymark journal list`)
        id: i64,
        /// The new text; `-` reads it from standard input
        #[arg(long, value_name = "TEXT")]
        text: Option<String>,
        #[command(flatten)]
        details: JournalDetails,
        /// Print the saved entry as JSON
        #[arg(long)]
        json: bool,
    },
    /// Delete a journal entry for good
    Delete {
        /// The entry's id
        id: i64,
    },
}

/// Everything about a journal entry besides its text.
#[derive(Debug, Args)]
pub struct JournalDetails {
    /// The day it is about, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// One thing that went well; `-` reads it from standard input, '' clears it
    #[arg(long, value_name = "TEXT")]
    pub went_well: Option<String>,
    /// A tag; repeat for more. When editing, replaces the tags; `--tag ''` clears them
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
}

/// `waymark checkin ...`
#[derive(Debug, Subcommand)]
pub enum CheckinCommand {
    /// Answer the day's check-in (one per day; answer at least one question); prints its id
    Add {
        #[command(flatten)]
        details: CheckinDetails,
        /// Print the saved entry as JSON instead of its id
        #[arg(long)]
        json: bool,
    },
    /// List check-ins, newest day first
    List(ListArgs),
    /// Change a check-in: only the flags given change
    Edit {
        /// The check-in's id (see `waymark checkin list`)
        id: i64,
        #[command(flatten)]
        details: CheckinDetails,
        /// Print the saved entry as JSON
        #[arg(long)]
        json: bool,
    },
    /// Delete a check-in for good
    Delete {
        /// The check-in's id
        id: i64,
    },
}

/// The check-in's answers. Every question may be skipped.
#[derive(Debug, Args)]
pub struct CheckinDetails {
    /// The day, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Did you sleep well?
    #[arg(long, value_enum)]
    pub slept: Option<YesNo>,
    /// Did you eat properly?
    #[arg(long, value_enum)]
    pub ate: Option<YesNo>,
    /// Did you take your medication as prescribed?
    #[arg(long, value_enum)]
    pub medication: Option<YesNo>,
    /// Did you go to a meeting, therapy or a keyworker appointment?
    #[arg(long, value_enum)]
    pub support: Option<YesNo>,
    /// Did you contact someone supportive?
    #[arg(long, value_enum)]
    pub contacted: Option<YesNo>,
    /// Did you exercise or do another healthy activity?
    #[arg(long, value_enum)]
    pub activity: Option<YesNo>,
    /// Were you in a high-risk situation?
    #[arg(long, value_enum)]
    pub risky: Option<YesNo>,
    /// Did you use today?
    #[arg(long, value_enum)]
    pub used: Option<YesNo>,
    /// The day overall, 1 to 10
    #[arg(long, allow_negative_numbers = true, value_name = "1-10")]
    pub day: Option<i32>,
    /// A note; `-` reads it from standard input, '' clears it
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}
