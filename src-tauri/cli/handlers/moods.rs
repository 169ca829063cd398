//! `waymark mood ...`

use waymark_core::journal::{EntryKind, MoodId, NewMood, SystemClock};
use waymark_core::store::Store;

use super::deleted;
use crate::cli::args::daily::MoodDetails;
use crate::cli::args::MoodCommand;
use crate::cli::convert::mood_input;
use crate::cli::error::CliError;
use crate::cli::input::{self, non_blank, TextReader};
use crate::cli::output::{self, tables};

/// Applies the flags given to `input`, leaving the rest as they are.
fn apply(input: &mut NewMood, d: &MoodDetails) -> Result<(), CliError> {
    if d.at.is_some() {
        input.occurred_at = input::time(d.at.as_deref());
    }
    if !d.feeling.is_empty() {
        input.feelings = non_blank(&d.feeling);
    }
    if d.note.is_some() {
        input.note = TextReader::new().text("--note", d.note.as_deref())?;
    }
    Ok(())
}

/// Runs `waymark mood ...` (except `feelings`, which needs no journal).
pub fn run(store: &Store, command: &MoodCommand) -> Result<(), CliError> {
    match command {
        MoodCommand::Add {
            mood,
            details,
            json,
        } => {
            let mut input = NewMood {
                mood: *mood,
                ..NewMood::default()
            };
            apply(&mut input, details)?;
            let saved = store.add_mood(&input, &SystemClock)?;
            output::saved(&saved, saved.id, *json);
        }
        MoodCommand::List(list) => {
            output::list(&store.list_moods(list.limit())?, list.json, tables::moods);
        }
        MoodCommand::Edit {
            id,
            mood,
            details,
            json,
        } => {
            let id = MoodId(*id);
            let mut input = mood_input(&store.mood(id)?);
            if let Some(mood) = mood {
                input.mood = *mood;
            }
            apply(&mut input, details)?;
            let saved = store.update_mood(id, &input, &SystemClock)?;
            output::saved(&saved, saved.id, *json);
        }
        MoodCommand::Delete { id } => deleted(store, EntryKind::Mood, *id)?,
        MoodCommand::Feelings { json } => feelings(*json),
    }
    Ok(())
}

/// `waymark mood feelings`: the built-in list.
pub fn feelings(json: bool) {
    if json {
        output::json(&waymark_core::journal::content::journal_content().feeling);
    } else {
        tables::feelings();
    }
}
