//! A damaged or missing key slot file.

use waymark_core::vault::Vault;
use waymark_core::Error;

use crate::durability::{self, recovery, run_ok, snapshot, Ended};
use crate::{
    assert_refused_as_damaged, assert_untouched, common, database, keyslots, prepared,
    EXIT_WRONG_SECRET,
};

#[test]
fn a_damaged_key_file_is_refused_and_left_as_it_is() {
    let p = prepared();
    let original = std::fs::read(keyslots(&p.journal.dir)).unwrap();
    let text = String::from_utf8(original.clone()).unwrap();
    let garbage: Vec<u8> = (0..original.len()).map(|i| (i * 131 % 251) as u8).collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("truncated to half", original[..original.len() / 2].to_vec()),
        (
            "truncated by one byte",
            original[..original.len() - 2].to_vec(),
        ),
        ("garbage", garbage),
        ("a bit flipped in its structure", {
            let mut b = original.clone();
            b[0] ^= 0x01; // '{' becomes 'z'
            b
        }),
        ("a bit flipped into a character no key uses", {
            // Inside the recovery slot's wrapped key, 'A'-'Z' flipped to a non-base64 byte.
            let start = text.rfind("\"wrapped_key\": \"").unwrap() + 16;
            let mut b = original.clone();
            b[start] = b'!';
            b
        }),
    ];
    for (what, bytes) in cases {
        let case = format!("key file {what}");
        let dir = p.copy(&format!("keyslots-{}", what.replace(' ', "-")));
        std::fs::write(keyslots(&dir), &bytes).unwrap();
        assert_refused_as_damaged(&p, &dir, "keyslots.json", &case);
        // Through core, as the window unlocks.
        let e = Vault::at(&dir)
            .unlock(&recovery(&p.journal.key))
            .unwrap_err();
        assert!(matches!(e, Error::Damaged(_)), "{case}: {e}");
    }
}

#[test]
fn a_flipped_bit_inside_a_sealed_key_reads_as_a_wrong_secret_and_changes_nothing() {
    // AES-GCM cannot tell a changed wrapped key from a wrong secret: both fail the tag. The
    // message is the wrong-secret one; nothing is written, and the other slot still works.
    let p = prepared();
    let dir = p.copy("sealed-key-flipped");
    let text = std::fs::read_to_string(keyslots(&dir)).unwrap();
    let start = text.rfind("\"wrapped_key\": \"").unwrap() + 16;
    let mut bytes = text.into_bytes();
    // A base64 letter stays a base64 letter: 'B' <-> 'C' and so on.
    bytes[start + 4] = if bytes[start + 4] == b'B' { b'C' } else { b'B' };
    std::fs::write(keyslots(&dir), &bytes).unwrap();
    let before = snapshot(&dir);
    let Ended::Exited { code, stderr, .. } = p.cli(&dir, &["craving", "list", "--json"]) else {
        panic!("killed?");
    };
    assert_eq!(code, EXIT_WRONG_SECRET, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_untouched(&dir, &before, "sealed key flipped");
    // The passphrase slot was not touched: the template's passphrase still opens everything.
    let store = durability::open(&dir, &durability::passphrase(common::PASS));
    assert!(store.integrity_report().unwrap().is_ok());
}

#[test]
fn a_missing_key_file_beside_a_database_changes_nothing_and_init_keeps_the_database() {
    let p = prepared();
    let dir = p.copy("no-keyslots");
    let db_bytes = std::fs::read(database(&dir)).unwrap();
    std::fs::remove_file(keyslots(&dir)).unwrap();
    let before = snapshot(&dir);
    let ended = p.cli(&dir, &["craving", "list", "--json"]);
    let Ended::Exited { code, stderr, .. } = &ended else {
        panic!("killed?");
    };
    assert_ne!(*code, 0, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_untouched(&dir, &before, "key file missing");
    // Even `init` here never overwrites the journal: it is renamed aside, byte for byte.
    let mut init = durability::waymark(&dir);
    init.env("WAYMARK_PASSPHRASE", common::PASS).arg("init");
    run_ok(init);
    let kept = snapshot(&dir)
        .into_iter()
        .any(|(path, bytes)| path != database(&dir) && bytes == db_bytes);
    assert!(kept, "the old database was not kept");
}

#[test]
fn a_missing_key_file_beside_a_database_is_refused_as_damaged() {
    let p = prepared();
    let dir = p.copy("no-keyslots");
    std::fs::remove_file(keyslots(&dir)).unwrap();
    assert_refused_as_damaged(&p, &dir, "keyslots.json", "key file missing");
}
