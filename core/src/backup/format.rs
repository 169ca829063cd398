//! The backup file's layout, and reading it back without ever trusting a length.
//!
//! ```text
//! magic "WMKBACK\n" (8) | format version u16 LE | header length u32 LE | header (JSON)
//! | slots length u32 LE | key slot file bytes | checksum: SHA-256 of everything before it (32)
//! | MAC: HMAC-SHA-256 of the same bytes, key from HKDF over the data key (32)
//! | database image (SQLCipher-encrypted, exactly header.image_len bytes) | end of file
//! ```
//!
//! The plain checksum catches accidental damage before any secret is asked for; the MAC, which
//! only the holder of the data key can compute, binds the header (creation time, schema version,
//! image length and SHA-256) to the key slots, so a header or image from another file is caught.

use std::io::Read;

use data_encoding::HEXLOWER;
use ring::{digest, hkdf, hmac};
use serde::{Deserialize, Serialize};
use specta::Type;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::vault::DataKey;

/// The first bytes of every backup file; the newline catches text-mode mangling.
pub const MAGIC: [u8; 8] = *b"WMKBACK\n";
/// The layout version this build writes and reads.
pub const FORMAT_VERSION: u16 = 1;
/// Bound on the JSON header: a real one is a few hundred bytes.
pub const MAX_HEADER_LEN: u32 = 16 * 1024;
/// Bound on the key slot bytes: a real slot file is under 2 KiB.
pub const MAX_SLOTS_LEN: u32 = 64 * 1024;
/// Bound on the database image (1 TiB), so a forged length cannot promise an endless read.
pub const MAX_IMAGE_LEN: u64 = 1 << 40;
const DIGEST_LEN: usize = 32;
const HKDF_SALT: &[u8] = b"waymark backup format 1";
const HKDF_INFO: &[u8] = b"header authentication";

/// Whether a backup was made by the daily rotation or asked for by the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// Made on unlock, at most once a day; the oldest are deleted beyond the kept number.
    Automatic,
    /// Made on request ("Back up now", `backup create`, an export); never deleted by Waymark.
    Manual,
}

/// The header: readable without a secret (see docs/BACKUPS.md), authenticated by the MAC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// When the backup was made, RFC 3339 with the local offset.
    pub created_at: String,
    /// The database schema version (`PRAGMA user_version`) of the image.
    pub schema_version: i64,
    /// Automatic or manual.
    pub kind: BackupKind,
    /// Length of the database image in bytes.
    pub image_len: u64,
    /// SHA-256 of the database image, lower-case hex.
    pub image_sha256: String,
}

/// The part of a backup before the image, parsed and bounded but not yet authenticated.
#[derive(Debug, Clone)]
pub struct Prefix {
    /// The parsed header.
    pub header: Header,
    /// The key slot file of the vault the backup was made from.
    pub slots: Vec<u8>,
    /// Every byte the checksum and the MAC cover.
    covered: Vec<u8>,
    mac: [u8; DIGEST_LEN],
}

/// The key that authenticates backup headers, derived from the data key (HKDF-SHA-256).
pub struct MacKey(Zeroizing<[u8; DIGEST_LEN]>);

impl std::fmt::Debug for MacKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MacKey(<redacted>)")
    }
}

impl MacKey {
    /// Derives the header key from a vault's data key.
    pub fn derive(data_key: &DataKey) -> Result<Self> {
        struct Len;
        impl hkdf::KeyType for Len {
            fn len(&self) -> usize {
                DIGEST_LEN
            }
        }
        let mut out = Zeroizing::new([0u8; DIGEST_LEN]);
        hkdf::Salt::new(hkdf::HKDF_SHA256, HKDF_SALT)
            .extract(data_key.bytes())
            .expand(&[HKDF_INFO], Len)
            .and_then(|okm| okm.fill(&mut *out))
            .map_err(|_| Error::Internal("backup key derivation failed"))?;
        Ok(Self(out))
    }

    fn sign(&self, bytes: &[u8]) -> [u8; DIGEST_LEN] {
        let key = hmac::Key::new(hmac::HMAC_SHA256, &*self.0);
        let tag = hmac::sign(&key, bytes);
        let mut out = [0u8; DIGEST_LEN];
        out.copy_from_slice(tag.as_ref());
        out
    }

    fn verify(&self, bytes: &[u8], tag: &[u8]) -> bool {
        let key = hmac::Key::new(hmac::HMAC_SHA256, &*self.0);
        hmac::verify(&key, bytes, tag).is_ok()
    }
}

/// SHA-256 as lower-case hex.
pub fn hex_sha256(bytes: &[u8]) -> String {
    HEXLOWER.encode(digest::digest(&digest::SHA256, bytes).as_ref())
}

/// The bytes that come before the image, for a header and key slot file.
pub fn encode_prefix(header: &Header, slots: &[u8], key: &MacKey) -> Result<Vec<u8>> {
    let header_bytes =
        serde_json::to_vec(header).map_err(|_| Error::Internal("could not encode the header"))?;
    let header_len = u32::try_from(header_bytes.len())
        .ok()
        .filter(|n| *n <= MAX_HEADER_LEN)
        .ok_or(Error::Internal("backup header too long"))?;
    let slots_len = u32::try_from(slots.len())
        .ok()
        .filter(|n| *n <= MAX_SLOTS_LEN)
        .ok_or(Error::Internal("key slot file too long"))?;
    let mut out = Vec::with_capacity(header_bytes.len() + slots.len() + 128);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&header_len.to_le_bytes());
    out.extend_from_slice(&header_bytes);
    out.extend_from_slice(&slots_len.to_le_bytes());
    out.extend_from_slice(slots);
    let checksum = digest::digest(&digest::SHA256, &out);
    let mac = key.sign(&out);
    out.extend_from_slice(checksum.as_ref());
    out.extend_from_slice(&mac);
    Ok(out)
}

