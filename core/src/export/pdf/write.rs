//! Writes the laid-out pages with krilla, adding each page's header and footer.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::text::TextDirection;
use krilla::Document;

use super::fonts::{Fonts, Weight};
use super::format;
use super::layout::{colour, size, Op, Rgb, MARGIN, PAGE_HEIGHT, PAGE_WIDTH};
use crate::error::{Error, Result};
use crate::export::SummaryReport;

/// The PDF bytes for `pages`.
pub fn pdf(fonts: &Fonts, pages: &[Vec<Op>], report: &SummaryReport) -> Result<Vec<u8>> {
    let mut document = Document::new();
    let range = format!(
        "{} – {}",
        format::day(&report.range.from),
        format::day(&report.range.to)
    );
    document.set_metadata(
        Metadata::new()
            .title(fonts.regular.printable(&format!("Summary {range}")))
            .language("en".to_string()),
    );
    let header_left = format!("Summary · {range}");
    let header_right = format!("Made {}", format::day(&report.generated_on));
    let total = pages.len();
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or(Error::Internal("the page size was refused"))?;
    for (index, ops) in pages.iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        let mut chrome = Vec::with_capacity(6);
        page_chrome(
            fonts,
            &mut chrome,
            &header_left,
            &header_right,
            index + 1,
            total,
        );
        for op in chrome.iter().chain(ops) {
            draw(&mut surface, fonts, op);
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|_| Error::Internal("the summary could not be written as a PDF"))
}

/// The header (range left, day made right, a hairline) and footer (a note left, page number
/// right) of page `number` of `total`, inside the top and bottom margins.
fn page_chrome(
    fonts: &Fonts,
    ops: &mut Vec<Op>,
    left: &str,
    right: &str,
    number: usize,
    total: usize,
) {
    let header_y = MARGIN - 20.0;
    let footer_y = PAGE_HEIGHT - MARGIN + 24.0;
    let right_edge = PAGE_WIDTH - MARGIN;
    let mut text = |x_right: Option<f32>, y: f32, s: &str| {
        let s = fonts.regular.printable(s);
        let x = x_right.map_or(MARGIN, |r| r - fonts.regular.width(&s, size::SMALL));
        ops.push(Op::Text {
            x,
            y,
            size: size::SMALL,
            weight: Weight::Regular,
            colour: colour::MUTED,
            text: s,
        });
    };
    text(None, header_y, left);
    text(Some(right_edge), header_y, right);
    text(
        None,
        footer_y,
        "From the person's own entries. Not medical advice.",
    );
    text(
        Some(right_edge),
        footer_y,
        &format!("Page {number} of {total}"),
    );
    ops.push(Op::Line {
        points: vec![(MARGIN, header_y + 5.0), (right_edge, header_y + 5.0)],
        width: 0.5,
        colour: colour::RULE,
    });
}

fn paint(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: paint(c),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// Draws one operation; a degenerate shape (zero size) is skipped, never an error.
fn draw(surface: &mut Surface, fonts: &Fonts, op: &Op) {
    match op {
        Op::Text {
            x,
            y,
            size,
            weight,
            colour,
            text,
        } => {
            if text.is_empty() {
                return;
            }
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*colour)));
            surface.draw_text(
                Point::from_xy(*x, *y),
                fonts.face(*weight).font.clone(),
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Op::Rect { x, y, w, h, colour } => {
            let mut pb = PathBuilder::new();
            if let Some(rect) = krilla::geom::Rect::from_xywh(*x, *y, *w, *h) {
                pb.push_rect(rect);
            }
            if let Some(path) = pb.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*colour)));
                surface.draw_path(&path);
            }
        }
        Op::Line {
            points,
            width,
            colour,
        } => {
            let mut pb = PathBuilder::new();
            let mut iter = points.iter();
            if let Some((x, y)) = iter.next() {
                pb.move_to(*x, *y);
            }
            for (x, y) in iter {
                pb.line_to(*x, *y);
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: paint(*colour),
                    width: *width,
                    line_cap: LineCap::Round,
                    line_join: LineJoin::Round,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        Op::Dot { x, y, r, colour } => {
            // A circle as four cubic arcs (k = 4/3 (sqrt 2 - 1)).
            let k = 0.552_284_8 * r;
            let (x, y, r) = (*x, *y, *r);
            let mut pb = PathBuilder::new();
            pb.move_to(x + r, y);
            pb.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
            pb.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
            pb.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
            pb.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
            pb.close();
            if let Some(path) = pb.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*colour)));
                surface.draw_path(&path);
            }
        }
    }
}
