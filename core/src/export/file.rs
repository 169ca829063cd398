//! Reading and writing the export files the person chose, outside the vault.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result, ValidationError};
use crate::vault::atomic::write_atomically;

/// The largest JSON export accepted for import: ten years of heavy use is about 23 MB, and parsing takes several times the size in memory.
pub const IMPORT_MAX_BYTES: usize = 128 * 1024 * 1024;

fn file_error(message: &str) -> Error {
    Error::Invalid(ValidationError::new("file", message))
}

/// Writes `bytes` to `path` atomically, replacing any file there, readable by the person only
/// (0600 on Unix). The file is NOT encrypted; the caller says so where the person chooses it.
pub fn write_export_file(path: &Path, bytes: &[u8]) -> Result<()> {
    Ok(write_atomically(path, bytes)?)
}

/// Reads a file to import, refusing one larger than [`IMPORT_MAX_BYTES`] before reading it all.
pub fn read_import_file(path: &Path) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|_| {
        file_error("That file could not be opened; check it exists and is readable.")
    })?;
    let mut bytes = Vec::new();
    file.take(IMPORT_MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| file_error("That file could not be read."))?;
    if bytes.len() > IMPORT_MAX_BYTES {
        return Err(file_error(
            "That file is larger than 128 MB, too large to be a Waymark export.",
        ));
    }
    Ok(bytes)
}
