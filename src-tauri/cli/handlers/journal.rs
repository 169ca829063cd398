//! `waymark journal ...`

use waymark_core::journal::{EntryKind, JournalEntryId, NewJournalEntry, SystemClock};
use waymark_core::store::Store;

use super::deleted;
use crate::cli::args::daily::JournalDetails;
use crate::cli::args::JournalCommand;
use crate::cli::convert::journal_input;
use crate::cli::error::CliError;
use crate::cli::input::{non_blank, TextReader};
use crate::cli::output::{self, tables};

/// Applies the flags given to `input`, leaving the rest as they are.
fn apply(
    input: &mut NewJournalEntry,
    text: Option<&str>,
    d: &JournalDetails,
) -> Result<(), CliError> {
    let mut reader = TextReader::new();
    if let Some(body) = reader.text("--text", text)? {
        input.body = body;
    }
    if d.date.is_some() {
        input.date = d.date.clone();
    }
    if d.went_well.is_some() {
        input.went_well = reader.text("--went-well", d.went_well.as_deref())?;
    }
    if !d.tag.is_empty() {
        input.tags = non_blank(&d.tag);
    }
    Ok(())
}

/// Runs `waymark journal ...`.
pub fn run(store: &Store, command: &JournalCommand) -> Result<(), CliError> {
    match command {
        JournalCommand::Add {
            text,
            details,
            json,
        } => {
            let mut input = NewJournalEntry::default();
            apply(&mut input, Some(text), details)?;
            let saved = store.add_journal_entry(&input, &SystemClock)?;
            output::saved(&saved, saved.id, *json);
        }
        JournalCommand::List(list) => {
            output::list(
                &store.list_journal_entries(list.limit())?,
                list.json,
                tables::journal_entries,
            );
        }
        JournalCommand::Edit {
            id,
            text,
            details,
            json,
        } => {
            let id = JournalEntryId(*id);
            let mut input = journal_input(&store.journal_entry(id)?);
            apply(&mut input, text.as_deref(), details)?;
            let saved = store.update_journal_entry(id, &input, &SystemClock)?;
            output::saved(&saved, saved.id, *json);
        }
        JournalCommand::Delete { id } => deleted(store, EntryKind::Journal, *id)?,
    }
    Ok(())
}
