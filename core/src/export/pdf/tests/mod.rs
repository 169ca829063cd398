//! Tests of the summary PDF on real files: the text poppler extracts is compared with figures
//! worked out here from the fixture's raw entries, and every page must render.

mod figures;
mod fixture;
mod poppler;
mod report;
mod units;

use chrono::{Duration, NaiveDate};

use self::fixture::{empty_report, fixture, Fixture};
use self::poppler::{squash, PdfFile};
use super::render_summary_pdf;
use super::texts::NOTES_HEADING;
use crate::export::{JournalExcerpt, NoteKind, SharedNote, SummarySection};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

/// November 2026, every section but coping (to see an unchosen heading stay out).
fn month() -> Fixture {
    let mut f = fixture(date(2026, 11, 1), 30, 7, &[SummarySection::Coping]);
    f.report.generated_on = "2026-11-22".into();
    f
}

fn render(f: &Fixture) -> PdfFile {
    PdfFile::write(&render_summary_pdf(&f.report).expect("the summary renders"))
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// Asserts that `words` occur in `text` in this order.
fn assert_in_order(text: &str, words: &[&str]) {
    let mut from = 0;
    for word in words {
        match text[from..].find(word) {
            Some(at) => from += at + word.len(),
            None => panic!("`{word}` missing (or out of order) in the extracted text"),
        }
    }
}

#[test]
fn a_month_has_the_range_made_day_and_page_numbers_on_every_page() {
    let f = month();
    let file = render(&f);
    let pages = file.pages();
    assert!(
        (1..=2).contains(&pages),
        "a month of typical use took {pages} pages"
    );
    for page in 1..=pages {
        let text = file.page_text(page);
        assert!(
            text.contains("Summary · 1 Nov 2026 – 30 Nov 2026"),
            "header on page {page}"
        );
        assert!(text.contains("Made 22 Nov 2026"), "made day on page {page}");
        assert!(
            text.contains(&format!("Page {page} of {pages}")),
            "footer on page {page}"
        );
        assert!(
            text.contains("Not medical advice"),
            "disclaimer on page {page}"
        );
    }
}

#[test]
fn a_month_prints_only_the_chosen_sections_and_no_private_text() {
    let f = month();
    let file = render(&f);
    let text = squash(&file.text());
    for section in &f.report.sections {
        assert!(
            text.contains(section.heading()),
            "heading {section:?} missing"
        );
    }
    assert!(!f.report.sections.contains(&SummarySection::Coping));
    for absent in [
        "Coping that worked",
        "Journal excerpts",
        NOTES_HEADING,
        "Craving note",
        "Went well",
    ] {
        assert!(
            !text.contains(absent),
            "`{absent}` printed though not chosen"
        );
    }
    let raw = std::fs::read(&file.path).expect("read back");
    assert!(!text.to_lowercase().contains("waymark"));
    assert!(!raw.windows(7).any(|w| w.eq_ignore_ascii_case(b"waymark")));
}

/// `words` words of filler, each different, about `chars` characters in all.
fn long_note(chars: usize) -> (String, Vec<String>) {
    let mut words = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while text.len() < chars {
        let word = format!("thought{i:03}");
        text.push_str(&word);
        text.push(if i % 17 == 16 { '\n' } else { ' ' });
        words.push(word);
        i += 1;
    }
    (text, words)
}

#[test]
fn journal_and_notes_print_only_when_shared_and_long_text_wraps_completely() {
    let mut f = month();
    f.report.sections.push(SummarySection::JournalExcerpts);
    f.report.journal = vec![JournalExcerpt {
        day: "2026-11-03".into(),
        text: "Went to the Tuesday group and said a few words.".into(),
        went_well: Some("Cooked for my daughter".into()),
    }];
    let (long, words) = long_note(2000);
    f.report.notes = vec![
        SharedNote {
            day: "2026-11-05".into(),
            kind: NoteKind::Craving,
            text: "Rode it out on the bus home.".into(),
        },
        SharedNote {
            day: "2026-11-20".into(),
            kind: NoteKind::Lapse,
            text: long,
        },
    ];
    let file = render(&f);
    let text = squash(&file.text());
    for marker in [
        "Journal excerpts",
        "Tue 3 Nov 2026",
        "Went to the Tuesday group and said a few words.",
        "Went well: Cooked for my daughter",
        NOTES_HEADING,
        "Thu 5 Nov 2026 · Craving note",
        "Rode it out on the bus home.",
        "Fri 20 Nov 2026 · Lapse reflection",
    ] {
        assert!(text.contains(marker), "`{marker}` missing");
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    assert_in_order(&text, &words);
    let pages = file.pages();
    for page in 1..=pages {
        assert!(file
            .page_text(page)
            .contains(&format!("Page {page} of {pages}")));
    }
}

#[test]
fn a_year_is_charted_per_week_and_flows_over_more_pages() {
    let mut f = fixture(date(2026, 1, 1), 365, 11, &[]);
    f.report.sections.push(SummarySection::JournalExcerpts);
    f.report.journal = (0..40)
        .map(|i| JournalExcerpt {
            day: (date(2026, 1, 1) + Duration::days(i * 9))
                .format("%Y-%m-%d")
                .to_string(),
            text: format!("Entry {i}. ")
                + &"A steady day with a walk, a meeting and an early night. ".repeat(4),
            went_well: None,
        })
        .collect();
    let file = render(&f);
    let pages = file.pages();
    assert!(
        pages > 2,
        "a year with journal excerpts took only {pages} pages"
    );
    for page in 1..=pages {
        let text = file.page_text(page);
        assert!(
            text.contains("Summary · 1 Jan 2026 – 31 Dec 2026"),
            "header on page {page}"
        );
        assert!(
            text.contains(&format!("Page {page} of {pages}")),
            "footer on page {page}"
        );
    }
    let text = squash(&file.text());
    assert!(text.contains("Cravings per week (Monday to Sunday; 365 days"));
    assert!(text.contains(&format!("{} cravings logged", f.cravings.len())));
    assert!(text.contains("Entry 39."));
    let pngs = file.render_pngs(50, file.dir.path(), "year");
    assert_eq!(pngs.len(), pages, "pdftoppm rendered every page");
}

#[test]
fn emoji_cjk_and_control_characters_never_fail() {
    let mut f = month();
    f.report.sections.push(SummarySection::JournalExcerpts);
    let unbroken = "x".repeat(30) + &"y".repeat(400);
    f.report.journal = vec![
        JournalExcerpt {
            day: "2026-11-04".into(),
            text:
                "Felt 🦄 better 👨‍👩‍👧 today ❤️\tand\u{7} calm. 今日は良い日 Привет مرحبا cafe\u{301}"
                    .into(),
            went_well: Some("🌧️ walked anyway".into()),
        },
        JournalExcerpt {
            day: "2026-11-05".into(),
            text: unbroken.clone(),
            went_well: None,
        },
    ];
    let file = render(&f);
    let text = file.text();
    let flat = squash(&text);
    assert!(
        flat.contains("Felt \u{FFFD} better \u{FFFD} today"),
        "emoji replaced: {flat}"
    );
    assert!(
        flat.contains("today ❤ and calm."),
        "tab as a space, bell and variation selector dropped"
    );
    assert!(flat.contains("Привет"));
    assert!(flat.contains("café"));
    assert!(flat.contains("walked anyway"));
    let joined: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        joined.contains(&unbroken),
        "a word wider than the page is broken, not lost"
    );
}

#[test]
fn every_page_renders_and_the_fonts_are_embedded() {
    let file = render(&month());
    let pages = file.pages();
    let pngs = file.render_pngs(50, file.dir.path(), "month");
    assert_eq!(pngs.len(), pages, "pdftoppm rendered every page");
    let fonts = file.fonts();
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(
        rows.iter().any(|r| r.contains("DejaVuSans-Bold")),
        "{fonts}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("DejaVuSans") && !r.contains("Bold")),
        "{fonts}"
    );
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name, type..., encoding, emb, sub, uni, object, generation
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "embedded, subset, with ToUnicode: {row}"
        );
    }
}

