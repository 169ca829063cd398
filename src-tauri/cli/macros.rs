//! Printing that never panics: `println!` panics when stdout is closed early (`waymark ... |
//! head`), which would end the command with an internal-error message.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set when standard output could not be written for a reason other than a closed pipe.
static STDOUT_FAILED: AtomicBool = AtomicBool::new(false);

/// Writes one line to stdout. A closed pipe (the reader has all it wanted) is not an error.
pub fn out_line(args: std::fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    let written = out
        .write_fmt(args)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            STDOUT_FAILED.store(true, Ordering::Relaxed);
        }
    }
}

/// Writes one line to stderr, ignoring failure (there is nowhere left to report it).
pub fn err_line(args: std::fmt::Arguments<'_>) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_fmt(args).and_then(|()| err.write_all(b"\n"));
}

/// Whether some output was lost (disk full, closed descriptor...).
pub fn stdout_failed() -> bool {
    STDOUT_FAILED.load(Ordering::Relaxed)
}

/// `println!` that never panics.
macro_rules! outln {
    () => {
        $crate::cli::macros::out_line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::cli::macros::out_line(format_args!($($arg)*))
    };
}

/// `eprintln!` that never panics.
macro_rules! errln {
    () => {
        $crate::cli::macros::err_line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::cli::macros::err_line(format_args!($($arg)*))
    };
}
