//! Vector charts drawn as plain PDF paths: column charts (plain or stacked), a line chart with
//! gaps, horizontal bar rows and the weekday-by-hour strip. Each takes its data already
//! decided by the section and only draws; nothing here computes a figure that is printed.

use super::layout::{colour, mix, size, Layout, Op, Rgb, Style, CONTENT_WIDTH, MARGIN};

/// The space left of a chart's plot for the y-axis labels.
const Y_AXIS: f32 = 22.0;
/// The space under a chart's plot for the x-axis labels.
const X_AXIS: f32 = 12.0;

/// One column: its parts from the bottom up, each with a value and colour.
pub struct Column {
    /// The stacked parts (one for a plain column chart).
    pub parts: Vec<(u32, Rgb)>,
}

/// A column chart spanning the content width.
pub struct ColumnChart {
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// Labels under given columns: (column index, text).
    pub x_labels: Vec<(usize, String)>,
    /// Print each column's total above it (only sensible for a few columns).
    pub value_labels: bool,
    /// The plot's height.
    pub plot_height: f32,
}

/// A "nice" axis step and top for values up to `max`: 1, 2 or 5 times a power of ten, with at
/// most five steps.
pub fn nice_axis(max: f64) -> (f64, f64) {
    if max <= 0.0 {
        return (1.0, 1.0);
    }
    let raw = max / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude)
        .max(1.0);
    (step, (max / step).ceil() * step)
}

/// Draws `chart` at the cursor (reserving its whole height, on a new page if needed).
pub fn column_chart(layout: &mut Layout, chart: &ColumnChart) {
    let value_room = if chart.value_labels { 9.0 } else { 3.0 };
    let height = value_room + chart.plot_height + X_AXIS;
    let top = layout.block(height) + value_room;
    let left = MARGIN + Y_AXIS;
    let width = CONTENT_WIDTH - Y_AXIS;
    let bottom = top + chart.plot_height;

    let max = chart
        .columns
        .iter()
        .map(|c| c.parts.iter().map(|(v, _)| u64::from(*v)).sum::<u64>())
        .max()
        .unwrap_or(0);
    let (step, axis_top) = nice_axis(max as f64);
    y_axis(layout, left, width, top, bottom, 0.0, axis_top, step);

    let n = chart.columns.len().max(1) as f32;
    let slot = width / n;
    let bar = (slot * 0.72).max(0.6);
    let scale = chart.plot_height / axis_top as f32;
    for (i, column) in chart.columns.iter().enumerate() {
        let x = left + slot * i as f32 + (slot - bar) / 2.0;
        let mut y = bottom;
        let mut total = 0u64;
        for (value, fill) in &column.parts {
            if *value == 0 {
                continue;
            }
            let h = *value as f32 * scale;
            y -= h;
            total += u64::from(*value);
            layout.push(Op::Rect {
                x,
                y,
                w: bar,
                h,
                colour: *fill,
            });
        }
        if chart.value_labels && total > 0 {
            layout.text_centred(x + bar / 2.0, y - 2.0, Style::SMALL, &total.to_string());
        }
    }
    for (i, label) in &chart.x_labels {
        let centre = left + slot * (*i as f32 + 0.5);
        layout.text_centred(centre, bottom + X_AXIS - 3.0, Style::SMALL, label);
    }
}

/// One series of a line chart: a value per x position, `None` where there is none (a gap).
pub struct Series {
    /// The values, left to right.
    pub values: Vec<Option<f64>>,
    /// Colour.
    pub colour: Rgb,
    /// Stroke width.
    pub width: f32,
    /// Mark each value with a dot.
    pub markers: bool,
}

/// A line chart spanning the content width, on a fixed y range.
pub struct LineChart {
    /// The series, drawn in order.
    pub series: Vec<Series>,
    /// Positions along x (the number of values each series has).
    pub points: usize,
    /// The y range's bottom and top, and the tick step.
    pub y_range: (f64, f64, f64),
    /// Labels under given positions.
    pub x_labels: Vec<(usize, String)>,
    /// The plot's height.
    pub plot_height: f32,
}

