//! Runs a recording desktop notification server on the session bus until killed, appending
//! every notification it receives to the file given as the only argument (one JSON line each).
//! The end-to-end test starts it in its private D-Bus session.

use std::sync::{Arc, Mutex};

fn main() -> std::process::ExitCode {
    let Some(log) = std::env::args_os().nth(1) else {
        eprintln!("usage: notification_sink <file.jsonl>");
        return std::process::ExitCode::from(2);
    };
    let received = Arc::new(Mutex::new(Vec::new()));
    let _connection = match waymark_app::notification_sink::serve(None, received, Some(log.into()))
    {
        Ok(connection) => connection,
        Err(e) => {
            eprintln!("notification_sink: could not own the notification bus name: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    println!("ready");
    loop {
        std::thread::park();
    }
}
