//! What `waymark export` and `waymark import` print.

use std::path::Path;

use waymark_core::export::ImportSummary;
use waymark_core::insights::ValidRange;

use crate::cli::args::export::FormatArg;

/// Says what was written where, and warns that the file is not encrypted.
pub fn written(format: FormatArg, range: Option<ValidRange>, out: &Path, bytes: usize) {
    let days = match range {
        Some(r) => format!("{} to {}", r.from, r.to),
        None => "everything".to_string(),
    };
    outln!(
        "Wrote your {} ({days}, {} KB) to {}.",
        format.noun(),
        bytes.div_ceil(1024),
        out.display()
    );
    errln!(
        "waymark: warning: this file is not encrypted; anyone who can open it can read it. Keep \
         it private, and delete it when you no longer need it."
    );
}

/// Lists what an import added.
pub fn imported(summary: &ImportSummary) {
    let total: u32 = summary.counts.iter().map(|c| c.count).sum();
    outln!(
        "Imported {total} records (export schema version {}):",
        summary.schema_version
    );
    for count in summary.counts.iter().filter(|c| c.count > 0) {
        outln!("  {:<28} {}", count.label, count.count);
    }
}
