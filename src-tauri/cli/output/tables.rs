//! One line per entry, for people reading a terminal. Free text is clipped and kept on one
//! line; `--json` gives everything in full.

use waymark_core::journal::content::journal_content;
use waymark_core::journal::{
    Checkin, Craving, JournalEntry, Lapse, Mood, Review, TimelineItem, Trigger, TriggerRef,
};

use super::text::{cell, clip, marked_excerpt, padded};

fn names(triggers: &[TriggerRef]) -> String {
    triggers
        .iter()
        .map(|t| t.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn empty(items: usize, message: &str) -> bool {
    if items == 0 {
        outln!("{message}");
    }
    items == 0
}

/// Cravings, newest first.
pub fn cravings(cravings: &[Craving]) {
    if empty(cravings.len(), "No cravings logged yet.") {
        return;
    }
    outln!(
        "{:>6}  {:<25}  {:>9}  {:<8}  {:<24}  NOTE",
        "ID",
        "WHEN",
        "INTENSITY",
        "OUTCOME",
        "TRIGGERS"
    );
    for c in cravings {
        let outcome = c.outcome.map_or("", |o| o.key());
        outln!(
            "{:>6}  {:<25}  {:>9}  {:<8}  {}  {}",
            c.id,
            c.occurred_at,
            c.intensity,
            outcome,
            padded(&names(&c.triggers), 24),
            cell(c.note.as_deref())
        );
    }
}

/// The trigger catalogue.
pub fn triggers(triggers: &[Trigger]) {
    if empty(
        triggers.len(),
        "No triggers yet. Add one with `waymark trigger add --name NAME --category CATEGORY`.",
    ) {
        return;
    }
    outln!(
        "{:>6}  {:<40}  {:<20}  {:>4}  ARCHIVED",
        "ID",
        "NAME",
        "CATEGORY",
        "USES"
    );
    for t in triggers {
        outln!(
            "{:>6}  {}  {:<20}  {:>4}  {}",
            t.id,
            padded(&t.name, 40),
            t.category.key(),
            t.uses,
            if t.archived { "yes" } else { "no" }
        );
    }
}

/// Mood check-ins, newest first.
pub fn moods(moods: &[Mood]) {
    if empty(moods.len(), "No mood check-ins yet.") {
        return;
    }
    outln!(
        "{:>6}  {:<25}  {:>4}  {:<30}  NOTE",
        "ID",
        "WHEN",
        "MOOD",
        "FEELINGS"
    );
    for m in moods {
        outln!(
            "{:>6}  {:<25}  {:>4}  {}  {}",
            m.id,
            m.occurred_at,
            m.mood,
            padded(&m.feelings.join(", "), 30),
            cell(m.note.as_deref())
        );
    }
}

/// Journal entries, newest day first.
pub fn journal_entries(entries: &[JournalEntry]) {
    if empty(entries.len(), "No journal entries yet.") {
        return;
    }
    outln!("{:>6}  {:<10}  {:<24}  TEXT", "ID", "DATE", "TAGS");
    for j in entries {
        let tags = j
            .tags
            .iter()
            .map(|t| format!("#{t}"))
            .collect::<Vec<_>>()
            .join(" ");
        outln!(
            "{:>6}  {:<10}  {}  {}",
            j.id,
            j.date,
            padded(&tags, 24),
            cell(Some(&j.body))
        );
    }
}

/// A check-in's answers in a few characters each: `slept:y ate:n used:-`.
fn answers(c: &Checkin) -> String {
    let a = &c.answers;
    [
        ("slept", a.slept_well),
        ("ate", a.ate_well),
        ("med", a.took_medication),
        ("support", a.attended_support),
        ("contact", a.contacted_someone),
        ("active", a.healthy_activity),
        ("risky", a.high_risk_situation),
        ("used", a.used_today),
    ]
    .iter()
    .filter_map(|(label, answer)| {
        answer.map(|yes| format!("{label}:{}", if yes { "y" } else { "n" }))
    })
    .collect::<Vec<_>>()
    .join(" ")
}

/// Daily check-ins, newest day first.
pub fn checkins(checkins: &[Checkin]) {
    if empty(checkins.len(), "No daily check-ins yet.") {
        return;
    }
    outln!(
        "{:>6}  {:<10}  {:>3}  {:<44}  NOTE",
        "ID",
        "DATE",
        "DAY",
        "ANSWERS"
    );
    for c in checkins {
        outln!(
            "{:>6}  {:<10}  {:>3}  {}  {}",
            c.id,
            c.date,
            c.day_rating.map(|d| d.to_string()).unwrap_or_default(),
            padded(&answers(c), 44),
            cell(c.note.as_deref())
        );
    }
}

/// Weekly reviews, newest week first.
pub fn reviews(reviews: &[Review]) {
    if empty(reviews.len(), "No weekly reviews yet.") {
        return;
    }
    outln!("{:>6}  {:<10}  {:>7}  NOTE", "ID", "WEEK OF", "ANSWERS");
    for r in reviews {
        outln!(
            "{:>6}  {:<10}  {:>7}  {}",
            r.id,
            r.week_start,
            r.answers.len(),
            cell(r.note.as_deref())
        );
    }
}

/// Lapses, newest first.
pub fn lapses(lapses: &[Lapse]) {
    if empty(lapses.len(), "No lapses written down.") {
        return;
    }
    outln!(
        "{:>6}  {:<25}  {:<8}  {:<24}  LEARNED",
        "ID",
        "WHEN",
        "RESTART",
        "TRIGGERS"
    );
    for l in lapses {
        outln!(
            "{:>6}  {:<25}  {:<8}  {}  {}",
            l.id,
            l.occurred_at,
            if l.restarts_counter { "yes" } else { "no" },
            padded(&names(&l.triggers), 24),
            cell(l.learned.as_deref().or(l.situation.as_deref()))
        );
    }
}

/// Timeline lines, as core orders them.
pub fn timeline(items: &[TimelineItem]) {
    if empty(items.len(), "Nothing in that range.") {
        return;
    }
    for item in items {
        let time = item
            .at
            .as_deref()
            .and_then(|at| at.get(11..16))
            .unwrap_or("");
        let mut line = format!(
            "{}  {:<5}  {:<7} {:>5}  {}",
            item.day,
            time,
            item.entry.kind.key(),
            item.entry.id,
            clip(&item.summary, 60)
        );
        if let Some(excerpt) = &item.excerpt {
            line.push_str(" — ");
            line.push_str(&cell(Some(excerpt)));
        }
        outln!("{line}");
    }
}

/// Search results, best first, matches in `[brackets]`.
pub fn search(items: &[TimelineItem]) {
    if empty(items.len(), "Nothing matched.") {
        return;
    }
    for item in items {
        let mut line = format!(
            "{:<7} {:>5}  {}  {}",
            item.entry.kind.key(),
            item.entry.id,
            item.day,
            clip(&item.summary, 60)
        );
        if let Some(excerpt) = &item.excerpt {
            line.push_str(" — ");
            line.push_str(&marked_excerpt(excerpt));
        }
        outln!("{line}");
    }
}

/// The feelings a mood or lapse can name.
pub fn feelings() {
    outln!("{:<14}  {:<14}  TONE", "KEY", "FEELING");
    for f in &journal_content().feeling {
        let tone = serde_json::to_value(f.tone)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        outln!("{:<14}  {:<14}  {tone}", f.key, f.label);
    }
}

/// The weekly review's questions.
pub fn questions() {
    use waymark_core::journal::content::AnswerKind;
    for q in &journal_content().weekly_question {
        let range = match q.answer {
            AnswerKind::Days => "0-7 days".to_string(),
            AnswerKind::Scale => format!(
                "0-10 (0 = {}, 10 = {})",
                q.low.as_deref().unwrap_or("low"),
                q.high.as_deref().unwrap_or("high")
            ),
        };
        outln!("{}  [{range}]", q.key);
        outln!("    {}", q.prompt);
    }
}
