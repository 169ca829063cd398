//! Entries written by the CLI, killed at random moments and while SQLite writes the WAL.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::Journal;
use crate::durability::{
    self, assert_whole, json_list, recovery, run, run_ok, seeded_rng, Ended, Kill,
};
use crate::serial;

/// The kinds of entry the write harness logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Craving,
    Mood,
}

/// One write, identified by the unique marker in its note.
#[derive(Debug, Clone)]
struct Write {
    kind: Kind,
    marker: String,
    value: i64,
}

impl Write {
    fn args(&self) -> Vec<String> {
        let m = &self.marker;
        match self.kind {
            // Two new triggers, HALT states and coping: a craving is several rows in several
            // tables, written in one transaction.
            Kind::Craving => vec![
                "craving".into(),
                "add".into(),
                "--intensity".into(),
                self.value.to_string(),
                "--new-trigger".into(),
                format!("{m}-a:places"),
                "--new-trigger".into(),
                format!("{m}-b:people"),
                "--halt".into(),
                "lonely,tired".into(),
                "--coped".into(),
                format!("walked {m}"),
                "--note".into(),
                m.clone(),
            ],
            Kind::Mood => vec![
                "mood".into(),
                "add".into(),
                "--mood".into(),
                self.value.to_string(),
                "--note".into(),
                m.clone(),
            ],
        }
    }
}

/// What the vault holds, read through core (the same values the CLI prints as JSON).
struct Contents {
    cravings: Vec<Value>,
    moods: Vec<Value>,
    triggers: BTreeSet<String>,
}

fn read_back(store: &waymark_core::store::Store) -> Contents {
    let json = |v: serde_json::Result<Value>| match v.expect("serialise") {
        Value::Array(items) => items,
        other => panic!("expected a list: {other}"),
    };
    Contents {
        cravings: json(serde_json::to_value(store.list_cravings(u32::MAX).unwrap())),
        moods: json(serde_json::to_value(store.list_moods(u32::MAX).unwrap())),
        triggers: store
            .list_triggers(true)
            .unwrap()
            .into_iter()
            .map(|t| t.name)
            .collect(),
    }
}

/// The CLI's own `<kind> list --json`, for the final read-back.
fn cli_list(journal: &Journal, kind: &str) -> Vec<Value> {
    let mut cmd = durability::waymark(&journal.dir);
    cmd.env("WAYMARK_RECOVERY_KEY", &journal.key)
        .args([kind, "list", "--json"]);
    json_list(&run_ok(cmd).0)
}

impl Contents {
    /// The entries of `kind` whose note is `marker`.
    fn with_marker(&self, kind: Kind, marker: &str) -> Vec<&Value> {
        let list = match kind {
            Kind::Craving => &self.cravings,
            Kind::Mood => &self.moods,
        };
        list.iter().filter(|e| e["note"] == marker).collect()
    }

    /// Asserts `write` was saved whole, as id `id` when known; returns its id.
    fn assert_whole_entry(&self, write: &Write, id: Option<i64>) -> i64 {
        let found = self.with_marker(write.kind, &write.marker);
        assert_eq!(found.len(), 1, "{write:?}: expected exactly one entry");
        let entry = found[0];
        let entry_id = entry["id"].as_i64().expect("an id");
        if let Some(id) = id {
            assert_eq!(entry_id, id, "{write:?}: saved under another id");
        }
        let m = &write.marker;
        match write.kind {
            Kind::Craving => {
                assert_eq!(entry["intensity"], write.value, "{write:?}");
                let names: BTreeSet<&str> = entry["triggers"]
                    .as_array()
                    .expect("triggers")
                    .iter()
                    .filter_map(|t| t["name"].as_str())
                    .collect();
                let a = format!("{m}-a");
                let b = format!("{m}-b");
                assert_eq!(names, BTreeSet::from([a.as_str(), b.as_str()]), "{write:?}");
                assert!(self.triggers.contains(&a) && self.triggers.contains(&b));
                assert_eq!(entry["halt"]["lonely"], true, "{write:?}");
                assert_eq!(entry["halt"]["tired"], true, "{write:?}");
                assert_eq!(entry["coping"], serde_json::json!([format!("walked {m}")]));
            }
            Kind::Mood => assert_eq!(entry["mood"], write.value, "{write:?}"),
        }
        entry_id
    }

    /// Whether the interrupted `write` is there; asserts it is wholly there or wholly absent.
    fn all_or_nothing(&self, write: &Write) -> bool {
        let present = !self.with_marker(write.kind, &write.marker).is_empty();
        if present {
            self.assert_whole_entry(write, None);
        } else if write.kind == Kind::Craving {
            // The triggers a craving creates are part of its transaction.
            for suffix in ["-a", "-b"] {
                let name = format!("{}{suffix}", write.marker);
                assert!(
                    !self.triggers.contains(&name),
                    "{write:?}: a trigger of a craving that was not saved is there"
                );
            }
        }
        present
    }
}

/// Bytes in the WAL file now (0 when there is none).
fn wal_len(dir: &std::path::Path) -> u64 {
    std::fs::metadata(dir.join("waymark.db-wal")).map_or(0, |m| m.len())
}

