//! The bodies of Waymark's fuzz targets, one function each, so the stable test suite can run
//! the very same checks with proptest (`tests/fuzz_bodies.rs` includes this file).
//!
//! Each takes arbitrary bytes and must neither panic nor break a stated property.
#![deny(unsafe_code)]

use std::sync::Mutex;

use waymark_core::insights::model::DayRange;
use waymark_core::insights::range::ValidRange;
use waymark_core::journal::clock::FixedClock;
use waymark_core::schedule::ics::parse_calendar;
use waymark_core::store::Store;
use waymark_core::vault::{Credential, KdfParams, KeySlotFile, RecoveryKey, Vault};

/// A fresh, empty vault for the importer, and the directory holding it.
struct Empty {
    store: Store,
    /// What a new vault holds already (starter triggers, the coping library), as exported.
    contents: Vec<u8>,
    _dir: tempfile::TempDir,
}

fn contents(store: &Store) -> Vec<u8> {
    store.export_json(None, &clock()).expect("export")
}

fn empty_vault() -> Empty {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, _) = Vault::at(dir.path().join("data"))
        .create_with_params("fuzzing passphrase seven words", KdfParams::MINIMUM)
        .expect("create vault");
    Empty {
        contents: contents(&store),
        store,
        _dir: dir,
    }
}

/// One empty vault reused across inputs; replaced only after an input imports successfully.
static VAULT: Mutex<Option<Empty>> = Mutex::new(None);

fn clock() -> FixedClock {
    FixedClock(chrono::DateTime::parse_from_rfc3339("2026-11-22T12:00:00Z").expect("time"))
}

/// `Store::import_json` on an empty vault: an import that fails leaves it as it was.
pub fn import_json(data: &[u8]) {
    let mut guard = VAULT.lock().unwrap_or_else(|e| e.into_inner());
    let vault = guard.get_or_insert_with(empty_vault);
    match vault.store.import_json(data, &clock()) {
        Ok(_) => *guard = None, // Not empty any more: start the next input on a new one.
        Err(e) => {
            if contents(&vault.store) != vault.contents {
                *guard = None; // So the next input starts clean.
                panic!("a refused import ({:?}) changed the vault", e.code());
            }
        }
    }
}

/// `parse_calendar` in two fallback zones; every event it accepts starts inside 1970-2200.
pub fn ics(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for zone in [chrono_tz::UTC, chrono_tz::Pacific::Kiritimati] {
        if let Ok(parsed) = parse_calendar(text, zone) {
            for event in parsed.events {
                let year = chrono::Datelike::year(&event.meeting.start_local);
                assert!(
                    (1970..=2200).contains(&year),
                    "an imported meeting starts in {year}"
                );
            }
        }
    }
}

/// `ValidRange::parse` on `from|to`: an accepted range is ordered and bounded.
pub fn day_range(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (from, to) = text.split_once('|').unwrap_or((&text, ""));
    let range = DayRange {
        from: from.to_string(),
        to: to.to_string(),
    };
    if let Ok(valid) = ValidRange::parse(&range) {
        assert!(valid.from <= valid.to, "an accepted range runs backwards");
        let days = valid.days();
        assert!(
            (1..=waymark_core::insights::range::MAX_RANGE_DAYS).contains(&days),
            "an accepted range covers {days} days"
        );
    }
}

/// A recovery key that parses (the slot it would open is fuzzed, not the key).
fn some_key() -> &'static str {
    static KEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        let key = RecoveryKey::generate().expect("randomness");
        key.display().as_str().to_owned()
    })
}

/// `KeySlotFile::from_bytes`: a file that parses writes back to bytes that parse again, and
/// opening it with a recovery key fails cleanly (nothing fuzzed can hold the right wrapping).
pub fn keyslots(data: &[u8]) {
    let Ok(file) = KeySlotFile::from_bytes(data) else {
        return;
    };
    let _ = file.passphrase_params();
    let bytes = file.to_bytes().expect("a parsed file serialises");
    assert!(
        KeySlotFile::from_bytes(&bytes).is_ok(),
        "written bytes do not parse"
    );
    let credential = Credential::RecoveryKey(zeroize::Zeroizing::new(some_key().to_string()));
    let _ = file.unwrap_key(&credential);
}

/// `RecoveryKey::parse`: a key that parses shows as text that parses to the same key.
pub fn recovery_key(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(key) = RecoveryKey::parse(&text) {
        let shown = key.display();
        let again = RecoveryKey::parse(&shown).expect("a shown key parses");
        assert!(again.display() == shown, "a key changed on the way round");
    }
}

/// `passphrase::assess` and `require_acceptable`: they agree, and a passphrase with a control
/// character or over the length limit is never acceptable.
pub fn passphrase(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let strength = waymark_core::passphrase::assess(&text);
    let accepted = waymark_core::passphrase::require_acceptable("passphrase", &text).is_ok();
    assert!(
        strength.acceptable == accepted,
        "the meter and the check disagree"
    );
    if text.chars().any(char::is_control)
        || text.chars().count() > waymark_core::passphrase::MAX_CHARS
    {
        assert!(!accepted, "an unusable passphrase was accepted");
    }
}
