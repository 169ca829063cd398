//! `waymark lapse ...`: a lapse is information, not failure.

use waymark_core::journal::{EntryKind, EntryRef, LapseId, NewLapse, SystemClock};
use waymark_core::store::Store;

use super::{deleted, safety, triggers};
use crate::cli::args::fields::Context;
use crate::cli::args::lapse::LapseDetails;
use crate::cli::args::LapseCommand;
use crate::cli::convert::lapse_input;
use crate::cli::error::{CliError, InContext};
use crate::cli::input::{self, non_blank, TextReader};
use crate::cli::output::recovery::CardReason;
use crate::cli::output::{self, tables};

const ADD_TRIGGER_HINT: &str =
    ", or add it first with `waymark trigger add --name NAME --category CATEGORY`.";

/// Applies the flags given to `input`, leaving the rest as they are.
fn apply(store: &Store, input: &mut NewLapse, d: &LapseDetails) -> Result<(), CliError> {
    let mut reader = TextReader::new();
    if d.at.is_some() {
        input.occurred_at = input::time(d.at.as_deref());
    }
    if !d.trigger.is_empty() {
        input.trigger_ids = triggers::ids_by_name(store, &d.trigger, ADD_TRIGGER_HINT)?;
    }
    if !d.feeling.is_empty() {
        input.feelings = non_blank(&d.feeling);
    }
    if d.situation.is_some() {
        input.situation = reader.text("--situation", d.situation.as_deref())?;
    }
    if d.learned.is_some() {
        input.learned = reader.text("--learned", d.learned.as_deref())?;
    }
    if d.next_time.is_some() {
        input.next_time = reader.text("--next-time", d.next_time.as_deref())?;
    }
    Ok(())
}

/// Runs `waymark lapse ...`.
pub fn run(store: &Store, command: &LapseCommand) -> Result<(), CliError> {
    let within = Context::Lapse;
    let saved = |lapse: waymark_core::journal::Lapse, json: bool| {
        output::saved(&lapse, lapse.id, json);
        let entry = EntryRef {
            kind: EntryKind::Lapse,
            id: lapse.id.0,
        };
        safety::after(store, entry, CardReason::Lapse, json);
    };
    match command {
        LapseCommand::Add {
            details,
            restart_counter,
            json,
        } => {
            let mut input = NewLapse {
                restarts_counter: *restart_counter,
                ..NewLapse::default()
            };
            apply(store, &mut input, details)?;
            saved(store.add_lapse(&input, &SystemClock).within(within)?, *json);
        }
        LapseCommand::List(list) => {
            output::list(&store.list_lapses(list.limit())?, list.json, tables::lapses);
        }
        LapseCommand::Edit {
            id,
            details,
            restart_counter,
            no_restart_counter,
            json,
        } => {
            let id = LapseId(*id);
            let mut input = lapse_input(&store.lapse(id)?);
            apply(store, &mut input, details)?;
            if *restart_counter {
                input.restarts_counter = true;
            }
            if *no_restart_counter {
                input.restarts_counter = false;
            }
            let lapse = store
                .update_lapse(id, &input, &SystemClock)
                .within(within)?;
            output::saved(&lapse, lapse.id, *json);
        }
        LapseCommand::Delete { id } => deleted(store, EntryKind::Lapse, *id)?,
    }
    Ok(())
}