#[test]
fn writes_killed_at_random_moments_lose_nothing_reported_saved() {
    let _serial = serial();
    let (mut rng, seed) = seeded_rng("writes");
    let journal = Journal::new();
    let key = recovery(&journal.key);
    let started = Instant::now();
    let write_cmd = |write: &Write| {
        let mut cmd = durability::waymark(&journal.dir);
        cmd.env("WAYMARK_RECOVERY_KEY", &journal.key)
            .args(write.args());
        cmd
    };

    // Everything the CLI reported as saved (and every interrupted write found saved), by marker.
    let mut saved: BTreeMap<String, (Write, i64)> = BTreeMap::new();
    let mut times = Vec::new();
    for i in 0..5 {
        let write = Write {
            kind: if i % 2 == 0 {
                Kind::Craving
            } else {
                Kind::Mood
            },
            marker: format!("warmup-{seed}-{i}"),
            value: 5,
        };
        let (stdout, took) = run_ok(write_cmd(&write));
        times.push(took);
        let id = stdout.trim().parse().expect("the new entry's id");
        saved.insert(write.marker.clone(), (write, id));
    }
    times.sort();
    let span = times[times.len() / 2];
    eprintln!(
        "writes: one write takes about {span:?} (median of {})",
        times.len()
    );

    let (mut kills, mut completed, mut present_after_kill) = (0, 0, 0);
    let (mut timed_kills, mut wal_kills, mut killed_with_id_printed) = (0, 0, 0);
    let mut iterations = 0;
    while kills < 60 {
        iterations += 1;
        assert!(iterations < 400, "too few kills landed: {kills}");
        let write = Write {
            kind: if rng.bool() {
                Kind::Craving
            } else {
                Kind::Mood
            },
            marker: format!("crash-{seed}-{iterations}"),
            value: if rng.bool() { 3 } else { 8 },
        };
        let dir = journal.dir.clone();
        // Kill once the WAL has grown by this much: inside the transaction's pages or its commit.
        let wal_target = wal_len(&dir) + rng.u64(1..=48 * 1024);
        let wal_grew = move || wal_len(&dir) >= wal_target;
        let choice = rng.u8(0..20);
        let kill = match choice {
            // Some runs finish, so saved writes pile up between kills.
            0..=2 => Kill::Never,
            // Anywhere in the run: loading, unlocking, opening, writing, exiting.
            3..=11 => Kill::After(Duration::from_micros(
                rng.u64(0..=span.as_micros() as u64 * 11 / 10),
            )),
            // While SQLite writes the WAL.
            _ => Kill::When(&wal_grew, span * 3),
        };
        let (ended, _) = run(write_cmd(&write), kill);
        match ended {
            Ended::Exited {
                code: 0, stdout, ..
            } => {
                completed += 1;
                let id = stdout.trim().parse().expect("the new entry's id");
                saved.insert(write.marker.clone(), (write, id));
                continue;
            }
            Ended::Exited { code, stderr, .. } => {
                panic!("{write:?} failed with {code}: {stderr}")
            }
            Ended::Killed { stdout } => {
                kills += 1;
                if choice >= 12 {
                    wal_kills += 1;
                } else {
                    timed_kills += 1;
                }
                // The id is printed after the commit, so a printed id is a promise too.
                if let Ok(id) = stdout.trim().parse::<i64>() {
                    killed_with_id_printed += 1;
                    saved.insert(write.marker.clone(), (write.clone(), id));
                }
            }
        }
        let context = format!("kill {kills} ({write:?})");
        // Opening recovers from the WAL the kill left, as the app's next start would.
        let store = durability::open(&journal.dir, &key);
        let report = store.integrity_report().expect("the check runs");
        assert!(
            report.is_ok(),
            "{context}: the database is damaged: {report:?}"
        );
        let contents = read_back(&store);
        drop(store);
        if contents.all_or_nothing(&write) && !saved.contains_key(&write.marker) {
            present_after_kill += 1;
            let id = contents.assert_whole_entry(&write, None);
            saved.insert(write.marker.clone(), (write.clone(), id));
        }
        for (w, id) in saved.values() {
            contents.assert_whole_entry(w, Some(*id));
        }
        // Nothing else appeared: every entry is one the harness knows.
        let known = |kind: Kind| saved.values().filter(|(w, _)| w.kind == kind).count();
        assert_eq!(contents.cravings.len(), known(Kind::Craving), "{context}");
        assert_eq!(contents.moods.len(), known(Kind::Mood), "{context}");
    }
    // The CLI itself reads back the same: every saved entry, nothing else.
    let cravings = cli_list(&journal, "craving");
    let moods = cli_list(&journal, "mood");
    let known = |kind: Kind| saved.values().filter(|(w, _)| w.kind == kind).count();
    assert_eq!(cravings.len(), known(Kind::Craving));
    assert_eq!(moods.len(), known(Kind::Mood));
    for (w, id) in saved.values() {
        let list = if w.kind == Kind::Craving {
            &cravings
        } else {
            &moods
        };
        assert!(list
            .iter()
            .any(|e| e["id"] == *id && e["note"] == w.marker.as_str()));
    }
    assert_whole(&journal.dir, &key, "after the last kill");
    eprintln!(
        "writes: {kills} kills ({timed_kills} at a random time, {wal_kills} while the WAL grew) \
         in {iterations} runs ({completed} finished); killed writes found saved whole: \
         {present_after_kill} before printing their id, {killed_with_id_printed} after; {} \
         entries checked after every kill; {:?} in all",
        saved.len(),
        started.elapsed()
    );
}
