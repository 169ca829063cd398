//! `waymark search`, `timeline`, `recovery ...` and `profile ...`

use clap::{ArgGroup, Args, Subcommand};

use super::values::{KindArg, MedicationArg, RegionArg};

/// `waymark search ...`
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The words to find (every word must match; the start of a word is enough); `-` reads
    /// them from standard input
    #[arg(required = true, num_args = 1.., value_name = "TEXT")]
    pub text: Vec<String>,
    /// Show at most this many results
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: u32,
    /// Print JSON instead of a list (matches stay marked with \u0002 and \u0003)
    #[arg(long)]
    pub json: bool,
}

/// `waymark timeline ...`
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// First day, YYYY-MM-DD [default: 30 days before --to]
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only this kind of entry; repeat for more [default: every kind]
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Vec<KindArg>,
    /// Print JSON instead of a list
    #[arg(long)]
    pub json: bool,
}

/// `waymark recovery ...`
#[derive(Debug, Subcommand)]
pub enum RecoveryCommand {
    /// Days in recovery, the next milestone, and every period so far
    Show {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Set the day your recovery started
    SetStart {
        /// The day, YYYY-MM-DD (today or earlier)
        #[arg(value_name = "DATE")]
        date: String,
    },
    /// Forget the recovery start date
    ClearStart,
}

/// `waymark profile ...`
#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Show your recovery start date, region and medication
    Show {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Change your region or medication (what you don't give stays as it is)
    #[command(group(ArgGroup::new("change").required(true).multiple(true).args(["region", "medication"])))]
    Set {
        /// Where you are, for the emergency number on the safety card
        #[arg(long, value_enum)]
        region: Option<RegionArg>,
        /// A medication you take for opioid recovery (never a dose), or none
        #[arg(long, value_enum)]
        medication: Option<MedicationArg>,
        /// Print the saved profile as JSON
        #[arg(long)]
        json: bool,
    },
}
