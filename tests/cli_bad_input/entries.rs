//! Bad input to the entry subcommands: cravings, triggers, moods, journal, check-ins, reviews and lapses.

use super::cases::{Ids, Inputs, Table, FAR_DAYS, INVALID, NOT_FOUND, USAGE};

/// The entry subcommands' cases.
pub fn add(t: &mut Table, ids: &Ids, inputs: &Inputs) {
    let (h, c) = (inputs.huge.as_str(), inputs.ctrl.as_str());
    let Inputs { nul, megabyte, .. } = inputs;

    // Cravings.
    let ca = "craving add";
    t.add(ca, "intensity 11", INVALID, &["--intensity", "11"]);
    t.add(
        ca,
        "intensity not a number",
        USAGE,
        &["--intensity", "high"],
    );
    t.add(ca, "intensity empty", USAGE, &["--intensity", ""]);
    t.add(ca, "no intensity", USAGE, &[]);
    t.add(
        ca,
        "negative duration",
        INVALID,
        &["--intensity", "5", "--duration=-3"],
    );
    t.add(
        ca,
        "control in where",
        INVALID,
        &["--intensity", "5", "--where", c],
    );
    t.add(ca, "huge note", INVALID, &["--intensity", "5", "--note", h]);
    t.add(
        ca,
        "unknown halt state",
        USAGE,
        &["--intensity", "5", "--halt", "sleepy"],
    );
    t.add(
        ca,
        "new trigger without category",
        INVALID,
        &["--intensity", "5", "--new-trigger", "x"],
    );
    t.stdin(ca, "NUL in note", &["--intensity", "5", "--note", "-"], nul);
    t.stdin(
        ca,
        "1 MB note",
        &["--intensity", "5", "--note", "-"],
        megabyte,
    );
    for at in [
        "9999-12-31T23:59:59Z",
        "0000-01-01T00:00:00Z",
        "-262143-01-01T00:00:00Z",
        "yesterday",
    ] {
        t.add(
            ca,
            "far or unreadable time",
            INVALID,
            &["--intensity", "5", &format!("--at={at}")],
        );
    }
    t.entry("craving", &ids.craving, &["--intensity", "3"]);
    t.add(
        "craving edit",
        "intensity 12",
        INVALID,
        &[&ids.craving.0, "--intensity", "12"],
    );
    t.add(
        "craving edit",
        "control in note",
        INVALID,
        &[&ids.craving.0, "--note", c],
    );

    // Triggers.
    t.add("trigger list", "unknown flag", USAGE, &["--limit", "3"]);
    let ta = "trigger add";
    t.add(
        ta,
        "empty name",
        INVALID,
        &["--name", "", "--category", "people"],
    );
    t.add(
        ta,
        "control in name",
        INVALID,
        &["--name", c, "--category", "people"],
    );
    t.add(
        ta,
        "huge name",
        INVALID,
        &["--name", h, "--category", "people"],
    );
    t.add(
        ta,
        "unknown category",
        USAGE,
        &["--name", "x", "--category", "weather"],
    );
    t.add(
        ta,
        "name already used",
        INVALID,
        &["--name", "payday", "--category", "people"],
    );
    let te = "trigger edit";
    t.add(
        te,
        "deleted id",
        NOT_FOUND,
        &[&ids.trigger.1, "--name", "x"],
    );
    t.add(te, "empty name", INVALID, &[&ids.trigger.0, "--name", ""]);
    t.add(te, "nothing to change", USAGE, &[&ids.trigger.0]);
    for leaf in ["trigger delete", "trigger archive", "trigger unarchive"] {
        t.add(leaf, "unknown id", NOT_FOUND, &["987654321"]);
        t.add(leaf, "deleted id", NOT_FOUND, &[&ids.trigger.1]);
        t.add(leaf, "id not a number", USAGE, &["payday"]);
    }
    let tm = "trigger merge";
    t.add(
        tm,
        "unknown from",
        NOT_FOUND,
        &["987654321", "--into", &ids.trigger.0],
    );
    t.add(
        tm,
        "deleted into",
        NOT_FOUND,
        &[&ids.trigger.0, "--into", &ids.trigger.1],
    );
    t.add(
        tm,
        "into itself",
        INVALID,
        &[&ids.trigger.0, "--into", &ids.trigger.0],
    );

    // Moods.
    let ma = "mood add";
    t.add(ma, "mood 0", INVALID, &["--mood", "0"]);
    t.add(ma, "mood 11", INVALID, &["--mood", "11"]);
    t.add(
        ma,
        "unknown feeling",
        INVALID,
        &["--mood", "5", "--feeling", "nosuch"],
    );
    t.add(
        ma,
        "future time",
        INVALID,
        &["--mood", "5", "--at", "9999-12-31T23:59:59Z"],
    );
    t.stdin(ma, "NUL in note", &["--mood", "5", "--note", "-"], nul);
    t.entry("mood", &ids.mood, &["--mood", "3"]);
    t.add("mood feelings", "unknown flag", USAGE, &["--all"]);

    // Journal.
    let ja = "journal add";
    t.add(ja, "empty text", INVALID, &["--text", ""]);
    t.add(
        ja,
        "huge tag",
        INVALID,
        &["--text", "x", "--date", "2025-05-01", "--tag", h],
    );
    t.add(
        ja,
        "control in went well",
        INVALID,
        &["--text", "x", "--date", "2025-05-01", "--went-well", c],
    );
    t.stdin(
        ja,
        "NUL in text",
        &["--text", "-", "--date", "2025-05-01"],
        nul,
    );
    t.stdin(
        ja,
        "1 MB text",
        &["--text", "-", "--date", "2025-05-01"],
        megabyte,
    );
    for d in FAR_DAYS {
        t.add(
            ja,
            "far or unreadable day",
            INVALID,
            &["--text", "x", &format!("--date={d}")],
        );
    }
    t.add(
        ja,
        "a second entry for a day",
        INVALID,
        &["--text", "x", "--date", "2025-06-02"],
    );
    t.entry("journal", &ids.journal, &["--text", "y"]);
    t.add(
        "journal edit",
        "far day",
        INVALID,
        &[&ids.journal.0, "--date", "9999-12-31"],
    );

    // Check-ins.
    let cia = "checkin add";
    t.add(
        cia,
        "day rating 11",
        INVALID,
        &["--date", "2025-05-01", "--day", "11"],
    );
    t.add(
        cia,
        "yes/no answer maybe",
        USAGE,
        &["--date", "2025-05-01", "--slept", "maybe"],
    );
    t.stdin(
        cia,
        "NUL in note",
        &["--date", "2025-05-01", "--note", "-"],
        nul,
    );
    for d in FAR_DAYS {
        t.add(
            cia,
            "far or unreadable day",
            INVALID,
            &[&format!("--date={d}"), "--day", "5"],
        );
    }
    t.entry("checkin", &ids.checkin, &["--day", "3"]);

    // Reviews.
    let ra = "review add";
    t.add(
        ra,
        "unknown question",
        INVALID,
        &["--week-of", "2025-05-05", "--answer", "nosuch=3"],
    );
    t.add(
        ra,
        "answer out of range",
        INVALID,
        &["--week-of", "2025-05-05", "--answer", "days_used=8"],
    );
    t.add(
        ra,
        "answer without =",
        USAGE,
        &["--week-of", "2025-05-05", "--answer", "days_used"],
    );
    t.add(
        ra,
        "control in note",
        INVALID,
        &["--week-of", "2025-05-05", "--note", c],
    );
    for d in FAR_DAYS {
        t.add(
            ra,
            "far or unreadable week",
            INVALID,
            &[&format!("--week-of={d}"), "--note", "x"],
        );
    }
    t.entry("review", &ids.review, &["--note", "y"]);
    t.add("review questions", "unknown flag", USAGE, &["--all"]);

    // Lapses.
    let la = "lapse add";
    t.add(
        la,
        "unknown trigger",
        INVALID,
        &["--trigger", "no such trigger"],
    );
    t.add(
        la,
        "future time",
        INVALID,
        &["--at", "9999-12-31T23:59:59Z"],
    );
    t.add(la, "control in situation", INVALID, &["--situation", c]);
    t.add(la, "huge learned", INVALID, &["--learned", h]);
    t.stdin(la, "NUL in next time", &["--next-time", "-"], nul);
    t.entry("lapse", &ids.lapse, &["--situation", "y"]);
}
