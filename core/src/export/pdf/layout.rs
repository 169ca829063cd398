//! Page geometry and a flowing cursor: content is laid out first into a list of drawing
//! operations per page, so the footer can say "Page N of M" once M is known.
//!
//! Coordinates are PDF points from the page's top-left corner, y growing downwards (krilla's
//! convention); a text operation's `y` is its baseline.

use super::fonts::{Fonts, Weight};

/// A4 width in points.
pub const PAGE_WIDTH: f32 = 595.28;
/// A4 height in points.
pub const PAGE_HEIGHT: f32 = 841.89;
/// 2 cm.
pub const MARGIN: f32 = 56.69;
/// The width text and charts may use.
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// Where the body ends: the footer sits below it, inside the bottom margin.
const BODY_BOTTOM: f32 = PAGE_HEIGHT - MARGIN;

/// Type sizes, in points.
pub mod size {
    /// The document's title.
    pub const TITLE: f32 = 15.0;
    /// A section heading.
    pub const HEADING: f32 = 11.5;
    /// A sub-heading inside a section.
    pub const SUBHEADING: f32 = 9.0;
    /// Body text.
    pub const BODY: f32 = 8.5;
    /// Captions, axis labels, header and footer.
    pub const SMALL: f32 = 7.0;
    /// A key figure in the overview.
    pub const FIGURE: f32 = 15.0;
}

/// Line height as a multiple of the type size.
pub const LEADING: f32 = 1.38;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The palette: quiet greys for text and rules, one blue-green accent for data.
pub mod colour {
    use super::Rgb;
    /// Body text.
    pub const TEXT: Rgb = Rgb(0x22, 0x26, 0x2a);
    /// Secondary text: captions, labels.
    pub const MUTED: Rgb = Rgb(0x5f, 0x66, 0x6d);
    /// Hairlines and axes.
    pub const RULE: Rgb = Rgb(0xc8, 0xcd, 0xd2);
    /// Faint grid lines and empty cells.
    pub const FAINT: Rgb = Rgb(0xee, 0xf0, 0xf2);
    /// The data accent.
    pub const ACCENT: Rgb = Rgb(0x1f, 0x6e, 0x7a);
    /// The accent's lightest tint.
    pub const ACCENT_LIGHT: Rgb = Rgb(0xd3, 0xe8, 0xeb);
    /// A second series (e.g. the 7-day average).
    pub const SECOND: Rgb = Rgb(0xc0, 0x7a, 0x2c);
    /// Neutral grey for counts that are not a warning (a meeting marked missed), as in the app.
    pub const NEUTRAL: Rgb = Rgb(0x9a, 0xa0, 0xa6);
    /// The light panel behind the overview figures.
    pub const PANEL: Rgb = Rgb(0xf4, 0xf6, 0xf7);
}

/// Mixes `a` towards `b` by `t` (0 = a, 1 = b).
pub fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let t = t.clamp(0.0, 1.0);
    let ch = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Rgb(ch(a.0, b.0), ch(a.1, b.1), ch(a.2, b.2))
}

/// One drawing operation.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// A single line of text, already made printable, with its baseline at `y`.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        y: f32,
        /// Type size.
        size: f32,
        /// Regular or bold.
        weight: Weight,
        /// Colour.
        colour: Rgb,
        /// The text (one line).
        text: String,
    },
    /// A filled rectangle.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill.
        colour: Rgb,
    },
    /// An open stroked polyline.
    Line {
        /// Its points, in order.
        points: Vec<(f32, f32)>,
        /// Stroke width.
        width: f32,
        /// Colour.
        colour: Rgb,
    },
    /// A filled circle (chart markers).
    Dot {
        /// Centre x.
        x: f32,
        /// Centre y.
        y: f32,
        /// Radius.
        r: f32,
        /// Fill.
        colour: Rgb,
    },
}

