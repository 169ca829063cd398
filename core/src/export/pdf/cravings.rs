//! The "Cravings and triggers" section: cravings per day (or per week on long ranges) shaded
//! by intensity, how they ended, top triggers beside HALT, and how long cravings lasted
//! beside when they came.

use chrono::{Datelike, NaiveDate, Weekday};

use super::charts::{self, BarRow, Column, ColumnChart};
use super::format;
use super::layout::{colour, size, Layout, Rgb, Style, CONTENT_WIDTH, LEADING, MARGIN};
use super::sections::{caption, day_labels, heading, say, spaced_labels};
use crate::export::{SummaryReport, SummarySection};
use crate::insights::model::{DayCravings, HeatCell};

/// Ranges longer than this are charted per week, so every bar stays readable.
const MAX_DAILY_BARS: usize = 62;
/// The gap between two side-by-side columns.
const GUTTER: f32 = 18.0;
/// Average intensity under 4, 4 to under 7, 7 or more.
const INTENSITY_SHADES: [Rgb; 3] = [
    Rgb(0xa9, 0xd4, 0xda),
    Rgb(0x4c, 0x97, 0xa3),
    Rgb(0x16, 0x4b, 0x54),
];

/// The whole section.
pub fn cravings(layout: &mut Layout, report: &SummaryReport) {
    let insights = &report.insights;
    let total = insights.totals.cravings;
    heading(
        layout,
        SummarySection::CravingsAndTriggers.heading(),
        // The summary sentence, the chart's caption, the chart and its legend.
        if total > 0 { 135.0 } else { 12.0 },
    );
    if total == 0 {
        say(layout, "No cravings logged in these days.");
        return;
    }
    say(
        layout,
        &format!(
            "{} logged, average intensity {} of 10. {}",
            format::count(total, "craving", "cravings"),
            format::average(insights.totals.average_intensity),
            outcome_sentence(report)
        ),
    );
    layout.gap(3.0);
    per_day_chart(layout, report);
    layout.gap(8.0);
    triggers_and_halt(layout, report);
    layout.gap(8.0);
    durations_and_times(layout, report);
}

fn outcome_sentence(report: &SummaryReport) -> String {
    let o = &report.insights.outcomes;
    let mut parts = vec![
        format!("passed without use {}", o.passed),
        format!("used {}", o.used),
    ];
    if o.ongoing > 0 {
        parts.push(format!("still going when logged {}", o.ongoing));
    }
    if o.unrecorded > 0 {
        parts.push(format!("not recorded {}", o.unrecorded));
    }
    format!("How they ended: {}.", parts.join(" · "))
}

fn shade(average: Option<f64>) -> Rgb {
    match average {
        None => colour::RULE,
        Some(a) if a < 4.0 => INTENSITY_SHADES[0],
        Some(a) if a < 7.0 => INTENSITY_SHADES[1],
        Some(_) => INTENSITY_SHADES[2],
    }
}

/// One bar of the weekly chart: the week's Monday (or the range's first day) and its days.
struct WeekBar {
    start: NaiveDate,
    count: u32,
    /// Sum of each day's average times its count, to shade by the week's average intensity.
    weighted: f64,
    weighed: u32,
}

/// Groups the days (every day of the range, in order) into Monday-to-Sunday weeks; the
/// first and last may be partial.
fn weeks(days: &[DayCravings]) -> Vec<WeekBar> {
    let mut out: Vec<WeekBar> = Vec::new();
    for day in days {
        let date = format::parse_day(&day.day);
        let starts_week = out.is_empty() || date.is_some_and(|d| d.weekday() == Weekday::Mon);
        if starts_week {
            out.push(WeekBar {
                start: date.unwrap_or_default(),
                count: 0,
                weighted: 0.0,
                weighed: 0,
            });
        }
        if let Some(week) = out.last_mut() {
            week.count += day.count;
            if let Some(avg) = day.average_intensity {
                week.weighted += avg * f64::from(day.count);
                week.weighed += day.count;
            }
        }
    }
    out
}

