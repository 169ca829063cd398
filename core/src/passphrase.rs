//! How strong a passphrase is, and the minimum Waymark accepts.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::ValidationError;

/// Fewest characters a passphrase may have.
pub const MIN_CHARS: usize = 8;
/// Most characters a passphrase may have (it is hashed, so this only bounds work per attempt).
pub const MAX_CHARS: usize = 1024;
/// The lowest zxcvbn score (0-4) accepted.
pub const MIN_SCORE: u8 = 2;

/// A strength estimate to show while the person types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PassphraseStrength {
    /// zxcvbn's score: 0 (guessable in seconds) to 4 (very hard to guess).
    pub score: u8,
    /// Whether Waymark will accept it.
    pub acceptable: bool,
    /// A short hint on how to improve it, if any.
    pub feedback: Option<String>,
}

/// A control character (escape, NUL; a tab moves focus in the window) cannot be typed back at
/// an unlock prompt, or some not kept on a passphrase file's first line: refusing them keeps
/// the person from locking themselves out.
const CONTROL_MESSAGE: &str =
    "The passphrase contains a control character, such as a tab or escape; use letters, numbers, spaces and punctuation.";

/// How many characters of a passphrase zxcvbn scores; see [`assess`].
const ZXCVBN_SAMPLE_CHARS: usize = 28;

/// Estimates the strength of `passphrase`.
pub fn assess(passphrase: &str) -> PassphraseStrength {
    let chars = passphrase.chars().count();
    if chars == 0 {
        return PassphraseStrength {
            score: 0,
            acceptable: false,
            feedback: None,
        };
    }
    // Only the start is scored. zxcvbn's cost grows quickly with length, and its estimate for a
    // keyboard pattern computes `degree^turns` unchecked (zxcvbn 3.1.1): past about 28 turns,
    // as in "ZxZxZx...", it panics in builds with overflow checks and wraps to a meaningless
    // (possibly strong) score in release. 28 characters cannot hold more than 27 turns.
    let mut sample = zeroize::Zeroizing::new(String::with_capacity(ZXCVBN_SAMPLE_CHARS * 4));
    sample.extend(passphrase.chars().take(ZXCVBN_SAMPLE_CHARS));
    let entropy = zxcvbn::zxcvbn(&sample, &["waymark"]);
    let score = u8::from(entropy.score());
    let too_short = chars < MIN_CHARS;
    let feedback = if too_short {
        Some(format!(
            "Use at least {MIN_CHARS} characters; a few unrelated words work well."
        ))
    } else {
        entropy.feedback().and_then(|f| {
            f.warning()
                .map(|w| w.to_string())
                .or_else(|| f.suggestions().first().map(|s| s.to_string()))
        })
    };
    let control = passphrase.chars().any(char::is_control);
    PassphraseStrength {
        score,
        acceptable: !too_short && !control && chars <= MAX_CHARS && score >= MIN_SCORE,
        feedback: if control {
            Some(CONTROL_MESSAGE.to_string())
        } else {
            feedback
        },
    }
}

/// Refuses a passphrase that is too short, too long or too easy to guess.
pub fn require_acceptable(field: &'static str, passphrase: &str) -> Result<(), ValidationError> {
    let chars = passphrase.chars().count();
    if chars < MIN_CHARS {
        return Err(ValidationError::new(
            field,
            format!("The passphrase needs at least {MIN_CHARS} characters."),
        ));
    }
    if chars > MAX_CHARS {
        return Err(ValidationError::new(
            field,
            format!("The passphrase can be at most {MAX_CHARS} characters."),
        ));
    }
    if passphrase.chars().any(char::is_control) {
        return Err(ValidationError::new(field, CONTROL_MESSAGE));
    }
    if !assess(passphrase).acceptable {
        return Err(ValidationError::new(
            field,
            "That passphrase would be easy to guess. Try three or four unrelated words.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_and_short_passphrases_are_refused() {
        for weak in ["", "abc", "password", "password1", "12345678", "qwertyuiop"] {
            assert!(require_acceptable("passphrase", weak).is_err(), "{weak}");
            assert!(!assess(weak).acceptable, "{weak}");
        }
    }

    #[test]
    fn a_few_unrelated_words_are_accepted() {
        let good = "harbour lantern pickle seven";
        assert!(require_acceptable("passphrase", good).is_ok());
        let s = assess(good);
        assert!(s.acceptable && s.score >= MIN_SCORE);
    }

    #[test]
    fn long_input_is_bounded() {
        let huge = "correct horse ".repeat(200);
        assert!(require_acceptable("passphrase", &huge).is_err());
        assert!(!assess(&huge).acceptable);
    }
}
