//! Valid inputs for every kind of thing, and a vault seeded with them through the commands.

use serde_json::{json, Value};

use super::harness::Harness;

/// Ids of things made by [`seed`]: one live and one deleted of each kind.
#[derive(Debug, Default)]
pub struct Seeds {
    pub trigger: i64,
    pub trigger2: i64,
    pub craving: (i64, i64),
    pub mood: (i64, i64),
    pub journal: (i64, i64),
    pub checkin: (i64, i64),
    pub review: (i64, i64),
    pub lapse: (i64, i64),
    pub strategy: (i64, i64),
    pub contact: (i64, i64),
    pub helpline: (i64, i64),
    pub meeting: (i64, i64),
    /// The vault's real recovery key, so the unlock baseline is valid.
    pub recovery_key: String,
}

pub fn craving_input(trigger: i64) -> Value {
    json!({"intensity": 6, "occurredAt": "2025-06-01T10:00:00+01:00", "durationMinutes": 10,
        "triggerIds": [trigger], "newTriggers": [], "halt": {"hungry": true}, "place": "home",
        "withWhom": "alone", "activity": "reading", "coping": ["walk"], "outcome": "passed",
        "intensityAfter": 3, "note": "a calm note"})
}
pub fn trigger_input() -> Value {
    json!({"name": "Payday", "category": "times_and_situations"})
}
pub fn mood_input() -> Value {
    json!({"mood": 6, "occurredAt": "2025-06-01T11:00:00+01:00", "feelings": [], "note": "ok"})
}
pub fn journal_input(date: &str) -> Value {
    json!({"date": date, "body": "A steady day.", "wentWell": "a walk", "tags": ["work"]})
}
pub fn checkin_input(date: &str) -> Value {
    json!({"date": date, "answers": {"sleptWell": true}, "dayRating": 7, "note": "fine"})
}
pub fn review_input(week: &str) -> Value {
    json!({"weekOf": week, "answers": {}, "note": "a week"})
}
pub fn lapse_input(trigger: i64) -> Value {
    json!({"occurredAt": "2025-06-03T20:00:00+01:00", "triggerIds": [trigger], "feelings": [],
        "situation": "a party", "learned": "leave early", "nextTime": "call someone",
        "restartsCounter": false})
}
pub fn strategy_input() -> Value {
    json!({"title": "Box breathing", "summary": "Breathe in fours", "steps": ["in", "hold"],
        "category": "in_the_moment"})
}
pub fn contact_input() -> Value {
    json!({"name": "Sam", "role": "sponsor", "phone": "+44 7700 900123",
        "email": "sam@example.org", "notes": "evenings"})
}
pub fn helpline_input() -> Value {
    json!({"name": "Local line", "number": "0800 123 4567", "note": "all day"})
}
pub fn meeting_input() -> Value {
    json!({"title": "Tuesday group", "kind": "twelve_step", "startDate": "2025-06-03",
        "startTime": "19:30", "timeZone": "Europe/London", "durationMinutes": 60,
        "recurrence": {"type": "weekly", "interval": 1, "days": ["tue"]}, "until": null,
        "place": "the hall", "link": null, "notes": "bring tea", "reminderMinutes": [15]})
}
pub fn plan_input() -> Value {
    json!({"reasons": ["family"],
        "warningSigns": [{"kind": "feelings", "stage": "early", "text": "restless"}],
        "highRiskSituations": [{"situation": "payday", "plan": "call Sam"}],
        "peopleToCall": ["Sam"], "safePlaces": ["the library"], "safeActivities": ["a walk"],
        "aftercare": ["rest"]})
}
pub fn range() -> Value {
    json!({"from": "2025-06-01", "to": "2025-06-30"})
}

/// The id in a command's successful answer.
fn id(v: &Value) -> i64 {
    v["id"].as_i64().expect("id in answer")
}

/// Adds one live and one deleted thing of every kind through the commands themselves, which
/// also shows each add baseline is valid.
pub fn seed(h: &Harness) -> Seeds {
    let mut s = Seeds {
        trigger: id(&h.ok("add_trigger", json!({"input": trigger_input()}))),
        trigger2: id(&h.ok(
            "add_trigger",
            json!({"input": {"name": "Old friends", "category": "people"}}),
        )),
        recovery_key: h.recovery_key.clone(),
        ..Seeds::default()
    };
    let entry = |kind: &str, cmd: &str, live: Value, gone: Value| {
        let live = id(&h.ok(cmd, json!({ "input": live })));
        let gone = id(&h.ok(cmd, json!({ "input": gone })));
        h.ok("delete_entry", json!({"entry": {"kind": kind, "id": gone}}));
        (live, gone)
    };
    s.craving = entry(
        "craving",
        "add_craving",
        craving_input(s.trigger),
        craving_input(s.trigger),
    );
    s.mood = entry("mood", "add_mood", mood_input(), mood_input());
    s.journal = entry(
        "journal",
        "add_journal_entry",
        journal_input("2025-06-02"),
        journal_input("2025-06-01"),
    );
    s.checkin = entry(
        "checkin",
        "add_checkin",
        checkin_input("2025-06-02"),
        checkin_input("2025-06-01"),
    );
    s.review = entry(
        "review",
        "add_review",
        review_input("2025-06-02"),
        review_input("2025-05-26"),
    );
    s.lapse = entry(
        "lapse",
        "add_lapse",
        lapse_input(s.trigger),
        lapse_input(s.trigger),
    );
    let other = |add: &str, delete: &str, input: Value| {
        let live = id(&h.ok(add, json!({ "input": input })));
        let mut second = input;
        for key in ["title", "name"] {
            if let Some(Value::String(text)) = second.get_mut(key) {
                text.push_str(" two");
            }
        }
        let gone = id(&h.ok(add, json!({ "input": second })));
        h.ok(delete, json!({ "id": gone }));
        (live, gone)
    };
    s.strategy = other("add_strategy", "delete_strategy", strategy_input());
    s.contact = other("add_contact", "delete_contact", contact_input());
    s.helpline = other(
        "add_local_helpline",
        "delete_local_helpline",
        helpline_input(),
    );
    s.meeting = other("add_meeting", "delete_meeting", meeting_input());
    h.ok("set_plan", json!({ "plan": plan_input() }));
    h.ok("set_profile", json!({"input": profile_input()}));
    s
}

pub fn profile_input() -> Value {
    json!({"recoveryStart": "2025-01-01", "region": "uk", "medication": null})
}

pub fn reminder_settings() -> Value {
    json!({"checkinTime": "20:00", "medication": [{"time": "08:00", "label": "morning"}],
        "style": "neutral"})
}
