//! The bundled typeface (DejaVu Sans, regular and bold; licence in `core/assets/fonts/`), its
//! glyph widths for line breaking, and the clean-up that makes any user text printable.
//!
//! krilla measures nothing for us, so the widths come from the font's own `cmap` and `hmtx`
//! tables, read with `ttf-parser` (the parser krilla itself uses). Text is drawn only after
//! [`FontFace::printable`] has replaced every character the face lacks, so drawing never meets
//! a missing glyph.

use std::sync::OnceLock;

use krilla::text::Font;
use ttf_parser::{Face, GlyphId};
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};

const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// Which of the two weights a piece of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Body text.
    Regular,
    /// Headings and figures.
    Bold,
}

/// One weight: the font krilla embeds, and its parsed tables for measuring.
pub struct FontFace {
    /// The font handed to krilla.
    pub font: Font,
    parsed: &'static Face<'static>,
}

/// Both weights, ready to draw with.
pub struct Fonts {
    /// Body text.
    pub regular: FontFace,
    /// Headings and figures.
    pub bold: FontFace,
}

impl Fonts {
    /// Loads the bundled faces. The tables are parsed once per process; the krilla fonts are
    /// cheap handles over the static bytes.
    pub fn load() -> Result<Fonts> {
        static PARSED: OnceLock<Option<(Face<'static>, Face<'static>)>> = OnceLock::new();
        let (regular, bold) = PARSED
            .get_or_init(|| Some((parse_face(REGULAR_TTF)?, parse_face(BOLD_TTF)?)))
            .as_ref()
            .ok_or(Error::Internal("the bundled font could not be read"))?;
        let face = |bytes: &'static [u8], parsed| {
            Font::new(bytes.into(), 0)
                .map(|font| FontFace { font, parsed })
                .ok_or(Error::Internal("the bundled font could not be read"))
        };
        Ok(Fonts {
            regular: face(REGULAR_TTF, regular)?,
            bold: face(BOLD_TTF, bold)?,
        })
    }

    /// The face for `weight`.
    pub fn face(&self, weight: Weight) -> &FontFace {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

impl FontFace {
    /// The width of `text` at `size` points, summing the glyphs' advances (kerning only ever
    /// narrows a line, so a line measured to fit still fits once drawn).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        // u64: an imported text is not held to the app's length limits, and a run of a few
        // million characters would overflow u32 font units.
        let units: u64 = text.chars().map(|c| u64::from(self.advance_of(c))).sum();
        units as f32 * size / f32::from(self.parsed.units_per_em())
    }

    /// Whether the face can draw `c`.
    pub fn has(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// `c`'s glyph. Glyph 0 is the "missing" box, which some `cmap` segments map to
    /// explicitly, so it counts as absent.
    fn glyph(&self, c: char) -> Option<GlyphId> {
        self.parsed.glyph_index(c).filter(|glyph| glyph.0 != 0)
    }

    /// The advance of `c`'s glyph in font units, the missing box's when the face lacks `c`.
    fn advance_of(&self, c: char) -> u32 {
        let glyph = self.glyph(c).unwrap_or(GlyphId(0));
        u32::from(self.parsed.glyph_hor_advance(glyph).unwrap_or(0))
    }

    /// `text` made safe to draw with this face: composed (NFC), tabs as spaces, invisible
    /// format characters (emoji joiners, variation selectors, direction marks) and other
    /// control characters dropped, and each run of characters the face lacks (emoji, CJK)
    /// replaced by one U+FFFD, or '?' should the face lack that too. Newlines are kept for
    /// the caller to split paragraphs on.
    pub fn printable(&self, text: &str) -> String {
        let replacement = if self.has('\u{FFFD}') {
            '\u{FFFD}'
        } else {
            '?'
        };
        let mut out = String::with_capacity(text.len());
        let mut replaced_last = false;
        for c in text.nfc() {
            let c = if c == '\t' { ' ' } else { c };
            if c != '\n' && (c.is_control() || is_invisible_format(c)) {
                continue;
            }
            if c == '\n' || self.has(c) {
                out.push(c);
                replaced_last = false;
            } else if !replaced_last {
                out.push(replacement);
                replaced_last = true;
            }
        }
        out
    }
}

/// Characters that have no look of their own and that the face would otherwise show as a
/// box: joiners, variation selectors, bidi controls, the byte-order mark, soft hyphens and
/// tag characters (used inside flag emoji).
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// A face's tables as parsed by `ttf-parser`, with the checks line breaking relies on.
fn parse_face(data: &'static [u8]) -> Option<Face<'static>> {
    let face = Face::parse(data, 0).ok()?;
    let tables = face.tables();
    // Without a character map or advances every width would silently be zero.
    (tables.cmap.is_some() && tables.hmtx.is_some() && face.units_per_em() > 0).then_some(face)
}
