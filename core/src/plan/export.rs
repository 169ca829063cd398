//! Writing the plan's Markdown to a file the person chose.

use std::path::Path;

use crate::error::Result;
use crate::vault::atomic::write_atomically;

/// Writes `markdown` to `path`, replacing any file there, readable by the person only (0600 on
/// Unix). The file is NOT encrypted: it is a plain copy outside the vault, for printing or
/// sharing, and the caller says so where the person chooses it.
pub fn write_plan_markdown(path: &Path, markdown: &str) -> Result<()> {
    Ok(write_atomically(path, markdown.as_bytes())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_holds_the_markdown_and_replaces_an_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("relapse-prevention-plan.md");
        std::fs::write(&path, "old").unwrap();
        write_plan_markdown(&path, "# My plan\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "# My plan\n");
        let missing = dir.path().join("no such dir").join("plan.md");
        assert!(write_plan_markdown(&missing, "x").is_err());
    }
}
