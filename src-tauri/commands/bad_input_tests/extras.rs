//! Cases the one-field mutations cannot make: values of the right type that are still wrong,
//! and reads at the very edges of the calendar.

use serde_json::{json, Value};

use super::seeds::{craving_input, meeting_input, reminder_settings, review_input, Seeds};

/// Days at the very edges of what chrono holds, in combinations one-field mutations never make,
/// and text that once overflowed a dependency. Reading commands may answer them; none may panic.
pub fn edge_reads() -> Vec<(&'static str, &'static str, Value)> {
    let query = |from: Value, to: Value| json!({"query": {"from": from, "to": to, "kinds": []}});
    let (min, max) = ("-262143-01-01", "+262142-12-31");
    vec![
        // zxcvbn's keyboard-pattern estimate overflowed on many turns (see core's passphrase.rs).
        (
            "passphrase_strength",
            "a long keyboard pattern",
            json!({ "passphrase": "Zx".repeat(60) }),
        ),
        (
            "timeline",
            "both on the last day",
            query(json!(max), json!(max)),
        ),
        (
            "timeline",
            "both on the first day",
            query(json!(min), json!(min)),
        ),
        (
            "timeline",
            "only the last day",
            query(Value::Null, json!(max)),
        ),
        (
            "timeline",
            "only the first day",
            query(Value::Null, json!(min)),
        ),
        ("journal_entry_on", "the last day", json!({"date": max})),
        ("checkin_on", "the first day", json!({"date": min})),
        ("review_for_week", "the first day", json!({"date": min})),
        ("review_for_week", "the last day", json!({"date": max})),
        ("occurrences_on", "the first day", json!({"date": min})),
        ("occurrences_on", "the last day", json!({"date": max})),
        (
            "insights",
            "the last day",
            json!({"range": {"from": max, "to": max}}),
        ),
        (
            "export_counts",
            "the first day",
            json!({"range": {"from": min, "to": min}}),
        ),
        (
            "summary_preview",
            "the last day",
            json!({"request": {"range": {"from": max, "to": max}, "sections": ["overview"], "includeNotes": true}}),
        ),
    ]
}

/// Invalid values of the right type that the generic mutations cannot know: each must be refused.
pub fn extras(s: &Seeds) -> Vec<(&'static str, &'static str, Value)> {
    let mut review = review_input("2025-06-09");
    review["answers"] = json!({"no_such_question": 3});
    let mut craving = craving_input(s.trigger);
    craving["intensity"] = json!(11);
    let mut after = craving_input(s.trigger);
    after["intensityAfter"] = json!(-3);
    let mut meeting = meeting_input();
    meeting["recurrence"] = json!({"type": "weekly", "interval": 0, "days": []});
    let mut until = meeting_input();
    until["until"] = json!("2025-01-01");
    let mut reminders = reminder_settings();
    reminders["medication"] = json!((0..100)
        .map(|i| json!({"time": format!("{:02}:{:02}", i / 60, i % 60)}))
        .collect::<Vec<_>>());
    vec![
        ("set_backup_keep", "keep 0", json!({"keep": 0})),
        ("set_backup_keep", "keep u32 max", json!({"keep": u32::MAX})),
        (
            "set_lock_settings",
            "minutes not offered",
            json!({"settings": {"autoLockMinutes": 7}}),
        ),
        ("add_review", "unknown question", json!({ "input": review })),
        ("add_craving", "intensity 11", json!({ "input": craving })),
        (
            "add_craving",
            "intensity after -3",
            json!({ "input": after }),
        ),
        (
            "add_meeting",
            "every 0 weeks on no day",
            json!({ "input": meeting }),
        ),
        (
            "add_meeting",
            "ends before it starts",
            json!({ "input": until }),
        ),
        ("reorder_contacts", "empty order", json!({"ids": []})),
        (
            "reorder_contacts",
            "repeated id",
            json!({"ids": [s.contact.0, s.contact.0]}),
        ),
        (
            "merge_triggers",
            "into itself",
            json!({"from": s.trigger, "into": s.trigger}),
        ),
        (
            "move_occurrence",
            "to a day that does not exist",
            json!({"id": s.meeting.0, "occurrence": "2025-06-10T19:30", "to": "2025-02-30T19:30"}),
        ),
        (
            "skip_occurrence",
            "not one of its dates",
            json!({"id": s.meeting.0, "occurrence": "2025-06-11T19:30"}),
        ),
        (
            "set_reminder_settings",
            "100 medication reminders",
            json!({ "settings": reminders }),
        ),
        (
            "insights",
            "range backwards",
            json!({"range": {"from": "2025-06-30", "to": "2025-06-01"}}),
        ),
        (
            "export_counts",
            "range of 300 000 years",
            json!({"range": {"from": "-262143-01-01", "to": "+262142-12-31"}}),
        ),
        (
            "set_profile",
            "unknown region",
            json!({"input": {"recoveryStart": null, "region": "atlantis", "medication": null}}),
        ),
        (
            "delete_entry",
            "unknown kind",
            json!({"entry": {"kind": "dream", "id": s.mood.0}}),
        ),
        (
            "open_contact_link",
            "unknown way",
            json!({"id": s.contact.0, "how": "fax"}),
        ),
    ]
}
