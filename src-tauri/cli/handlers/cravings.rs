//! `waymark craving ...`

use waymark_core::journal::{
    CravingId, CravingOutcome, EntryKind, EntryRef, Halt, NewCraving, SystemClock,
};
use waymark_core::store::Store;

use super::{deleted, safety, triggers};
use crate::cli::args::craving::CravingDetails;
use crate::cli::args::fields::Context;
use crate::cli::args::values::HaltArg;
use crate::cli::args::CravingCommand;
use crate::cli::convert::craving_input;
use crate::cli::error::{CliError, InContext};
use crate::cli::input::{self, non_blank, TextReader};
use crate::cli::output::recovery::CardReason;
use crate::cli::output::{self, tables};

const NEW_TRIGGER_HINT: &str = ", or add a new one with --new-trigger NAME:CATEGORY.";

fn halt(states: &[HaltArg]) -> Halt {
    let mut halt = Halt::default();
    for state in states {
        match state {
            HaltArg::Hungry => halt.hungry = true,
            HaltArg::Angry => halt.angry = true,
            HaltArg::Lonely => halt.lonely = true,
            HaltArg::Tired => halt.tired = true,
            HaltArg::None => {}
        }
    }
    halt
}

/// Applies the flags given to `input`, leaving the rest as they are.
fn apply(store: &Store, input: &mut NewCraving, d: &CravingDetails) -> Result<(), CliError> {
    let mut reader = TextReader::new();
    if d.at.is_some() {
        input.occurred_at = input::time(d.at.as_deref());
    }
    if d.duration.is_some() {
        input.duration_minutes = d.duration;
    }
    if !d.trigger.is_empty() {
        input.trigger_ids = triggers::ids_by_name(store, &d.trigger, NEW_TRIGGER_HINT)?;
    }
    for text in &d.new_trigger {
        if let Some(new) = triggers::parse_new_trigger(text)? {
            input.new_triggers.push(new);
        }
    }
    if !d.halt.is_empty() {
        input.halt = halt(&d.halt);
    }
    if let Some(place) = &d.place {
        input.place = Some(place.clone());
    }
    if let Some(with_whom) = &d.with_whom {
        input.with_whom = Some(with_whom.clone());
    }
    if let Some(activity) = &d.activity {
        input.activity = Some(activity.clone());
    }
    if !d.coped.is_empty() {
        input.coping = non_blank(&d.coped);
    }
    if let Some(outcome) = d.outcome {
        input.outcome = Some(outcome.into());
    }
    if d.after.is_some() {
        input.intensity_after = d.after;
    }
    if d.note.is_some() {
        input.note = reader.text("--note", d.note.as_deref())?;
    }
    Ok(())
}

/// Runs `waymark craving ...`.
pub fn run(store: &Store, command: &CravingCommand) -> Result<(), CliError> {
    let within = Context::Craving;
    let saved = |craving: waymark_core::journal::Craving, json: bool| {
        output::saved(&craving, craving.id, json);
        if craving.outcome == Some(CravingOutcome::Used) {
            let entry = EntryRef {
                kind: EntryKind::Craving,
                id: craving.id.0,
            };
            safety::after(store, entry, CardReason::Use, json);
        }
    };
    match command {
        CravingCommand::Add {
            intensity,
            details,
            json,
        } => {
            let mut input = NewCraving {
                intensity: *intensity,
                ..NewCraving::default()
            };
            apply(store, &mut input, details)?;
            saved(
                store.add_craving(&input, &SystemClock).within(within)?,
                *json,
            );
        }
        CravingCommand::List(list) => {
            output::list(
                &store.list_cravings(list.limit())?,
                list.json,
                tables::cravings,
            );
        }
        CravingCommand::Edit {
            id,
            intensity,
            details,
            json,
        } => {
            let id = CravingId(*id);
            let mut input = craving_input(&store.craving(id)?);
            if let Some(intensity) = intensity {
                input.intensity = *intensity;
            }
            apply(store, &mut input, details)?;
            saved(
                store
                    .update_craving(id, &input, &SystemClock)
                    .within(within)?,
                *json,
            );
        }
        CravingCommand::Delete { id } => deleted(store, EntryKind::Craving, *id)?,
    }
    Ok(())
}
