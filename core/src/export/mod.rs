//! Exports for the person and their counsellor: the summary (PDF), their data (CSV in a zip,
//! JSON), and importing a JSON export back into an empty vault. Every exported file is a plain,
//! unencrypted copy outside the vault; callers say so where the person chooses the file.

pub mod file;
pub mod pdf;
pub mod report;
mod run;

pub use file::{read_import_file, write_export_file, IMPORT_MAX_BYTES};
pub use report::{
    ExportFormat, ImportSummary, JournalExcerpt, KindCount, NoteKind, SharedNote, SummaryReport,
    SummaryRequest, SummarySection,
};
pub use run::{data_bytes, export_bytes};
