//! `waymark strategy ...`, `waymark contact ...`, `waymark helplines` and `waymark plan ...`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::values::{ContactRoleArg, HelplineRegionArg, StrategyCategoryArg};

/// `waymark strategy ...`
#[derive(Debug, Subcommand)]
pub enum StrategyCommand {
    /// List coping strategies: id, title, category, starred (★), hidden, own or built-in
    List {
        /// Include hidden strategies
        #[arg(long)]
        all: bool,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Add a strategy of your own; prints its id
    Add {
        /// Its title (one line, up to 60 characters)
        #[arg(long, value_name = "TEXT")]
        title: String,
        /// Its category
        #[arg(long, value_enum)]
        category: StrategyCategoryArg,
        /// A short summary (up to 300 characters); `-` reads it from standard input
        #[arg(long, value_name = "TEXT")]
        summary: Option<String>,
        /// A step (up to 300 characters); repeat for each step, 1 to 5
        #[arg(long, value_name = "TEXT")]
        step: Vec<String>,
        /// Print the saved strategy as JSON instead of its id
        #[arg(long)]
        json: bool,
    },
    /// Star a strategy, so it comes first when you need one
    Star(StrategyIdArg),
    /// Take the star off a strategy
    Unstar(StrategyIdArg),
    /// Hide a strategy that doesn't fit you (`strategy list --all` still shows it)
    Hide(StrategyIdArg),
    /// Show a hidden strategy again
    Unhide(StrategyIdArg),
    /// Delete one of your own strategies (built-in ones can only be hidden)
    Delete(StrategyIdArg),
    /// What works for me: the strategies you tried during cravings, best first
    Works {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
}

/// The strategy a command acts on.
#[derive(Debug, Args)]
pub struct StrategyIdArg {
    /// The strategy's id (see `waymark strategy list --all`)
    pub id: i64,
}

/// `waymark contact ...`
#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// List your support network, in the order you'd call them
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Add someone to your support network (last in the call order); prints their id
    Add {
        /// Their name (one line, up to 100 characters)
        #[arg(long, value_name = "TEXT")]
        name: String,
        /// Who they are to you [default: other]
        #[arg(long, value_enum)]
        role: Option<ContactRoleArg>,
        /// Their phone number
        #[arg(long, value_name = "NUMBER")]
        phone: Option<String>,
        /// Their email address
        #[arg(long, value_name = "ADDRESS")]
        email: Option<String>,
        /// Notes (up to 1,000 characters); `-` reads them from standard input
        #[arg(long, value_name = "TEXT")]
        notes: Option<String>,
        /// Print the saved contact as JSON instead of their id
        #[arg(long)]
        json: bool,
    },
    /// Remove someone from your support network
    Delete {
        /// The contact's id (see `waymark contact list`)
        id: i64,
    },
}

/// `waymark helplines`
#[derive(Debug, Args)]
pub struct HelplinesArgs {
    /// The region whose helplines to show [default: your profile's region]. Without a journal
    /// here, this still shows the built-in lines
    #[arg(long, value_enum)]
    pub region: Option<HelplineRegionArg>,
    /// Print JSON instead of a list
    #[arg(long)]
    pub json: bool,
}

/// `waymark plan ...`
#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Show your relapse-prevention plan (Markdown)
    Show {
        /// Print the plan as JSON, in the shape `plan edit --file` reads
        #[arg(long)]
        json: bool,
    },
    /// Replace your plan with the one in a JSON file (the shape `plan show --json` prints)
    Edit {
        /// The plan as JSON; `-` reads it from standard input
        #[arg(long, value_name = "FILE")]
        file: PathBuf,
        /// Print the saved plan as JSON
        #[arg(long)]
        json: bool,
    },
}
