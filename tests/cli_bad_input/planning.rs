//! Bad input to the strategy, contact, helpline, plan and meeting subcommands.

use super::cases::{Ids, Inputs, Table, INVALID, MARKER, NOT_FOUND, USAGE};

/// Their cases.
pub fn add(t: &mut Table, ids: &Ids, inputs: &Inputs) {
    let (h, c) = (inputs.huge.as_str(), inputs.ctrl.as_str());
    let Inputs {
        not_json, binary, ..
    } = inputs;

    // Strategies.
    t.add("strategy list", "unknown flag", USAGE, &["--limit", "2"]);
    let sa = "strategy add";
    t.add(
        sa,
        "empty title",
        INVALID,
        &["--title", "", "--category", "connection", "--step", "x"],
    );
    t.add(
        sa,
        "unknown category",
        USAGE,
        &["--title", "x", "--category", "magic"],
    );
    t.add(
        sa,
        "huge step",
        INVALID,
        &["--title", "x", "--category", "connection", "--step", h],
    );
    t.add(
        sa,
        "control in summary",
        INVALID,
        &[
            "--title",
            "x",
            "--category",
            "connection",
            "--step",
            "x",
            "--summary",
            c,
        ],
    );
    for leaf in [
        "strategy star",
        "strategy unstar",
        "strategy hide",
        "strategy unhide",
        "strategy delete",
    ] {
        t.add(leaf, "unknown id", NOT_FOUND, &["987654321"]);
        t.add(leaf, "deleted id", NOT_FOUND, &[&ids.strategy.1]);
        t.add(leaf, "id not a number", USAGE, &["breathing"]);
    }
    t.add("strategy delete", "a built-in strategy", INVALID, &["1"]);
    t.add("strategy works", "unknown flag", USAGE, &["--limit", "2"]);

    // Contacts.
    t.add("contact list", "unknown flag", USAGE, &["--all"]);
    let coa = "contact add";
    t.add(coa, "empty name", INVALID, &["--name", ""]);
    t.add(
        coa,
        "phone without digits",
        INVALID,
        &["--name", "x", "--phone", "call me"],
    );
    t.add(
        coa,
        "email without @",
        INVALID,
        &["--name", "x", "--email", "nobody"],
    );
    t.add(
        coa,
        "unknown role",
        USAGE,
        &["--name", "x", "--role", "boss"],
    );
    t.add(
        coa,
        "control in notes",
        INVALID,
        &["--name", "x", "--notes", c],
    );
    t.add("contact delete", "unknown id", NOT_FOUND, &["987654321"]);
    t.add("contact delete", "deleted id", NOT_FOUND, &[&ids.contact.1]);

    // Helplines and the plan.
    t.add(
        "helplines",
        "unknown region",
        USAGE,
        &["--region", "atlantis"],
    );
    t.add("plan show", "unknown flag", USAGE, &["--all"]);
    let pe = "plan edit";
    let plan = |reason: &str| {
        serde_json::json!({"reasons": [reason], "warningSigns": [], "highRiskSituations": [],
            "peopleToCall": [], "safePlaces": [], "safeActivities": [], "aftercare": []})
        .to_string()
    };
    let nul_plan = t.file("nul-plan.json", plan(&format!("{MARKER}\u{0}")).as_bytes());
    let huge_plan = t.file("huge-plan.json", plan(&MARKER.repeat(70_000)).as_bytes());
    t.add(
        pe,
        "NUL in a reason (file)",
        INVALID,
        &["--file", &nul_plan],
    );
    t.add(pe, "1 MB reason (file)", INVALID, &["--file", &huge_plan]);
    t.add(pe, "not JSON", INVALID, &["--file", not_json]);
    t.add(pe, "not UTF-8", INVALID, &["--file", binary]);
    t.add(
        pe,
        "no such file",
        USAGE,
        &["--file", "/nonexistent/plan.json"],
    );
    t.stdin(pe, "wrong shape on stdin", &["--file", "-"], b"[1, 2, 3]");

    // Meetings.
    let mt = &ids.meeting;
    let me = "meeting add";
    let meeting = |time: &str, extra: &[&str]| -> Vec<String> {
        [
            "--title",
            "x",
            "--kind",
            "twelve_step",
            "--zone",
            "Europe/London",
            "--time",
            time,
        ]
        .iter()
        .chain(extra)
        .map(|s| s.to_string())
        .collect()
    };
    t.add(
        me,
        "unknown kind",
        INVALID,
        &[
            "--title",
            "x",
            "--kind",
            "party",
            "--date",
            "2025-06-03",
            "--time",
            "19:30",
        ],
    );
    t.add_owned(
        me,
        "hour 25",
        INVALID,
        &meeting("25:00", &["--date", "2025-06-03"]),
    );
    t.add(
        me,
        "unknown zone",
        INVALID,
        &[
            "--title",
            "x",
            "--kind",
            "other",
            "--date",
            "2025-06-03",
            "--time",
            "19:30",
            "--zone",
            "Mars/Olympus",
        ],
    );
    t.add_owned(
        me,
        "zero minutes long",
        INVALID,
        &meeting("19:30", &["--date", "2025-06-03", "--duration", "0"]),
    );
    t.add_owned(
        me,
        "every 0 weeks",
        INVALID,
        &meeting(
            "19:30",
            &[
                "--date",
                "2025-06-03",
                "--repeat",
                "weekly",
                "--every",
                "0",
                "--days",
                "tue",
            ],
        ),
    );
    t.add(
        me,
        "control in title",
        INVALID,
        &[
            "--title",
            c,
            "--kind",
            "other",
            "--date",
            "2025-06-03",
            "--time",
            "19:30",
        ],
    );
    t.add_owned(
        me,
        "huge notes",
        INVALID,
        &meeting("19:30", &["--date", "2025-06-03", "--notes", h]),
    );
    for d in [
        "-262143-01-01",
        "+262142-12-31",
        "-5000-01-01",
        "0000-01-01",
        "2025-02-30",
    ] {
        t.add_owned(
            me,
            "far or unreadable first day",
            INVALID,
            &meeting("19:30", &[&format!("--date={d}")]),
        );
    }
    t.add("meeting list", "unknown flag", USAGE, &["--all"]);
    let occ = ["--occurrence", "2025-06-10T19:30"];
    for leaf in ["meeting show", "meeting delete"] {
        t.add(leaf, "unknown id", NOT_FOUND, &["987654321"]);
        t.add(leaf, "deleted id", NOT_FOUND, &[&mt.1]);
    }
    t.add(
        "meeting edit",
        "deleted id",
        NOT_FOUND,
        &[&mt.1, "--title", "y"],
    );
    t.add(
        "meeting edit",
        "empty title",
        INVALID,
        &[&mt.0, "--title", ""],
    );
    for leaf in ["meeting skip", "meeting restore"] {
        t.add(
            leaf,
            "not one of its dates",
            INVALID,
            &[&mt.0, "--occurrence", "2025-06-11T19:30"],
        );
        t.add(
            leaf,
            "unreadable occurrence",
            INVALID,
            &[&mt.0, "--occurrence", c],
        );
        t.add(leaf, "deleted id", NOT_FOUND, &[&mt.1, occ[0], occ[1]]);
    }
    let mv = "meeting move";
    t.add(
        mv,
        "to the far future",
        INVALID,
        &[&mt.0, occ[0], occ[1], "--to", "9999-12-31T10:00"],
    );
    t.add(
        mv,
        "to a day that does not exist",
        INVALID,
        &[&mt.0, occ[0], occ[1], "--to", "2025-02-30T10:00"],
    );
    t.add(
        mv,
        "deleted id",
        NOT_FOUND,
        &[&mt.1, occ[0], occ[1], "--to", "2025-06-11T19:30"],
    );
    let at = "meeting attend";
    t.add(
        at,
        "unknown status",
        USAGE,
        &[&mt.0, occ[0], occ[1], "--status", "maybe"],
    );
    t.add(
        at,
        "not one of its dates",
        INVALID,
        &[
            &mt.0,
            "--occurrence",
            "2025-06-12T19:30",
            "--status",
            "attended",
        ],
    );
    t.add(
        at,
        "deleted id",
        NOT_FOUND,
        &[&mt.1, occ[0], occ[1], "--status", "attended"],
    );
    let nx = "meeting next";
    t.add(nx, "0 days", INVALID, &["--days", "0"]);
    t.with(
        nx,
        "days past u32",
        &[USAGE, INVALID],
        &["--days", "99999999999"],
        None,
    );
    t.add(
        nx,
        "first day of chrono",
        INVALID,
        &["--from=-262143-01-01"],
    );
    t.add(nx, "last day of chrono", INVALID, &["--from=+262142-12-31"]);
}
