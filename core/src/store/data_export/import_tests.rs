//! Import refusals on real vaults: each leaves the vault exactly as it was and says what is
//! wrong without quoting the file. Also: what an "empty" journal is, older exports, and a
//! property test that no input panics the importer.

use proptest::prelude::*;

use super::fixture::{clock, fill};
use super::snapshot::snapshot;
use crate::error::Error;
use crate::journal::{EntryKind, EntryRef, NewCraving, NewTrigger};
use crate::store::migrations::latest_version;
use crate::store::testing::temp_store;
use crate::store::Store;

/// A full export to tamper with.
fn export() -> Vec<u8> {
    let (_dir, source) = temp_store();
    fill(&source);
    source.export_json(None, &clock()).unwrap()
}

fn edit(bytes: &[u8], change: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    change(&mut value);
    serde_json::to_vec(&value).unwrap()
}

/// Imports `bytes` into `store` expecting a refusal: returns the message, and checks that the
/// field is `file` and that nothing at all changed.
fn refused(store: &Store, bytes: &[u8]) -> String {
    let before = snapshot(store, &[]);
    let err = store.import_json(bytes, &clock()).unwrap_err();
    assert_eq!(err.field(), Some("file"), "{err}");
    assert_eq!(
        before,
        snapshot(store, &[]),
        "a refused import changed the vault"
    );
    let message = err.to_string();
    assert!(!message.to_lowercase().contains("secret"), "{message}");
    assert!(
        !message.contains("INSERT") && !message.contains("craving_"),
        "{message}"
    );
    message
}

