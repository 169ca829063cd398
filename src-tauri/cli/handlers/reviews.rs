//! `waymark review ...`

use waymark_core::journal::content::journal_content;
use waymark_core::journal::{EntryKind, NewReview, ReviewId, SystemClock};
use waymark_core::store::Store;

use super::deleted;
use crate::cli::args::review::ReviewDetails;
use crate::cli::args::ReviewCommand;
use crate::cli::convert::review_input;
use crate::cli::error::CliError;
use crate::cli::input::TextReader;
use crate::cli::output::{self, tables};

/// Applies the flags given to `input`, leaving the rest as they are.
fn apply(input: &mut NewReview, d: &ReviewDetails) -> Result<(), CliError> {
    if d.week_of.is_some() {
        input.week_of = d.week_of.clone();
    }
    for answer in &d.answer {
        match answer.value {
            Some(value) => {
                input.answers.insert(answer.key.clone(), value);
            }
            None => {
                input.answers.remove(&answer.key);
            }
        }
    }
    if d.note.is_some() {
        input.note = TextReader::new().text("--note", d.note.as_deref())?;
    }
    Ok(())
}

/// Runs `waymark review ...` (except `questions`, which needs no journal).
pub fn run(store: &Store, command: &ReviewCommand) -> Result<(), CliError> {
    match command {
        ReviewCommand::Add { details, json } => {
            let mut input = NewReview::default();
            apply(&mut input, details)?;
            let saved = store.add_review(&input, &SystemClock)?;
            output::saved(&saved, saved.id, *json);
        }
        ReviewCommand::List(list) => {
            output::list(
                &store.list_reviews(list.limit())?,
                list.json,
                tables::reviews,
            );
        }
        ReviewCommand::Edit { id, details, json } => {
            let id = ReviewId(*id);
            let mut input = review_input(&store.review(id)?);
            apply(&mut input, details)?;
            let saved = store.update_review(id, &input, &SystemClock)?;
            output::saved(&saved, saved.id, *json);
        }
        ReviewCommand::Delete { id } => deleted(store, EntryKind::Review, *id)?,
        ReviewCommand::Questions { json } => questions(*json),
    }
    Ok(())
}

/// `waymark review questions`: the built-in questions.
pub fn questions(json: bool) {
    if json {
        output::json(&journal_content().weekly_question);
    } else {
        tables::questions();
    }
}
