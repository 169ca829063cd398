//! Fitting journal text into one table line.

use waymark_core::journal::kind::{MATCH_END, MATCH_START};

/// The longest free text shown in a table cell, in characters.
pub const CELL_CHARS: usize = 60;

/// `text` on one line: line breaks, tabs and any other control characters become spaces, and
/// runs of spaces shrink to one.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` on one line, cut to `max` characters with `…` when longer.
pub fn clip(text: &str, max: usize) -> String {
    let line = one_line(text);
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// [`clip`] to [`CELL_CHARS`], for an optional text ("" when absent).
pub fn cell(text: Option<&str>) -> String {
    text.map(|t| clip(t, CELL_CHARS)).unwrap_or_default()
}

/// [`clip`], then padded with spaces to `width` characters so columns line up.
pub fn padded(text: &str, width: usize) -> String {
    let clipped = clip(text, width);
    let count = clipped.chars().count();
    format!("{clipped}{}", " ".repeat(width.saturating_sub(count)))
}

/// A search excerpt for a terminal: matches shown as `[word]`, on one line.
pub fn marked_excerpt(excerpt: &str) -> String {
    one_line(&excerpt.replace(MATCH_START, "[").replace(MATCH_END, "]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_stay_on_one_line_and_short() {
        assert_eq!(one_line("a\nb\t c\r\n"), "a b c");
        let long = "word ".repeat(40);
        let clipped = clip(&long, 60);
        assert_eq!(clipped.chars().count(), 60);
        assert!(clipped.ends_with('…'));
        assert_eq!(padded("ab", 4), "ab  ");
        assert_eq!(marked_excerpt("x \u{2}hit\u{3} y"), "x [hit] y");
    }
}