fn damaged<T>() -> Result<T> {
    Err(Error::BackupDamaged)
}

fn read_exact<R: Read>(reader: &mut R, len: usize, covered: &mut Vec<u8>) -> Result<Vec<u8>> {
    let mut buf = vec![0u8; len];
    reader.read_exact(&mut buf).or_else(|_| damaged())?;
    covered.extend_from_slice(&buf);
    Ok(buf)
}

fn read_u32<R: Read>(reader: &mut R, covered: &mut Vec<u8>) -> Result<u32> {
    let bytes = read_exact(reader, 4, covered)?;
    Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

/// Reads and checks everything before the image: magic, version, bounded lengths, the header's
/// shape and the plain checksum. Needs no secret; any mismatch is [`Error::BackupDamaged`].
pub fn read_prefix<R: Read>(reader: &mut R) -> Result<Prefix> {
    let mut covered = Vec::new();
    if read_exact(reader, MAGIC.len(), &mut covered)? != MAGIC {
        return damaged();
    }
    let version = read_exact(reader, 2, &mut covered)?;
    if u16::from_le_bytes([version[0], version[1]]) != FORMAT_VERSION {
        return damaged();
    }
    let header_len = read_u32(reader, &mut covered)?;
    if header_len > MAX_HEADER_LEN {
        return damaged();
    }
    let header_bytes = read_exact(reader, header_len as usize, &mut covered)?;
    let slots_len = read_u32(reader, &mut covered)?;
    if slots_len > MAX_SLOTS_LEN {
        return damaged();
    }
    let slots = read_exact(reader, slots_len as usize, &mut covered)?;
    let mut tail = Vec::new();
    let checksum = read_exact(reader, DIGEST_LEN, &mut tail)?;
    let mac_bytes = read_exact(reader, DIGEST_LEN, &mut tail)?;
    if digest::digest(&digest::SHA256, &covered).as_ref() != checksum.as_slice() {
        return damaged();
    }
    let header: Header = serde_json::from_slice(&header_bytes).or_else(|_| damaged())?;
    if header.image_len > MAX_IMAGE_LEN
        || header.image_sha256.len() != DIGEST_LEN * 2
        || chrono::DateTime::parse_from_rfc3339(&header.created_at).is_err()
    {
        return damaged();
    }
    let mut mac = [0u8; DIGEST_LEN];
    mac.copy_from_slice(&mac_bytes);
    Ok(Prefix {
        header,
        slots,
        covered,
        mac,
    })
}

impl Prefix {
    /// Checks the MAC with the key derived from the unwrapped data key.
    pub fn authenticate(&self, key: &MacKey) -> Result<()> {
        if key.verify(&self.covered, &self.mac) {
            Ok(())
        } else {
            damaged()
        }
    }

    /// The length of the prefix in the file, where the image starts.
    pub fn len(&self) -> u64 {
        (self.covered.len() + 2 * DIGEST_LEN) as u64
    }

    /// Always false: a prefix holds at least the magic bytes.
    pub fn is_empty(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use proptest::prelude::*;

    use super::*;

    fn sample() -> (Vec<u8>, MacKey) {
        let key = MacKey::derive(&DataKey::for_tests([7; 32])).unwrap();
        let header = Header {
            created_at: "2026-03-01T09:30:00+01:00".into(),
            schema_version: 4,
            kind: BackupKind::Manual,
            image_len: 3,
            image_sha256: hex_sha256(b"abc"),
        };
        let mut bytes = encode_prefix(&header, br#"{"format":1}"#, &key).unwrap();
        bytes.extend_from_slice(b"abc");
        (bytes, key)
    }

    #[test]
    fn a_prefix_reads_back_and_authenticates_only_with_its_key() {
        let (bytes, key) = sample();
        let prefix = read_prefix(&mut Cursor::new(&bytes)).unwrap();
        assert_eq!(prefix.header.image_len, 3);
        assert_eq!(prefix.slots, br#"{"format":1}"#);
        assert_eq!(prefix.len() as usize, bytes.len() - 3);
        prefix.authenticate(&key).unwrap();
        let other = MacKey::derive(&DataKey::for_tests([8; 32])).unwrap();
        assert!(matches!(
            prefix.authenticate(&other),
            Err(Error::BackupDamaged)
        ));
    }

    #[test]
    fn every_flipped_bit_of_the_prefix_is_caught() {
        let (bytes, key) = sample();
        let prefix_len = bytes.len() - 3;
        for i in 0..prefix_len {
            for bit in [0x01u8, 0x80] {
                let mut copy = bytes.clone();
                copy[i] ^= bit;
                let caught = match read_prefix(&mut Cursor::new(&copy)) {
                    Err(Error::BackupDamaged) => true,
                    Ok(p) => p.authenticate(&key).is_err(),
                    Err(other) => panic!("unexpected error {other:?}"),
                };
                assert!(caught, "flip at byte {i} went unnoticed");
            }
        }
    }

    proptest! {
        #[test]
        fn parsing_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = read_prefix(&mut Cursor::new(&bytes));
        }

        #[test]
        fn parsing_mutated_backups_never_panics(
            edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8),
            cut in any::<usize>(),
        ) {
            let (mut bytes, key) = sample();
            for (at, value) in edits {
                let i = at % bytes.len();
                bytes[i] = value;
            }
            bytes.truncate(cut % (bytes.len() + 1));
            if let Ok(prefix) = read_prefix(&mut Cursor::new(&bytes)) {
                let _ = prefix.authenticate(&key);
            }
        }
    }
}