#[test]
fn a_journal_with_entries_is_never_imported_into() {
    let bytes = export();
    let (_dir, store) = temp_store();
    store
        .add_craving(
            &NewCraving {
                intensity: 3,
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    assert!(refused(&store, &bytes).contains("already has entries"));

    let (_dir, store) = temp_store();
    store
        .add_trigger(
            &NewTrigger {
                name: "My own".into(),
                category: "things".into(),
            },
            &clock(),
        )
        .unwrap();
    assert!(refused(&store, &bytes).contains("already has entries"));
}

#[test]
fn seeded_rows_settings_and_deleted_entries_do_not_block_an_import() {
    let bytes = export();
    let (_dir, store) = temp_store();
    let library = store.list_strategies(false).unwrap();
    store.set_strategy_starred(library[5].id, true).unwrap();
    let starters = store.list_triggers(false).unwrap();
    store.set_trigger_archived(starters[2].id, true).unwrap();
    let gone = store
        .add_craving(
            &NewCraving {
                intensity: 9,
                note: Some("deleted before import".into()),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    store
        .delete_entry(
            EntryRef {
                kind: EntryKind::Craving,
                id: gone.id.0,
            },
            &clock(),
        )
        .unwrap();
    store.import_json(&bytes, &clock()).unwrap();
    // The export's own library flags and catalogue replaced the seeded ones.
    let (_src_dir, source) = temp_store();
    fill(&source);
    assert_eq!(
        store.list_strategies(true).unwrap(),
        source.list_strategies(true).unwrap()
    );
    assert_eq!(
        store.list_triggers(true).unwrap(),
        source.list_triggers(true).unwrap()
    );
    assert!(store.search("deleted", 5).unwrap().is_empty());
}

#[test]
fn files_that_are_not_exports_are_refused_with_a_plain_reason() {
    let (_dir, store) = temp_store();
    let bytes = export();
    assert!(refused(&store, b"\x00\xffsecret garbage").contains("not valid JSON"));
    assert!(refused(&store, &bytes[..bytes.len() / 2]).contains("ends too early"));
    assert!(refused(&store, b"").contains("ends too early"));
    assert!(refused(&store, b"[1, 2, 3]").contains("not a Waymark data export"));
    assert!(refused(
        &store,
        br#"{"format": "secret-other-app", "schemaVersion": 4, "tables": {}}"#
    )
    .contains("not a Waymark data export"));
    let newer = edit(&bytes, |v| {
        v["schemaVersion"] = (latest_version() + 1).into()
    });
    let message = refused(&store, &newer);
    assert!(message.contains("newer version of Waymark"), "{message}");
    let zero = edit(&bytes, |v| v["schemaVersion"] = 0.into());
    refused(&store, &zero);
    let extra = edit(&bytes, |v| v["secretField"] = 1.into());
    assert!(refused(&store, &extra).contains("laid out differently"));
}

#[test]
fn unknown_tables_columns_and_wrong_types_are_refused() {
    let (_dir, store) = temp_store();
    let bytes = export();
    let unknown_table = edit(&bytes, |v| {
        v["tables"]["secret_table"] = serde_json::json!([]);
    });
    assert!(refused(&store, &unknown_table).contains("does not know"));
    let unknown_column = edit(&bytes, |v| {
        v["tables"]["craving"][0]["secret_column"] = 1.into();
    });
    assert!(refused(&store, &unknown_column).contains("cravings"));
    let wrong_type = edit(&bytes, |v| {
        v["tables"]["craving"][0]["intensity"] = "secret-high".into();
    });
    assert!(refused(&store, &wrong_type).contains("wrong type"));
    let not_rows = edit(&bytes, |v| {
        v["tables"]["craving"] = serde_json::json!({"secret": 1});
    });
    refused(&store, &not_rows);
    // A meeting table in a file of schema 2 (before meetings existed) is unknown there.
    let old = edit(&bytes, |v| v["schemaVersion"] = 2.into());
    refused(&store, &old);
}

#[test]
fn a_broken_row_late_in_the_file_leaves_the_vault_exactly_as_before() {
    let (_dir, store) = temp_store();
    let bytes = export();
    // The last table, last row: a link to a meeting that is not in the file.
    let dangling = edit(&bytes, |v| {
        let rows = v["tables"]["meeting_attendance"].as_array_mut().unwrap();
        rows.last_mut().unwrap()["meeting_id"] = 999_999.into();
    });
    assert!(refused(&store, &dangling).contains("meeting attendance"));
    let out_of_range = edit(&bytes, |v| {
        let rows = v["tables"]["lapse"].as_array_mut().unwrap();
        rows.last_mut().unwrap()["restarts_counter"] = 7.into();
    });
    refused(&store, &out_of_range);
    // Rows that satisfy the schema but not the app: a plan it cannot read.
    let bad_plan = edit(&bytes, |v| {
        v["tables"]["relapse_plan"][0]["body"] = "{\"reasons\": 5}".into();
    });
    assert!(refused(&store, &bad_plan).contains("not in a shape"));
    let bad_recurrence = edit(&bytes, |v| {
        v["tables"]["meeting"][0]["recurrence"] = "{\"type\": \"secret\"}".into();
    });
    refused(&store, &bad_recurrence);
    // And the untouched file still imports afterwards.
    store.import_json(&bytes, &clock()).unwrap();
}

#[test]
fn days_the_schema_accepts_but_the_insights_cannot_read_are_refused() {
    let (_dir, store) = temp_store();
    let bytes = export();
    // `local_date` has no CHECK; this one would sort inside November and break the dashboard.
    let attendance = edit(&bytes, |v| {
        let rows = v["tables"]["meeting_attendance"].as_array_mut().unwrap();
        rows[0]["local_date"] = "2026-11-1x".into();
    });
    assert!(refused(&store, &attendance).contains("meeting attendance records"));
    // The GLOB check passes a day that is not on the calendar.
    let checkin = edit(&bytes, |v| {
        v["tables"]["daily_checkin"][0]["checkin_date"] = "2026-02-30".into();
    });
    refused(&store, &checkin);
    // Days are compared as text, so only the canonical spelling is accepted.
    let padded = edit(&bytes, |v| {
        v["tables"]["meeting_attendance"][0]["local_date"] = " 2026-11-10".into();
    });
    refused(&store, &padded);
    store.import_json(&bytes, &clock()).unwrap();
    store.dashboard(&clock()).unwrap();
}

#[test]
fn an_export_of_an_older_schema_imports_the_columns_it_has() {
    let (_dir, store) = temp_store();
    let file = serde_json::json!({
        "format": "waymark-export",
        "schemaVersion": 2,
        "tables": {
            "trigger_item": [{"id": 1, "name": "Payday", "category": "times_and_situations",
                              "archived": 0, "created_at": 1}],
            "craving": [{"id": 4, "occurred_at": 1_790_000_000_000_i64, "utc_offset": 3600,
                         "intensity": 6, "note": "older file", "created_at": 1}],
            "craving_trigger": [{"craving_id": 4, "trigger_id": 1}],
            "craving_coping": [{"craving_id": 4, "position": 0, "strategy": "Walked"}]
        }
    });
    let summary = store
        .import_json(&serde_json::to_vec(&file).unwrap(), &clock())
        .unwrap();
    assert_eq!(summary.schema_version, 2);
    let cravings = store.list_cravings(10).unwrap();
    assert_eq!(cravings.len(), 1);
    assert_eq!(cravings[0].note.as_deref(), Some("older file"));
    assert_eq!(cravings[0].triggers[0].name, "Payday");
    assert_eq!(cravings[0].coping, vec!["Walked"]);
    assert!(
        !cravings[0].halt.hungry,
        "a column the file lacks takes its default"
    );
    // The coping library was not in the file, so the seeded one stays.
    assert!(!store.list_strategies(false).unwrap().is_empty());
    assert_eq!(store.search("older", 5).unwrap().len(), 1);
}

/// Known tables with some of their columns, for export-shaped random files.
const SHAPES: &[(&str, &[&str])] = &[
    (
        "craving",
        &[
            "id",
            "occurred_at",
            "utc_offset",
            "intensity",
            "note",
            "created_at",
            "hungry",
        ],
    ),
    (
        "trigger_item",
        &["id", "name", "category", "archived", "created_at"],
    ),
    (
        "mood_checkin",
        &["id", "occurred_at", "utc_offset", "mood", "created_at"],
    ),
    ("relapse_plan", &["id", "body", "updated_at"]),
    (
        "meeting",
        &[
            "id",
            "title",
            "kind",
            "start_local",
            "time_zone",
            "duration_minutes",
            "recurrence",
            "ics_uid",
            "created_at",
        ],
    ),
    ("reminder_state", &["id", "settings"]),
    ("profile_setting", &["key", "value"]),
];

fn scalar() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(Into::into),
        (-3i64..12).prop_map(Into::into),
        any::<i64>().prop_map(Into::into),
        any::<f64>().prop_map(
            |f| serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, Into::into)
        ),
        "(?s).{0,12}".prop_map(Into::into),
        Just(serde_json::json!("{}")),
        Just(serde_json::json!("{\"type\":\"once\"}")),
        Just(serde_json::json!([1, "x"])),
    ]
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    scalar().prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Into::into),
            prop::collection::btree_map("[a-zA-Z]{0,8}", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn export_shaped() -> impl Strategy<Value = serde_json::Value> {
    let row = (0..SHAPES.len(), prop::collection::vec(scalar(), 9));
    (1u32..6, prop::collection::vec(row, 0..5)).prop_map(|(version, rows)| {
        let mut tables = serde_json::Map::new();
        for (shape, values) in rows {
            let (table, columns) = SHAPES[shape];
            let object: serde_json::Map<String, serde_json::Value> = columns
                .iter()
                .zip(values)
                .map(|(c, v)| ((*c).to_string(), v))
                .collect();
            let list = tables.entry(table).or_insert_with(|| serde_json::json!([]));
            if let Some(list) = list.as_array_mut() {
                list.push(object.into());
            }
        }
        serde_json::json!({"format": "waymark-export", "schemaVersion": version, "tables": tables})
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_never_panic_the_importer(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let (_dir, store) = temp_store();
        let result = store.import_json(&bytes, &clock());
        prop_assert!(matches!(result, Err(Error::Invalid(_))));
    }

    #[test]
    fn arbitrary_json_never_panics_the_importer(value in json_value()) {
        let (_dir, store) = temp_store();
        let bytes = serde_json::to_vec(&value).unwrap();
        prop_assert!(matches!(store.import_json(&bytes, &clock()), Err(Error::Invalid(_))));
    }

    #[test]
    fn export_shaped_files_are_imported_whole_or_refused_cleanly(value in export_shaped()) {
        let (_dir, store) = temp_store();
        let before = snapshot(&store, &[]);
        let bytes = serde_json::to_vec(&value).unwrap();
        match store.import_json(&bytes, &clock()) {
            Ok(_) => {
                // Whatever went in reads back through the app.
                store.list_cravings(100).unwrap();
                store.plan().unwrap();
                store.list_meetings().unwrap();
                store.reminder_settings().unwrap();
            }
            Err(e) => {
                prop_assert_eq!(e.field(), Some("file"));
                prop_assert_eq!(before, snapshot(&store, &[]));
            }
        }
    }
}