/// The document being laid out: finished pages of operations and a cursor on the last one.
pub struct Layout<'f> {
    /// The faces, for measuring.
    pub fonts: &'f Fonts,
    /// Every page's operations (header and footer are added when the PDF is written).
    pub pages: Vec<Vec<Op>>,
    /// The top of the next free space on the current page.
    pub y: f32,
}

/// Where the body starts on every page.
pub const BODY_TOP: f32 = MARGIN;

impl<'f> Layout<'f> {
    /// An empty document with one blank page.
    pub fn new(fonts: &'f Fonts) -> Self {
        Layout {
            fonts,
            pages: vec![Vec::new()],
            y: BODY_TOP,
        }
    }

    /// Space left on the current page.
    pub fn remaining(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    /// Starts a new page and puts the cursor at its top.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = BODY_TOP;
    }

    /// Makes sure `height` points fit below the cursor, starting a new page if not (unless the
    /// page is still empty: something taller than a page is then drawn anyway and clipped by
    /// the caller's own sizing, never looping).
    pub fn ensure(&mut self, height: f32) {
        if height > self.remaining() && self.y > BODY_TOP {
            self.new_page();
        }
    }

    /// Reserves `height` points, on a new page if needed, and returns the block's top.
    pub fn block(&mut self, height: f32) -> f32 {
        self.ensure(height);
        let top = self.y;
        self.y += height;
        top
    }

    /// Moves the cursor down by `gap`, without starting a page for it.
    pub fn gap(&mut self, gap: f32) {
        self.y = (self.y + gap).min(BODY_BOTTOM);
    }

