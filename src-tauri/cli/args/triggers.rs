//! `waymark trigger ...`

use clap::Subcommand;

use super::values::CategoryArg;

/// `waymark trigger ...`
#[derive(Debug, Subcommand)]
pub enum TriggerCommand {
    /// List your triggers: id, name, category, how many entries name it, archived
    List {
        /// Include archived triggers
        #[arg(long)]
        all: bool,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Add a trigger to your catalogue; prints its id
    Add {
        /// Its name (one line, up to 60 characters)
        #[arg(long, value_name = "TEXT")]
        name: String,
        /// Its category
        #[arg(long, value_enum)]
        category: CategoryArg,
        /// Print the saved trigger as JSON instead of its id
        #[arg(long)]
        json: bool,
    },
    /// Rename a trigger or change its category; every entry that names it follows
    #[command(group(clap::ArgGroup::new("change").required(true).multiple(true).args(["name", "category"])))]
    Edit {
        /// The trigger's id (see `waymark trigger list`)
        id: i64,
        /// Its new name
        #[arg(long, value_name = "TEXT")]
        name: Option<String>,
        /// Its new category
        #[arg(long, value_enum)]
        category: Option<CategoryArg>,
        /// Print the saved trigger as JSON
        #[arg(long)]
        json: bool,
    },
    /// Delete a trigger no entry names (archive or merge one that is in use)
    Delete {
        /// The trigger's id
        id: i64,
    },
    /// Archive a trigger: kept on old entries, hidden from `trigger list`
    Archive {
        /// The trigger's id
        id: i64,
    },
    /// Make an archived trigger active again
    Unarchive {
        /// The trigger's id
        id: i64,
    },
    /// Merge one trigger into another: entries that named it name the other instead
    Merge {
        /// The trigger to merge away
        from: i64,
        /// The trigger to keep
        #[arg(long, value_name = "ID")]
        into: i64,
        /// Print the kept trigger as JSON
        #[arg(long)]
        json: bool,
    },
}
