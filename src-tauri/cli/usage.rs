//! Usage errors from clap, worded so they never repeat what was typed: a misplaced argument
//! is often journal text (a note given without its flag, an unquoted sentence).

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Whether `word` looks like a flag or command name rather than text someone wrote.
fn looks_like_a_name(word: &str) -> bool {
    let bare = word.trim_start_matches('-');
    !bare.is_empty()
        && word.len() <= 40
        && bare
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn context_text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        _ => None,
    }
}

fn valid_values(e: &clap::Error) -> Option<String> {
    match e.get(ContextKind::ValidValue)? {
        ContextValue::Strings(v) if !v.is_empty() => Some(v.join(", ")),
        _ => None,
    }
}

/// The argument's name without its value placeholder: `--intensity <0-10>` → `--intensity`.
fn arg_name(e: &clap::Error) -> String {
    context_text(e, ContextKind::InvalidArg)
        .and_then(|a| a.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "an argument".to_string())
}

/// The message for a usage error (help and version are printed by clap itself).
pub fn message(e: &clap::Error) -> String {
    let text = match e.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = arg_name(e);
            let mut text = format!("the value given for {arg} is not valid");
            if let Some(values) = valid_values(e) {
                text.push_str(&format!("; choose one of: {values}"));
            } else if let Some(source) = std::error::Error::source(e) {
                text.push_str(&format!(" ({source})"));
            }
            text
        }
        ErrorKind::UnknownArgument => match context_text(e, ContextKind::InvalidArg) {
            Some(arg) if looks_like_a_name(&arg) => format!("unknown option {arg}"),
            _ => "an argument was not expected there; text belongs after its flag, in quotes \
                  (for example --note \"...\"), or use `--note -` to read it from standard input"
                .to_string(),
        },
        ErrorKind::InvalidSubcommand => match context_text(e, ContextKind::InvalidSubcommand) {
            Some(word) if looks_like_a_name(&word) => format!("unknown command {word}"),
            _ => "that is not a command".to_string(),
        },
        ErrorKind::MissingRequiredArgument
        | ErrorKind::MissingSubcommand
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::ArgumentConflict => {
            // These name arguments only, never values.
            return e.render().to_string();
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("wrong number of values for {}", arg_name(e))
        }
        _ => "the command line could not be read".to_string(),
    };
    format!("error: {text}\n\nFor more information, try '--help'.\n")
}