    /// Adds an operation to the current page.
    pub fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    /// The width of `text` (already printable) in `weight` at `size`.
    pub fn width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        self.fonts.face(weight).width(text, size)
    }

    /// `text` made printable in `weight`.
    pub fn printable(&self, text: &str, weight: Weight) -> String {
        self.fonts.face(weight).printable(text)
    }

    /// Draws one line of user or label text at (x, baseline), made printable and shortened
    /// with an ellipsis to `max_width`.
    pub fn text_at(&mut self, x: f32, y: f32, style: Style, text: &str, max_width: f32) {
        let text = self.printable(text, style.weight);
        let text = self.fit(&text, style.size, style.weight, max_width);
        self.push(Op::Text {
            x,
            y,
            size: style.size,
            weight: style.weight,
            colour: style.colour,
            text,
        });
    }

    /// Draws one line of text right-aligned to `right`.
    pub fn text_right(&mut self, right: f32, y: f32, style: Style, text: &str) {
        let text = self.printable(text, style.weight);
        let w = self.width(&text, style.size, style.weight);
        self.push(Op::Text {
            x: right - w,
            y,
            size: style.size,
            weight: style.weight,
            colour: style.colour,
            text,
        });
    }

    /// Draws one line of text centred on `centre`.
    pub fn text_centred(&mut self, centre: f32, y: f32, style: Style, text: &str) {
        let text = self.printable(text, style.weight);
        let w = self.width(&text, style.size, style.weight);
        self.push(Op::Text {
            x: centre - w / 2.0,
            y,
            size: style.size,
            weight: style.weight,
            colour: style.colour,
            text,
        });
    }

    /// `text` cut with "…" so it fits `max_width` (labels in charts and tables only; running
    /// text wraps instead).
    pub fn fit(&self, text: &str, size: f32, weight: Weight, max_width: f32) -> String {
        if self.width(text, size, weight) <= max_width {
            return text.to_string();
        }
        let ellipsis = "…";
        let mut out = String::new();
        let mut used = self.width(ellipsis, size, weight);
        for c in text.chars() {
            let w = self.width(c.encode_utf8(&mut [0; 4]), size, weight);
            if used + w > max_width {
                break;
            }
            used += w;
            out.push(c);
        }
        out.truncate(out.trim_end().len());
        out.push_str(ellipsis);
        out
    }

    /// Breaks `text` (already printable) into lines no wider than `width`: at spaces, and
    /// inside a word only when the word alone is too wide. Newlines start a new line; blank
    /// lines are kept as empty lines.
    pub fn wrap(&self, text: &str, size: f32, weight: Weight, width: f32) -> Vec<String> {
        let face = self.fonts.face(weight);
        let space = face.width(" ", size);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut line_w = 0.0;
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let word_w = face.width(word, size);
                let needed = if line.is_empty() {
                    word_w
                } else {
                    line_w + space + word_w
                };
                if needed <= width {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    line_w = needed;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                if word_w <= width {
                    line.push_str(word);
                    line_w = word_w;
                    continue;
                }
                // A word wider than the column (a long link, a run without spaces): break it
                // wherever the column ends.
                for c in word.chars() {
                    let w = face.width(c.encode_utf8(&mut [0; 4]), size);
                    if line_w + w > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0.0;
                    }
                    line.push(c);
                    line_w += w;
                }
            }
            lines.push(line);
        }
        lines
    }

    /// Flows `text` as a paragraph at `x`, `width` wide, line by line, starting new pages as
    /// needed (each new page repeats nothing but the header and footer).
    pub fn paragraph(&mut self, x: f32, width: f32, style: Style, text: &str) {
        let line_height = style.size * LEADING;
        for line in self.paragraph_lines(width, style, text) {
            let top = self.block(line_height);
            if line.is_empty() {
                continue;
            }
            self.push(Op::Text {
                x,
                y: top + style.size,
                size: style.size,
                weight: style.weight,
                colour: style.colour,
                text: line,
            });
        }
    }

    /// Draws `text` wrapped to `width` at a fixed place (inside a block already reserved),
    /// returning the height used. Used for text beside a chart, which cannot flow.
    pub fn lines_at(&mut self, x: f32, top: f32, width: f32, style: Style, text: &str) -> f32 {
        let lines = self.paragraph_lines(width, style, text);
        let line_height = style.size * LEADING;
        for (i, line) in lines.iter().enumerate() {
            if line.is_empty() {
                continue;
            }
            self.push(Op::Text {
                x,
                y: top + i as f32 * line_height + style.size,
                size: style.size,
                weight: style.weight,
                colour: style.colour,
                text: line.clone(),
            });
        }
        lines.len() as f32 * line_height
    }

    /// The height `text` would take as a paragraph.
    pub fn paragraph_height(&self, width: f32, style: Style, text: &str) -> f32 {
        self.paragraph_lines(width, style, text).len() as f32 * style.size * LEADING
    }

    /// `text`'s lines as a paragraph: trimmed, with runs of blank lines kept as one.
    fn paragraph_lines(&self, width: f32, style: Style, text: &str) -> Vec<String> {
        let printable = self.printable(text.trim(), style.weight);
        let mut lines = self.wrap(&printable, style.size, style.weight, width);
        lines.dedup_by(|a, b| a.is_empty() && b.is_empty());
        lines
    }
}

/// How a piece of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Type size.
    pub size: f32,
    /// Weight.
    pub weight: Weight,
    /// Colour.
    pub colour: Rgb,
}

impl Style {
    /// Body text.
    pub const BODY: Style = Style {
        size: size::BODY,
        weight: Weight::Regular,
        colour: colour::TEXT,
    };
    /// Body text in bold.
    pub const BODY_BOLD: Style = Style {
        size: size::BODY,
        weight: Weight::Bold,
        colour: colour::TEXT,
    };
    /// Captions and axis labels.
    pub const SMALL: Style = Style {
        size: size::SMALL,
        weight: Weight::Regular,
        colour: colour::MUTED,
    };
    /// A sub-heading.
    pub const SUBHEADING: Style = Style {
        size: size::SUBHEADING,
        weight: Weight::Bold,
        colour: colour::TEXT,
    };
}
