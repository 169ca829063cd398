//! Wrong passphrases through the real CLI binary: after a few, even the right one must wait
//! (exit 8, with the seconds), the recovery key opens at once, only a small counter file with no
//! secret is written, and the database and key slots are never touched.

mod common;

use common::{clean_cmd, text, Journal, PASS};
use predicates::prelude::*;

const WRONG: &str = "harbour lantern pickle eight";
/// The documented exit code for "too many wrong passphrases, wait".
const EXIT_TRY_AGAIN_LATER: i32 = 8;
const COUNTER_FILE: &str = "unlock-throttle.json";

/// Runs `craving list` with `passphrase`; returns the exit code and stderr.
fn try_passphrase(j: &Journal, passphrase: &str) -> (i32, String) {
    let out = clean_cmd(&j.dir)
        .env("WAYMARK_PASSPHRASE", passphrase)
        .args(["craving", "list"])
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), text(&out.stderr))
}

fn vault_files(j: &Journal) -> Vec<Vec<u8>> {
    ["waymark.db", "keyslots.json"]
        .iter()
        .map(|f| std::fs::read(j.dir.join(f)).unwrap())
        .collect()
}

#[test]
fn wrong_passphrases_slow_the_next_try_but_the_recovery_key_opens_at_once() {
    let j = Journal::new();
    j.ok(&["craving", "add", "--intensity", "6"]);
    let before = vault_files(&j);

    // The free tries: each is simply wrong.
    for _ in 0..3 {
        let (code, stderr) = try_passphrase(&j, WRONG);
        assert_eq!(code, 3, "{stderr}");
    }
    // From now on a try made too soon waits. A very slow machine may let one through (wrong,
    // doubling the wait); a few more tries always reach a refusal.
    let mut refused = None;
    for _ in 0..6 {
        match try_passphrase(&j, WRONG) {
            (3, _) => continue,
            (code, stderr) => {
                refused = Some((code, stderr));
                break;
            }
        }
    }
    let (code, stderr) = refused.expect("a try made too soon is refused");
    assert_eq!(code, EXIT_TRY_AGAIN_LATER, "{stderr}");

    // Now even the right passphrase is refused, before the key derivation, with the wait.
    let (code, stderr) = try_passphrase(&j, PASS);
    assert_eq!(code, EXIT_TRY_AGAIN_LATER, "{stderr}");
    assert!(
        says_wait_in_seconds(&stderr),
        "the wait in seconds is given: {stderr}"
    );
    assert!(!stderr.contains(PASS) && !stderr.contains(WRONG));

    // Only the counter was written: a count and a time, no secret.
    assert_eq!(vault_files(&j), before, "database and key slots untouched");
    let counter = std::fs::read(j.dir.join(COUNTER_FILE)).unwrap();
    let counter_text = text(&counter);
    for secret in [PASS, WRONG, j.key.as_str(), "harbour", "lantern", "pickle"] {
        assert!(!counter_text.contains(secret), "{counter_text}");
    }
    let parsed: serde_json::Value = serde_json::from_slice(&counter).unwrap();
    let mut keys: Vec<&String> = parsed.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["failures", "last_failure"]);
    assert!(parsed["failures"].as_u64().unwrap() >= 3);

    // The recovery key is never delayed, and a success clears the count.
    j.cmd()
        .args(["craving", "list"])
        .assert()
        .success()
        .stdout(predicate::str::is_empty().not());
    assert!(!j.dir.join(COUNTER_FILE).exists(), "a success resets");
    let (code, stderr) = try_passphrase(&j, PASS);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(vault_files(&j)[1], before[1], "key slots still untouched");
}

/// "Please wait N second(s) before trying again." with N a whole number from 1 to the cap.
fn says_wait_in_seconds(stderr: &str) -> bool {
    let Some(rest) = stderr.split("Please wait ").nth(1) else {
        return false;
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let Ok(n) = digits.parse::<u64>() else {
        return false;
    };
    let unit = if n == 1 { " second" } else { " seconds" };
    (1..=300).contains(&n)
        && rest[digits.len()..].starts_with(&format!("{unit} before trying again."))
}
