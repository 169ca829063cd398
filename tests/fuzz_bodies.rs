//! The cargo-fuzz targets' bodies (fuzz/src/lib.rs), run on stable with proptest so CI covers
//! the same parsers and properties without nightly: the JSON importer, the `.ics` parser, day
//! ranges, key-slot files, recovery keys and the passphrase meter. Inputs are valid files with
//! random damage, and text built from each format's own pieces, so most cases get past the
//! first check.
//!
//! `WAYMARK_WRITE_FUZZ_SEEDS=1` also writes the valid files to `fuzz/corpus/` as seeds.

#[path = "../fuzz/src/lib.rs"]
mod bodies;

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use waymark_core::journal::clock::FixedClock;
use waymark_core::journal::{NewCraving, NewJournalEntry};
use waymark_core::vault::{KdfParams, KeySlotFile, RecoveryKey, Vault};

fn clock() -> FixedClock {
    FixedClock(chrono::DateTime::parse_from_rfc3339("2026-11-22T12:00:00Z").unwrap())
}

/// A small real export: a journal entry and a craving, with made-up text.
fn export() -> &'static [u8] {
    static EXPORT: OnceLock<Vec<u8>> = OnceLock::new();
    EXPORT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Vault::at(dir.path())
            .create_with_params("seed passphrase for fuzzing", KdfParams::MINIMUM)
            .unwrap();
        let entry = NewJournalEntry {
            date: Some("2026-11-20".into()),
            body: "A made-up day: a walk, שלום, 😀.".into(),
            went_well: Some("tea".into()),
            tags: vec!["seed".into()],
        };
        store.add_journal_entry(&entry, &clock()).unwrap();
        let craving = NewCraving {
            intensity: 6,
            note: Some("made up".into()),
            ..NewCraving::default()
        };
        store.add_craving(&craving, &clock()).unwrap();
        store.export_json(None, &clock()).unwrap()
    })
}

/// A real key-slot file of a throwaway vault.
fn keyslot_file() -> &'static [u8] {
    static FILE: OnceLock<Vec<u8>> = OnceLock::new();
    FILE.get_or_init(|| {
        let (file, _, _) =
            KeySlotFile::create("seed passphrase for fuzzing", KdfParams::MINIMUM).unwrap();
        file.to_bytes().unwrap()
    })
}

const ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//seed//EN\r\nBEGIN:VTIMEZONE\r\n\
TZID:Europe/London\r\nBEGIN:STANDARD\r\nDTSTART:19701025T020000\r\nTZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\
BEGIN:VEVENT\r\nUID:seed-1\r\nDTSTART;TZID=Europe/London:20261124T193000\r\nDURATION:PT1H30M\r\n\
RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270101T000000Z\r\nEXDATE;TZID=Europe/London:20261126T193000\r\n\
SUMMARY:Group\\, weekly\r\nLOCATION:Hall\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:seed-1\r\n\
RECURRENCE-ID;TZID=Europe/London:20261124T193000\r\nDTSTART;TZID=Europe/London:20261125T180000\r\n\
DTEND;TZID=Europe/London:20261125T190000\r\nSUMMARY:Moved\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\n\
UID:seed-2\r\nDTSTART;VALUE=DATE:20261201\r\nRRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=5\r\n\
SUMMARY:Clinic\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/// `base` with up to eight random edits: bytes overwritten, inserted or cut.
fn damaged(base: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    let edit = (any::<prop::sample::Index>(), any::<u8>(), 0u8..3);
    prop::collection::vec(edit, 0..8).prop_map(move |edits| {
        let mut out = base.to_vec();
        for (at, byte, how) in edits {
            if out.is_empty() {
                out.push(byte);
                continue;
            }
            let i = at.index(out.len());
            match how {
                0 => out[i] = byte,
                1 => out.insert(i, byte),
                _ => {
                    out.remove(i);
                }
            }
        }
        out
    })
}

