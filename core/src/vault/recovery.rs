//! The recovery key: 160 random bits shown once at set-up, turned into a wrapping key by HKDF.

use data_encoding::BASE32_NOPAD;
use ring::hkdf;
use ring::rand::{SecureRandom, SystemRandom};
use zeroize::Zeroizing;

use crate::error::{Error, Result, ValidationError};

const KEY_BYTES: usize = 20;
const HKDF_INFO: &[u8] = b"waymark recovery slot v1";

/// A recovery key, held in memory that is wiped when dropped.
pub struct RecoveryKey(Zeroizing<[u8; KEY_BYTES]>);

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(<redacted>)")
    }
}

impl RecoveryKey {
    /// A fresh random recovery key.
    pub fn generate() -> Result<Self> {
        let mut bytes = Zeroizing::new([0u8; KEY_BYTES]);
        SystemRandom::new()
            .fill(bytes.as_mut())
            .map_err(|_| Error::Internal("no system randomness"))?;
        Ok(Self(bytes))
    }

    /// Parses a key as typed by a person: case, spaces and dashes do not matter.
    pub fn parse(text: &str) -> Result<Self> {
        let invalid = || {
            Error::Invalid(ValidationError::new(
                "recoveryKey",
                "That is not a recovery key: it should be 8 groups of 4 letters and digits, like ABCD-EFGH-….",
            ))
        };
        // Pre-sized so that no reallocation leaves an unwiped copy of the key behind.
        let mut cleaned = Zeroizing::new(String::with_capacity(text.len()));
        cleaned.extend(
            text.chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .map(|c| match c.to_ascii_uppercase() {
                    // Digits that are easy to write for look-alike letters the alphabet has.
                    '0' => 'O',
                    '1' => 'I',
                    '8' => 'B',
                    other => other,
                }),
        );
        let decoded = Zeroizing::new(
            BASE32_NOPAD
                .decode(cleaned.as_bytes())
                .map_err(|_| invalid())?,
        );
        let bytes: [u8; KEY_BYTES] = decoded.as_slice().try_into().map_err(|_| invalid())?;
        Ok(Self(Zeroizing::new(bytes)))
    }

    /// The key as shown to the person: 8 groups of 4 base32 characters joined by dashes.
    pub fn display(&self) -> Zeroizing<String> {
        let encoded = Zeroizing::new(BASE32_NOPAD.encode(self.0.as_ref()));
        let groups: Vec<&str> = encoded
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or(""))
            .collect();
        Zeroizing::new(groups.join("-"))
    }

    /// The wrapping key for the recovery slot, bound to the slot's `salt`.
    pub(crate) fn wrapping_key(&self, salt: &[u8]) -> Result<Zeroizing<[u8; 32]>> {
        let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, salt).extract(self.0.as_ref());
        let okm = prk
            .expand(&[HKDF_INFO], hkdf::HKDF_SHA256)
            .map_err(|_| Error::Internal("key expansion failed"))?;
        let mut out = Zeroizing::new([0u8; 32]);
        okm.fill(out.as_mut())
            .map_err(|_| Error::Internal("key expansion failed"))?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_round_trips_through_parse_in_any_case_and_spacing() {
        let key = RecoveryKey::generate().unwrap();
        let shown = key.display();
        assert_eq!(shown.len(), 8 * 4 + 7);
        let sloppy = shown.to_lowercase().replace('-', " ");
        let parsed = RecoveryKey::parse(&sloppy).unwrap();
        assert_eq!(*parsed.0, *key.0);
    }

    #[test]
    fn look_alike_digits_are_read_as_letters() {
        let key = RecoveryKey::generate().unwrap();
        let shown = key.display();
        let typed: String = shown
            .chars()
            .map(|c| match c {
                'O' => '0',
                'I' => '1',
                'B' => '8',
                other => other,
            })
            .collect();
        assert_eq!(*RecoveryKey::parse(&typed).unwrap().0, *key.0);
    }

    #[test]
    fn malformed_keys_are_rejected_with_a_field_error() {
        for bad in [
            "",
            "ABCD",
            "!!!!-????",
            "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD",
        ] {
            let err = RecoveryKey::parse(bad).expect_err("rejected");
            assert_eq!(err.field(), Some("recoveryKey"), "{bad}");
        }
    }

    #[test]
    fn wrapping_key_depends_on_salt() {
        let key = RecoveryKey::generate().unwrap();
        assert_ne!(
            *key.wrapping_key(b"salt-a").unwrap(),
            *key.wrapping_key(b"salt-b").unwrap()
        );
    }
}
