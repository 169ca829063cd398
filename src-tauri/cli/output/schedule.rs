//! Meetings and their coming times, for people reading a terminal. Free text is kept on one
//! line; `--json` gives everything in full.

use chrono::{DateTime, FixedOffset};
use waymark_core::schedule::ics::IcsImportReport;
use waymark_core::schedule::zone::system_zone;
use waymark_core::schedule::{Attendance, Meeting, Occurrence};

use super::text::{cell, clip, one_line, padded, CELL_CHARS};

/// Prints `message` when there is nothing to list.
pub(super) fn empty(items: usize, message: &str) -> bool {
    if items == 0 {
        outln!("{message}");
    }
    items == 0
}

/// A reminder lead in words: `1 day`, `1 hour 30 minutes`, `at the start`.
pub fn lead(minutes: u32) -> String {
    if minutes == 0 {
        return "at the start".to_string();
    }
    let units = [
        (7 * 24 * 60, "week"),
        (24 * 60, "day"),
        (60, "hour"),
        (1, "minute"),
    ];
    let mut left = minutes;
    let mut parts = Vec::new();
    for (size, name) in units {
        let n = left / size;
        if n > 0 {
            parts.push(format!("{n} {name}{}", if n == 1 { "" } else { "s" }));
            left %= size;
        }
    }
    format!("{} before", parts.join(" "))
}

/// Every meeting, one line each.
pub fn meetings(meetings: &[Meeting]) {
    if empty(
        meetings.len(),
        "No meetings yet. Add one with `waymark meeting add --title TEXT --kind KIND --date \
         YYYY-MM-DD --time HH:MM`.",
    ) {
        return;
    }
    outln!(
        "{:>6}  {:<14}  {:<16}  {:<20}  {:<30}  {:<30}  PLACE",
        "ID",
        "KIND",
        "FIRST START",
        "ZONE",
        "REPEATS",
        "TITLE"
    );
    let home = system_zone().name();
    for m in meetings {
        // The zone is named only when it is not this computer's.
        let zone = if m.time_zone == home {
            ""
        } else {
            m.time_zone.as_str()
        };
        outln!(
            "{:>6}  {:<14}  {:<16}  {}  {}  {}  {}",
            m.id,
            m.kind.key(),
            m.start_local.replacen('T', " ", 1),
            padded(zone, 20),
            padded(&m.recurrence.describe(), 30),
            padded(&m.title, 30),
            cell(m.place.as_deref())
        );
    }
}

/// One meeting in full.
pub fn meeting(m: &Meeting) {
    outln!("Meeting {}: {}", m.id, one_line(&m.title));
    outln!("Kind:       {}", m.kind.label());
    outln!(
        "Starts:     {} ({})",
        m.start_local.replacen('T', " ", 1),
        m.time_zone
    );
    outln!("Lasts:      {} minutes", m.duration_minutes);
    let until = m
        .until
        .as_deref()
        .map(|u| format!(", until {u}"))
        .unwrap_or_default();
    outln!("Repeats:    {}{until}", m.recurrence.describe());
    if let Some(place) = &m.place {
        outln!("Place:      {}", one_line(place));
    }
    if let Some(link) = &m.link {
        outln!("Link:       {}", one_line(link));
    }
    let reminders: Vec<String> = m.reminder_minutes.iter().map(|&l| lead(l)).collect();
    outln!(
        "Reminders:  {}",
        if reminders.is_empty() {
            "none".to_string()
        } else {
            reminders.join(", ")
        }
    );
    for e in &m.exceptions {
        match &e.moved_to {
            Some(to) => outln!("Moved:      {} to {}", e.occurrence, to),
            None => outln!("Skipped:    {}", e.occurrence),
        }
    }
    if let Some(notes) = &m.notes {
        outln!("Notes:");
        for line in notes.lines() {
            outln!("  {}", one_line(line));
        }
    }
}

fn instant(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text).ok()
}

/// The coming times of meetings, soonest first, with the occurrence each command takes.
pub fn occurrences(items: &[Occurrence]) {
    if empty(items.len(), "No meetings in that time.") {
        return;
    }
    let home = system_zone();
    let rows: Vec<(String, String, &Occurrence)> = items
        .iter()
        .map(|o| {
            let Some(at) = instant(&o.starts_at) else {
                return (String::new(), o.starts_at.clone(), o);
            };
            let mut time = at.format("%H:%M").to_string();
            if o.time_zone != home.name() {
                let here = at.with_timezone(&home).format("%a %H:%M");
                time = format!("{time} {} ({here} here)", o.time_zone);
            }
            (at.format("%a %d %b %Y").to_string(), time, o)
        })
        .collect();
    let width = rows
        .iter()
        .map(|(_, t, _)| t.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    outln!(
        "{:<15}  {:<width$}  {:<30}  {:<24}  {:<16}  {:>7}  OCCURRENCE",
        "DAY",
        "TIME",
        "TITLE",
        "PLACE",
        "STATUS",
        "MEETING"
    );
    for (day, time, o) in rows {
        let mut status = Vec::new();
        if o.moved {
            status.push("moved");
        }
        match o.attendance {
            Some(Attendance::Attended) => status.push("attended"),
            Some(Attendance::Missed) => status.push("missed"),
            None => {}
        }
        outln!(
            "{:<15}  {:<width$}  {}  {}  {:<16}  {:>7}  {}",
            day,
            time,
            padded(&o.title, 30),
            padded(o.place.as_deref().unwrap_or(""), 24),
            status.join(", "),
            o.meeting_id,
            o.occurrence
        );
    }
}

/// What importing a calendar file did: how many were added, and why each other was left out.
pub fn import_report(report: &IcsImportReport) {
    let count = report.imported.len();
    outln!(
        "Imported {count} meeting{}.",
        if count == 1 { "" } else { "s" }
    );
    for skipped in &report.skipped {
        outln!(
            "Skipped \"{}\": {}",
            clip(&skipped.title, CELL_CHARS),
            one_line(&skipped.reason)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leads_read_as_words() {
        assert_eq!(lead(90), "1 hour 30 minutes before");
        assert_eq!(lead(1440), "1 day before");
        assert_eq!(lead(0), "at the start");
    }
}
