//! `waymark backup create|list|verify|restore`.

use std::io::IsTerminal;
use std::path::Path;

use waymark_core::backup::{
    backups_dir, create_backup, list_backups, restore_backup, verify_backup, write_backup,
    BackupKind, BackupSummary,
};
use waymark_core::journal::SystemClock;
use waymark_core::store::Store;
use waymark_core::vault::{Credential, Vault};

use crate::cli::args::backup::BackupCommand;
use crate::cli::error::CliError;
use crate::cli::handlers::files::{refuse_existing, with_directory, write_error};
use crate::cli::output;

/// Runs a backup subcommand. `unlock` opens the current journal (for `create`); `secret` reads
/// the credential for a backup file, which may differ from the current journal's.
pub fn run(
    vault: &Vault,
    command: &BackupCommand,
    unlock: impl FnOnce() -> Result<Store, CliError>,
    secret: impl FnOnce() -> Result<Credential, CliError>,
) -> Result<(), CliError> {
    match command {
        BackupCommand::Create { out, force } => create(vault, &unlock()?, out.as_deref(), *force),
        BackupCommand::List { json } => list(vault, *json),
        BackupCommand::Verify { file } => {
            require_file(file)?;
            let summary = verify_backup(vault, file, &secret()?)?;
            outln!("This backup is whole and opens with that secret.");
            describe(&summary);
            Ok(())
        }
        BackupCommand::Restore { file, yes } => restore(vault, file, *yes, secret),
    }
}

fn create(vault: &Vault, store: &Store, out: Option<&Path>, force: bool) -> Result<(), CliError> {
    let written = match out {
        Some(out) => {
            let out = with_directory(out);
            refuse_existing(&out, force)?;
            write_backup(store, vault, &out, BackupKind::Manual, &SystemClock)
                .map_err(|e| write_error("backup", e))?;
            out
        }
        None => {
            let made = create_backup(store, vault, BackupKind::Manual, &SystemClock)?;
            backups_dir(vault).join(made.file_name)
        }
    };
    outln!("Saved an encrypted backup to {}.", written.display());
    outln!("Restoring it needs the passphrase or recovery key you use now; keep them both.");
    Ok(())
}

fn list(vault: &Vault, json: bool) -> Result<(), CliError> {
    let backups = list_backups(vault)?;
    if json {
        output::json(&backups);
        return Ok(());
    }
    let dir = backups_dir(vault);
    if backups.is_empty() {
        outln!("No backups yet in {}.", dir.display());
        return Ok(());
    }
    outln!("Backups in {} (encrypted), newest first:", dir.display());
    for b in &backups {
        let kind = match b.kind {
            BackupKind::Automatic => "automatic",
            BackupKind::Manual => "manual",
        };
        outln!(
            "{:<25}  {:<9}  {:>10}  {}",
            b.created_at.as_deref().unwrap_or("(unreadable)"),
            kind,
            human_size(b.size_bytes),
            b.file_name
        );
    }
    Ok(())
}

fn restore(
    vault: &Vault,
    file: &Path,
    yes: bool,
    secret: impl FnOnce() -> Result<Credential, CliError>,
) -> Result<(), CliError> {
    require_file(file)?;
    let interactive = std::io::stdin().is_terminal();
    if !yes && !interactive {
        return Err(CliError::usage(
            "restoring replaces the journal; add --yes to confirm when not in a terminal. \
             Nothing was changed",
        ));
    }
    let credential = secret()?;
    if !yes {
        let summary = verify_backup(vault, file, &credential)?;
        describe(&summary);
        if !confirm(vault)? {
            outln!("Nothing was changed.");
            return Ok(());
        }
    }
    let outcome = restore_backup(vault, file, &credential)?;
    outln!("Restored the backup.");
    describe(&outcome.summary);
    if let Some(previous) = outcome.previous {
        outln!(
            "The journal that was here is kept in {}; it opens with the secrets it had.",
            previous.display()
        );
    }
    outln!("Unlock with the passphrase or recovery key that was current when the backup was made.");
    Ok(())
}

fn confirm(vault: &Vault) -> Result<bool, CliError> {
    eprint!(
        "Replace the journal in {} with this backup? The current one is kept aside. [y/N] ",
        vault.dir().display()
    );
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(|_| CliError::usage("could not read the answer; nothing was changed"))?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "Yes"))
}

fn require_file(file: &Path) -> Result<(), CliError> {
    if !file.is_file() {
        return Err(CliError::invalid(
            "That backup file was not found. Nothing was changed",
            "FILE",
        ));
    }
    Ok(())
}

fn describe(summary: &BackupSummary) {
    let kind = match summary.kind {
        BackupKind::Automatic => "automatic",
        BackupKind::Manual => "manual",
    };
    outln!("Made:    {} ({kind})", summary.created_at);
    outln!("Entries: {}", summary.entries);
}

fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else {
        format!("{:.0} KiB", (bytes as f64 / 1024.0).ceil())
    }
}
