//! `waymark meeting ...`, `waymark reminders ...` and `waymark ics ...`

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

/// `waymark meeting ...`
#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Add a meeting or appointment; prints its id
    Add {
        /// What you call it, e.g. "Tuesday NA" (one line, up to 120 characters)
        #[arg(long, value_name = "TEXT")]
        title: String,
        /// What sort it is: twelve_step, smart_recovery, group_therapy, counselling, keyworker,
        /// clinic or other
        #[arg(long, value_name = "KIND")]
        kind: String,
        /// The day of the first (or only) time, YYYY-MM-DD
        #[arg(long, value_name = "DATE")]
        date: String,
        /// The local start time, HH:MM (24-hour)
        #[arg(long, value_name = "HH:MM")]
        time: String,
        #[command(flatten)]
        details: MeetingDetails,
        /// Print the saved meeting as JSON instead of its id
        #[arg(long)]
        json: bool,
    },
    /// List every meeting, in the order of their first start
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Show one meeting in full, with its skipped and moved dates
    Show {
        /// The meeting's id (see `waymark meeting list`)
        id: i64,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Change a meeting: only the flags given change
    Edit {
        /// The meeting's id (see `waymark meeting list`)
        id: i64,
        /// What you call it (one line, up to 120 characters)
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// What sort it is: twelve_step, smart_recovery, group_therapy, counselling, keyworker,
        /// clinic or other
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// The day of the first (or only) time, YYYY-MM-DD
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// The local start time, HH:MM (24-hour)
        #[arg(long, value_name = "HH:MM")]
        time: Option<String>,
        #[command(flatten)]
        details: MeetingDetails,
        /// Print the saved meeting as JSON
        #[arg(long)]
        json: bool,
    },
    /// Delete a meeting for good, with its skipped dates and attendance
    Delete {
        /// The meeting's id
        id: i64,
    },
    /// Skip one time a meeting happens (undo with `restore`)
    Skip {
        /// The meeting's id
        id: i64,
        #[command(flatten)]
        occurrence: OccurrenceArg,
        /// Print the meeting as JSON
        #[arg(long)]
        json: bool,
    },
    /// Move one time a meeting happens to another day or time (in the meeting's time zone)
    Move {
        /// The meeting's id
        id: i64,
        #[command(flatten)]
        occurrence: OccurrenceArg,
        /// Its new local start, YYYY-MM-DDTHH:MM (up to 60 days away)
        #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
        to: String,
        /// Print the meeting as JSON
        #[arg(long)]
        json: bool,
    },
    /// Put a skipped or moved time back as it usually is
    Restore {
        /// The meeting's id
        id: i64,
        #[command(flatten)]
        occurrence: OccurrenceArg,
        /// Print the meeting as JSON
        #[arg(long)]
        json: bool,
    },
    /// Say whether you went to one time a meeting happened (once it has started)
    Attend {
        /// The meeting's id
        id: i64,
        #[command(flatten)]
        occurrence: OccurrenceArg,
        /// Whether you went; `clear` forgets what you said
        #[arg(long, value_enum)]
        status: AttendArg,
    },
    /// The meetings coming up, from now, with whether you went once you've said
    Next {
        /// How many days ahead to look
        #[arg(
            long,
            value_name = "N",
            default_value_t = 7,
            allow_negative_numbers = true
        )]
        days: i64,
        /// Start at the beginning of this day, YYYY-MM-DD, instead of now: to look back at past
        /// meetings and mark whether you went
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
}

/// Which time of a repeating meeting a command is about.
#[derive(Debug, Args)]
pub struct OccurrenceArg {
    /// Its usual local start, YYYY-MM-DDTHH:MM, as `meeting next` shows it (even once moved)
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
    pub occurrence: String,
}

