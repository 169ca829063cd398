//! Every command's valid arguments, which the mutations start from.

use serde_json::{json, Value};

use super::harness::PASS;
use super::seeds::{
    checkin_input, contact_input, craving_input, helpline_input, journal_input, lapse_input,
    meeting_input, mood_input, plan_input, profile_input, range, reminder_settings, review_input,
    strategy_input, trigger_input, Seeds,
};

/// What a command may do with input: only read, or write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Reads only: text it is given may be accepted (a search for RTL text is fine).
    Read,
    /// Writes: every mutation must be refused.
    Write,
}

/// One command's valid arguments, and ids that exist no longer for its id arguments.
pub struct Case {
    pub command: &'static str,
    pub effect: Effect,
    pub args: Value,
    /// (argument path's last key, a deleted id of the right kind).
    pub deleted: Vec<(&'static str, i64)>,
}

/// Every command's case. Update baselines name live things; id mutations then point them at
/// unknown and deleted ones.
pub fn cases(s: &Seeds) -> Vec<Case> {
    use Effect::{Read, Write};
    let occ = "2025-06-10T19:30";
    let case = |command, effect, args: Value, deleted: Vec<(&'static str, i64)>| Case {
        command,
        effect,
        args,
        deleted,
    };
    let entry = |kind: &str, id: i64| json!({"kind": kind, "id": id});
    vec![
        case("vault_status", Read, json!({}), vec![]),
        case(
            "passphrase_strength",
            Read,
            json!({"passphrase": "a fine long passphrase"}),
            vec![],
        ),
        case(
            "create_vault",
            Write,
            json!({"passphrase": "another good passphrase 42"}),
            vec![],
        ),
        case("unlock", Write, json!({"passphrase": PASS}), vec![]),
        case(
            "unlock_with_recovery_key",
            Write,
            json!({"recoveryKey": s.recovery_key}),
            vec![],
        ),
        case(
            "change_passphrase",
            Write,
            json!({"current": PASS, "newPassphrase": "a different passphrase 99"}),
            vec![],
        ),
        case(
            "set_passphrase_after_recovery",
            Write,
            json!({"newPassphrase": "a different passphrase 99"}),
            vec![],
        ),
        case(
            "add_craving",
            Write,
            json!({"input": craving_input(s.trigger)}),
            vec![],
        ),
        case(
            "update_craving",
            Write,
            json!({"id": s.craving.0, "input": craving_input(s.trigger)}),
            vec![("id", s.craving.1)],
        ),
        case(
            "get_craving",
            Read,
            json!({"id": s.craving.0}),
            vec![("id", s.craving.1)],
        ),
        case("list_cravings", Read, json!({"limit": 10}), vec![]),
        case(
            "list_triggers",
            Read,
            json!({"includeArchived": true}),
            vec![],
        ),
        case(
            "add_trigger",
            Write,
            json!({"input": trigger_input()}),
            vec![],
        ),
        case(
            "update_trigger",
            Write,
            json!({"id": s.trigger, "input": trigger_input()}),
            vec![],
        ),
        case(
            "set_trigger_archived",
            Write,
            json!({"id": s.trigger, "archived": false}),
            vec![],
        ),
        case(
            "merge_triggers",
            Write,
            json!({"from": s.trigger2, "into": s.trigger}),
            vec![],
        ),
        case("add_mood", Write, json!({"input": mood_input()}), vec![]),
        case(
            "update_mood",
            Write,
            json!({"id": s.mood.0, "input": mood_input()}),
            vec![("id", s.mood.1)],
        ),
        case(
            "get_mood",
            Read,
            json!({"id": s.mood.0}),
            vec![("id", s.mood.1)],
        ),
        case("list_moods", Read, json!({"limit": 10}), vec![]),
        case(
            "add_journal_entry",
            Write,
            json!({"input": journal_input("2025-06-05")}),
            vec![],
        ),
        case(
            "update_journal_entry",
            Write,
            json!({"id": s.journal.0, "input": journal_input("2025-06-02")}),
            vec![("id", s.journal.1)],
        ),
        case(
            "get_journal_entry",
            Read,
            json!({"id": s.journal.0}),
            vec![("id", s.journal.1)],
        ),
        case(
            "journal_entry_on",
            Read,
            json!({"date": "2025-06-02"}),
            vec![],
        ),
        case("list_journal_entries", Read, json!({"limit": 10}), vec![]),
        case(
            "add_checkin",
            Write,
            json!({"input": checkin_input("2025-06-05")}),
            vec![],
        ),
        case(
            "update_checkin",
            Write,
            json!({"id": s.checkin.0, "input": checkin_input("2025-06-02")}),
            vec![("id", s.checkin.1)],
        ),
        case(
            "get_checkin",
            Read,
            json!({"id": s.checkin.0}),
            vec![("id", s.checkin.1)],
        ),
        case("checkin_on", Read, json!({"date": "2025-06-02"}), vec![]),
        case(
            "add_review",
            Write,
            json!({"input": review_input("2025-06-09")}),
            vec![],
        ),
        case(
            "update_review",
            Write,
            json!({"id": s.review.0, "input": review_input("2025-06-02")}),
            vec![("id", s.review.1)],
        ),
        case(
            "get_review",
            Read,
            json!({"id": s.review.0}),
            vec![("id", s.review.1)],
        ),
        case(
            "review_for_week",
            Read,
            json!({"date": "2025-06-02"}),
            vec![],
        ),
        case(
            "add_lapse",
            Write,
            json!({"input": lapse_input(s.trigger)}),
            vec![],
        ),
        case(
            "update_lapse",
            Write,
            json!({"id": s.lapse.0, "input": lapse_input(s.trigger)}),
            vec![("id", s.lapse.1)],
        ),
        case(
            "get_lapse",
            Read,
            json!({"id": s.lapse.0}),
            vec![("id", s.lapse.1)],
        ),
        case("list_lapses", Read, json!({"limit": 10}), vec![]),
        case(
            "timeline",
            Read,
            json!({"query": {"from": "2025-06-01", "to": "2025-06-30", "kinds": ["craving"]}}),
            vec![],
        ),
        case(
            "search",
            Read,
            json!({"text": "steady", "limit": 10}),
            vec![],
        ),
        case(
            "delete_entry",
            Write,
            json!({"entry": entry("mood", s.mood.0)}),
            vec![("id", s.mood.1)],
        ),
        case(
            "restore_entry",
            Write,
            json!({"entry": entry("lapse", s.lapse.1)}),
            vec![],
        ),
        case("get_profile", Read, json!({}), vec![]),
        case(
            "set_profile",
            Write,
            json!({"input": profile_input()}),
            vec![],
        ),
        case("recovery_summary", Read, json!({}), vec![]),
        case(
            "safety_card_due",
            Read,
            json!({"entry": entry("craving", s.craving.0)}),
            vec![("id", s.craving.1)],
        ),
        case("get_journal_content", Read, json!({}), vec![]),
        case(
            "list_strategies",
            Read,
            json!({"includeHidden": true}),
            vec![],
        ),
        case(
            "add_strategy",
            Write,
            json!({"input": strategy_input()}),
            vec![],
        ),
        case(
            "update_strategy",
            Write,
            json!({"id": s.strategy.0, "input": strategy_input()}),
            vec![("id", s.strategy.1)],
        ),
        case(
            "delete_strategy",
            Write,
            json!({"id": s.strategy.0}),
            vec![("id", s.strategy.1)],
        ),
        case(
            "set_strategy_starred",
            Write,
            json!({"id": s.strategy.0, "starred": false}),
            vec![("id", s.strategy.1)],
        ),
        case(
            "set_strategy_hidden",
            Write,
            json!({"id": s.strategy.0, "hidden": false}),
            vec![("id", s.strategy.1)],
        ),
        case("what_works", Read, json!({}), vec![]),
        case("list_contacts", Read, json!({}), vec![]),
        case(
            "add_contact",
            Write,
            json!({"input": contact_input()}),
            vec![],
        ),
        case(
            "update_contact",
            Write,
            json!({"id": s.contact.0, "input": contact_input()}),
            vec![("id", s.contact.1)],
        ),
        case(
            "delete_contact",
            Write,
            json!({"id": s.contact.0}),
            vec![("id", s.contact.1)],
        ),
        case(
            "reorder_contacts",
            Write,
            json!({"ids": [s.contact.0]}),
            vec![("ids", s.contact.1)],
        ),
        // Its baseline already names a deleted contact: a valid one would open a real link.
        case(
            "open_contact_link",
            Write,
            json!({"id": s.contact.1, "how": "call"}),
            vec![],
        ),
        case("helplines", Read, json!({}), vec![]),
        case(
            "add_local_helpline",
            Write,
            json!({"input": helpline_input()}),
            vec![],
        ),
        case(
            "update_local_helpline",
            Write,
            json!({"id": s.helpline.0, "input": helpline_input()}),
            vec![("id", s.helpline.1)],
        ),
        case(
            "delete_local_helpline",
            Write,
            json!({"id": s.helpline.0}),
            vec![("id", s.helpline.1)],
        ),
        case("get_plan", Read, json!({}), vec![]),
        case("set_plan", Write, json!({"plan": plan_input()}), vec![]),
        case("plan_prompts", Read, json!({}), vec![]),
        case("sos_summary", Read, json!({}), vec![]),
        case("schedule_options", Read, json!({}), vec![]),
        case("list_meetings", Read, json!({}), vec![]),
        case(
            "get_meeting",
            Read,
            json!({"id": s.meeting.0}),
            vec![("id", s.meeting.1)],
        ),
        case(
            "add_meeting",
            Write,
            json!({"input": meeting_input()}),
            vec![],
        ),
        case(
            "update_meeting",
            Write,
            json!({"id": s.meeting.0, "input": meeting_input()}),
            vec![("id", s.meeting.1)],
        ),
        case(
            "delete_meeting",
            Write,
            json!({"id": s.meeting.0}),
            vec![("id", s.meeting.1)],
        ),
        case(
            "skip_occurrence",
            Write,
            json!({"id": s.meeting.0, "occurrence": occ}),
            vec![("id", s.meeting.1)],
        ),
        case(
            "move_occurrence",
            Write,
            json!({"id": s.meeting.0, "occurrence": occ, "to": "2025-06-11T19:30"}),
            vec![("id", s.meeting.1)],
        ),
        case(
            "restore_occurrence",
            Write,
            json!({"id": s.meeting.0, "occurrence": occ}),
            vec![("id", s.meeting.1)],
        ),
        case(
            "set_attendance",
            Write,
            json!({"id": s.meeting.0, "occurrence": occ, "attendance": "attended"}),
            vec![("id", s.meeting.1)],
        ),
        case(
            "meeting_occurrences",
            Read,
            json!({"pastDays": 7, "futureDays": 7}),
            vec![],
        ),
        case(
            "occurrences_on",
            Read,
            json!({"date": "2025-06-10"}),
            vec![],
        ),
        case("dashboard", Read, json!({}), vec![]),
        case("insights", Read, json!({"range": range()}), vec![]),
        case(
            "summary_preview",
            Read,
            json!({"request": {"range": range(), "sections": ["overview"], "includeNotes": false}}),
            vec![],
        ),
        case("export_counts", Read, json!({"range": range()}), vec![]),
        case("get_reminder_settings", Read, json!({}), vec![]),
        case(
            "set_reminder_settings",
            Write,
            json!({"settings": reminder_settings()}),
            vec![],
        ),
        case("upcoming_reminders", Read, json!({"hours": 24}), vec![]),
        case("take_reminder_notices", Read, json!({}), vec![]),
        case("notification_status", Read, json!({}), vec![]),
        case("get_lock_settings", Read, json!({}), vec![]),
        case(
            "set_lock_settings",
            Write,
            json!({"settings": {"autoLockMinutes": 5}}),
            vec![],
        ),
        case("note_activity", Read, json!({}), vec![]),
        case("take_lock_reason", Read, json!({}), vec![]),
        case("passphrase_wait", Read, json!({}), vec![]),
        case("backup_status", Read, json!({}), vec![]),
        case("set_backup_keep", Write, json!({"keep": 5}), vec![]),
    ]
}
