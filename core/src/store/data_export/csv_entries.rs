//! The CSV files of entries: cravings, moods, journal, check-ins, weekly reviews and lapses,
//! oldest first, with links (triggers, coping, feelings, tags) joined into their row.

use std::collections::BTreeMap;

use super::csv_zip::{
    col, feeling_label, grouped, joined, linked_trigger_names, local_parts, number, required, text,
    words, yes_no, Column, CsvFile, LIST_SEPARATOR,
};
use super::dump::{Dump, RowRef};
use crate::error::Result;
use crate::journal::content::{journal_content, AnswerKind};
use crate::journal::CheckinAnswers;

fn when_columns() -> Vec<Column> {
    vec![
        col("date", "The day, in your own time (YYYY-MM-DD)."),
        col("time", "The time, in your own time (HH:MM)."),
        col(
            "utc_offset",
            "Your offset from UTC at that moment, e.g. +01:00.",
        ),
    ]
}

/// Rows of `table` sorted by when they happened, then by id.
fn by_time<'a>(dump: &'a Dump, table: &str) -> Result<Vec<RowRef<'a>>> {
    let mut rows: Vec<RowRef<'a>> = dump.table(table)?.rows().collect();
    rows.sort_by_key(|r| (r.int("occurred_at"), r.int("id")));
    Ok(rows)
}

/// Rows of `table` sorted by a day column, then by id.
fn by_day<'a>(dump: &'a Dump, table: &str, column: &str) -> Result<Vec<RowRef<'a>>> {
    let mut rows: Vec<RowRef<'a>> = dump.table(table)?.rows().collect();
    rows.sort_by_key(|r| (r.text(column), r.int("id")));
    Ok(rows)
}

fn labels(map: &mut std::collections::HashMap<i64, Vec<String>>) {
    for list in map.values_mut() {
        for item in list.iter_mut() {
            *item = feeling_label(item);
        }
    }
}

fn cravings(dump: &Dump) -> Result<CsvFile> {
    let mut columns = when_columns();
    columns.extend([
        col(
            "intensity",
            "How strong the craving was, 0 (none) to 10 (strongest).",
        ),
        col("duration_minutes", "How long it lasted, in minutes."),
        col("hungry", "HALT: you felt hungry (yes/no)."),
        col("angry", "HALT: you felt angry (yes/no)."),
        col("lonely", "HALT: you felt lonely (yes/no)."),
        col("tired", "HALT: you felt tired (yes/no)."),
        words("triggers", "Its triggers, by name."),
        words("place", "Where you were."),
        words("with_whom", "Who you were with."),
        words("activity", "What you were doing."),
        words("coping", "What you tried, in the order you noted it."),
        col("outcome", "How it ended: passed, used, or ongoing."),
        col("intensity_after", "How strong it was afterwards, 0 to 10."),
        words("note", "Your note."),
    ]);
    let triggers = linked_trigger_names(dump, "craving_trigger", "craving_id")?;
    let coping = grouped(dump, "craving_coping", "craving_id", "strategy")?;
    let mut rows = Vec::new();
    for r in by_time(dump, "craving")? {
        let id = required(&r, "id")?;
        let mut row = local_parts(&r)?.to_vec();
        row.extend([
            number(r.int("intensity")),
            number(r.int("duration_minutes")),
            yes_no(r.int("hungry")),
            yes_no(r.int("angry")),
            yes_no(r.int("lonely")),
            yes_no(r.int("tired")),
            joined(&triggers, id),
            text(r.text("place")),
            text(r.text("with_whom")),
            text(r.text("activity")),
            joined(&coping, id),
            text(r.text("outcome")),
            number(r.int("intensity_after")),
            text(r.text("note")),
        ]);
        rows.push(row);
    }
    Ok(CsvFile {
        key: "cravings",
        about: "Every craving you logged, oldest first.",
        columns,
        rows,
    })
}

fn moods(dump: &Dump) -> Result<CsvFile> {
    let mut columns = when_columns();
    columns.extend([
        col("mood", "Your mood, 1 (very low) to 10 (very good)."),
        col("feelings", "The feelings you picked."),
        words("note", "Your note."),
    ]);
    let mut feelings = grouped(dump, "mood_feeling", "mood_id", "feeling")?;
    labels(&mut feelings);
    let mut rows = Vec::new();
    for r in by_time(dump, "mood_checkin")? {
        let id = required(&r, "id")?;
        let mut row = local_parts(&r)?.to_vec();
        row.extend([
            number(r.int("mood")),
            joined(&feelings, id),
            text(r.text("note")),
        ]);
        rows.push(row);
    }
    Ok(CsvFile {
        key: "moods",
        about: "Every mood check-in, oldest first.",
        columns,
        rows,
    })
}

