//! The sections of figures other than the overview and cravings (mood, check-ins, meetings,
//! lapses, coping), one function each, and the helpers every section shares.

use chrono::Duration;

use super::charts::{self, BarRow, Column, ColumnChart, LineChart, Series};
use super::fonts::Weight;
use super::format;
use super::layout::{
    colour, mix, size, Layout, Op, Rgb, Style, BODY_TOP, CONTENT_WIDTH, LEADING, MARGIN,
};
use crate::export::{SummaryReport, SummarySection};

/// The height of a section heading with its rule.
const HEADING_HEIGHT: f32 = size::HEADING * 1.9;

/// Starts a section: some air, the heading and a hairline, kept on the same page as the first
/// `keep` points of what follows.
pub fn heading(layout: &mut Layout, text: &str, keep: f32) {
    if layout.y > BODY_TOP {
        layout.gap(10.0);
    }
    layout.ensure(HEADING_HEIGHT + keep);
    let top = layout.block(HEADING_HEIGHT);
    let style = Style {
        size: size::HEADING,
        weight: Weight::Bold,
        colour: colour::ACCENT,
    };
    layout.text_at(MARGIN, top + size::HEADING, style, text, CONTENT_WIDTH);
    let rule_y = top + size::HEADING + 5.0;
    layout.push(Op::Line {
        points: vec![(MARGIN, rule_y), (MARGIN + CONTENT_WIDTH, rule_y)],
        width: 0.6,
        colour: colour::RULE,
    });
}

/// A full-width paragraph of body text.
pub fn say(layout: &mut Layout, text: &str) {
    layout.paragraph(MARGIN, CONTENT_WIDTH, Style::BODY, text);
}

/// A full-width caption.
pub fn caption(layout: &mut Layout, text: &str) {
    layout.paragraph(MARGIN, CONTENT_WIDTH, Style::SMALL, text);
}

/// Every `step`-th position labelled with `label(i)`, so labels never crowd.
pub fn spaced_labels(
    count: usize,
    max_labels: usize,
    label: impl Fn(usize) -> String,
) -> Vec<(usize, String)> {
    let step = if count <= max_labels {
        1
    } else {
        count.div_ceil(max_labels)
    };
    (0..count)
        .step_by(step.max(1))
        .map(|i| (i, label(i)))
        .collect()
}

/// Labels for a chart with one position per day of the range: every day for a week, else
/// every 7th day from the first (so a month shows 1, 8, 15, 22, 29).
pub fn day_labels(report: &SummaryReport, count: usize) -> Vec<(usize, String)> {
    let Some(first) = format::parse_day(&report.range.from) else {
        return Vec::new();
    };
    let label = |i: usize| format::day_short(first + Duration::days(i as i64));
    if count <= 10 {
        (0..count).map(|i| (i, label(i))).collect()
    } else {
        let step = if count <= 62 {
            7
        } else {
            count.div_ceil(9).div_ceil(7) * 7
        };
        (0..count).step_by(step).map(|i| (i, label(i))).collect()
    }
}

/// Mood per day with its 7-day average.
pub fn mood(layout: &mut Layout, report: &SummaryReport) {
    let days = &report.insights.mood_per_day;
    let any = days.iter().any(|d| d.average.is_some());
    heading(
        layout,
        SummarySection::Mood.heading(),
        if any { 100.0 } else { 12.0 },
    );
    if !any {
        say(layout, "No mood check-ins in these days.");
        return;
    }
    say(
        layout,
        &format!(
            "Average of every mood check-in: {} of 10 (1 is the lowest, 10 the highest).",
            format::average(report.insights.totals.average_mood)
        ),
    );
    // Over a long range the daily line is only texture: lighter, so the 7-day line leads.
    let dense = days.len() > 62;
    let daily = if dense {
        mix(colour::ACCENT, Rgb(0xff, 0xff, 0xff), 0.45)
    } else {
        colour::ACCENT
    };
    let chart = LineChart {
        series: vec![
            Series {
                values: days.iter().map(|d| d.average).collect(),
                colour: daily,
                width: if dense { 0.6 } else { 0.9 },
                markers: !dense,
            },
            Series {
                values: days.iter().map(|d| d.rolling_average).collect(),
                colour: colour::SECOND,
                width: 1.8,
                markers: false,
            },
        ],
        points: days.len(),
        y_range: (1.0, 10.0, 3.0),
        x_labels: day_labels(report, days.len()),
        plot_height: 62.0,
    };
    charts::line_chart(layout, &chart);
    let baseline = layout.block(size::SMALL * LEADING) + size::SMALL;
    charts::legend(
        layout,
        MARGIN + 22.0,
        baseline,
        &[
            (daily, "Daily average"),
            (colour::SECOND, "Average of the last 7 days"),
        ],
    );
}

/// Daily check-ins: how many, and each question's answers.
pub fn checkins(layout: &mut Layout, report: &SummaryReport) {
    let figures = &report.insights.checkins;
    heading(
        layout,
        SummarySection::CheckinsAndMedication.heading(),
        // The sentence and every question's row.
        size::BODY * LEADING * 2.0 + charts::ROW_HEIGHT * figures.answers.len() as f32,
    );
    if figures.done == 0 {
        say(layout, "No daily check-ins in these days.");
        return;
    }
    let mut line = format!(
        "Daily check-in done on {} of {} days.",
        figures.done, figures.days
    );
    if let Some(rating) = figures.average_day_rating {
        line.push_str(&format!(
            " Average rating of the day: {} of 10.",
            format::one_decimal(rating)
        ));
    }
    say(layout, &line);
    layout.gap(3.0);
    let rows: Vec<BarRow> = figures
        .answers
        .iter()
        .map(|a| {
            let answered = a.yes + a.no;
            let share = format::percent(a.yes, answered)
                .map_or_else(String::new, |p| format!(" ({p} yes)"));
            BarRow {
                label: a.label.clone(),
                value: a.yes,
                of: answered,
                figure: format!("yes {} · no {}{share}", a.yes, a.no),
            }
        })
        .collect();
    let top = layout.block(charts::ROW_HEIGHT * rows.len() as f32);
    charts::bar_rows(layout, &rows, MARGIN, top, CONTENT_WIDTH, 0.5);
    layout.gap(2.0);
    caption(
        layout,
        "Bars show the share of yes among the check-ins that answered the question.",
    );
}

