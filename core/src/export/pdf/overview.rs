//! The "Overview" section: a grid of the range's key figures, each taken from the report as
//! it is.

use super::fonts::Weight;
use super::format;
use super::layout::{colour, size, Layout, Op, Style, CONTENT_WIDTH, MARGIN};
use super::sections::heading;
use crate::export::{SummaryReport, SummarySection};

/// One key figure in the overview grid.
struct Figure {
    label: &'static str,
    value: String,
    suffix: String,
    note: String,
}

const TILE_HEIGHT: f32 = 50.0;
const TILE_COLUMNS: usize = 4;

/// A grid of the range's key figures.
pub fn overview(layout: &mut Layout, report: &SummaryReport) {
    let figures = overview_figures(report);
    let rows = figures.len().div_ceil(TILE_COLUMNS);
    // The whole grid stays with its heading.
    heading(
        layout,
        SummarySection::Overview.heading(),
        rows as f32 * (TILE_HEIGHT + 6.0),
    );
    let gutter = 6.0;
    let tile_w = (CONTENT_WIDTH - gutter * (TILE_COLUMNS as f32 - 1.0)) / TILE_COLUMNS as f32;
    let top = layout.block(rows as f32 * (TILE_HEIGHT + gutter));
    for (i, figure) in figures.iter().enumerate() {
        let x = MARGIN + (i % TILE_COLUMNS) as f32 * (tile_w + gutter);
        let y = top + (i / TILE_COLUMNS) as f32 * (TILE_HEIGHT + gutter);
        tile(layout, figure, x, y, tile_w);
    }
}

fn tile(layout: &mut Layout, figure: &Figure, x: f32, y: f32, w: f32) {
    layout.push(Op::Rect {
        x,
        y,
        w,
        h: TILE_HEIGHT,
        colour: colour::PANEL,
    });
    let inner = w - 12.0;
    let x = x + 6.0;
    layout.text_at(x, y + 11.0, Style::SMALL, figure.label, inner);
    let big = Style {
        size: size::FIGURE,
        weight: Weight::Bold,
        colour: colour::TEXT,
    };
    let value = layout.printable(&figure.value, Weight::Bold);
    let value_w = layout.width(&value, size::FIGURE, Weight::Bold);
    let baseline = y + 29.0;
    layout.text_at(x, baseline, big, &figure.value, inner);
    if !figure.suffix.is_empty() {
        let suffix = Style {
            size: size::BODY,
            ..Style::BODY
        };
        layout.text_at(
            x + value_w + 3.0,
            baseline,
            suffix,
            &figure.suffix,
            inner - value_w - 3.0,
        );
    }
    let printable = layout.printable(&figure.note, Weight::Regular);
    let lines = layout.wrap(&printable, size::SMALL, Weight::Regular, inner);
    for (i, line) in lines.iter().take(2).enumerate() {
        let baseline = y + 39.0 + i as f32 * size::SMALL * 1.2;
        layout.text_at(x, baseline, Style::SMALL, line, inner);
    }
}

fn overview_figures(report: &SummaryReport) -> Vec<Figure> {
    let recovery = &report.recovery;
    let totals = &report.insights.totals;
    let outcomes = &report.insights.outcomes;
    let checkins = &report.insights.checkins;
    let mut figures = Vec::with_capacity(8);
    figures.push(match &recovery.start_date {
        Some(_) => Figure {
            label: "Days in recovery",
            value: recovery.current_days.to_string(),
            suffix: String::new(),
            note: recovery
                .next_milestone
                .as_ref()
                .map_or_else(String::new, |m| {
                    format!("Next milestone: {} on {}", m.label, format::day(&m.date))
                }),
        },
        None => Figure {
            label: "Days in recovery",
            value: "–".into(),
            suffix: String::new(),
            note: "No start date set".into(),
        },
    });
    figures.push(Figure {
        label: "Cravings logged",
        value: totals.cravings.to_string(),
        suffix: String::new(),
        note: format!("over {}", format::count(totals.days, "day", "days")),
    });
    figures.push(Figure {
        label: "Average intensity",
        value: format::average(totals.average_intensity),
        suffix: if totals.average_intensity.is_some() {
            "of 10".into()
        } else {
            String::new()
        },
        note: "of the cravings logged".into(),
    });
    figures.push(Figure {
        label: "Passed without use",
        value: outcomes.passed.to_string(),
        suffix: format!("of {}", totals.cravings),
        note: format::percent(outcomes.passed, totals.cravings)
            .map_or_else(String::new, |p| format!("{p} of the cravings logged")),
    });
    figures.push(Figure {
        label: "Average mood",
        value: format::average(totals.average_mood),
        suffix: if totals.average_mood.is_some() {
            "of 10".into()
        } else {
            String::new()
        },
        note: if totals.average_mood.is_some() {
            "over every mood check-in".into()
        } else {
            "No mood check-ins".into()
        },
    });
    figures.push(Figure {
        label: "Daily check-ins",
        value: checkins.done.to_string(),
        suffix: format!("of {} days", checkins.days),
        note: String::new(),
    });
    let marked = totals.meetings_attended + totals.meetings_missed;
    figures.push(Figure {
        label: "Meetings attended",
        value: totals.meetings_attended.to_string(),
        suffix: format!("of {marked}"),
        note: format!("{} marked missed", totals.meetings_missed),
    });
    // The lapse count is shown only when the person chose to share the lapses section.
    if report.sections.contains(&SummarySection::Lapses) {
        let lapses = u32::try_from(report.insights.lapses.len()).unwrap_or(u32::MAX);
        figures.push(Figure {
            label: "Lapses",
            value: lapses.to_string(),
            suffix: String::new(),
            note: "in these days".into(),
        });
    }
    figures
}