/// Draws `chart` at the cursor.
pub fn line_chart(layout: &mut Layout, chart: &LineChart) {
    let height = 4.0 + chart.plot_height + X_AXIS;
    let top = layout.block(height) + 4.0;
    let left = MARGIN + Y_AXIS;
    let width = CONTENT_WIDTH - Y_AXIS;
    let bottom = top + chart.plot_height;
    let (low, high, step) = chart.y_range;
    y_axis(layout, left, width, top, bottom, low, high, step);

    let slot = width / chart.points.max(1) as f32;
    let x_of = |i: usize| left + slot * (i as f32 + 0.5);
    let y_of =
        |v: f64| bottom - ((v - low) / (high - low)).clamp(0.0, 1.0) as f32 * chart.plot_height;
    for series in &chart.series {
        let mut run: Vec<(f32, f32)> = Vec::new();
        for (i, value) in series.values.iter().enumerate() {
            match value {
                Some(v) => run.push((x_of(i), y_of(*v))),
                None => flush_run(layout, &mut run, series),
            }
        }
        flush_run(layout, &mut run, series);
        if series.markers {
            for (i, v) in series.values.iter().enumerate() {
                if let Some(v) = v {
                    layout.push(Op::Dot {
                        x: x_of(i),
                        y: y_of(*v),
                        r: 1.6,
                        colour: series.colour,
                    });
                }
            }
        }
    }
    for (i, label) in &chart.x_labels {
        layout.text_centred(x_of(*i), bottom + X_AXIS - 3.0, Style::SMALL, label);
    }
}

/// Draws a run of consecutive values as one line; a lone value shows as a dot so it is not
/// lost between gaps.
fn flush_run(layout: &mut Layout, run: &mut Vec<(f32, f32)>, series: &Series) {
    match run.len() {
        0 => {}
        1 => layout.push(Op::Dot {
            x: run[0].0,
            y: run[0].1,
            r: series.width.max(1.2),
            colour: series.colour,
        }),
        _ => layout.push(Op::Line {
            points: run.clone(),
            width: series.width,
            colour: series.colour,
        }),
    }
    run.clear();
}

/// Grid lines and labels of a y axis from `low` to `high` every `step`.
#[allow(clippy::too_many_arguments)]
fn y_axis(
    layout: &mut Layout,
    left: f32,
    width: f32,
    top: f32,
    bottom: f32,
    low: f64,
    high: f64,
    step: f64,
) {
    let span = (high - low).max(f64::EPSILON);
    let mut value = low;
    while value <= high + step * 0.01 {
        let y = bottom - ((value - low) / span) as f32 * (bottom - top);
        let line = if value == low {
            colour::RULE
        } else {
            colour::FAINT
        };
        layout.push(Op::Line {
            points: vec![(left, y), (left + width, y)],
            width: 0.5,
            colour: line,
        });
        layout.text_right(left - 4.0, y + 2.5, Style::SMALL, &format!("{value}"));
        value += step;
    }
}

/// One row of a horizontal bar list: a label, a bar for `value` out of `max`, and the text
/// printed after the bar.
pub struct BarRow {
    /// The label, left.
    pub label: String,
    /// The bar's value.
    pub value: u32,
    /// The value a full bar stands for.
    pub of: u32,
    /// What is printed after the bar (the figure, from the report).
    pub figure: String,
}

/// The height of one bar row.
pub const ROW_HEIGHT: f32 = size::BODY * 1.55;

