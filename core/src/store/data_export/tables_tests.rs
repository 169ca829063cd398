//! The export's table list against the real schema: every table is either exported or left out
//! on purpose, and the list's facts (creating migration, columns, kinds) hold.

use super::csv_zip::{csv_bytes, guard, readme, Column, CsvFile};
use super::tables::{excluded_reason, spec, Scope, EXCLUDED, KINDS, SEARCH_INDEXES, TABLES};
use crate::store::migrations::MIGRATIONS;
use crate::store::testing::temp_store;

#[test]
fn every_table_of_the_schema_is_exported_or_excluded_on_purpose() {
    let (_dir, store) = temp_store();
    let mut stmt = store
        .connection()
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap();
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(names.len() > TABLES.len(), "{names:?}");
    for name in &names {
        let exported = spec(name).is_some();
        let excluded = excluded_reason(name).is_some();
        assert!(
            exported != excluded,
            "table {name} must be either in TABLES or in the documented exclusions (and not both): \
             add it to core/src/store/data_export/tables.rs and docs/EXPORT_FORMATS.md"
        );
    }
    for table in TABLES {
        assert!(
            names.iter().any(|n| n == table.name),
            "{} missing",
            table.name
        );
    }
    for (name, _) in EXCLUDED {
        assert!(names.iter().any(|n| n == name), "{name} missing");
    }
}

#[test]
fn each_table_is_created_by_the_migration_the_list_names() {
    for table in TABLES {
        let created = MIGRATIONS
            .iter()
            .position(|(_, sql)| sql.contains(&format!("CREATE TABLE {} (", table.name)))
            .map(|i| i as u32 + 1);
        assert_eq!(created, Some(table.since), "{}", table.name);
    }
}

#[test]
fn parents_come_before_their_children_and_skipped_columns_exist() {
    let (_dir, store) = temp_store();
    for (i, table) in TABLES.iter().enumerate() {
        if let Scope::Child { parent, .. } = table.scope {
            let p = TABLES.iter().position(|t| t.name == parent).unwrap();
            assert!(p < i, "{} before its parent", table.name);
        }
        let columns = super::dump::table_columns(store.connection(), table.name).unwrap();
        for skipped in table.skip_columns {
            assert!(columns.iter().any(|c| c.name == *skipped), "{skipped}");
        }
    }
    for kind in KINDS {
        assert!(spec(kind.table).is_some(), "{}", kind.key);
    }
    for (index, view) in SEARCH_INDEXES {
        assert!(excluded_reason(index).is_some(), "{index}");
        assert!(!view.is_empty());
    }
}

#[test]
fn text_a_spreadsheet_would_run_is_guarded_and_nothing_else_is() {
    for risky in ["=1+1", "+44 7700", "-2", "@SUM(A1)", "\tx", "\rx"] {
        assert_eq!(guard(risky), format!("'{risky}"));
    }
    for safe in ["", "plain", "a=b", "'quoted", "1-2", " =x"] {
        assert_eq!(guard(safe), safe);
    }
}

#[test]
fn csv_cells_are_quoted_guarded_and_read_back_exactly() {
    let tricky = "Comma, \"quote\"\nand a new line; ünïcödé";
    let file = CsvFile {
        key: "sample",
        about: "A sample.",
        columns: vec![
            Column {
                name: "mine".into(),
                meaning: "Your words.".into(),
                own_words: true,
            },
            Column {
                name: "offset".into(),
                meaning: "Generated.".into(),
                own_words: false,
            },
        ],
        rows: vec![
            vec![tricky.into(), "-05:00".into()],
            vec!["=HYPERLINK(\"x\")".into(), "+01:00".into()],
        ],
    };
    let bytes = csv_bytes(&file).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    assert_eq!(reader.headers().unwrap(), vec!["mine", "offset"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], tricky);
    assert_eq!(&rows[0][1], "-05:00", "generated values are never altered");
    assert_eq!(&rows[1][0], "'=HYPERLINK(\"x\")");

    let text = readme(&[file], "2026-11-22T18:00:00Z", None);
    assert!(text.contains("NOT ENCRYPTED"));
    assert!(text.contains("sample.csv: A sample."));
    assert!(text.contains("  mine: Your words."));
}
