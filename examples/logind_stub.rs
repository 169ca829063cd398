//! Owns `org.freedesktop.login1` on the session bus and sends logind's signals on command: a
//! line `sleep` on standard input sends `PrepareForSleep(true)` then `(false)`, a line `lock`
//! sends the session's `Lock`. Prints `ready` once it owns the name and `sent <what>` after each.
//! The end-to-end test runs it in its private D-Bus session, against an app started with
//! `WAYMARK_LOGIND_BUS=session` (debug builds only).

use std::io::BufRead;

use waymark_app::logind_stub;

fn main() -> std::process::ExitCode {
    let conn = match logind_stub::serve(None) {
        Ok(conn) => conn,
        Err(e) => {
            eprintln!("logind_stub: could not own org.freedesktop.login1: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    println!("ready");
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let sent = match line.trim() {
            "sleep" => logind_stub::prepare_for_sleep(&conn, true)
                .and_then(|()| logind_stub::prepare_for_sleep(&conn, false)),
            "lock" => logind_stub::lock_session(&conn),
            "" => continue,
            other => {
                eprintln!("logind_stub: unknown command {other:?} (sleep, lock)");
                continue;
            }
        };
        match sent {
            Ok(()) => println!("sent {}", line.trim()),
            Err(e) => eprintln!("logind_stub: sending failed: {e}"),
        }
    }
    std::process::ExitCode::SUCCESS
}