/// Draws `rows` as a block at (`x`, `top`), `width` wide, each bar `value` of `of`. The label
/// column is as wide as the longest label, but at most `label_share` of the width (longer
/// labels end in "…"). Returns the height used.
pub fn bar_rows(
    layout: &mut Layout,
    rows: &[BarRow],
    x: f32,
    top: f32,
    width: f32,
    label_share: f32,
) -> f32 {
    let longest = rows
        .iter()
        .map(|r| {
            layout.width(
                &layout.printable(&r.label, Style::BODY.weight),
                size::BODY,
                Style::BODY.weight,
            )
        })
        .fold(0.0f32, f32::max);
    let label_w = (longest + 10.0).min(width * label_share);
    let figure_w = rows
        .iter()
        .map(|r| {
            layout.width(
                &layout.printable(&r.figure, Style::BODY.weight),
                size::BODY,
                Style::BODY.weight,
            )
        })
        .fold(0.0f32, f32::max);
    let bar_left = x + label_w + 4.0;
    let bar_room = (width - label_w - figure_w - 10.0).max(10.0);
    for (i, row) in rows.iter().enumerate() {
        let y = top + ROW_HEIGHT * i as f32;
        let baseline = y + size::BODY + 1.0;
        layout.text_at(x, baseline, Style::BODY, &row.label, label_w - 4.0);
        let w = if row.of == 0 {
            0.0
        } else {
            bar_room * (row.value.min(row.of) as f32 / row.of as f32)
        };
        layout.push(Op::Rect {
            x: bar_left,
            y: y + 3.0,
            w: bar_room,
            h: ROW_HEIGHT - 5.0,
            colour: colour::FAINT,
        });
        if w > 0.0 {
            layout.push(Op::Rect {
                x: bar_left,
                y: y + 3.0,
                w,
                h: ROW_HEIGHT - 5.0,
                colour: colour::ACCENT,
            });
        }
        layout.text_at(
            bar_left + bar_room + 6.0,
            baseline,
            Style::BODY,
            &row.figure,
            figure_w + 2.0,
        );
    }
    ROW_HEIGHT * rows.len() as f32
}

/// The weekday-by-hour strip at (`x`, `top`), `width` wide: 7 rows of 24 cells shaded by
/// count (`counts[weekday][hour]`, Monday first), with weekday and hour labels. Returns the
/// height used.
pub fn heat_strip(
    layout: &mut Layout,
    counts: &[[u32; 24]; 7],
    x: f32,
    top: f32,
    width: f32,
) -> f32 {
    let label_w = 20.0;
    let left = x + label_w;
    let cell_w = (width - label_w) / 24.0;
    let cell_h = 8.0;
    let max = counts.iter().flatten().copied().max().unwrap_or(0);
    for (day, hours) in counts.iter().enumerate() {
        let y = top + cell_h * day as f32;
        let label = super::format::weekday_short(day as u8);
        layout.text_at(x, y + cell_h - 1.6, Style::SMALL, label, label_w);
        for (hour, count) in hours.iter().enumerate() {
            let fill = if *count == 0 || max == 0 {
                colour::FAINT
            } else {
                mix(
                    colour::ACCENT_LIGHT,
                    colour::ACCENT,
                    *count as f32 / max as f32,
                )
            };
            layout.push(Op::Rect {
                x: left + cell_w * hour as f32 + 0.4,
                y: y + 0.4,
                w: cell_w - 0.8,
                h: cell_h - 0.8,
                colour: fill,
            });
        }
    }
    let labels_y = top + cell_h * 7.0 + size::SMALL + 1.0;
    for hour in (0..24).step_by(6) {
        let x = left + cell_w * hour as f32;
        layout.text_at(
            x,
            labels_y,
            Style::SMALL,
            &format!("{hour:02}:00"),
            cell_w * 6.0,
        );
    }
    cell_h * 7.0 + size::SMALL + 3.0
}

/// A small legend: a swatch and its text for each entry, in a row at the cursor's `y`.
pub fn legend(layout: &mut Layout, x: f32, baseline: f32, entries: &[(Rgb, &str)]) -> f32 {
    let mut x = x;
    for (fill, text) in entries {
        layout.push(Op::Rect {
            x,
            y: baseline - 6.0,
            w: 7.0,
            h: 7.0,
            colour: *fill,
        });
        x += 10.0;
        let printable = layout.printable(text, Style::SMALL.weight);
        let w = layout.width(&printable, size::SMALL, Style::SMALL.weight);
        layout.text_at(x, baseline, Style::SMALL, text, w + 1.0);
        x += w + 12.0;
    }
    x
}
