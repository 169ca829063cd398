//! What a refusal must look like, gathered over a whole sweep so one run reports every problem.

use serde_json::Value;

use super::harness::{runtime_panics, Harness, Outcome};
use super::MARKER;

/// What an input must lead to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// It is invalid: an error.
    Refused,
    /// A reading command may accept it (a search for any text); if it refuses, the refusal must
    /// still be well formed.
    Either,
}

/// Collects failures; each names the command and the mutation, never the input.
pub struct Checker {
    failures: Vec<String>,
    panics_at_start: usize,
    /// Refusals by tauri itself (arguments it could not read), and how many repeat the input.
    pub argument_errors: usize,
    pub argument_errors_echoing: usize,
    /// Refusals by the command, as `ApiError`.
    pub api_errors: usize,
}

impl Default for Checker {
    fn default() -> Self {
        Self {
            failures: Vec::new(),
            panics_at_start: runtime_panics(),
            argument_errors: 0,
            argument_errors_echoing: 0,
            api_errors: 0,
        }
    }
}

impl Checker {
    /// Records a failure.
    pub fn fail(&mut self, command: &str, label: &str, what: &str) {
        self.failures.push(format!("{command} / {label}: {what}"));
    }

    /// Checks one outcome against what was expected.
    pub fn check(&mut self, command: &str, label: &str, expect: Expect, outcome: &Outcome) {
        match outcome {
            Outcome::NoResponse => self.fail(command, label, "no response: the command panicked"),
            Outcome::Ok(_) if expect == Expect::Refused => {
                self.fail(command, label, "accepted invalid input")
            }
            Outcome::Ok(_) => {}
            Outcome::Err(e) => self.refusal(command, label, e),
        }
    }

    /// Checks one call made while the vault is locked.
    pub fn check_locked(&mut self, command: &str, outcome: &Outcome) {
        match outcome {
            Outcome::NoResponse => {
                self.fail(command, "locked", "no response: the command panicked")
            }
            Outcome::Ok(_) => {}
            Outcome::Err(e) => {
                self.refusal(command, "locked", e);
                let code = e["code"].as_str().unwrap_or("");
                if !matches!(code, "locked" | "invalid_input" | "wrong_secret") {
                    self.fail(command, "locked", &format!("refused with code {code:?}"));
                }
            }
        }
    }

    /// A refusal must be an `ApiError` with a specific code and a message that does not repeat
    /// the input, or tauri's own message for arguments it could not read.
    fn refusal(&mut self, command: &str, label: &str, e: &Value) {
        if let Some(text) = e.as_str() {
            self.argument_errors += 1;
            if text.contains(MARKER) {
                self.argument_errors_echoing += 1;
            }
            if !text.contains(command) {
                self.fail(
                    command,
                    label,
                    "tauri's argument error does not name the command",
                );
            }
            return;
        }
        self.api_errors += 1;
        let code = e["code"].as_str().unwrap_or("");
        let message = e["message"].as_str().unwrap_or("");
        if matches!(code, "internal" | "storage" | "") {
            self.fail(
                command,
                label,
                &format!("refused with code {code:?}: {message}"),
            );
        }
        if message.is_empty() {
            self.fail(command, label, "empty message");
        }
        if message.contains(MARKER) || message.contains("QZXW") {
            self.fail(command, label, "the message repeats the input");
        }
        if code == "invalid_input" && !e["field"].is_string() {
            self.fail(command, label, "invalid input without the field at fault");
        }
    }

    /// Every problem found so far, one a line.
    pub fn problems(&self) -> String {
        self.failures.join("\n")
    }

    /// Prints the tally when `WAYMARK_BAD_INPUT_STATS` is set (quiet otherwise).
    pub fn report_tally(&self, what: &str, calls: usize) {
        if std::env::var_os("WAYMARK_BAD_INPUT_STATS").is_some() {
            eprintln!(
                "{what}: {calls} calls; {} ApiError refusals; {} argument errors from tauri, {} of them repeating the input",
                self.api_errors, self.argument_errors, self.argument_errors_echoing
            );
        }
    }

    /// Fails the test with every problem found, and on any panic or poisoned session.
    pub fn finish(self, h: &Harness) {
        let mut failures = self.failures;
        let panics = runtime_panics() - self.panics_at_start;
        if panics > 0 {
            failures.push(format!("{panics} panic(s) on the command runtime"));
        }
        if h.session_poisoned() {
            failures.push("the session mutex was poisoned by a panic".into());
        }
        assert!(
            failures.is_empty(),
            "{} problem(s):\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
