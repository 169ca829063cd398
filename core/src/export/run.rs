//! One entry point for every export format, shared by the window and the command line.

use super::pdf::render_summary_pdf;
use super::report::{ExportFormat, SummaryRequest};
use crate::error::{Error, Result};
use crate::insights::ValidRange;
use crate::journal::Clock;
use crate::store::Store;

/// The bytes of the file for `request` in `format`: the counsellor summary as PDF, or the data
/// of the request's range as a CSV zip or JSON (sections and notes apply to the PDF only; the
/// person's own data files hold everything in the range).
pub fn export_bytes(
    store: &Store,
    request: &SummaryRequest,
    format: ExportFormat,
    clock: &dyn Clock,
) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Pdf => render_summary_pdf(&store.summary_report(request, clock)?),
        ExportFormat::Csv | ExportFormat::Json => {
            let range = ValidRange::parse(&request.range).map_err(Error::from)?;
            data_bytes(store, Some(range), format, clock)
        }
    }
}

/// The person's data in `range` (`None`: everything) as a CSV zip or JSON; `Pdf` is refused,
/// since a summary needs its sections.
pub fn data_bytes(
    store: &Store,
    range: Option<ValidRange>,
    format: ExportFormat,
    clock: &dyn Clock,
) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Csv => store.export_csv_zip(range, clock),
        ExportFormat::Json => store.export_json(range, clock),
        ExportFormat::Pdf => Err(Error::Internal("a summary needs its sections")),
    }
}
