//! `waymark review ...`

use clap::{Args, Subcommand};

use super::values::{parse_answer, Answer};
use super::ListArgs;

/// `waymark review ...`
#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Save the weekly review (one per week; answer at least one question); prints its id
    Add {
        #[command(flatten)]
        details: ReviewDetails,
        /// Print the saved review as JSON instead of its id
        #[arg(long)]
        json: bool,
    },
    /// List weekly reviews, newest week first
    List(ListArgs),
    /// Change a weekly review: only the answers and flags given change
    Edit {
        /// The review's id (see `waymark review list`)
        id: i64,
        #[command(flatten)]
        details: ReviewDetails,
        /// Print the saved review as JSON
        #[arg(long)]
        json: bool,
    },
    /// Delete a weekly review for good
    Delete {
        /// The review's id
        id: i64,
    },
    /// List the questions, their keys and how each is answered
    Questions {
        /// Print JSON instead of a list
        #[arg(long)]
        json: bool,
    },
}

/// The review's week, answers and note.
#[derive(Debug, Args)]
pub struct ReviewDetails {
    /// Any day of the week under review, YYYY-MM-DD [default: this week]
    #[arg(long, value_name = "DATE")]
    pub week_of: Option<String>,
    /// An answer, KEY=N (see `waymark review questions`); repeat for more. `KEY=` removes an
    /// answer when editing
    #[arg(long, value_name = "KEY=N", value_parser = parse_answer)]
    pub answer: Vec<Answer>,
    /// A note; `-` reads it from standard input, '' clears it
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}
