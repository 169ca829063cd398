//! Passphrase key derivation: Argon2id, calibrated once per vault.

use std::time::{Duration, Instant};

use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{Error, Result, VaultFile};

/// The Argon2id cost parameters stored in a passphrase slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Passes over memory.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl KdfParams {
    /// RFC 9106's second recommended option (t=3, p=4, 64 MiB): the floor for every new slot.
    pub const MINIMUM: KdfParams = KdfParams {
        m_kib: 64 * 1024,
        t: 3,
        p: 4,
    };
    /// Ceilings that keep a tampered slot file from making unlocking hang or exhaust memory.
    const MAX_M_KIB: u32 = 2 * 1024 * 1024;
    const MAX_T: u32 = 64;
    const MAX_P: u32 = 16;

    /// Whether these parameters are at least [`KdfParams::MINIMUM`] in every dimension.
    pub fn meets_minimum(&self) -> bool {
        self.m_kib >= Self::MINIMUM.m_kib && self.t >= Self::MINIMUM.t && self.p >= Self::MINIMUM.p
    }

    /// Checks parameters read from a slot file: within the floor and the ceilings.
    pub(crate) fn check_stored(&self) -> Result<()> {
        let in_range = self.meets_minimum()
            && self.m_kib <= Self::MAX_M_KIB
            && self.t <= Self::MAX_T
            && self.p <= Self::MAX_P;
        if in_range {
            Ok(())
        } else {
            Err(Error::Damaged(VaultFile::KeySlots))
        }
    }

    /// Picks parameters so that one derivation takes about `target` on this machine, never
    /// going below [`KdfParams::MINIMUM`]. Memory grows first (up to 256 MiB), then passes.
    pub fn calibrate(target: Duration) -> KdfParams {
        let base = Self::MINIMUM;
        let probe = Instant::now();
        // The derived bytes are irrelevant; only the time it takes matters.
        let _ = derive(b"calibration", &[0u8; 16], base);
        let elapsed = probe.elapsed().as_secs_f64().max(1e-3);
        let base_units = f64::from(base.m_kib) * f64::from(base.t);
        let budget_units = base_units * target.as_secs_f64() / elapsed;
        if budget_units <= base_units {
            return base;
        }
        let max_m_kib = 256 * 1024;
        let m_kib =
            (budget_units / f64::from(base.t)).clamp(f64::from(base.m_kib), f64::from(max_m_kib));
        // Round memory down to a whole MiB to keep the numbers readable in the slot file.
        let m_kib = (m_kib as u32 / 1024) * 1024;
        let t = (budget_units / f64::from(m_kib))
            .floor()
            .clamp(f64::from(base.t), f64::from(Self::MAX_T));
        KdfParams {
            m_kib,
            t: t as u32,
            p: base.p,
        }
    }
}

/// Derives the wrapping key for a typed passphrase. The text is first put in Unicode NFC, so the
/// same passphrase typed through another keyboard layout or OS (composed or decomposed accents)
/// still unlocks.
pub fn derive_from_passphrase(
    passphrase: &str,
    salt: &[u8],
    params: KdfParams,
) -> Result<Zeroizing<[u8; 32]>> {
    use unicode_normalization::UnicodeNormalization;
    // Sized for the worst case (NFC can at most triple the UTF-8 length), so the buffer never
    // reallocates and leaves an unwiped copy behind.
    let mut normalized = Zeroizing::new(String::with_capacity(passphrase.len() * 3));
    normalized.extend(passphrase.nfc());
    derive(normalized.as_bytes(), salt, params)
}

/// Derives a 256-bit wrapping key from `passphrase` and `salt` with Argon2id.
pub fn derive(passphrase: &[u8], salt: &[u8], params: KdfParams) -> Result<Zeroizing<[u8; 32]>> {
    let params = Params::new(params.m_kib, params.t, params.p, Some(32))
        .map_err(|_| Error::Damaged(VaultFile::KeySlots))?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let mut out = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(passphrase, salt, out.as_mut())
        .map_err(|_| Error::Internal("key derivation failed"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calibration_never_goes_below_the_rfc_floor() {
        let fast = KdfParams::calibrate(Duration::from_millis(1));
        assert_eq!(fast, KdfParams::MINIMUM);
        let slow = KdfParams::calibrate(Duration::from_millis(600));
        assert!(slow.meets_minimum(), "{slow:?}");
        assert!(slow.check_stored().is_ok());
    }

    #[test]
    fn stored_parameters_outside_the_bounds_are_rejected() {
        let weak = KdfParams {
            m_kib: 1024,
            t: 1,
            p: 1,
        };
        assert!(matches!(
            weak.check_stored(),
            Err(Error::Damaged(VaultFile::KeySlots))
        ));
        let huge = KdfParams {
            m_kib: u32::MAX,
            t: 3,
            p: 4,
        };
        assert!(huge.check_stored().is_err());
    }

    #[test]
    fn composed_and_decomposed_accents_derive_the_same_key() {
        let p = KdfParams::MINIMUM;
        let composed =
            derive_from_passphrase("caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e", &[3u8; 16], p).unwrap();
        let decomposed = derive_from_passphrase(
            "cafe\u{301} cre\u{300}me bru\u{302}le\u{301}e",
            &[3u8; 16],
            p,
        )
        .unwrap();
        assert_eq!(*composed, *decomposed);
    }

    #[test]
    fn derivation_depends_on_passphrase_and_salt() {
        let p = KdfParams::MINIMUM;
        let a = derive(b"one passphrase", &[1u8; 16], p).unwrap();
        let b = derive(b"one passphrase", &[1u8; 16], p).unwrap();
        let c = derive(b"two passphrase", &[1u8; 16], p).unwrap();
        let d = derive(b"one passphrase", &[2u8; 16], p).unwrap();
        assert_eq!(*a, *b);
        assert_ne!(*a, *c);
        assert_ne!(*a, *d);
    }
}
