//! Recovery time, the profile, and the safety card, in plain words.

use waymark_core::journal::content::journal_content;
use waymark_core::journal::{Profile, RecoverySummary};

fn days(n: u32) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

/// The recovery summary as a few lines of text.
pub fn summary(s: &RecoverySummary) {
    let Some(start) = &s.start_date else {
        outln!("No recovery start date is set yet.");
        outln!("Set one with `waymark recovery set-start YYYY-MM-DD`.");
        if s.lapses > 0 {
            outln!("Lapses written down: {}", s.lapses);
        }
        return;
    };
    let current_start = s
        .periods
        .last()
        .map_or(start.as_str(), |p| p.start.as_str());
    outln!("Current: {} (since {current_start})", days(s.current_days));
    if let Some(m) = &s.last_milestone {
        outln!("Last milestone: {} on {}", m.label, m.date);
    }
    if let Some(m) = &s.next_milestone {
        let to_go = m.days.saturating_sub(s.current_days);
        outln!(
            "Next milestone: {} on {} ({} to go)",
            m.label,
            m.date,
            days(to_go)
        );
    }
    outln!("Recovery start: {start}");
    outln!(
        "Attempts: {}   Longest: {}   Total: {}   Lapses written down: {}",
        s.attempts,
        days(s.longest_days),
        days(s.total_days),
        s.lapses
    );
    if s.periods.len() > 1 {
        outln!();
        for p in &s.periods {
            let end = p.end.as_deref().unwrap_or("now");
            outln!("  {} to {:<10}  {}", p.start, end, days(p.days));
        }
    }
}

fn region_label(key: &str) -> String {
    journal_content()
        .region
        .iter()
        .find(|r| r.key == key)
        .map_or_else(|| key.to_string(), |r| r.label.clone())
}

fn medication_label(key: &str) -> String {
    journal_content()
        .medication
        .iter()
        .find(|m| m.key == key)
        .map_or_else(|| key.to_string(), |m| m.label.clone())
}

/// The profile as text.
pub fn profile(p: &Profile) {
    outln!(
        "Recovery start: {}",
        p.recovery_start.as_deref().unwrap_or("not set")
    );
    outln!(
        "Region: {}",
        p.region
            .as_deref()
            .map_or_else(|| "not set".to_string(), region_label)
    );
    outln!(
        "Medication: {}",
        p.medication
            .as_deref()
            .map_or_else(|| "none".to_string(), medication_label)
    );
}

/// The emergency number to show for the profile's region, in words.
fn emergency_line(region: Option<&str>) -> String {
    let number = region.and_then(|key| {
        journal_content()
            .region
            .iter()
            .find(|r| r.key == key)
            .map(|r| r.emergency.trim().to_string())
            .filter(|n| !n.is_empty())
    });
    match number {
        Some(n) => format!("In an emergency, call {n}."),
        None if region.is_none() => "In an emergency, call your local emergency number. (Run \
             `waymark profile set --region uk|us|other` to see it here.)"
            .to_string(),
        None => "In an emergency, call your local emergency number.".to_string(),
    }
}

/// Why the card is shown, in a kind word.
#[derive(Debug, Clone, Copy)]
pub enum CardReason {
    /// After a lapse was written down.
    Lapse,
    /// After a craving or check-in that records use.
    Use,
}

/// The opioid safety card, on stderr so stdout keeps only the id.
pub fn safety_card(reason: CardReason, region: Option<&str>) {
    let opening = match reason {
        CardReason::Lapse => {
            "Thank you for writing this down. A lapse is information, not failure: what you \
             noted can help you next time."
        }
        CardReason::Use => "Thank you for being honest about it; that takes courage.",
    };
    errln!();
    errln!("{opening}");
    errln!("If you use again, please keep yourself safe:");
    for fact in &journal_content().safety_fact {
        errln!("  * {}: {}", fact.title, fact.text);
    }
    errln!("{}", emergency_line(region));
}
