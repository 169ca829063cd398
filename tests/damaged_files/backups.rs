//! A truncated, bit-flipped or foreign backup file.

use crate::durability::{snapshot, Ended};
use crate::{assert_untouched, prepared, EXIT_DAMAGED};

#[test]
fn a_damaged_backup_is_refused_by_verify_and_restore_and_nothing_changes() {
    let p = prepared();
    let backup = p.journal.scratch().join("whole.waymark-backup");
    let made = p.cli(
        &p.journal.dir,
        &["backup", "create", "--out", backup.to_str().unwrap()],
    );
    assert!(matches!(made, Ended::Exited { code: 0, .. }), "{made:?}");
    let whole = std::fs::read(&backup).unwrap();
    let len = whole.len();
    let mut cases: Vec<(String, Vec<u8>)> = vec![
        ("empty".into(), Vec::new()),
        ("truncated to 10 bytes".into(), whole[..10].to_vec()),
        ("truncated to half".into(), whole[..len / 2].to_vec()),
        ("truncated by one byte".into(), whole[..len - 1].to_vec()),
        (
            "garbage".into(),
            (0..len).map(|i| (i * 131 % 251) as u8).collect(),
        ),
    ];
    for offset in [8, 200, len / 2, len - 10] {
        let mut b = whole.clone();
        b[offset] ^= 0x04;
        cases.push((format!("a bit flipped at byte {offset} of {len}"), b));
    }
    for (what, bytes) in cases {
        let case = format!("backup {what}");
        let file = p.journal.scratch().join("damaged.waymark-backup");
        std::fs::write(&file, &bytes).unwrap();
        let file_arg = file.to_str().unwrap();
        let before = snapshot(&p.journal.dir);
        for args in [
            vec!["backup", "verify", file_arg],
            vec!["backup", "restore", "--yes", file_arg],
        ] {
            let ended = p.cli(&p.journal.dir, &args);
            let Ended::Exited {
                code,
                stdout,
                stderr,
            } = &ended
            else {
                panic!("{case}: killed?");
            };
            assert!(!stderr.contains("panicked"), "{case}: {stderr}");
            assert_eq!(*code, EXIT_DAMAGED, "{case} {args:?}: {stderr}");
            assert!(stdout.is_empty(), "{case}: {stdout}");
            assert_eq!(stderr.lines().count(), 1, "{case}: {stderr}");
            assert!(
                stderr.contains("backup file is damaged"),
                "{case}: {stderr}"
            );
            assert_untouched(&p.journal.dir, &before, &case);
            assert!(
                std::fs::read(&file).unwrap() == bytes,
                "{case}: the backup changed"
            );
        }
    }
    // The journal is still the one it was, and the whole backup still restores.
    assert_eq!(p.journal.list("craving"), p.cravings);
    let restored = p.cli(
        &p.journal.dir,
        &["backup", "restore", "--yes", backup.to_str().unwrap()],
    );
    assert!(
        matches!(restored, Ended::Exited { code: 0, .. }),
        "{restored:?}"
    );
    assert_eq!(p.journal.list("craving"), p.cravings);
}
