//! Reading what the person typed: text flags (`-` reads standard input) and times.

use std::io::Read;

use chrono::{Local, NaiveDateTime, TimeZone};

use super::error::CliError;

/// The most bytes read from standard input: well above the longest text any field accepts
/// (100,000 characters of up to 4 bytes), so core's own length check gives the message.
const STDIN_MAX_BYTES: u64 = 1 << 20;

/// Reads text flags, letting at most one of them take its text from standard input.
#[derive(Debug, Default)]
pub struct TextReader {
    stdin_used_by: Option<&'static str>,
}

impl TextReader {
    /// A reader that has not touched standard input yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The text of `flag`: as given, or read from standard input when it is `-` (which keeps
    /// journal text out of the process's arguments and the shell's history).
    pub fn text(
        &mut self,
        flag: &'static str,
        value: Option<&str>,
    ) -> Result<Option<String>, CliError> {
        match value {
            Some("-") => self.stdin(flag).map(Some),
            other => Ok(other.map(str::to_string)),
        }
    }

    fn stdin(&mut self, flag: &'static str) -> Result<String, CliError> {
        if let Some(first) = self.stdin_used_by {
            return Err(CliError::usage(format!(
                "only one flag can read standard input, and {first} already does; give {flag} on \
                 the command line, or run a second command"
            )));
        }
        self.stdin_used_by = Some(flag);
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(STDIN_MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| CliError::usage(format!("could not read {flag} from standard input")))?;
        if bytes.len() as u64 > STDIN_MAX_BYTES {
            return Err(CliError::invalid(
                "The text on standard input is far too long; nothing was saved",
                flag,
            ));
        }
        String::from_utf8(bytes).map_err(|_| {
            CliError::invalid(
                "The text on standard input is not UTF-8 text; nothing was saved",
                flag,
            )
        })
    }
}

/// A time flag as core reads it: RFC 3339 is passed through; a local "YYYY-MM-DD HH:MM" (or
/// with a `T`, or seconds) gets this machine's offset at that time. Anything else is passed on
/// unchanged so core's validation explains what it wants.
pub fn time(value: Option<&str>) -> Option<String> {
    let text = value?.trim();
    if chrono::DateTime::parse_from_rfc3339(text).is_ok() {
        return Some(text.to_string());
    }
    let local = [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
    .and_then(|naive| Local.from_local_datetime(&naive).earliest());
    Some(match local {
        Some(at) => waymark_core::journal::craving::format_instant(&at.fixed_offset()),
        None => text.to_string(),
    })
}

/// Drops blank items, so `--tag ''` clears a list when editing.
pub fn non_blank(items: &[String]) -> Vec<String> {
    items
        .iter()
        .filter(|i| !i.trim().is_empty())
        .cloned()
        .collect()
}
