//! Bad input to reminders, calendar files, recovery, profile, passphrase, init, backups, export, import, search and timeline.

use super::cases::{Bad, Ids, Inputs, Table, DAMAGED, EXISTS, FAR_DAYS, INVALID, MARKER, USAGE};

/// Their cases.
pub fn add(t: &mut Table, _ids: &Ids, inputs: &Inputs) {
    let (h, c) = (inputs.huge.as_str(), inputs.ctrl.as_str());
    let Inputs {
        ctrl,
        nul,
        out,
        not_json,
        binary,
        garbage,
        export_nul,
        ..
    } = inputs;
    let j = t.j;

    // Reminders.
    t.add("reminders due", "0 hours", INVALID, &["--hours", "0"]);
    t.add(
        "reminders due",
        "hours past the limit",
        INVALID,
        &["--hours", "4294967295"],
    );
    t.add("reminders settings", "unknown flag", USAGE, &["--all"]);
    let rs = "reminders set";
    t.add(rs, "hour 25", INVALID, &["--checkin", "25:00"]);
    t.add(rs, "unknown style", USAGE, &["--style", "loud"]);
    t.add(
        rs,
        "control in label",
        INVALID,
        &["--medication", "08:00", "--medication-label", c],
    );

    // Calendar files.
    t.add(
        "ics export",
        "existing file without --force",
        INVALID,
        &["--out", out],
    );
    t.add("ics export", "empty path", USAGE, &["--out", ""]);
    let nul_ics = t.file(
        "nul.ics",
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:2025\u{0}0603T193000Z\r\nSUMMARY:{MARKER}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").as_bytes(),
    );
    t.add("ics import", "not a calendar", INVALID, &[garbage]);
    // Control characters in a summary are dropped on import (an outside file); one in the start
    // leaves no event to import: refused, or reported as skipped with nothing written.
    t.with(
        "ics import",
        "NUL in the start",
        &[0, INVALID],
        &[&nul_ics],
        None,
    );
    t.add("ics import", "not UTF-8", INVALID, &[binary]);
    t.add(
        "ics import",
        "no such file",
        INVALID,
        &["/nonexistent/calendar.ics"],
    );
    t.add(
        "ics import",
        "unknown zone",
        INVALID,
        &[garbage, "--zone", "Mars/Olympus"],
    );

    // Recovery, profile, passphrase, init.
    t.add("recovery show", "unknown flag", USAGE, &["--all"]);
    t.add(
        "recovery clear-start",
        "unexpected argument",
        USAGE,
        &["2025-01-01"],
    );
    for d in FAR_DAYS {
        t.add(
            "recovery set-start",
            "far or unreadable day",
            INVALID,
            &["--", d],
        );
    }
    t.add("profile show", "unknown flag", USAGE, &["--all"]);
    t.add(
        "profile set",
        "unknown region",
        USAGE,
        &["--region", "atlantis"],
    );
    t.add(
        "profile set",
        "medication not in the list",
        USAGE,
        &["--medication", c],
    );
    t.add("profile set", "huge region", USAGE, &["--region", h]);
    // An empty variable counts as not set: no passphrase given, a usage error.
    for (label, new, code) in [
        ("empty new passphrase", "", USAGE),
        ("weak new passphrase", "abc", INVALID),
        ("control in new passphrase", ctrl.as_str(), INVALID),
    ] {
        t.map
            .entry("passphrase change".into())
            .or_default()
            .push(Bad {
                label: label.into(),
                args: vec!["passphrase".into(), "change".into()],
                stdin: None,
                env: vec![("WAYMARK_NEW_PASSPHRASE".into(), new.into())],
                codes: vec![code],
            });
    }
    t.add("init", "a journal already exists", EXISTS, &[]);

    // Backups.
    t.add(
        "backup create",
        "existing file without --force",
        INVALID,
        &["--out", out],
    );
    t.add("backup create", "empty path", USAGE, &["--out", ""]);
    t.add("backup list", "unknown flag", USAGE, &["--all"]);
    t.add(
        "backup restore",
        "without --yes and no terminal",
        USAGE,
        &[garbage],
    );

    // Export, import, search, timeline.
    let file = j.scratch().join("export.out");
    let file = file.to_str().unwrap().to_string();
    t.add(
        "export",
        "unknown format",
        USAGE,
        &["--format", "docx", "--out", &file],
    );
    t.add(
        "export",
        "unknown section",
        USAGE,
        &["--format", "pdf", "--out", &file, "--sections", "secrets"],
    );
    t.add(
        "export",
        "existing file without --force",
        INVALID,
        &["--format", "json", "--out", out],
    );
    for d in FAR_DAYS {
        t.add(
            "export",
            "far or unreadable first day",
            INVALID,
            &["--format", "json", "--out", &file, &format!("--from={d}")],
        );
    }
    t.add(
        "export",
        "range backwards",
        INVALID,
        &[
            "--format",
            "csv",
            "--out",
            &file,
            "--from",
            "2025-06-30",
            "--to",
            "2025-06-01",
        ],
    );
    t.add("import", "not JSON", INVALID, &[not_json]);
    t.add("import", "not UTF-8", INVALID, &[binary]);
    t.add("import", "NUL in a name", INVALID, &[export_nul]);
    t.add(
        "import",
        "no such file",
        INVALID,
        &["/nonexistent/export.json"],
    );
    t.add(
        "import",
        "wrong shape",
        INVALID,
        &[&t.file("shape.json", b"{\"format\": 3}")],
    );
    for leaf in ["backup verify", "backup restore"] {
        let yes: &[&str] = if leaf == "backup restore" {
            &["--yes"]
        } else {
            &[]
        };
        let files = [
            ("not a backup", &garbage),
            ("not UTF-8", &binary),
            ("an export, NUL in a name", &export_nul),
        ];
        for (label, file) in files {
            let mut args = vec![file.as_str()];
            args.extend_from_slice(yes);
            t.with(leaf, label, &[INVALID, DAMAGED], &args, None);
        }
        let mut args = vec!["/nonexistent/backup.wmbak"];
        args.extend_from_slice(yes);
        t.with(leaf, "no such file", &[USAGE, INVALID], &args, None);
    }
    t.add("search", "negative limit", USAGE, &["--limit=-1", "x"]);
    t.add("search", "no words", USAGE, &[]);
    t.with(
        "search",
        "control characters (a read: may find nothing)",
        &[0, INVALID],
        &[c],
        None,
    );
    t.with(
        "search",
        "100 KB of words (a read)",
        &[0, INVALID],
        &[h],
        None,
    );
    t.with(
        "search",
        "NUL on stdin (a read)",
        &[0, INVALID],
        &["-"],
        Some(nul.clone()),
    );
    for d in FAR_DAYS {
        t.add(
            "timeline",
            "far or unreadable first day",
            INVALID,
            &[&format!("--from={d}"), "--to", "2025-06-30"],
        );
    }
    // The edges of chrono's calendar: nothing is there, and nothing may panic.
    for (from, to) in [
        ("+262142-12-31", "+262142-12-31"),
        ("-262143-01-01", "-262143-01-01"),
    ] {
        t.with(
            "timeline",
            "at the edge of the calendar",
            &[0, INVALID],
            &[&format!("--from={from}"), &format!("--to={to}")],
            None,
        );
    }
    t.with(
        "timeline",
        "only the last day",
        &[0, INVALID],
        &["--to=+262142-12-31"],
        None,
    );
    t.add("timeline", "unknown kind", USAGE, &["--kind", "dream"]);
}
