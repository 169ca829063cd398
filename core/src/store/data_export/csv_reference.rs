//! The CSV files of reference data: meetings and attendance, triggers, coping strategies,
//! contacts and helplines.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::csv_zip::{col, number, required, text, words, yes_no, CsvFile, LIST_SEPARATOR};
use super::dump::{Dump, RowRef};
use crate::error::Result;
use crate::journal::content::TriggerCategory;
use crate::library::StrategyCategory;
use crate::schedule::{MeetingKind, Recurrence};
use crate::support::ContactRole;

/// A stored local start `YYYY-MM-DDTHH:MM` shown as `YYYY-MM-DD HH:MM`.
fn local_start(value: &str) -> String {
    NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|_| value.to_string())
}

fn meetings(dump: &Dump) -> Result<CsvFile> {
    let columns = vec![
        words("title", "Its name."),
        col("kind", "What kind of meeting or appointment it is."),
        col(
            "first_start",
            "The first time it happens (YYYY-MM-DD HH:MM, in its time zone).",
        ),
        col("time_zone", "The time zone its times are in."),
        col("duration_minutes", "How long it lasts, in minutes."),
        col("repeats", "How it repeats."),
        col(
            "until",
            "The last day it can happen on; blank if it has no end.",
        ),
        words("place", "Where it is."),
        words("link", "Its web link, for online meetings."),
        words("notes", "Your notes."),
        col("reminders", "Reminders, in minutes before it starts."),
        col("skipped", "Occurrences you skipped (their planned start)."),
        col(
            "moved",
            "Occurrences you moved, as planned start -> new start.",
        ),
    ];
    let mut skipped: HashMap<i64, Vec<String>> = HashMap::new();
    let mut moved: HashMap<i64, Vec<String>> = HashMap::new();
    for r in dump.table("meeting_exception")?.rows() {
        let (Some(id), Some(occurrence)) = (r.int("meeting_id"), r.text("occurrence")) else {
            continue;
        };
        match r.text("moved_to") {
            None => skipped.entry(id).or_default().push(local_start(occurrence)),
            Some(to) => moved.entry(id).or_default().push(format!(
                "{} -> {}",
                local_start(occurrence),
                local_start(to)
            )),
        }
    }
    let mut rows = Vec::new();
    for r in dump.table("meeting")?.rows() {
        let id = required(&r, "id")?;
        let kind = r.text("kind").unwrap_or_default();
        let recurrence = r
            .text("recurrence")
            .and_then(|t| serde_json::from_str::<Recurrence>(t).ok())
            .map_or_else(String::new, |rec| rec.describe());
        let reminders = r
            .text("reminder_minutes")
            .and_then(|t| serde_json::from_str::<Vec<u32>>(t).ok())
            .unwrap_or_default()
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR);
        rows.push(vec![
            text(r.text("title")),
            MeetingKind::from_key(kind).map_or_else(|| kind.to_string(), |k| k.label().into()),
            local_start(r.text("start_local").unwrap_or_default()),
            text(r.text("time_zone")),
            number(r.int("duration_minutes")),
            recurrence,
            text(r.text("until_date")),
            text(r.text("place")),
            text(r.text("link")),
            text(r.text("notes")),
            reminders,
            skipped
                .get(&id)
                .map(|v| v.join(LIST_SEPARATOR))
                .unwrap_or_default(),
            moved
                .get(&id)
                .map(|v| v.join(LIST_SEPARATOR))
                .unwrap_or_default(),
        ]);
    }
    Ok(CsvFile {
        key: "meetings",
        about: "Your meetings and appointments.",
        columns,
        rows,
    })
}

fn attendance(dump: &Dump) -> Result<CsvFile> {
    let columns = vec![
        col("date", "The day it took place on (YYYY-MM-DD)."),
        words("meeting", "The meeting's title."),
        col(
            "planned_start",
            "When it was planned to start (YYYY-MM-DD HH:MM).",
        ),
        col("attended", "Whether you went (yes/no)."),
    ];
    let titles: HashMap<i64, &str> = dump
        .table("meeting")?
        .rows()
        .filter_map(|r| Some((r.int("id")?, r.text("title")?)))
        .collect();
    let mut marked: Vec<RowRef<'_>> = dump.table("meeting_attendance")?.rows().collect();
    marked.sort_by_key(|r| {
        (
            r.text("local_date"),
            r.text("occurrence"),
            r.int("meeting_id"),
        )
    });
    let rows = marked
        .iter()
        .map(|r| {
            vec![
                text(r.text("local_date")),
                text(r.int("meeting_id").and_then(|id| titles.get(&id).copied())),
                local_start(r.text("occurrence").unwrap_or_default()),
                yes_no(r.int("attended")),
            ]
        })
        .collect();
    Ok(CsvFile {
        key: "meeting_attendance",
        about: "Meetings you marked as attended or missed, oldest first.",
        columns,
        rows,
    })
}

