//! `waymark trigger ...`, and finding triggers by name for cravings and lapses.

use waymark_core::journal::content::TriggerCategory;
use waymark_core::journal::{NewTrigger, SystemClock, TriggerId};
use waymark_core::store::Store;

use crate::cli::args::fields::Context;
use crate::cli::args::TriggerCommand;
use crate::cli::convert::trigger_input;
use crate::cli::error::{CliError, InContext};
use crate::cli::output::{self, tables};

/// The ids of the triggers named (any case), skipping blank names. A name not in the
/// catalogue is refused (exit 5, naming `--trigger`) without repeating it; `hint` says what to
/// do instead.
pub fn ids_by_name(
    store: &Store,
    names: &[String],
    hint: &str,
) -> Result<Vec<TriggerId>, CliError> {
    let names: Vec<&str> = names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let catalogue = store.list_triggers(true)?;
    let mut ids = Vec::with_capacity(names.len());
    for name in names {
        let wanted = name.to_lowercase();
        let found = catalogue
            .iter()
            .find(|t| t.name == name)
            .or_else(|| catalogue.iter().find(|t| t.name.to_lowercase() == wanted));
        match found {
            Some(t) if !ids.contains(&t.id) => ids.push(t.id),
            Some(_) => {}
            None => {
                return Err(CliError::invalid(
                    format!(
                        "One of the triggers named is not in your catalogue; nothing was saved. \
                         See your triggers with `waymark trigger list --all`{hint}"
                    ),
                    "--trigger",
                ))
            }
        }
    }
    Ok(ids)
}

/// Reads `--new-trigger NAME:CATEGORY`; problems name `--new-trigger` and never repeat the text.
pub fn parse_new_trigger(text: &str) -> Result<Option<NewTrigger>, CliError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let categories = TriggerCategory::ALL
        .iter()
        .map(|c| c.key())
        .collect::<Vec<_>>()
        .join(", ");
    let Some((name, category)) = text
        .rsplit_once(':')
        .filter(|(_, c)| TriggerCategory::from_key(c.trim()).is_some())
    else {
        return Err(CliError::invalid(
            format!(
                "Write a new trigger as NAME:CATEGORY, where CATEGORY is one of {categories}; \
                 nothing was saved"
            ),
            "--new-trigger",
        ));
    };
    let input = NewTrigger {
        name: name.trim().to_string(),
        category: category.trim().to_string(),
    };
    input
        .validate()
        .map_err(|e| CliError::invalid(e.message, "--new-trigger"))?;
    Ok(Some(input))
}

/// Runs `waymark trigger ...`.
pub fn run(store: &Store, command: &TriggerCommand) -> Result<(), CliError> {
    let within = Context::Trigger;
    match command {
        TriggerCommand::List { all, json } => {
            output::list(&store.list_triggers(*all)?, *json, tables::triggers);
        }
        TriggerCommand::Add {
            name,
            category,
            json,
        } => {
            let input = NewTrigger {
                name: name.clone(),
                category: TriggerCategory::from(*category).key().to_string(),
            };
            let trigger = store.add_trigger(&input, &SystemClock).within(within)?;
            output::saved(&trigger, trigger.id, *json);
        }
        TriggerCommand::Edit {
            id,
            name,
            category,
            json,
        } => {
            let id = TriggerId(*id);
            let mut input = trigger_input(&store.trigger(id).within(within)?);
            if let Some(name) = name {
                input.name = name.clone();
            }
            if let Some(category) = category {
                input.category = TriggerCategory::from(*category).key().to_string();
            }
            let trigger = store.update_trigger(id, &input).within(within)?;
            output::saved(&trigger, trigger.id, *json);
        }
        TriggerCommand::Delete { id } => {
            store.delete_trigger(TriggerId(*id)).within(within)?;
            outln!("Deleted trigger {id}.");
        }
        TriggerCommand::Archive { id } => {
            store
                .set_trigger_archived(TriggerId(*id), true)
                .within(within)?;
            outln!("Archived trigger {id}. Entries that name it keep it.");
        }
        TriggerCommand::Unarchive { id } => {
            store
                .set_trigger_archived(TriggerId(*id), false)
                .within(within)?;
            outln!("Trigger {id} is active again.");
        }
        TriggerCommand::Merge { from, into, json } => {
            let kept = store
                .merge_triggers(TriggerId(*from), TriggerId(*into))
                .within(within)?;
            if *json {
                output::json(&kept);
            } else {
                outln!("Merged trigger {from} into {into}; entries that named it now name {into}.");
            }
        }
    }
    Ok(())
}