/// `.ics` text built from the format's own lines, numbers and separators.
fn ics_pieces() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("BEGIN:VCALENDAR\r\n".to_string()),
        Just("END:VCALENDAR\r\n".to_string()),
        Just("BEGIN:VEVENT\r\n".to_string()),
        Just("END:VEVENT\r\n".to_string()),
        Just("UID:x\r\n".to_string()),
        "DTSTART(;TZID=[A-Za-z/_]{0,20}|;VALUE=DATE)?:-?[0-9]{0,9}(T[0-9]{0,7}Z?)?\r\n",
        "DURATION:-?P([0-9]{0,12}[WDHMS]){0,4}\r\n",
        "RRULE:FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY|SECONDLY);(INTERVAL=-?[0-9]{0,12};)?(BYDAY=(-?[0-9]{0,3}(MO|TU|FR|SU),?){0,3};)?(BYMONTHDAY=-?[0-9]{0,4};)?(COUNT=[0-9]{0,12}|UNTIL=[0-9]{8}(T[0-9]{6}Z)?)?\r\n",
        "(EXDATE|RECURRENCE-ID)(;TZID=Europe/London)?:[0-9]{8}T[0-9]{6}Z?\r\n",
        "SUMMARY:[^\r\n]{0,20}\r\n",
        " [a-z]{0,5}\r\n",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn damaged_exports_import_whole_or_not_at_all(bytes in damaged(export())) {
        bodies::import_json(&bytes);
    }

    #[test]
    fn damaged_and_assembled_calendars_parse_without_panics(
        bytes in damaged(ICS.as_bytes()),
        text in ics_pieces(),
    ) {
        bodies::ics(&bytes);
        bodies::ics(text.as_bytes());
    }

    #[test]
    fn day_ranges_are_ordered_and_bounded(
        text in "[-+]?[0-9]{0,7}-[0-9]{0,3}-[0-9]{0,3}[ ]?\\|[-+]?[0-9]{0,7}-[0-9]{0,3}-[0-9]{0,3}",
    ) {
        bodies::day_range(text.as_bytes());
    }

    #[test]
    fn damaged_key_slot_files_never_open(bytes in damaged(keyslot_file())) {
        bodies::keyslots(&bytes);
    }

    #[test]
    fn passphrases_never_panic_the_meter(
        unit in "[a-zA-Z0-9 !@#$%^&*()_+=\\-\\[\\];',./<>?ש😀\u{7}]{1,6}",
        times in 1usize..300,
    ) {
        // Repeated keyboard runs are what once overflowed zxcvbn's estimate.
        bodies::passphrase(unit.repeat(times).as_bytes());
    }

    #[test]
    fn recovery_keys_round_trip(text in "[0-9A-Za-z -]{0,48}") {
        bodies::recovery_key(text.as_bytes());
    }
}

/// The valid key round-trips too, not only the random text that happens to parse.
#[test]
fn a_generated_recovery_key_round_trips() {
    let key = RecoveryKey::generate().unwrap();
    bodies::recovery_key(key.display().as_bytes());
    bodies::recovery_key(key.display().to_lowercase().replace('-', " ").as_bytes());
}

/// Writes the seeds when asked; otherwise checks the valid files pass their own target.
#[test]
fn seeds_pass_their_targets() {
    bodies::import_json(export());
    bodies::ics(ICS.as_bytes());
    let parsed = waymark_core::schedule::ics::parse_calendar(ICS, chrono_tz::UTC).unwrap();
    // The seed should reach deep: a repeating meeting with a moved and a skipped date.
    assert_eq!(parsed.events.len(), 1, "{parsed:?}");
    assert_eq!(parsed.events[0].exceptions.len(), 2, "{parsed:?}");
    bodies::keyslots(keyslot_file());
    bodies::day_range(b"2026-11-01|2026-11-30");
    if std::env::var_os("WAYMARK_WRITE_FUZZ_SEEDS").is_none() {
        return;
    }
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let key = RecoveryKey::generate().unwrap().display();
    let seeds: [(&str, &str, &[u8]); 6] = [
        ("import_json", "export.json", export()),
        ("ics", "weekly-moved-monthly.ics", ICS.as_bytes()),
        ("keyslots", "keyslots.json", keyslot_file()),
        ("day_range", "november", b"2026-11-01|2026-11-30"),
        ("day_range", "edges", b"-262143-01-01|+262142-12-31"),
        ("recovery_key", "key", key.as_bytes()),
    ];
    for (target, name, bytes) in seeds {
        std::fs::create_dir_all(corpus.join(target)).unwrap();
        std::fs::write(corpus.join(target).join(name), bytes).unwrap();
    }
}
