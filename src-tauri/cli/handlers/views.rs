//! `waymark search`, `timeline`, `recovery ...` and `profile ...`

use waymark_core::journal::kind::TimelineQuery;
use waymark_core::journal::{EntryKind, ProfileInput, SystemClock};
use waymark_core::store::Store;

use crate::cli::args::{ProfileCommand, RecoveryCommand, SearchArgs, TimelineArgs};
use crate::cli::error::CliError;
use crate::cli::input::TextReader;
use crate::cli::output::{self, recovery, tables};

/// Runs `waymark search ...`.
pub fn search(store: &Store, args: &SearchArgs) -> Result<(), CliError> {
    let text = match args.text.as_slice() {
        [only] if only == "-" => TextReader::new()
            .text("TEXT", Some("-"))?
            .unwrap_or_default(),
        words => words.join(" "),
    };
    let hits = store.search(&text, args.limit)?;
    output::list(&hits, args.json, tables::search);
    Ok(())
}

/// Runs `waymark timeline ...`.
pub fn timeline(store: &Store, args: &TimelineArgs) -> Result<(), CliError> {
    let mut kinds: Vec<EntryKind> = Vec::new();
    for kind in args.kind.iter().copied().map(EntryKind::from) {
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    let query = TimelineQuery {
        from: args.from.clone(),
        to: args.to.clone(),
        kinds,
    };
    let items = store.timeline(&query, &SystemClock)?;
    output::list(&items, args.json, tables::timeline);
    Ok(())
}

/// The profile as it is now, as the input that would save it unchanged.
fn profile_input(store: &Store) -> Result<ProfileInput, CliError> {
    let p = store.profile()?;
    Ok(ProfileInput {
        recovery_start: p.recovery_start,
        region: p.region,
        medication: p.medication,
    })
}

/// Runs `waymark recovery ...`.
pub fn recovery(store: &Store, command: &RecoveryCommand) -> Result<(), CliError> {
    match command {
        RecoveryCommand::Show { json } => {
            let summary = store.recovery_summary(&SystemClock)?;
            if *json {
                output::json(&summary);
            } else {
                recovery::summary(&summary);
            }
        }
        RecoveryCommand::SetStart { date } => {
            let input = ProfileInput {
                recovery_start: Some(date.clone()),
                ..profile_input(store)?
            };
            let saved = store.set_profile(&input, &SystemClock)?;
            let summary = store.recovery_summary(&SystemClock)?;
            outln!(
                "Recovery start set to {}. Current: {} days.",
                saved.recovery_start.as_deref().unwrap_or(date),
                summary.current_days
            );
        }
        RecoveryCommand::ClearStart => {
            let input = ProfileInput {
                recovery_start: None,
                ..profile_input(store)?
            };
            store.set_profile(&input, &SystemClock)?;
            outln!("The recovery start date is cleared. Your entries are all kept.");
        }
    }
    Ok(())
}

/// Runs `waymark profile ...`.
pub fn profile(store: &Store, command: &ProfileCommand) -> Result<(), CliError> {
    let (profile, json) = match command {
        ProfileCommand::Show { json } => (store.profile()?, *json),
        ProfileCommand::Set {
            region,
            medication,
            json,
        } => {
            let mut input = profile_input(store)?;
            if let Some(region) = region {
                input.region = Some(region.key().to_string());
            }
            if let Some(medication) = medication {
                input.medication = medication.key().map(str::to_string);
            }
            (store.set_profile(&input, &SystemClock)?, *json)
        }
    };
    if json {
        output::json(&profile);
    } else {
        recovery::profile(&profile);
    }
    Ok(())
}
