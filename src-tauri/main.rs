//! `waymark`: with no arguments, opens the window; with a subcommand, works headless.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]
#![deny(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    // The default hook prints the panic's message, which could quote user text; say only where.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "waymark: an internal error stopped Waymark{place}. Entries already saved are safe."
        );
    }));
    if std::env::args_os().len() > 1 {
        waymark_app::cli::run()
    } else {
        waymark_app::run_app()
    }
}
