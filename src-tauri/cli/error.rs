//! How the CLI fails: a message for stderr and a documented exit code.

use waymark_core::{Error, ErrorCode};

use super::args::fields::{flag_for, Context};

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
    /// The entry (or trigger) asked for does not exist, or was deleted.
    pub const NOT_FOUND: u8 = 7;
    /// Too many wrong passphrases in a row: wait the seconds given (the recovery key never waits).
    pub const TRY_AGAIN_LATER: u8 = 8;
}

/// A CLI failure: a message for stderr and an exit code. Messages never quote journal text.
#[derive(Debug)]
pub struct CliError {
    pub(super) message: String,
    pub(super) code: u8,
}

impl CliError {
    /// A usage error (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: exit::USAGE,
        }
    }

    /// Invalid input (exit 5), naming the flag at fault.
    pub fn invalid(message: impl Into<String>, flag: &str) -> Self {
        Self {
            message: format!("{} ({flag})", message.into()),
            code: exit::INVALID_INPUT,
        }
    }

    /// A core error, with validation errors naming the flag that sets the field in `context`.
    pub fn from_core(e: Error, context: Context) -> Self {
        let code = match e.code() {
            ErrorCode::WrongSecret => exit::WRONG_SECRET,
            ErrorCode::NoVault | ErrorCode::VaultExists => exit::NO_VAULT,
            ErrorCode::InvalidInput => exit::INVALID_INPUT,
            ErrorCode::NotFound => exit::NOT_FOUND,
            ErrorCode::TryAgainLater => exit::TRY_AGAIN_LATER,
            ErrorCode::Damaged | ErrorCode::NewerSchema => exit::DAMAGED,
            ErrorCode::Locked | ErrorCode::Storage | ErrorCode::Internal => exit::FAILURE,
        };
        let message = match e.field() {
            Some(field) => format!("{} ({})", e, flag_for(context, field)),
            None => e.to_string(),
        };
        Self { message, code }
    }
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        Self::from_core(e, Context::General)
    }
}

/// Attaches the command's context to core errors, so a field maps to the right flag.
pub trait InContext<T> {
    /// Converts a core result, naming flags as `context`'s command spells them.
    fn within(self, context: Context) -> Result<T, CliError>;
}

impl<T> InContext<T> for Result<T, Error> {
    fn within(self, context: Context) -> Result<T, CliError> {
        self.map_err(|e| CliError::from_core(e, context))
    }
}
