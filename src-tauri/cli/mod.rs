//! The headless command line: the same core as the window, for scripts, export and tests.

mod args;
mod credentials;
mod output;

use std::process::ExitCode;

use clap::Parser;
use waymark_core::journal::{NewCraving, SystemClock};
use waymark_core::vault::Vault;
use waymark_core::{Error, ErrorCode};

use args::{Cli, Command, CravingCommand, PassphraseCommand};

/// Process exit codes, documented in `--help` and the README.
pub mod exit {
    /// Something failed that is not covered below (storage, internal).
    pub const FAILURE: u8 = 1;
    /// The command line was wrong, or no passphrase could be read.
    pub const USAGE: u8 = 2;
    /// The passphrase or recovery key was wrong.
    pub const WRONG_SECRET: u8 = 3;
    /// There is no journal in the data directory (or `init` found one already).
    pub const NO_VAULT: u8 = 4;
    /// Input was invalid; nothing was written.
    pub const INVALID_INPUT: u8 = 5;
    /// The journal is damaged or from a newer version.
    pub const DAMAGED: u8 = 6;
}

/// A CLI failure: a message for stderr and an exit code.
#[derive(Debug)]
pub struct CliError {
    message: String,
    code: u8,
}

impl CliError {
    fn usage(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: exit::USAGE,
        }
    }
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        let code = match e.code() {
            ErrorCode::WrongSecret => exit::WRONG_SECRET,
            ErrorCode::NoVault | ErrorCode::VaultExists => exit::NO_VAULT,
            ErrorCode::InvalidInput => exit::INVALID_INPUT,
            ErrorCode::Damaged | ErrorCode::NewerSchema => exit::DAMAGED,
            ErrorCode::Locked | ErrorCode::Storage | ErrorCode::Internal => exit::FAILURE,
        };
        let message = match e.field() {
            Some(field) => format!("{} ({})", e, args::flag_for_field(field)),
            None => e.to_string(),
        };
        Self { message, code }
    }
}

/// The text of `--note`: as given, or read from standard input when it is `-` (which keeps
/// journal text out of the process's arguments and the shell's history).
fn read_note(note: Option<&str>) -> Result<Option<String>, CliError> {
    match note {
        Some("-") => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|_| {
                CliError::usage("could not read the note from standard input (is it UTF-8 text?)")
            })?;
            Ok(Some(text))
        }
        other => Ok(other.map(str::to_string)),
    }
}

/// Parses the process arguments and runs the command.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { exit::USAGE } else { 0 });
        }
    };
    match execute(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("waymark: {}", e.message);
            ExitCode::from(e.code)
        }
    }
}

fn execute(cli: Cli) -> Result<(), CliError> {
    // WAYMARK_DATA_DIR is read by core, as for the window (an empty value means the default).
    let data_dir = cli
        .data_dir
        .clone()
        .or_else(waymark_core::paths::data_dir)
        .ok_or_else(|| {
            CliError::usage("could not find a data directory; set WAYMARK_DATA_DIR or --data-dir")
        })?;
    let vault = Vault::at(data_dir);
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
        Command::Craving { command } => {
            let store = vault.unlock(&credentials::unlock_credential(&cli.secrets, &vault)?)?;
            match command {
                CravingCommand::Add {
                    intensity,
                    at,
                    note,
                    json,
                } => {
                    let note = read_note(note.as_deref())?;
                    let input = NewCraving {
                        intensity: *intensity,
                        occurred_at: at.clone(),
                        note,
                    };
                    let craving = store.add_craving(&input, &SystemClock)?;
                    output::craving_added(&craving, *json);
                }
                CravingCommand::List { limit, json } => {
                    output::cravings(&store.list_cravings(limit.unwrap_or(u32::MAX))?, *json);
                }
            }
        }
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
            println!("Passphrase changed. Your recovery key still works.");
        }
    }
    Ok(())
}
