//! `waymark checkin ...`

use waymark_core::journal::{CheckinId, EntryKind, EntryRef, NewCheckin, SystemClock};
use waymark_core::store::Store;

use super::{deleted, safety};
use crate::cli::args::daily::CheckinDetails;
use crate::cli::args::fields::Context;
use crate::cli::args::CheckinCommand;
use crate::cli::convert::checkin_input;
use crate::cli::error::{CliError, InContext};
use crate::cli::input::TextReader;
use crate::cli::output::recovery::CardReason;
use crate::cli::output::{self, tables};

/// Applies the flags given to `input`, leaving the rest as they are.
fn apply(input: &mut NewCheckin, d: &CheckinDetails) -> Result<(), CliError> {
    if d.date.is_some() {
        input.date = d.date.clone();
    }
    let a = &mut input.answers;
    for (flag, answer) in [
        (d.slept, &mut a.slept_well),
        (d.ate, &mut a.ate_well),
        (d.medication, &mut a.took_medication),
        (d.support, &mut a.attended_support),
        (d.contacted, &mut a.contacted_someone),
        (d.activity, &mut a.healthy_activity),
        (d.risky, &mut a.high_risk_situation),
        (d.used, &mut a.used_today),
    ] {
        if let Some(given) = flag {
            *answer = given.answer();
        }
    }
    if d.day.is_some() {
        input.day_rating = d.day;
    }
    if d.note.is_some() {
        input.note = TextReader::new().text("--note", d.note.as_deref())?;
    }
    Ok(())
}

/// Runs `waymark checkin ...`.
pub fn run(store: &Store, command: &CheckinCommand) -> Result<(), CliError> {
    let within = Context::Checkin;
    let saved = |checkin: waymark_core::journal::Checkin, json: bool| {
        output::saved(&checkin, checkin.id, json);
        if checkin.answers.used_today == Some(true) {
            let entry = EntryRef {
                kind: EntryKind::Checkin,
                id: checkin.id.0,
            };
            safety::after(store, entry, CardReason::Use, json);
        }
    };
    match command {
        CheckinCommand::Add { details, json } => {
            let mut input = NewCheckin::default();
            apply(&mut input, details)?;
            saved(
                store.add_checkin(&input, &SystemClock).within(within)?,
                *json,
            );
        }
        CheckinCommand::List(list) => {
            output::list(
                &store.list_checkins(list.limit())?,
                list.json,
                tables::checkins,
            );
        }
        CheckinCommand::Edit { id, details, json } => {
            let id = CheckinId(*id);
            let mut input = checkin_input(&store.checkin(id)?);
            apply(&mut input, details)?;
            saved(
                store
                    .update_checkin(id, &input, &SystemClock)
                    .within(within)?,
                *json,
            );
        }
        CheckinCommand::Delete { id } => deleted(store, EntryKind::Checkin, *id)?,
    }
    Ok(())
}
