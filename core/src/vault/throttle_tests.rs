//! The wrong-passphrase throttle on real vault files, with the time injected (no sleeping).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use zeroize::Zeroizing;

use super::throttle::{delay_after, FREE_FAILURES, MAX_DELAY_SECS};
use super::*;

const PASS: &str = "harbour lantern pickle seven";
const WRONG: &str = "harbour lantern pickle eight";

fn pass(p: &str) -> Credential {
    Credential::Passphrase(Zeroizing::new(p.to_string()))
}

fn at(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_900_000_000 + seconds)
}

fn new_vault() -> (tempfile::TempDir, Vault, RecoveryKey) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::at(dir.path().join("data"));
    let (_, recovery) = vault.create_with_params(PASS, KdfParams::MINIMUM).unwrap();
    (dir, vault, recovery)
}

/// SHA-256 of the database and of the key slot file.
fn hashes(vault: &Vault) -> Vec<Vec<u8>> {
    [vault.database_path(), vault.keyslots_path()]
        .iter()
        .map(|p| {
            ring::digest::digest(&ring::digest::SHA256, &std::fs::read(p).unwrap())
                .as_ref()
                .to_vec()
        })
        .collect()
}

/// Makes `FREE_FAILURES + extra` wrong tries, each as soon as allowed; returns the time of the last.
fn fail_repeatedly(vault: &Vault, extra: u32) -> u64 {
    let mut t = 0;
    for i in 0..FREE_FAILURES + extra {
        if i > 0 {
            t += delay_after(i);
        }
        assert!(
            matches!(
                vault.unlock_at(&pass(WRONG), at(t)),
                Err(Error::WrongSecret)
            ),
            "try {i} at {t} is allowed and wrong"
        );
    }
    t
}

#[test]
fn after_the_free_tries_even_the_right_passphrase_waits_and_nothing_else_is_written() {
    let (_dir, vault, _) = new_vault();
    let before = hashes(&vault);
    let last = fail_repeatedly(&vault, 1);
    let wait = delay_after(FREE_FAILURES + 1);
    assert!(wait > 0);

    // Refused before the key derivation: the right passphrase would otherwise open it.
    match vault.unlock_at(&pass(PASS), at(last + 1)) {
        Err(Error::TryAgainIn { seconds }) => assert_eq!(seconds, wait - 1),
        other => panic!("expected a wait, got {other:?}"),
    }
    let message = vault
        .unlock_at(&pass(PASS), at(last))
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        format!("Please wait {wait} seconds before trying again.")
    );
    assert_eq!(
        hashes(&vault),
        before,
        "the database and key slots are untouched"
    );

    // Once the wait has passed, it opens, and the count starts again from nothing.
    vault.unlock_at(&pass(PASS), at(last + wait)).unwrap();
    assert!(!vault.throttle().path().exists(), "a success resets");
    assert!(
        matches!(
            vault.unlock_at(&pass(WRONG), at(last + wait)),
            Err(Error::WrongSecret)
        ),
        "free tries again after a success"
    );
    assert_eq!(hashes(&vault), before);
}

#[test]
fn the_recovery_key_is_never_delayed_and_resets_the_count() {
    let (_dir, vault, recovery) = new_vault();
    let last = fail_repeatedly(&vault, 5);
    assert!(vault.throttle().wait_at(at(last)) > 0);
    // A wrong recovery key is not counted, and does not wait either.
    let other = RecoveryKey::generate().unwrap();
    assert!(matches!(
        vault.unlock_at(&Credential::RecoveryKey(other.display()), at(last)),
        Err(Error::WrongSecret)
    ));
    vault
        .unlock_at(&Credential::RecoveryKey(recovery.display()), at(last))
        .unwrap();
    assert_eq!(vault.throttle().wait_at(at(last)), 0);
    vault.unlock_at(&pass(PASS), at(last)).unwrap();
}

#[test]
fn the_wait_outlives_a_restart_and_the_counter_holds_no_secret() {
    let (_dir, vault, recovery) = new_vault();
    let last = fail_repeatedly(&vault, 2);
    // A new `Vault` value is what a restarted app or a new CLI process has.
    let again = Vault::at(vault.dir());
    assert_eq!(
        again.throttle().wait_at(at(last)),
        delay_after(FREE_FAILURES + 2)
    );
    let bytes = std::fs::read(again.throttle().path()).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    for secret in [PASS, WRONG, recovery.display().as_str()] {
        assert!(!text.contains(secret));
    }
    for word in ["harbour", "lantern", "pickle"] {
        assert!(!text.contains(word), "{text}");
    }
    let parsed: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let keys: Vec<&str> = parsed
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 2, "a count and a time only: {text}");
    assert_eq!(
        parsed["failures"].as_u64(),
        Some(u64::from(FREE_FAILURES + 2))
    );
}

#[test]
fn changing_the_passphrase_is_throttled_too() {
    let (_dir, vault, _) = new_vault();
    // Wrong tries through the change path count like unlock attempts.
    for _ in 0..FREE_FAILURES {
        assert!(matches!(
            vault.change_passphrase(&pass(WRONG), "another quite long passphrase"),
            Err(Error::WrongSecret)
        ));
    }
    assert!(matches!(
        vault.change_passphrase(&pass(PASS), "another quite long passphrase"),
        Err(Error::TryAgainIn { .. })
    ));
    assert!(vault.passphrase_wait() > 0 && vault.passphrase_wait() <= MAX_DELAY_SECS);
}
