//! Test helpers that hold built-in content to the house rules about the source material: every
//! citation names a real section, and no wording is lifted from it.

use std::collections::HashSet;
use std::path::Path;

/// The source material, by file name without `.txt`.
pub(crate) const MATERIAL_FILES: [&str; 5] = [
    "000_18acf374f41b10ea",
    "001_b6fc0e1bef8e43c4",
    "002_024c7603ecd27f0a",
    "003_ab21128b98149931",
    "004_ecfa46343aab9bc8",
];

/// Where the material sits beside the project.
pub(crate) const MATERIAL_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/material");

/// Runs of this many words shared with the material count as copying.
const COPY_RUN: usize = 8;

/// The material's text by file name, or `None` when it is not checked out beside the project.
pub(crate) fn material() -> Option<Vec<(&'static str, String)>> {
    let dir = Path::new(MATERIAL_DIR);
    if !dir.is_dir() {
        eprintln!("skipped: {} is not here", dir.display());
        return None;
    }
    Some(
        MATERIAL_FILES
            .iter()
            .map(|&file| {
                let path = dir.join(format!("{file}.txt"));
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                (file, text)
            })
            .collect(),
    )
}

/// Lower-cased words with all punctuation treated as a break.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// Panics unless `source` is "<file>: <heading>" citations, separated by "; ", of material files
/// and (when the material is here) headings that stand on their own line in them.
pub(crate) fn assert_cites_material(what: &str, source: &str) {
    let material = material();
    for citation in source.split("; ") {
        let (file, heading) = citation
            .split_once(": ")
            .unwrap_or_else(|| panic!("{what}: {citation:?} is not \"<file>: <heading>\""));
        assert!(
            MATERIAL_FILES.contains(&file),
            "{what}: {file:?} is not a material file"
        );
        if let Some(material) = &material {
            let (_, text) = material.iter().find(|(name, _)| *name == file).unwrap();
            assert!(
                text.lines().any(|line| line.trim() == heading),
                "{what}: no section headed {heading:?} in {file}"
            );
        }
    }
}

/// Panics when any of `texts` shares a run of [`COPY_RUN`] words with the material.
pub(crate) fn assert_not_copied<'a>(texts: impl IntoIterator<Item = &'a str>) {
    let Some(material) = material() else {
        return;
    };
    let mut runs = HashSet::new();
    for (_, text) in &material {
        for window in words(text).windows(COPY_RUN) {
            runs.insert(window.to_vec());
        }
    }
    for text in texts {
        if let Some(window) = words(text).windows(COPY_RUN).find(|w| runs.contains(*w)) {
            panic!("{text:?} copies {:?} from the material", window.join(" "));
        }
    }
}
