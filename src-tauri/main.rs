//! `waymark`: with no arguments, opens the window; with a subcommand, works headless.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]
#![deny(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    if std::env::args_os().len() > 1 {
        waymark_app::cli::run()
    } else {
        waymark_app::run_app()
    }
}
