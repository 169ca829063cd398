//! Reading secrets for the CLI: environment, file, or a terminal prompt. Never echoed or logged.

use std::io::IsTerminal;
use std::path::Path;

use waymark_core::vault::{Credential, Vault};
use zeroize::Zeroizing;

use super::args::SecretArgs;
use super::CliError;

fn from_file(path: &Path) -> Result<Zeroizing<String>, CliError> {
    let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
        CliError::usage(format!("could not read the passphrase file ({})", e.kind()))
    })?);
    let first_line = text.lines().next().unwrap_or("");
    if first_line.is_empty() {
        return Err(CliError::usage("the passphrase file is empty"));
    }
    Ok(Zeroizing::new(first_line.to_string()))
}

fn from_env(name: &str) -> Option<Zeroizing<String>> {
    std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty())
        .map(Zeroizing::new)
}

fn prompt(label: &str) -> Result<Zeroizing<String>, CliError> {
    rpassword::prompt_password(label)
        .map(Zeroizing::new)
        .map_err(|_| CliError::usage("could not read the passphrase from the terminal"))
}

fn no_secret(env: &str) -> CliError {
    CliError::usage(format!(
        "no passphrase given: set {env}, use --passphrase-file, or run in a terminal to be asked"
    ))
}

/// The secret that unlocks the vault: recovery key if given, else the passphrase.
pub fn unlock_credential(secrets: &SecretArgs, vault: &Vault) -> Result<Credential, CliError> {
    if !vault.exists() {
        return Err(vault.missing_key_file().into());
    }
    any_credential(secrets)
}

/// The secret given, whether or not a journal exists here (a backup carries its own key slots).
pub fn any_credential(secrets: &SecretArgs) -> Result<Credential, CliError> {
    if let Some(key) = secrets.recovery_key.as_deref().filter(|k| !k.is_empty()) {
        if key == "-" {
            if !std::io::stdin().is_terminal() {
                return Err(CliError::usage(
                    "`--recovery-key -` asks for the key, which needs a terminal",
                ));
            }
            return Ok(Credential::RecoveryKey(prompt("Recovery key: ")?));
        }
        return Ok(Credential::RecoveryKey(Zeroizing::new(key.to_string())));
    }
    if let Some(path) = &secrets.passphrase_file {
        return Ok(Credential::Passphrase(from_file(path)?));
    }
    if let Some(passphrase) = from_env("WAYMARK_PASSPHRASE") {
        return Ok(Credential::Passphrase(passphrase));
    }
    // Prompt only when stdin is a terminal: piped input means a script, which must not hang on a
    // prompt it cannot answer.
    if std::io::stdin().is_terminal() {
        return Ok(Credential::Passphrase(prompt("Passphrase: ")?));
    }
    Err(no_secret("WAYMARK_PASSPHRASE"))
}

/// A passphrase being set: from `env`, `file`, or asked twice on a terminal.
pub fn new_passphrase(env: &str, file: Option<&Path>) -> Result<Zeroizing<String>, CliError> {
    if let Some(path) = file {
        return from_file(path);
    }
    if let Some(passphrase) = from_env(env) {
        return Ok(passphrase);
    }
    if std::io::stdin().is_terminal() {
        let first = prompt("New passphrase: ")?;
        let second = prompt("Repeat it: ")?;
        if *first != *second {
            return Err(CliError::usage(
                "the two passphrases did not match; nothing was changed",
            ));
        }
        return Ok(first);
    }
    Err(no_secret(env))
}
