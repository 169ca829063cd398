//! `waymark ics ...`: calendar files in and out.

use std::path::{Path, PathBuf};

use waymark_core::journal::SystemClock;
use waymark_core::schedule::ics_file::{read_calendar_file, write_calendar_file};
use waymark_core::schedule::zone::{parse_zone, system_zone};
use waymark_core::store::Store;
use waymark_core::Error;

use crate::cli::args::schedule::IcsCommand;
use crate::cli::error::{exit, CliError};
use crate::cli::output::{self, schedule};

/// Runs `waymark ics ...`.
pub fn run(store: &Store, command: &IcsCommand) -> Result<(), CliError> {
    match command {
        IcsCommand::Export { out, force } => {
            let out = with_directory(out);
            // `symlink_metadata`, so a dangling link counts as there too.
            if !force && out.symlink_metadata().is_ok() {
                return Err(CliError::invalid(
                    "That file already exists; choose another name, or add --force to replace \
                     it. Nothing was written",
                    "--out",
                ));
            }
            let text = store.export_ics(&SystemClock)?;
            write_calendar_file(&out, &text).map_err(write_error)?;
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

/// `out` with its directory spelt out: a bare file name has an empty parent, which the
/// atomic write cannot sync.
fn with_directory(out: &Path) -> PathBuf {
    match out.parent() {
        Some(parent) if parent.as_os_str().is_empty() => Path::new(".").join(out),
        _ => out.to_path_buf(),
    }
}

/// A core error about the calendar file being imported: what is wrong with it names FILE.
fn names_file(e: Error) -> CliError {
    match e {
        Error::Invalid(v) => CliError::invalid(v.message, "FILE"),
        other => other.into(),
    }
}

/// Failing to write the export names the calendar file rather than the journal.
fn write_error(e: Error) -> CliError {
    match e {
        Error::Io(kind) => CliError {
            message: format!("could not write the calendar file ({kind}); nothing was written"),
            code: exit::FAILURE,
        },
        Error::Invalid(v) => CliError::invalid(v.message, "--out"),
        other => other.into(),
    }
}
