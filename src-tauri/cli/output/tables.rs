//! One line per entry, for people reading a terminal. Free text is clipped and kept on one
//! line; `--json` gives everything in full.

use waymark_core::journal::content::journal_content;
use waymark_core::journal::{
    Checkin, Craving, JournalEntry, Lapse, Mood, Review, TimelineItem, Trigger, TriggerRef,
};

use waymark_core::insights::WhatWorks;
use waymark_core::library::Strategy;
use waymark_core::support::{Contact, RegionHelplines};

use super::text::{cell, clip, marked_excerpt, one_line, padded};

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

/// Coping strategies, in library order.
pub fn strategies(strategies: &[Strategy]) {
    if empty(
        strategies.len(),
        "No strategies to show. `waymark strategy list --all` includes hidden ones.",
    ) {
        return;
    }
    outln!(
        "{:>6}  {:<1}  {:<40}  {:<17}  {:<8}  HIDDEN",
        "ID",
        "★",
        "TITLE",
        "CATEGORY",
        "SOURCE"
    );
    for s in strategies {
        outln!(
            "{:>6}  {:<1}  {}  {:<17}  {:<8}  {}",
            s.id,
            if s.starred { "★" } else { " " },
            padded(&s.title, 40),
            s.category.key(),
            if s.custom { "own" } else { "built-in" },
            if s.hidden { "yes" } else { "no" }
        );
    }
}

/// A fraction as a whole percentage.
fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "-".to_string(), |r| format!("{:.0}%", r * 100.0))
}

/// "What works for me", best first, with the counts behind every figure.
pub fn what_works(rows: &[WhatWorks]) {
    if empty(
        rows.len(),
        "Nothing to rank yet. Log a craving with `--coped \"STRATEGY TITLE\"` and its outcome.",
    ) {
        return;
    }
    outln!(
        "{:>6}  {:<40}  {:>5}  {:>7}  {:>6}  {:>9}  AVG DROP",
        "ID",
        "STRATEGY",
        "TRIED",
        "OUTCOME",
        "PASSED",
        "PASS RATE"
    );
    for w in rows {
        let drop = w.average_drop.map_or_else(
            || "-".to_string(),
            |d| format!("{d:.1} (of {})", w.with_drop),
        );
        outln!(
            "{:>6}  {}  {:>5}  {:>7}  {:>6}  {:>9}  {drop}",
            w.strategy_id,
            padded(&w.title, 40),
            w.tried,
            w.with_outcome,
            w.passed,
            percent(w.pass_rate)
        );
    }
}

/// The support network, in call order.
pub fn contacts(contacts: &[Contact]) {
    if empty(
        contacts.len(),
        "No one in your support network yet. Add someone with `waymark contact add --name NAME`.",
    ) {
        return;
    }
    outln!(
        "{:>5}  {:>6}  {:<30}  {:<10}  {:<18}  {:<30}  NOTES",
        "ORDER",
        "ID",
        "NAME",
        "ROLE",
        "PHONE",
        "EMAIL"
    );
    for c in contacts {
        outln!(
            "{:>5}  {:>6}  {}  {:<10}  {}  {}  {}",
            c.call_order + 1,
            c.id,
            padded(&c.name, 30),
            c.role.key(),
            padded(c.phone.as_deref().unwrap_or(""), 18),
            padded(c.email.as_deref().unwrap_or(""), 30),
            cell(c.notes.as_deref())
        );
    }
}

/// The helplines for a region, then the person's own.
pub fn helplines(lines: &RegionHelplines) {
    match lines.region.as_deref() {
        Some(region) if !lines.builtin.is_empty() => {
            outln!("Helplines ({}):", region.to_uppercase());
        }
        Some(_) => outln!(
            "Waymark has no helplines for your region; `waymark helplines --region uk|us` shows \
             the ones it has."
        ),
        None => outln!(
            "No region is set. Run `waymark profile set --region uk|us|other`, or `waymark \
             helplines --region uk|us`."
        ),
    }
    for h in &lines.builtin {
        outln!(
            "  {:<16}  {}  ({}; {})",
            h.number,
            one_line(&h.name),
            h.kind.label(),
            one_line(&h.hours)
        );
    }
    if !lines.local.is_empty() {
        outln!("Your own:");
        for l in &lines.local {
            let note = l
                .note
                .as_deref()
                .map(|n| format!("  ({})", clip(n, 60)))
                .unwrap_or_default();
            outln!("  {:<16}  {}{note}", one_line(&l.number), clip(&l.name, 60));
        }
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
