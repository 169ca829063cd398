//! The headless command line: the same core as the window, for scripts, export and tests.

#[macro_use]
mod macros;

mod args;
mod convert;
mod credentials;
mod error;
mod handlers;
mod input;
mod output;
mod usage;

use std::process::ExitCode;

use clap::Parser;
use waymark_core::vault::Vault;
use waymark_core::Error;

use args::{Cli, Command, HelplinesArgs, MoodCommand, PassphraseCommand, ReviewCommand};
pub use error::{exit, CliError};

/// Parses the process arguments and runs the command.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            errln!("{}", usage::message(&e).trim_end());
            return ExitCode::from(exit::USAGE);
        }
    };
    match execute(cli) {
        Ok(()) if macros::stdout_failed() => {
            errln!("waymark: could not write all of the output (is the disk full?)");
            ExitCode::from(exit::FAILURE)
        }
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            errln!("waymark: {}", e.message);
            ExitCode::from(e.code)
        }
    }
}

fn execute(cli: Cli) -> Result<(), CliError> {
    // Reference lists need no journal.
    match &cli.command {
        Command::Mood {
            command: MoodCommand::Feelings { json },
        } => {
            handlers::moods::feelings(*json);
            return Ok(());
        }
        Command::Review {
            command: ReviewCommand::Questions { json },
        } => {
            handlers::reviews::questions(*json);
            return Ok(());
        }
        _ => {}
    }
    // WAYMARK_DATA_DIR is read by core, as for the window (an empty value means the default).
    let data_dir = cli
        .data_dir
        .clone()
        .or_else(waymark_core::paths::data_dir)
        .ok_or_else(|| {
            CliError::usage("could not find a data directory; set WAYMARK_DATA_DIR or --data-dir")
        })?;
    let vault = Vault::at(data_dir);
    let unlock = || -> Result<_, CliError> {
        Ok(vault.unlock(&credentials::unlock_credential(&cli.secrets, &vault)?)?)
    };
    // The built-in helplines are public: with no journal here, `--region` needs no unlocking.
    if let Command::Helplines(HelplinesArgs {
        region: Some(region),
        json,
    }) = &cli.command
    {
        if !vault.exists() {
            handlers::toolkit::public_helplines(region.key(), *json);
            return Ok(());
        }
    }
    match &cli.command {
        Command::Init => {
            if vault.exists() {
                return Err(Error::VaultExists.into());
            }
            let passphrase = credentials::new_passphrase(
                "WAYMARK_PASSPHRASE",
                cli.secrets.passphrase_file.as_deref(),
            )?;
            let (_store, recovery) = vault.create(&passphrase)?;
            output::recovery_key(&recovery.display(), vault.dir());
        }
        Command::Craving { command } => handlers::cravings::run(&unlock()?, command)?,
        Command::Trigger { command } => handlers::triggers::run(&unlock()?, command)?,
        Command::Mood { command } => handlers::moods::run(&unlock()?, command)?,
        Command::Journal { command } => handlers::journal::run(&unlock()?, command)?,
        Command::Checkin { command } => handlers::checkins::run(&unlock()?, command)?,
        Command::Review { command } => handlers::reviews::run(&unlock()?, command)?,
        Command::Lapse { command } => handlers::lapses::run(&unlock()?, command)?,
        Command::Strategy { command } => handlers::toolkit::strategies(&unlock()?, command)?,
        Command::Contact { command } => handlers::toolkit::contacts(&unlock()?, command)?,
        Command::Helplines(args) => handlers::toolkit::helplines(&unlock()?, args)?,
        Command::Plan { command } => handlers::toolkit::plan(&unlock()?, command)?,
        Command::Meeting { command } => handlers::schedule::meetings::run(&unlock()?, command)?,
        Command::Reminders { command } => handlers::schedule::reminders::run(&unlock()?, command)?,
        Command::Ics { command } => handlers::schedule::calendar::run(&unlock()?, command)?,
        Command::Export(args) => handlers::export::export(&unlock()?, args)?,
        Command::Import(args) => handlers::export::import(&unlock()?, args)?,
        Command::Backup { command } => handlers::backup::run(&vault, command, unlock, || {
            credentials::any_credential(&cli.secrets)
        })?,
        Command::Search(search) => handlers::views::search(&unlock()?, search)?,
        Command::Timeline(timeline) => handlers::views::timeline(&unlock()?, timeline)?,
        Command::Recovery { command } => handlers::views::recovery(&unlock()?, command)?,
        Command::Profile { command } => handlers::views::profile(&unlock()?, command)?,
        Command::Passphrase {
            command: PassphraseCommand::Change {
                new_passphrase_file,
            },
        } => {
            let current = credentials::unlock_credential(&cli.secrets, &vault)?;
            let new = credentials::new_passphrase(
                "WAYMARK_NEW_PASSPHRASE",
                new_passphrase_file.as_deref(),
            )?;
            vault.change_passphrase(&current, &new)?;
            outln!("Passphrase changed. Your recovery key still works.");
        }
    }
    Ok(())
}