/// Everything about a meeting besides its title, kind and first start. When editing, only the
/// flags given change, and '' clears an optional one.
#[derive(Debug, Args)]
pub struct MeetingDetails {
    /// The IANA time zone of --time, e.g. Europe/London [default, or '': this computer's]
    #[arg(long, value_name = "ZONE")]
    pub zone: Option<String>,
    /// How long it lasts, in minutes [default when adding: 60]
    #[arg(long, value_name = "MINUTES")]
    pub duration: Option<u32>,
    /// How it repeats [default when adding: once]
    #[arg(long, value_enum)]
    pub repeat: Option<RepeatArg>,
    /// Repeat every N days, weeks or months [default: 1]
    #[arg(long, value_name = "N")]
    pub every: Option<u32>,
    /// With `--repeat weekly`: the days it falls on, e.g. mon,thu
    #[arg(long, value_name = "DAYS", value_delimiter = ',')]
    pub days: Vec<String>,
    /// With `--repeat monthly-day`: the day of the month, 1 to 31, or `last` (-1)
    #[arg(long, value_name = "DAY", allow_negative_numbers = true)]
    pub month_day: Option<String>,
    /// With `--repeat monthly-weekday`: which week of the month, 1 to 4, or `last` (-1)
    #[arg(long, value_name = "WEEK", allow_negative_numbers = true)]
    pub week: Option<String>,
    /// With `--repeat monthly-weekday`: the day of the week, e.g. tue
    #[arg(long, value_name = "DAY")]
    pub weekday: Option<String>,
    /// The last day it may happen on, YYYY-MM-DD ('' means it goes on)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Where it is ('' clears it)
    #[arg(long, value_name = "TEXT")]
    pub place: Option<String>,
    /// An online link, https://... ('' clears it)
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,
    /// Private notes, never in reminders or calendar files; `-` reads them from standard input,
    /// '' clears them
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<String>,
    /// A reminder this long before the start: minutes (30), or 30m, 2h, 1d; repeat the flag or
    /// separate with commas, up to 4. When editing, replaces them; `--remind none` removes them
    #[arg(long, value_name = "LEAD", value_delimiter = ',')]
    pub remind: Vec<String>,
}

/// How a meeting repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RepeatArg {
    /// Just once
    Once,
    /// Every day (or every N days with --every)
    Daily,
    /// Every week on --days (or every N weeks with --every)
    Weekly,
    /// Every month on --month-day
    MonthlyDay,
    /// Every month on the --week'th --weekday, e.g. the second Tuesday
    MonthlyWeekday,
}

/// Whether the person went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AttendArg {
    /// You went
    Attended,
    /// You didn't go
    Missed,
    /// Forget what you said
    Clear,
}

/// `waymark reminders ...`
#[derive(Debug, Subcommand)]
pub enum RemindersCommand {
    /// The reminders coming up, from now (nothing is marked as shown)
    Due {
        /// How many hours ahead to look
        #[arg(
            long,
            value_name = "N",
            default_value_t = 24,
            allow_negative_numbers = true
        )]
        hours: i64,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Show the reminder settings
    Settings {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Change the reminder settings: only the flags given change
    Set {
        /// Remind you to do the daily check-in at this time, HH:MM; `off` turns it off
        #[arg(long, value_name = "HH:MM")]
        checkin: Option<String>,
        /// A medication reminder at this time, HH:MM; repeat for more, up to 6. Replaces the
        /// times; `off` removes them
        #[arg(long, value_name = "HH:MM")]
        medication: Vec<String>,
        /// Your own words for the medication, shown only in detailed notifications; applies to
        /// every time given (or every current time), '' removes it
        #[arg(long, value_name = "TEXT")]
        medication_label: Option<String>,
        /// How much a notification says
        #[arg(long, value_enum)]
        style: Option<StyleArg>,
        /// Print the saved settings as JSON
        #[arg(long)]
        json: bool,
    },
}

/// How much a notification says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StyleArg {
    /// "Reminder at 19:30": the time only
    Neutral,
    /// "You have a reminder": not even the time
    Private,
    /// "Tuesday NA at 19:30": the title too, only while Waymark is unlocked
    Detailed,
}

/// `waymark ics ...`
#[derive(Debug, Subcommand)]
pub enum IcsCommand {
    /// Write your meetings to a calendar file (.ics) for other calendar apps. The file is NOT
    /// encrypted; meeting notes are left out
    Export {
        /// The file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
    },
    /// Add the meetings in a calendar file (.ics); ones already imported are not added again
    Import {
        /// The calendar file
        file: PathBuf,
        /// The time zone for times the file gives without one [default: this computer's]
        #[arg(long, value_name = "ZONE")]
        zone: Option<String>,
        /// Print what was imported and skipped as JSON
        #[arg(long)]
        json: bool,
    },
}