fn journal(dump: &Dump) -> Result<CsvFile> {
    let columns = vec![
        col("date", "The day the entry is for (YYYY-MM-DD)."),
        words("text", "What you wrote (Markdown as typed)."),
        words("went_well", "One thing that went well."),
        words("tags", "Your tags."),
    ];
    let tags = grouped(dump, "journal_tag", "entry_id", "tag")?;
    let mut rows = Vec::new();
    for r in by_day(dump, "journal_entry", "entry_date")? {
        let id = required(&r, "id")?;
        rows.push(vec![
            text(r.text("entry_date")),
            text(r.text("body")),
            text(r.text("went_well")),
            joined(&tags, id),
        ]);
    }
    Ok(CsvFile {
        key: "journal",
        about: "Your daily journal entries, oldest first.",
        columns,
        rows,
    })
}

fn checkins(dump: &Dump) -> Result<CsvFile> {
    let mut columns = vec![col("date", "The day of the check-in (YYYY-MM-DD).")];
    let answers = CheckinAnswers::default().labelled();
    for (name, label, _) in answers {
        columns.push(col(name, &format!("{label} (yes/no; blank if skipped).")));
    }
    columns.push(col("day_rating", "How the day went, 1 to 10."));
    columns.push(words("note", "Your note."));
    let mut rows = Vec::new();
    for r in by_day(dump, "daily_checkin", "checkin_date")? {
        let mut row = vec![text(r.text("checkin_date"))];
        row.extend(answers.iter().map(|(name, _, _)| yes_no(r.int(name))));
        row.push(number(r.int("day_rating")));
        row.push(text(r.text("note")));
        rows.push(row);
    }
    Ok(CsvFile {
        key: "checkins",
        about: "Your daily aftercare check-ins, oldest first.",
        columns,
        rows,
    })
}

fn weekly_reviews(dump: &Dump) -> Result<CsvFile> {
    let questions = &journal_content().weekly_question;
    let mut columns = vec![col(
        "week_start",
        "The Monday the week starts on (YYYY-MM-DD).",
    )];
    for q in questions {
        let range = match q.answer {
            AnswerKind::Days => "0 to 7 days".to_string(),
            AnswerKind::Scale => format!(
                "0 ({}) to 10 ({})",
                q.low.as_deref().unwrap_or("lowest"),
                q.high.as_deref().unwrap_or("highest")
            ),
        };
        columns.push(col(&q.key, &format!("{} Answer: {range}.", q.prompt)));
    }
    columns.push(col(
        "other_answers",
        "Answers to questions no longer asked, as question=answer.",
    ));
    columns.push(words("note", "Your note."));
    let mut rows = Vec::new();
    for r in by_day(dump, "weekly_review", "week_start")? {
        let answers: BTreeMap<String, i64> = r
            .text("answers")
            .and_then(|a| serde_json::from_str(a).ok())
            .unwrap_or_default();
        let mut row = vec![text(r.text("week_start"))];
        row.extend(
            questions
                .iter()
                .map(|q| number(answers.get(&q.key).copied())),
        );
        let other: Vec<String> = answers
            .iter()
            .filter(|(k, _)| !questions.iter().any(|q| &q.key == *k))
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        row.push(other.join(LIST_SEPARATOR));
        row.push(text(r.text("note")));
        rows.push(row);
    }
    Ok(CsvFile {
        key: "weekly_reviews",
        about: "Your weekly reviews, oldest first; one column per question.",
        columns,
        rows,
    })
}

fn lapses(dump: &Dump) -> Result<CsvFile> {
    let mut columns = when_columns();
    columns.extend([
        words("triggers", "What led up to it, by trigger name."),
        col("feelings", "The feelings you picked."),
        words("situation", "The situation, in your words."),
        words("learned", "What you learned."),
        words("next_time", "What you will do next time."),
        col(
            "restarted_counter",
            "Whether you chose to restart your recovery time from it (yes/no).",
        ),
    ]);
    let triggers = linked_trigger_names(dump, "lapse_trigger", "lapse_id")?;
    let mut feelings = grouped(dump, "lapse_feeling", "lapse_id", "feeling")?;
    labels(&mut feelings);
    let mut rows = Vec::new();
    for r in by_time(dump, "lapse")? {
        let id = required(&r, "id")?;
        let mut row = local_parts(&r)?.to_vec();
        row.extend([
            joined(&triggers, id),
            joined(&feelings, id),
            text(r.text("situation")),
            text(r.text("learned")),
            text(r.text("next_time")),
            yes_no(r.int("restarts_counter")),
        ]);
        rows.push(row);
    }
    Ok(CsvFile {
        key: "lapses",
        about: "Lapses you noted, oldest first. A lapse is information, not failure.",
        columns,
        rows,
    })
}

/// Every entry file, in the preview's order.
pub(crate) fn entry_files(dump: &Dump) -> Result<Vec<CsvFile>> {
    Ok(vec![
        cravings(dump)?,
        moods(dump)?,
        journal(dump)?,
        checkins(dump)?,
        weekly_reviews(dump)?,
        lapses(dump)?,
    ])
}