fn triggers(dump: &Dump) -> Result<CsvFile> {
    let columns = vec![
        words("name", "The trigger's name."),
        col("category", "Its category."),
        col("archived", "Whether you archived it (yes/no)."),
    ];
    let mut list: Vec<RowRef<'_>> = dump.table("trigger_item")?.rows().collect();
    list.sort_by_key(|r| r.text("name").unwrap_or_default().to_lowercase());
    let rows = list
        .iter()
        .map(|r| {
            let category = r.text("category").unwrap_or_default();
            vec![
                text(r.text("name")),
                TriggerCategory::from_key(category)
                    .map_or_else(|| category.to_string(), |c| c.label().into()),
                yes_no(r.int("archived")),
            ]
        })
        .collect();
    Ok(CsvFile {
        key: "triggers",
        about: "Your trigger catalogue, by name.",
        columns,
        rows,
    })
}

fn strategies(dump: &Dump) -> Result<CsvFile> {
    let columns = vec![
        words("title", "The strategy's title."),
        col("category", "Its category."),
        col(
            "yours",
            "yes for a strategy you added, no for one from Waymark's library.",
        ),
        col("starred", "Whether you starred it (yes/no)."),
        col("hidden", "Whether you hid it (yes/no)."),
        words("summary", "What it is, in one sentence."),
        words("steps", "Its steps, one per line."),
        col(
            "source",
            "For library strategies, the material it is drawn from.",
        ),
    ];
    let mut rows = Vec::new();
    for r in dump.table("coping_strategy")?.rows() {
        let category = r.text("category").unwrap_or_default();
        let steps: Vec<String> = r
            .text("steps")
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default();
        rows.push(vec![
            text(r.text("title")),
            StrategyCategory::from_key(category)
                .map_or_else(|| category.to_string(), |c| c.label().into()),
            yes_no(Some(i64::from(r.text("builtin_key").is_none()))),
            yes_no(r.int("starred")),
            yes_no(r.int("hidden")),
            text(r.text("summary")),
            steps.join("\n"),
            text(r.text("source")),
        ]);
    }
    Ok(CsvFile {
        key: "coping_strategies",
        about: "The coping strategies library and your own strategies, with your stars.",
        columns,
        rows,
    })
}

fn contacts(dump: &Dump) -> Result<CsvFile> {
    let columns = vec![
        col("order", "The order you would call them in (1 = first)."),
        words("name", "Their name."),
        col("role", "Who they are to you."),
        words("phone", "Their phone number."),
        words("email", "Their email address."),
        words("notes", "Your notes."),
    ];
    let mut list: Vec<RowRef<'_>> = dump.table("support_contact")?.rows().collect();
    list.sort_by_key(|r| (r.int("call_order"), r.int("id")));
    let rows = list
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let role = r.text("role").unwrap_or_default();
            vec![
                (i + 1).to_string(),
                text(r.text("name")),
                ContactRole::from_key(role).map_or_else(|| role.to_string(), |c| c.label().into()),
                text(r.text("phone")),
                text(r.text("email")),
                text(r.text("notes")),
            ]
        })
        .collect();
    Ok(CsvFile {
        key: "contacts",
        about: "Your support network, in the order you would call them.",
        columns,
        rows,
    })
}

fn helplines(dump: &Dump) -> Result<CsvFile> {
    let columns = vec![
        words("name", "The helpline's name."),
        words("number", "Its number."),
        words("note", "Your note."),
    ];
    let rows = dump
        .table("local_helpline")?
        .rows()
        .map(|r| {
            vec![
                text(r.text("name")),
                text(r.text("number")),
                text(r.text("note")),
            ]
        })
        .collect();
    Ok(CsvFile {
        key: "helplines",
        about: "Helplines you added yourself (the built-in ones are not included).",
        columns,
        rows,
    })
}

/// Every reference file, in the preview's order, then settings.
pub(crate) fn reference_files(dump: &Dump) -> Result<Vec<CsvFile>> {
    Ok(vec![
        meetings(dump)?,
        attendance(dump)?,
        triggers(dump)?,
        strategies(dump)?,
        contacts(dump)?,
        helplines(dump)?,
        super::csv_settings::plan(dump)?,
        super::csv_settings::settings(dump)?,
    ])
}
