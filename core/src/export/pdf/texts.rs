//! The sections made of the person's own words: the relapse-prevention plan, journal
//! excerpts and shared notes. All of it wraps and flows across pages.

use super::format;
use super::layout::{colour, size, Layout, Op, Style, CONTENT_WIDTH, LEADING, MARGIN};
use super::sections::{heading, say};
use crate::export::{NoteKind, SummaryReport, SummarySection};
use crate::plan::{WarningSignKind, WarningSignStage};

/// The heading of the shared notes, printed only when the report holds some.
pub const NOTES_HEADING: &str = "Notes the person chose to share";

/// The width of the label column in the plan.
const LABEL_WIDTH: f32 = 112.0;
/// How far a bullet's text sits from its bullet.
const BULLET_INDENT: f32 = 9.0;

/// Draws `text` as a bulleted paragraph at `x`, `width` wide, flowing across pages.
fn bullet(layout: &mut Layout, x: f32, width: f32, style: Style, text: &str) {
    let printable = layout.printable(text.trim(), style.weight);
    let lines = layout.wrap(&printable, style.size, style.weight, width - BULLET_INDENT);
    let line_height = style.size * LEADING;
    for (i, line) in lines.iter().enumerate() {
        let top = layout.block(line_height);
        if i == 0 {
            layout.push(Op::Text {
                x,
                y: top + style.size,
                size: style.size,
                weight: style.weight,
                colour: colour::MUTED,
                text: "•".to_string(),
            });
        }
        if !line.is_empty() {
            layout.push(Op::Text {
                x: x + BULLET_INDENT,
                y: top + style.size,
                size: style.size,
                weight: style.weight,
                colour: style.colour,
                text: line.clone(),
            });
        }
    }
}

/// A bold label in the left column beside a bulleted list; nothing when the list is empty.
fn labelled_list(layout: &mut Layout, label: &str, items: &[String]) {
    let items: Vec<&String> = items.iter().filter(|i| !i.trim().is_empty()).collect();
    if items.is_empty() {
        return;
    }
    layout.ensure(size::BODY * LEADING * 2.0);
    let top = layout.y;
    let label_lines = layout.lines_at(MARGIN, top, LABEL_WIDTH - 8.0, Style::BODY_BOLD, label);
    for item in items {
        bullet(
            layout,
            MARGIN + LABEL_WIDTH,
            CONTENT_WIDTH - LABEL_WIDTH,
            Style::BODY,
            item,
        );
    }
    // A label longer than its list still gets its room.
    layout.y = layout.y.max(top + label_lines);
    layout.gap(4.0);
}

/// Drops a leading word (e.g. "If" or "then") the person may have typed themselves.
fn without_leading(text: &str, word: &str) -> String {
    let trimmed = text.trim();
    if let (Some(head), Some(rest)) = (trimmed.get(..word.len()), trimmed.get(word.len()..)) {
        if head.eq_ignore_ascii_case(word)
            && (rest.starts_with(char::is_whitespace) || rest.starts_with(','))
        {
            return rest
                .trim_start_matches(|c: char| c == ',' || c.is_whitespace())
                .to_string();
        }
    }
    trimmed.to_string()
}

/// The relapse-prevention plan's non-empty lists.
pub fn plan(layout: &mut Layout, report: &SummaryReport) {
    heading(layout, SummarySection::Plan.heading(), 30.0);
    let Some(plan) = report.plan.as_ref().filter(|p| !p.is_empty()) else {
        say(layout, "No relapse-prevention plan has been written yet.");
        return;
    };
    labelled_list(layout, "Reasons for recovery", &plan.reasons);
    let mut signs = Vec::new();
    for stage in WarningSignStage::ALL {
        for kind in WarningSignKind::ALL {
            for sign in plan
                .warning_signs
                .iter()
                .filter(|s| s.stage == stage && s.kind == kind && !s.text.trim().is_empty())
            {
                signs.push(format!(
                    "{} · {}: {}",
                    stage.label(),
                    kind.label().to_lowercase(),
                    sign.text.trim()
                ));
            }
        }
    }
    labelled_list(layout, "Warning signs", &signs);
    let situations: Vec<String> = plan
        .high_risk_situations
        .iter()
        .filter(|p| !p.situation.trim().is_empty() || !p.plan.trim().is_empty())
        .map(|p| {
            format!(
                "If {}, then {}",
                without_leading(&p.situation, "if"),
                without_leading(&p.plan, "then")
            )
        })
        .collect();
    labelled_list(layout, "High-risk situations", &situations);
    labelled_list(layout, "People to call", &plan.people_to_call);
    labelled_list(layout, "Safe places", &plan.safe_places);
    labelled_list(layout, "Safe activities", &plan.safe_activities);
    labelled_list(layout, "Aftercare", &plan.aftercare);
}

/// A day's title line and the first two lines of what follows, kept together.
const ENTRY_KEEP: f32 = size::BODY * LEADING * 3.0 + 1.0;

/// A day's line above a piece of the person's writing.
fn entry_title(layout: &mut Layout, text: &str) {
    layout.ensure(ENTRY_KEEP);
    layout.paragraph(MARGIN, CONTENT_WIDTH, Style::BODY_BOLD, text);
}

/// The journal entries the person chose to share, oldest first.
pub fn journal(layout: &mut Layout, report: &SummaryReport) {
    heading(
        layout,
        SummarySection::JournalExcerpts.heading(),
        ENTRY_KEEP,
    );
    if report.journal.is_empty() {
        say(layout, "No journal entries in these days.");
        return;
    }
    for entry in &report.journal {
        entry_title(layout, &format::day_with_weekday(&entry.day));
        say(layout, &entry.text);
        if let Some(well) = entry.went_well.as_deref().filter(|w| !w.trim().is_empty()) {
            layout.gap(1.5);
            let style = Style {
                colour: colour::MUTED,
                ..Style::BODY
            };
            layout.paragraph(
                MARGIN,
                CONTENT_WIDTH,
                style,
                &format!("Went well: {}", well.trim()),
            );
        }
        layout.gap(6.0);
    }
}

fn note_kind(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Craving => "Craving note",
        NoteKind::Mood => "Mood note",
        NoteKind::Checkin => "Check-in note",
        NoteKind::Lapse => "Lapse reflection",
    }
}

/// The private notes the person chose to share, oldest first.
pub fn notes(layout: &mut Layout, report: &SummaryReport) {
    heading(layout, NOTES_HEADING, ENTRY_KEEP);
    for note in &report.notes {
        entry_title(
            layout,
            &format!(
                "{} · {}",
                format::day_with_weekday(&note.day),
                note_kind(note.kind)
            ),
        );
        say(layout, &note.text);
        layout.gap(6.0);
    }
}
