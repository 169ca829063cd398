//! The counsellor summary as a PDF, drawn with krilla: A4, 2 cm margins, the bundled DejaVu
//! Sans, vector charts, the range and the day it was made at the top of every page and
//! "Page N of M" at the bottom. No app name appears anywhere in the file (discretion).
//!
//! The pages are laid out first into drawing operations ([`layout`]), section by section
//! ([`overview`], [`cravings`], [`sections`], [`texts`]), then written out ([`write`]) once the page count is
//! known. Every printed number is taken from the [`SummaryReport`] as it is.

mod charts;
mod cravings;
mod fonts;
mod format;
mod layout;
mod overview;
mod sections;
mod texts;
mod write;

#[cfg(test)]
mod tests;

use crate::error::Result;
use crate::export::{SummaryReport, SummarySection};

use self::fonts::Fonts;
use self::layout::{colour, size, Layout, Style, CONTENT_WIDTH, MARGIN};

/// Renders the summary as PDF bytes: only the sections in `report.sections`, in that order,
/// then the notes the person chose to share, if any.
pub fn render_summary_pdf(report: &SummaryReport) -> Result<Vec<u8>> {
    let fonts = Fonts::load()?;
    let mut layout = Layout::new(&fonts);
    title_block(&mut layout, report);
    for section in &report.sections {
        match section {
            SummarySection::Overview => overview::overview(&mut layout, report),
            SummarySection::CravingsAndTriggers => cravings::cravings(&mut layout, report),
            SummarySection::Mood => sections::mood(&mut layout, report),
            SummarySection::CheckinsAndMedication => sections::checkins(&mut layout, report),
            SummarySection::Meetings => sections::meetings(&mut layout, report),
            SummarySection::Lapses => sections::lapses(&mut layout, report),
            SummarySection::Coping => sections::coping(&mut layout, report),
            SummarySection::Plan => texts::plan(&mut layout, report),
            SummarySection::JournalExcerpts => texts::journal(&mut layout, report),
        }
    }
    if !report.notes.is_empty() {
        texts::notes(&mut layout, report);
    }
    write::pdf(&fonts, &layout.pages, report)
}

/// The first page's title and what the document is.
fn title_block(layout: &mut Layout, report: &SummaryReport) {
    let top = layout.block(size::TITLE * 1.3);
    layout.text_at(
        MARGIN,
        top + size::TITLE,
        Style {
            size: size::TITLE,
            weight: fonts::Weight::Bold,
            colour: colour::TEXT,
        },
        "Summary for a support session",
        CONTENT_WIDTH,
    );
    let days = report.insights.totals.days;
    let intro = format!(
        "{} to {} ({}). Made from the person's own entries, which they chose to share. \
         It records what they logged; it is not a clinical assessment or medical advice.",
        format::day(&report.range.from),
        format::day(&report.range.to),
        format::count(days, "day", "days"),
    );
    layout.gap(2.0);
    layout.paragraph(MARGIN, CONTENT_WIDTH, Style::SMALL, &intro);
}
