//! The generated TypeScript bindings (`ui/src/lib/api.ts`) and the check that keeps them current.

use std::path::{Path, PathBuf};

/// Where the generated bindings live, relative to the repository root.
pub const BINDINGS_PATH: &str = "ui/src/lib/api.ts";

const HEADER: &str = "// Generated from the Rust commands by tauri-specta. Do not edit by hand:\n\
// run `scripts/gen-bindings.sh` after changing a command or a type it uses.\n";

/// Writes the bindings to `path`.
pub fn export(path: &Path) -> Result<(), String> {
    crate::specta_builder()
        .export(
            specta_typescript::Typescript::default().header(HEADER),
            path,
        )
        .map_err(|e| e.to_string())
}

/// The bindings file in this checkout.
pub fn default_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_PATH)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails when a command or type changed without regenerating the bindings.
    /// `WAYMARK_UPDATE_BINDINGS=1` rewrites the file instead.
    #[test]
    fn generated_bindings_are_current() {
        let committed = default_path();
        if std::env::var_os("WAYMARK_UPDATE_BINDINGS").is_some() {
            export(&committed).unwrap();
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("api.ts");
        export(&fresh).unwrap();
        let expected = std::fs::read_to_string(&fresh).unwrap();
        let actual = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            expected == actual,
            "{} is stale: run scripts/gen-bindings.sh and commit the result",
            committed.display()
        );
    }
}
