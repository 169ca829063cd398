//! Where Waymark keeps its files.

use std::path::PathBuf;

/// Environment variable that overrides the data directory (tests, portable installs).
pub const DATA_DIR_ENV: &str = "WAYMARK_DATA_DIR";

/// The data directory: `WAYMARK_DATA_DIR` if set, else `waymark` in the OS data directory
/// (`~/.local/share/waymark` on Linux). Returns `None` only when the OS reports no home.
pub fn data_dir() -> Option<PathBuf> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => dirs::data_dir().map(|d| d.join("waymark")),
    }
}
