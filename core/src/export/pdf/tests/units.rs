//! Unit tests of the pieces: font metrics, making text printable, wrapping, chart axes.

use proptest::prelude::*;

use super::super::charts::nice_axis;
use super::super::fonts::{Fonts, Weight};
use super::super::layout::{Layout, Style};

#[test]
fn the_bundled_faces_measure_real_glyph_widths() {
    let fonts = Fonts::load().expect("fonts load");
    for weight in [Weight::Regular, Weight::Bold] {
        let face = fonts.face(weight);
        assert!(face.has('A') && face.has('é') && face.has('Ж') && face.has('\u{FFFD}'));
        // DejaVu has a few monochrome emoticons (U+1F600...) but no people, animals or CJK.
        assert!(face.has('😀'));
        assert!(!face.has('🦄') && !face.has('👨') && !face.has('今'));
        // Proportional: four i's are much narrower than four W's; width scales with size.
        assert!(face.width("iiii", 10.0) * 2.0 < face.width("WWWW", 10.0));
        let w = face.width("Summary", 10.0);
        assert!((face.width("Summary", 20.0) - 2.0 * w).abs() < 1e-3);
        assert!(w > 20.0 && w < 60.0, "Summary at 10 pt is {w} pt wide");
    }
    assert!(
        fonts.bold.width("Summary", 10.0) > fonts.regular.width("Summary", 10.0),
        "bold is wider"
    );
}

#[test]
fn a_run_of_millions_of_characters_is_measured_without_overflow() {
    let fonts = Fonts::load().expect("fonts load");
    let face = &fonts.regular;
    // An imported entry is not held to the app's length limits; 2.5 million W's add up to
    // more font units than a u32 holds.
    let n = 2_500_000;
    let run = "W".repeat(n);
    let one = face.width("W", 10.0);
    let all = face.width(&run, 10.0);
    // DejaVu Sans has 2048 units per em: the sum in font units is width / size × 2048.
    assert!(f64::from(all) / 10.0 * 2048.0 > f64::from(u32::MAX));
    assert!(
        (all / one - n as f32).abs() / (n as f32) < 1e-3,
        "{all} vs {one}"
    );
}

#[test]
fn unprintable_text_is_replaced_never_refused() {
    let fonts = Fonts::load().expect("fonts load");
    let face = &fonts.regular;
    assert_eq!(face.printable("a🦄b"), "a\u{FFFD}b");
    assert_eq!(face.printable("a😀b"), "a😀b");
    // One replacement for a whole joined emoji sequence; variation selectors vanish.
    assert_eq!(face.printable("x 👨‍👩‍👧 y ❤️"), "x \u{FFFD} y ❤");
    assert_eq!(face.printable("tab\there\u{7}!"), "tab here!");
    assert_eq!(face.printable("cafe\u{301}"), "café");
    assert_eq!(face.printable("今日は"), "\u{FFFD}");
    assert_eq!(face.printable("line\nbreak"), "line\nbreak");
    assert_eq!(face.printable("Привет"), "Привет");
}

#[test]
fn axes_step_nicely() {
    assert_eq!(nice_axis(0.0), (1.0, 1.0));
    assert_eq!(nice_axis(3.0), (1.0, 3.0));
    assert_eq!(nice_axis(7.0), (2.0, 8.0));
    assert_eq!(nice_axis(23.0), (5.0, 25.0));
    assert_eq!(nice_axis(140.0), (50.0, 150.0));
}

proptest! {
    #[test]
    fn wrapping_keeps_every_word_in_order_within_the_width(
        words in prop::collection::vec("[a-zA-Zéß]{1,40}", 0..80),
        width in 40.0f32..480.0,
    ) {
        let fonts = Fonts::load().expect("fonts load");
        let layout = Layout::new(&fonts);
        let text = words.join(" ");
        let style = Style::BODY;
        let lines = layout.wrap(&text, style.size, style.weight, width);
        for line in &lines {
            prop_assert!(layout.width(line, style.size, style.weight) <= width + 0.01);
        }
        let rejoined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
        let original: String = text.chars().filter(|c| *c != ' ').collect();
        prop_assert_eq!(rejoined, original);
    }
}
