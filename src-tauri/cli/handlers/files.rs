//! Files the person names on the command line: the place to write an export, and its errors.

use std::path::{Path, PathBuf};

use waymark_core::Error;

use crate::cli::error::{exit, CliError};

/// `out` with its directory spelt out: a bare file name has an empty parent, which the
/// atomic write cannot sync.
pub fn with_directory(out: &Path) -> PathBuf {
    match out.parent() {
        Some(parent) if parent.as_os_str().is_empty() => Path::new(".").join(out),
        _ => out.to_path_buf(),
    }
}

/// Refuses to overwrite an existing file (or link) unless `--force` was given.
pub fn refuse_existing(out: &Path, force: bool) -> Result<(), CliError> {
    // `symlink_metadata`, so a dangling link counts as there too.
    if !force && out.symlink_metadata().is_ok() {
        return Err(CliError::invalid(
            "That file already exists; choose another name, or add --force to replace it. \
             Nothing was written",
            "--out",
        ));
    }
    Ok(())
}

/// Failing to write an export names the file (`what`) rather than the journal.
pub fn write_error(what: &str, e: Error) -> CliError {
    match e {
        Error::Io(kind) => CliError {
            message: format!("could not write the {what} ({kind}); nothing was written"),
            code: exit::FAILURE,
        },
        Error::Invalid(v) => CliError::invalid(v.message, "--out"),
        other => other.into(),
    }
}

/// A core error about a file being imported: what is wrong with it names FILE.
pub fn names_file(e: Error) -> CliError {
    match e {
        Error::Invalid(v) => CliError::invalid(v.message, "FILE"),
        other => other.into(),
    }
}
