//! `waymark ics ...`: calendar files in and out.

use waymark_core::journal::SystemClock;
use waymark_core::schedule::ics_file::{read_calendar_file, write_calendar_file};
use waymark_core::schedule::zone::{parse_zone, system_zone};
use waymark_core::store::Store;

use crate::cli::args::schedule::IcsCommand;
use crate::cli::error::CliError;
use crate::cli::handlers::files::{names_file, refuse_existing, with_directory, write_error};
use crate::cli::output::{self, schedule};

/// Runs `waymark ics ...`.
pub fn run(store: &Store, command: &IcsCommand) -> Result<(), CliError> {
    match command {
        IcsCommand::Export { out, force } => {
            let out = with_directory(out);
            refuse_existing(&out, *force)?;
            let text = store.export_ics(&SystemClock)?;
            write_calendar_file(&out, &text).map_err(|e| write_error("calendar file", e))?;
            let count = store.list_meetings()?.len();
            outln!(
                "Wrote {count} meeting{} to {}.",
                if count == 1 { "" } else { "s" },
                out.display()
            );
            errln!(
                "waymark: warning: the calendar file is not encrypted (meeting notes are left \
                 out); keep it private, and delete it once it has been imported."
            );
        }
        IcsCommand::Import { file, zone, json } => {
            let zone = match zone.as_deref().map(str::trim) {
                None | Some("") => system_zone(),
                Some(name) => parse_zone("timeZone", name)
                    .map_err(|v| CliError::invalid(v.message, "--zone"))?,
            };
            let text = read_calendar_file(file).map_err(names_file)?;
            let report = store
                .import_ics(&text, zone, &SystemClock)
                .map_err(names_file)?;
            if *json {
                output::json(&report);
            } else {
                schedule::import_report(&report);
            }
        }
    }
    Ok(())
}