#[test]
fn an_empty_range_says_so_instead_of_drawing_charts() {
    let mut report = empty_report(date(2026, 11, 1), 7);
    report.sections = SummarySection::ALL.to_vec();
    let file = PdfFile::write(&render_summary_pdf(&report).expect("renders"));
    let text = squash(&file.text());
    for line in [
        "No cravings logged in these days.",
        "No mood check-ins in these days.",
        "No daily check-ins in these days.",
        "No meetings were marked attended or missed in these days.",
        "No lapses were logged in these days.",
        "No coping strategies were logged with cravings in these days.",
        "No relapse-prevention plan has been written yet.",
        "No journal entries in these days.",
        "No start date set",
    ] {
        assert!(text.contains(line), "`{line}` missing");
    }
    assert_eq!(file.pages(), 1);
    assert_eq!(file.render_pngs(50, file.dir.path(), "empty").len(), 1);
}

/// Renders the month, a month with every section and notes, and a year, and writes the PDFs
/// and 80 dpi PNGs to `PDF_LOOK_DIR` (default /tmp/w/pdf-look) to look at.
#[test]
#[ignore = "writes files to look at by eye"]
fn write_pages_to_look_at() {
    let dir = std::path::PathBuf::from(
        std::env::var("PDF_LOOK_DIR").unwrap_or_else(|_| "/tmp/w/pdf-look".into()),
    );
    let mut full = fixture(date(2026, 11, 1), 30, 7, &[]);
    full.report.sections.push(SummarySection::JournalExcerpts);
    full.report.journal = vec![JournalExcerpt {
        day: "2026-11-03".into(),
        text: "Went to the Tuesday group and said a few words. Felt 😀 lighter after.".into(),
        went_well: Some("Cooked for my daughter".into()),
    }];
    full.report.notes = vec![SharedNote {
        day: "2026-11-20".into(),
        kind: NoteKind::Lapse,
        text: long_note(2000).0,
    }];
    let year = fixture(date(2026, 1, 1), 365, 11, &[]);
    for (name, f) in [("month", month()), ("full", full), ("year", year)] {
        let file = render(&f);
        std::fs::create_dir_all(&dir).expect("look dir");
        std::fs::copy(&file.path, dir.join(format!("{name}.pdf"))).expect("copy");
        let pngs = file.render_pngs(80, &dir, name);
        eprintln!("{name}: {} pages: {pngs:?}", file.pages());
    }
}

/// Times a 365-day report (run with `--release --ignored --nocapture`).
#[test]
#[ignore = "timing, run by hand in release mode"]
fn year_render_time() {
    let mut f = fixture(date(2026, 1, 1), 365, 11, &[]);
    f.report.sections = SummarySection::ALL.to_vec();
    let runs = 20;
    let start = std::time::Instant::now();
    let mut bytes = 0;
    for _ in 0..runs {
        bytes = render_summary_pdf(&f.report).expect("renders").len();
    }
    let each = start.elapsed() / runs;
    eprintln!("365-day summary: {each:?} per render, {bytes} bytes");
}
