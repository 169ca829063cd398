//! A truncated, bit-flipped or missing database, and a lost WAL.

use std::path::Path;

use waymark_core::journal::{NewMood, SystemClock};

use crate::durability::{self, json_list, recovery, run_ok, Ended};
use crate::{
    assert_caught, assert_refused_as_damaged, database, flip_bit, prepared, truncate, Prepared,
};

#[test]
fn a_truncated_database_is_refused_and_left_as_it_is() {
    let p = prepared();
    let len = std::fs::metadata(database(&p.journal.dir)).unwrap().len() as usize;
    let page = 4096;
    assert!(len >= 8 * page, "the prepared database has {len} bytes");
    // Empty, inside SQLCipher's salt, inside the first page, inside the second page, in the
    // middle of the file, and inside the last page.
    for cut in [0, 10, 2000, page + 2000, len / 2 + 100, len - 1000] {
        let case = format!("database truncated to {cut} of {len} bytes");
        let dir = p.copy(&format!("truncated-{cut}"));
        truncate(&database(&dir), cut);
        if cut < 2 * page {
            assert_refused_as_damaged(&p, &dir, "waymark.db", &case);
        } else {
            let noticed = assert_caught(&p, &dir, &case);
            eprintln!("{case}: craving list noticed: {noticed}");
        }
    }
}

#[test]
fn a_flipped_bit_in_the_database_is_caught_and_left_as_it_is() {
    let p = prepared();
    let len = std::fs::metadata(database(&p.journal.dir)).unwrap().len() as usize;
    let page = 4096;
    let pages = len / page;
    let first = 100;
    let middle = (pages / 2) * page + 1000;
    let last = len - 100;
    for (what, offset) in [("first", first), ("middle", middle), ("last", last)] {
        let case = format!("a bit flipped at byte {offset} (the {what} page of {pages})");
        let dir = p.copy(&format!("flipped-{what}"));
        flip_bit(&database(&dir), offset);
        if what == "first" {
            // Page 1 holds the schema: every command reads it.
            assert_refused_as_damaged(&p, &dir, "waymark.db", &case);
        } else {
            let noticed = assert_caught(&p, &dir, &case);
            eprintln!("{case}: craving list noticed: {noticed}");
        }
    }
}

#[test]
fn a_missing_database_beside_its_key_file_is_refused() {
    let p = prepared();
    let dir = p.copy("no-database");
    std::fs::remove_file(database(&dir)).unwrap();
    assert_refused_as_damaged(&p, &dir, "waymark.db", "database missing");
}

#[test]
fn a_lost_wal_loses_only_what_was_not_yet_checkpointed_and_opens_cleanly() {
    let p = prepared();
    let key = recovery(&p.journal.key);
    let live = p.copy("live");
    // The window keeps its connection open, so commits sit in the WAL until a checkpoint.
    let store = durability::open(&live, &key);
    let marker = "written-to-the-wal-only";
    store
        .add_mood(
            &NewMood {
                mood: 9,
                note: Some(marker.into()),
                ..NewMood::default()
            },
            &SystemClock,
        )
        .unwrap();
    let wal = live.join("waymark.db-wal");
    assert!(
        std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) > 0,
        "the write is in the WAL"
    );
    // What a crash (or a copy made while the app runs) leaves: the files as they are now.
    let with_wal = p.journal.scratch().join("with-wal");
    let without_wal = p.journal.scratch().join("without-wal");
    durability::copy_dir(&live, &with_wal);
    durability::copy_dir(&live, &without_wal);
    std::fs::remove_file(without_wal.join("waymark.db-wal")).unwrap();
    drop(store);

    let moods = |dir: &Path| {
        let Ended::Exited {
            code: 0, stdout, ..
        } = p.cli(dir, &["mood", "list", "--json"])
        else {
            panic!("mood list failed on {}", dir.display());
        };
        json_list(&stdout)
    };
    let kept = moods(&with_wal);
    assert!(
        kept.iter().any(|m| m["note"] == marker),
        "the WAL is replayed"
    );
    // Without the WAL, SQLite cannot know a commit is missing: the journal opens whole, as it
    // was at the last checkpoint.
    let lost = moods(&without_wal);
    assert!(!lost.iter().any(|m| m["note"] == marker));
    assert_eq!(
        lost.len() + 1,
        kept.len(),
        "only the un-checkpointed write is lost"
    );
    assert_eq!(
        json_list(&run_ok_list(&p, &without_wal, "craving")),
        p.cravings
    );
    durability::assert_whole(&without_wal, &key, "without the WAL");
}

fn run_ok_list(p: &Prepared, dir: &Path, kind: &str) -> String {
    let mut cmd = durability::waymark(dir);
    cmd.env("WAYMARK_RECOVERY_KEY", &p.journal.key)
        .args([kind, "list", "--json"]);
    run_ok(cmd).0
}