fn per_day_chart(layout: &mut Layout, report: &SummaryReport) {
    let days = &report.insights.cravings_per_day;
    let (chart, what) = if days.len() > MAX_DAILY_BARS {
        let weeks = weeks(days);
        let chart = ColumnChart {
            columns: weeks
                .iter()
                .map(|w| Column {
                    parts: vec![(
                        w.count,
                        shade((w.weighed > 0).then(|| w.weighted / f64::from(w.weighed))),
                    )],
                })
                .collect(),
            x_labels: spaced_labels(weeks.len(), 9, |i| {
                weeks
                    .get(i)
                    .map_or_else(String::new, |w| format::day_short(w.start))
            }),
            value_labels: false,
            plot_height: 62.0,
        };
        (
            chart,
            format!(
                "Cravings per week (Monday to Sunday; {} days is too many for one bar each). \
                 The shade shows the week's average intensity.",
                days.len()
            ),
        )
    } else {
        let chart = ColumnChart {
            columns: days
                .iter()
                .map(|d| Column {
                    parts: vec![(d.count, shade(d.average_intensity))],
                })
                .collect(),
            x_labels: day_labels(report, days.len()),
            value_labels: false,
            plot_height: 62.0,
        };
        (
            chart,
            "Cravings per day. The shade shows the day's average intensity.".to_string(),
        )
    };
    layout.ensure(size::SMALL * LEADING * 2.0 + chart.plot_height + 20.0);
    caption(layout, &what);
    charts::column_chart(layout, &chart);
    let baseline = layout.block(size::SMALL * LEADING) + size::SMALL;
    charts::legend(
        layout,
        MARGIN + 22.0,
        baseline,
        &[
            (INTENSITY_SHADES[0], "Average intensity under 4"),
            (INTENSITY_SHADES[1], "4 to under 7"),
            (INTENSITY_SHADES[2], "7 or more (of 10)"),
        ],
    );
}

/// Draws a sub-heading at (`x`, `top`) and returns its height.
fn subheading(layout: &mut Layout, x: f32, top: f32, width: f32, text: &str) -> f32 {
    layout.text_at(x, top + size::SUBHEADING, Style::SUBHEADING, text, width);
    size::SUBHEADING * 1.7
}

fn triggers_and_halt(layout: &mut Layout, report: &SummaryReport) {
    let insights = &report.insights;
    let half = (CONTENT_WIDTH - GUTTER) / 2.0;
    let right_x = MARGIN + half + GUTTER;
    let most = insights
        .top_triggers
        .iter()
        .map(|t| t.count)
        .max()
        .unwrap_or(0);
    let triggers: Vec<BarRow> = insights
        .top_triggers
        .iter()
        .map(|t| BarRow {
            label: t.name.clone(),
            value: t.count,
            of: most,
            figure: t.count.to_string(),
        })
        .collect();
    let halt = &insights.halt;
    let halt_rows: Vec<BarRow> = [
        ("Hungry", halt.hungry),
        ("Angry", halt.angry),
        ("Lonely", halt.lonely),
        ("Tired", halt.tired),
        ("None of these", halt.none),
    ]
    .into_iter()
    .map(|(label, n)| BarRow {
        label: label.to_string(),
        value: n,
        of: halt.total,
        figure: n.to_string(),
    })
    .collect();
    let halt_note = format!(
        "Out of {}; one craving can have several ticked.",
        format::count(halt.total, "craving", "cravings")
    );
    let sub = size::SUBHEADING * 1.7;
    let left_h = if triggers.is_empty() {
        size::BODY * LEADING
    } else {
        charts::ROW_HEIGHT * triggers.len() as f32
    };
    let right_h = charts::ROW_HEIGHT * halt_rows.len() as f32
        + 2.0
        + layout.paragraph_height(half, Style::SMALL, &halt_note);
    let top = layout.block(sub + left_h.max(right_h));

    subheading(layout, MARGIN, top, half, "Top triggers");
    if triggers.is_empty() {
        layout.lines_at(
            MARGIN,
            top + sub,
            half,
            Style::BODY,
            "No triggers were linked to these cravings.",
        );
    } else {
        charts::bar_rows(layout, &triggers, MARGIN, top + sub, half, 0.62);
    }
    subheading(
        layout,
        right_x,
        top,
        half,
        "HALT: hungry, angry, lonely, tired",
    );
    let used = charts::bar_rows(layout, &halt_rows, right_x, top + sub, half, 0.5);
    layout.lines_at(
        right_x,
        top + sub + used + 2.0,
        half,
        Style::SMALL,
        &halt_note,
    );
}

