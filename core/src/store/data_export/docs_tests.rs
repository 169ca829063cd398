//! `docs/EXPORT_FORMATS.md` holds two generated blocks: the JSON tables (from [`TABLES`]) and
//! the CSV files' columns (from the same definitions the files and README are written from).
//! This test fails when either is stale; `WAYMARK_UPDATE_DOCS=1` rewrites them.

use super::csv_zip::CsvFile;
use super::dump::read_dump;
use super::tables::{Scope, EXCLUDED, TABLES};
use crate::store::testing::temp_store;

const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/EXPORT_FORMATS.md");

fn json_tables_block() -> String {
    let mut out = String::from(
        "| Table | Since schema | With a date range | On import |\n|---|---|---|---|\n",
    );
    for t in TABLES {
        let range = match t.scope {
            Scope::Whole => "always whole".to_string(),
            Scope::Instant => {
                "entries whose own day (`occurred_at` + `utc_offset`) is in range".to_string()
            }
            Scope::Day { column, .. } => format!("rows whose `{column}` is in range"),
            Scope::Child { parent, .. } => format!("rows of the exported `{parent}` rows"),
        };
        let mut import = if t.seeded {
            "replaces the rows a new journal starts with".to_string()
        } else {
            "added".to_string()
        };
        for skipped in t.skip_columns {
            import.push_str(&format!("; `{skipped}` is not exported"));
        }
        out.push_str(&format!(
            "| `{}` | {} | {range} | {import} |\n",
            t.name, t.since
        ));
    }
    out.push_str("\nLeft out on purpose:\n\n");
    for (name, why) in EXCLUDED {
        out.push_str(&format!("- `{name}`: {why}.\n"));
    }
    out.push_str(
        "- FTS5 storage tables (`search_*_data`, `_idx`, `_content`, `_docsize`, `_config`) and \
         SQLite's own `sqlite_*` tables.\n",
    );
    out
}

fn csv_block(files: &[CsvFile]) -> String {
    let mut out = String::new();
    for file in files {
        out.push_str(&format!(
            "### `{}`\n\n{}\n\n| Column | Meaning |\n|---|---|\n",
            file.file_name(),
            file.about
        ));
        for c in &file.columns {
            let mark = if c.own_words { " ✎" } else { "" };
            out.push_str(&format!("| `{}`{mark} | {} |\n", c.name, c.meaning));
        }
        out.push('\n');
    }
    out
}

fn replace_block(doc: &str, name: &str, body: &str) -> String {
    let start = format!("<!-- {name}:start -->\n");
    let end = format!("<!-- {name}:end -->");
    let (Some(a), Some(b)) = (doc.find(&start), doc.find(&end)) else {
        panic!("docs/EXPORT_FORMATS.md lacks the {name} markers");
    };
    format!("{}{start}{body}{}", &doc[..a], &doc[b..])
}

#[test]
fn the_export_formats_document_matches_the_code() {
    let (_dir, store) = temp_store();
    let dump = read_dump(store.connection(), None).unwrap();
    let files = super::csv_files(&dump).unwrap();
    let doc = std::fs::read_to_string(DOC).unwrap_or_default();
    let fresh = replace_block(&doc, "json-tables", &json_tables_block());
    let fresh = replace_block(&fresh, "csv-columns", &csv_block(&files));
    if std::env::var_os("WAYMARK_UPDATE_DOCS").is_some() {
        std::fs::write(DOC, &fresh).unwrap();
        return;
    }
    assert!(
        doc == fresh,
        "docs/EXPORT_FORMATS.md is stale: run WAYMARK_UPDATE_DOCS=1 cargo test -p waymark-core \
         the_export_formats_document"
    );
}