/// Meetings attended and missed, per week.
pub fn meetings(layout: &mut Layout, report: &SummaryReport) {
    let totals = &report.insights.totals;
    let weeks = &report.insights.attendance;
    let marked = totals.meetings_attended + totals.meetings_missed;
    heading(
        layout,
        SummarySection::Meetings.heading(),
        if marked > 0 { 90.0 } else { 12.0 },
    );
    if marked == 0 {
        say(
            layout,
            "No meetings were marked attended or missed in these days.",
        );
        return;
    }
    say(
        layout,
        &format!(
            "Attended {} and missed {} of the {} meetings marked either way.",
            totals.meetings_attended, totals.meetings_missed, marked
        ),
    );
    let chart = ColumnChart {
        columns: weeks
            .iter()
            .map(|w| Column {
                parts: vec![(w.attended, colour::ACCENT), (w.missed, colour::NEUTRAL)],
            })
            .collect(),
        x_labels: spaced_labels(weeks.len(), 9, |i| {
            weeks
                .get(i)
                .and_then(|w| format::parse_day(&w.week_start))
                .map_or_else(String::new, format::day_short)
        }),
        value_labels: weeks.len() <= 16,
        plot_height: 48.0,
    };
    charts::column_chart(layout, &chart);
    let baseline = layout.block(size::SMALL * LEADING) + size::SMALL;
    let end = charts::legend(
        layout,
        MARGIN + 22.0,
        baseline,
        &[(colour::ACCENT, "Attended"), (colour::NEUTRAL, "Missed")],
    );
    layout.text_at(
        end,
        baseline,
        Style::SMALL,
        "Per week, labelled by its Monday.",
        MARGIN + CONTENT_WIDTH - end,
    );
}

/// Lapses: days and what was around them, without judgment.
pub fn lapses(layout: &mut Layout, report: &SummaryReport) {
    let lapses = &report.insights.lapses;
    // The caption and the first lapse.
    heading(layout, SummarySection::Lapses.heading(), 36.0);
    if lapses.is_empty() {
        say(layout, "No lapses were logged in these days.");
        return;
    }
    caption(
        layout,
        "A lapse is a moment to learn from, not a verdict on the person's recovery. \
         These are the days, and what the person linked to each.",
    );
    layout.gap(2.0);
    let day_w = 92.0;
    for lapse in lapses {
        let triggers = if lapse.triggers.is_empty() {
            "No triggers noted".to_string()
        } else {
            format!("Linked to: {}", lapse.triggers.join(", "))
        };
        let counter = if lapse.restarted_counter {
            "The day count was restarted from this day."
        } else {
            "The day count was kept going."
        };
        let text = format!("{triggers}. {counter}");
        let height = layout.paragraph_height(CONTENT_WIDTH - day_w, Style::BODY, &text);
        layout.ensure(height.min(size::BODY * LEADING * 2.0));
        let top = layout.y;
        layout.text_at(
            MARGIN,
            top + size::BODY,
            Style::BODY_BOLD,
            &format::day_with_weekday(&lapse.day),
            day_w - 4.0,
        );
        layout.paragraph(MARGIN + day_w, CONTENT_WIDTH - day_w, Style::BODY, &text);
        layout.gap(1.5);
    }
}

/// The most-used coping strategies with how often the craving then passed without use.
pub fn coping(layout: &mut Layout, report: &SummaryReport) {
    const SHOWN: usize = 8;
    let strategies = &report.insights.what_works;
    heading(
        layout,
        SummarySection::Coping.heading(),
        charts::ROW_HEIGHT * strategies.len().clamp(1, SHOWN) as f32,
    );
    if strategies.is_empty() {
        say(
            layout,
            "No coping strategies were logged with cravings in these days.",
        );
        return;
    }
    let rows: Vec<BarRow> = strategies
        .iter()
        .take(SHOWN)
        .map(|s| BarRow {
            label: s.title.clone(),
            value: s.passed,
            of: s.with_outcome,
            figure: if s.with_outcome == 0 {
                format!(
                    "tried in {}, no outcome recorded",
                    format::count(s.tried, "craving", "cravings")
                )
            } else {
                format!(
                    "passed without use in {} of {}",
                    s.passed,
                    format::count(s.with_outcome, "craving", "cravings")
                )
            },
        })
        .collect();
    let top = layout.block(charts::ROW_HEIGHT * rows.len() as f32);
    charts::bar_rows(layout, &rows, MARGIN, top, CONTENT_WIDTH, 0.45);
    layout.gap(2.0);
    let mut note = String::from(
        "Best first. Only cravings with an outcome recorded (passed or used) are counted.",
    );
    if strategies.len() > SHOWN {
        note.push_str(&format!(" {} more not shown.", strategies.len() - SHOWN));
    }
    caption(layout, &note);
}