/// "Half of ... were over within N minutes", or why it cannot be said.
fn median_sentence(report: &SummaryReport) -> String {
    let d = &report.insights.durations;
    match d.median_minutes {
        Some(m) if d.recorded > 0 => format!(
            "Half of the cravings with a recorded length were over within {} minutes ({} had a length recorded).",
            format::minutes(m),
            d.recorded
        ),
        _ => "No craving lengths were recorded in these days.".to_string(),
    }
}

/// The three busiest weekday-hours, in words, e.g. "Fri 21:00 (4)".
fn busiest_sentence(cells: &[HeatCell]) -> String {
    let mut busy: Vec<&HeatCell> = cells.iter().filter(|c| c.count > 0).collect();
    busy.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.weekday.cmp(&b.weekday))
            .then(a.hour.cmp(&b.hour))
    });
    if busy.is_empty() {
        return "No times were recorded.".to_string();
    }
    let list: Vec<String> = busy
        .iter()
        .take(3)
        .map(|c| {
            format!(
                "{} {:02}:00–{:02}:00 ({})",
                format::weekday_long(c.weekday),
                c.hour,
                (c.hour + 1) % 24,
                c.count
            )
        })
        .collect();
    format!("Busiest hours: {}.", list.join(", "))
}

fn durations_and_times(layout: &mut Layout, report: &SummaryReport) {
    let insights = &report.insights;
    let half = (CONTENT_WIDTH - GUTTER) / 2.0;
    let right_x = MARGIN + half + GUTTER;
    let sub = size::SUBHEADING * 1.7;
    let recorded = insights.durations.recorded;
    let bands: Vec<BarRow> = if recorded > 0 {
        insights
            .durations
            .bands
            .iter()
            .map(|b| BarRow {
                label: b.label.clone(),
                value: b.count,
                of: recorded,
                figure: b.count.to_string(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let median = median_sentence(report);
    let left_h = charts::ROW_HEIGHT * bands.len() as f32
        + 2.0
        + layout.paragraph_height(half, Style::BODY, &median);

    let mut counts = [[0u32; 24]; 7];
    for cell in &insights.heatmap {
        if let Some(slot) = counts
            .get_mut(usize::from(cell.weekday))
            .and_then(|row| row.get_mut(usize::from(cell.hour)))
        {
            *slot = cell.count;
        }
    }
    let busiest = busiest_sentence(&insights.heatmap);
    let strip_h = 8.0 * 7.0 + size::SMALL + 3.0;
    let right_h = strip_h + 3.0 + layout.paragraph_height(half, Style::SMALL, &busiest);
    let top = layout.block(sub + left_h.max(right_h));

    subheading(layout, MARGIN, top, half, "How long cravings lasted");
    let used = charts::bar_rows(layout, &bands, MARGIN, top + sub, half, 0.5);
    layout.lines_at(MARGIN, top + sub + used + 2.0, half, Style::BODY, &median);

    subheading(
        layout,
        right_x,
        top,
        half,
        "When they came (weekday by hour)",
    );
    let used = charts::heat_strip(layout, &counts, right_x, top + sub, half);
    layout.lines_at(
        right_x,
        top + sub + used + 3.0,
        half,
        Style::SMALL,
        &busiest,
    );
}
