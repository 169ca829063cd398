//! The key slot file: the data key wrapped (AES-256-GCM) once per way of unlocking.
//!
//! Every slot's associated data binds the file format, the vault id, the slot kind and (for the
//! passphrase slot) the KDF parameters and salt, so none of them can be swapped or weakened
//! without the unwrap failing.

use data_encoding::BASE64;
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::kdf::{self, KdfParams};
use super::recovery::RecoveryKey;
use crate::error::{Error, Result, VaultFile};

const FORMAT: u32 = 1;
const SALT_LEN: usize = 16;

/// The random 256-bit key that encrypts the database: wiped when dropped, never printed.
pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    /// The key's bytes, for keying SQLCipher.
    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(<redacted>)")
    }
}

/// The whole key slot file, as serialised to JSON.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeySlotFile {
    format: u32,
    vault_id: String,
    slots: Vec<KeySlot>,
}

/// One wrapped copy of the data key.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum KeySlot {
    Passphrase {
        kdf: StoredKdf,
        salt: String,
        nonce: String,
        wrapped_key: String,
    },
    Recovery {
        salt: String,
        nonce: String,
        wrapped_key: String,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredKdf {
    algorithm: String,
    version: u32,
    #[serde(flatten)]
    params: KdfParams,
}

/// A secret that opens a slot.
pub enum Credential {
    /// The person's passphrase.
    Passphrase(Zeroizing<String>),
    /// The recovery key shown at set-up, as typed.
    RecoveryKey(Zeroizing<String>),
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Credential::Passphrase(_) => "Credential::Passphrase(<redacted>)",
            Credential::RecoveryKey(_) => "Credential::RecoveryKey(<redacted>)",
        })
    }
}

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut out = [0u8; N];
    SystemRandom::new()
        .fill(&mut out)
        .map_err(|_| Error::Internal("no system randomness"))?;
    Ok(out)
}

fn decode(text: &str) -> Result<Vec<u8>> {
    BASE64
        .decode(text.as_bytes())
        .map_err(|_| Error::Damaged(VaultFile::KeySlots))
}

fn seal(wrapping_key: &[u8; 32], aad: &str, data_key: &DataKey) -> Result<(String, String)> {
    let nonce_bytes = random::<NONCE_LEN>()?;
    let key = LessSafeKey::new(
        UnboundKey::new(&AES_256_GCM, wrapping_key)
            .map_err(|_| Error::Internal("bad key length"))?,
    );
    let mut in_out = Zeroizing::new(data_key.bytes().to_vec());
    key.seal_in_place_append_tag(
        Nonce::assume_unique_for_key(nonce_bytes),
        Aad::from(aad.as_bytes()),
        &mut *in_out,
    )
    .map_err(|_| Error::Internal("sealing failed"))?;
    Ok((BASE64.encode(&nonce_bytes), BASE64.encode(&in_out)))
}

fn open(wrapping_key: &[u8; 32], aad: &str, nonce: &str, wrapped: &str) -> Result<DataKey> {
    let nonce: [u8; NONCE_LEN] = decode(nonce)?
        .try_into()
        .map_err(|_| Error::Damaged(VaultFile::KeySlots))?;
    let key = LessSafeKey::new(
        UnboundKey::new(&AES_256_GCM, wrapping_key)
            .map_err(|_| Error::Internal("bad key length"))?,
    );
    let mut in_out = Zeroizing::new(decode(wrapped)?);
    let plain = key
        .open_in_place(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(aad.as_bytes()),
            &mut in_out,
        )
        .map_err(|_| Error::WrongSecret)?;
    let data_key: [u8; 32] = (&*plain)
        .try_into()
        .map_err(|_| Error::Damaged(VaultFile::KeySlots))?;
    Ok(DataKey(Zeroizing::new(data_key)))
}

impl KeySlotFile {
    /// A new file for a new vault: a fresh data key wrapped by `passphrase` (with `params`) and
    /// by a fresh recovery key. Returns the file, the data key and the recovery key.
    pub fn create(passphrase: &str, params: KdfParams) -> Result<(Self, DataKey, RecoveryKey)> {
        let data_key = DataKey(Zeroizing::new(random::<32>()?));
        let recovery = RecoveryKey::generate()?;
        let mut file = KeySlotFile {
            format: FORMAT,
            vault_id: BASE64.encode(&random::<16>()?),
            slots: Vec::new(),
        };
        file.slots
            .push(file.passphrase_slot(passphrase, params, &data_key)?);
        file.slots.push(file.recovery_slot(&recovery, &data_key)?);
        Ok((file, data_key, recovery))
    }

    fn passphrase_aad(&self, params: &KdfParams, salt: &str) -> String {
        format!(
            "waymark-keyslot|format={}|vault={}|passphrase|argon2id|v=19|m={}|t={}|p={}|salt={}",
            self.format, self.vault_id, params.m_kib, params.t, params.p, salt
        )
    }

    fn recovery_aad(&self, salt: &str) -> String {
        format!(
            "waymark-keyslot|format={}|vault={}|recovery|hkdf-sha256|salt={}",
            self.format, self.vault_id, salt
        )
    }

    fn passphrase_slot(
        &self,
        passphrase: &str,
        params: KdfParams,
        data_key: &DataKey,
    ) -> Result<KeySlot> {
        if !params.meets_minimum() {
            return Err(Error::Internal(
                "key derivation parameters below the minimum",
            ));
        }
        let salt = BASE64.encode(&random::<SALT_LEN>()?);
        let wrapping = kdf::derive_from_passphrase(passphrase, salt.as_bytes(), params)?;
        let (nonce, wrapped_key) = seal(&wrapping, &self.passphrase_aad(&params, &salt), data_key)?;
        let kdf = StoredKdf {
            algorithm: "argon2id".into(),
            version: 19,
            params,
        };
        Ok(KeySlot::Passphrase {
            kdf,
            salt,
            nonce,
            wrapped_key,
        })
    }

    fn recovery_slot(&self, recovery: &RecoveryKey, data_key: &DataKey) -> Result<KeySlot> {
        let salt = BASE64.encode(&random::<SALT_LEN>()?);
        let wrapping = recovery.wrapping_key(salt.as_bytes())?;
        let (nonce, wrapped_key) = seal(&wrapping, &self.recovery_aad(&salt), data_key)?;
        Ok(KeySlot::Recovery {
            salt,
            nonce,
            wrapped_key,
        })
    }

    /// Unwraps the data key with `credential`. Fails with [`Error::WrongSecret`] when the
    /// credential is wrong or the slot was tampered with; touches no file.
    pub fn unwrap_key(&self, credential: &Credential) -> Result<DataKey> {
        match credential {
            Credential::Passphrase(passphrase) => {
                let (kdf, salt, nonce, wrapped) = self
                    .slots
                    .iter()
                    .find_map(|s| match s {
                        KeySlot::Passphrase {
                            kdf,
                            salt,
                            nonce,
                            wrapped_key,
                        } => Some((kdf, salt, nonce, wrapped_key)),
                        _ => None,
                    })
                    .ok_or(Error::Damaged(VaultFile::KeySlots))?;
                if kdf.algorithm != "argon2id" || kdf.version != 19 {
                    return Err(Error::Damaged(VaultFile::KeySlots));
                }
                kdf.params.check_stored()?;
                let wrapping =
                    kdf::derive_from_passphrase(passphrase, salt.as_bytes(), kdf.params)?;
                open(
                    &wrapping,
                    &self.passphrase_aad(&kdf.params, salt),
                    nonce,
                    wrapped,
                )
            }
            Credential::RecoveryKey(text) => {
                let recovery = RecoveryKey::parse(text)?;
                let (salt, nonce, wrapped) = self
                    .slots
                    .iter()
                    .find_map(|s| match s {
                        KeySlot::Recovery {
                            salt,
                            nonce,
                            wrapped_key,
                        } => Some((salt, nonce, wrapped_key)),
                        _ => None,
                    })
                    .ok_or(Error::Damaged(VaultFile::KeySlots))?;
                let wrapping = recovery.wrapping_key(salt.as_bytes())?;
                open(&wrapping, &self.recovery_aad(salt), nonce, wrapped)
            }
        }
    }

    /// Replaces the passphrase slot with one for `new_passphrase`, wrapping the same data key.
    /// The recovery slot is kept as it is.
    pub fn rewrap_passphrase(
        &mut self,
        data_key: &DataKey,
        new_passphrase: &str,
        params: KdfParams,
    ) -> Result<()> {
        let slot = self.passphrase_slot(new_passphrase, params, data_key)?;
        self.slots
            .retain(|s| !matches!(s, KeySlot::Passphrase { .. }));
        self.slots.insert(0, slot);
        Ok(())
    }

    /// The parameters of the current passphrase slot.
    pub fn passphrase_params(&self) -> Option<KdfParams> {
        self.slots.iter().find_map(|s| match s {
            KeySlot::Passphrase { kdf, .. } => Some(kdf.params),
            _ => None,
        })
    }

    /// Parses a slot file's bytes; anything malformed is [`Error::Damaged`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let file: KeySlotFile =
            serde_json::from_slice(bytes).map_err(|_| Error::Damaged(VaultFile::KeySlots))?;
        if file.format != FORMAT {
            return Err(Error::Damaged(VaultFile::KeySlots));
        }
        Ok(file)
    }

    /// The file's bytes, pretty-printed JSON (it holds nothing readable but parameters).
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        serde_json::to_vec_pretty(self)
            .map_err(|_| Error::Internal("could not serialise key slots"))
    }
}

#[cfg(test)]
impl DataKey {
    /// A fixed key for store tests that do not need a key file.
    pub(crate) fn for_tests(bytes: [u8; 32]) -> Self {
        DataKey(Zeroizing::new(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(p: &str) -> Credential {
        Credential::Passphrase(Zeroizing::new(p.to_string()))
    }

    #[test]
    fn passphrase_and_recovery_key_unwrap_the_same_data_key() {
        let (file, key, recovery) =
            KeySlotFile::create("correct horse battery", KdfParams::MINIMUM).unwrap();
        let by_pass = file.unwrap_key(&pass("correct horse battery")).unwrap();
        let by_recovery = file
            .unwrap_key(&Credential::RecoveryKey(recovery.display()))
            .unwrap();
        assert_eq!(by_pass.bytes(), key.bytes());
        assert_eq!(by_recovery.bytes(), key.bytes());
    }

    #[test]
    fn a_wrong_passphrase_is_wrong_secret() {
        let (file, _, _) =
            KeySlotFile::create("correct horse battery", KdfParams::MINIMUM).unwrap();
        assert!(matches!(
            file.unwrap_key(&pass("correct horse batterY")),
            Err(Error::WrongSecret)
        ));
    }

    #[test]
    fn a_wrong_recovery_key_is_wrong_secret() {
        let (file, _, _) =
            KeySlotFile::create("correct horse battery", KdfParams::MINIMUM).unwrap();
        let other = RecoveryKey::generate().unwrap();
        assert!(matches!(
            file.unwrap_key(&Credential::RecoveryKey(other.display())),
            Err(Error::WrongSecret)
        ));
    }

    #[test]
    fn rewrap_keeps_the_data_key_and_retires_the_old_passphrase() {
        let (mut file, key, recovery) =
            KeySlotFile::create("first passphrase!", KdfParams::MINIMUM).unwrap();
        file.rewrap_passphrase(&key, "second passphrase!", KdfParams::MINIMUM)
            .unwrap();
        let reread = KeySlotFile::from_bytes(&file.to_bytes().unwrap()).unwrap();
        assert_eq!(
            reread
                .unwrap_key(&pass("second passphrase!"))
                .unwrap()
                .bytes(),
            key.bytes()
        );
        assert!(matches!(
            reread.unwrap_key(&pass("first passphrase!")),
            Err(Error::WrongSecret)
        ));
        assert_eq!(
            reread
                .unwrap_key(&Credential::RecoveryKey(recovery.display()))
                .unwrap()
                .bytes(),
            key.bytes()
        );
    }

    #[test]
    fn tampering_with_bound_parameters_is_detected() {
        let (file, _, _) =
            KeySlotFile::create("correct horse battery", KdfParams::MINIMUM).unwrap();
        let text = String::from_utf8(file.to_bytes().unwrap()).unwrap();
        // Raising t keeps the parameters legal but changes the associated data.
        let raised = text.replace("\"t\": 3", "\"t\": 4");
        assert_ne!(raised, text);
        let tampered = KeySlotFile::from_bytes(raised.as_bytes()).unwrap();
        assert!(matches!(
            tampered.unwrap_key(&pass("correct horse battery")),
            Err(Error::WrongSecret)
        ));
        // Weakening them below the floor is refused before any derivation.
        let weakened = text.replace("\"m_kib\": 65536", "\"m_kib\": 8");
        let weak = KeySlotFile::from_bytes(weakened.as_bytes()).unwrap();
        assert!(matches!(
            weak.unwrap_key(&pass("correct horse battery")),
            Err(Error::Damaged(VaultFile::KeySlots))
        ));
    }

    #[test]
    fn secrets_never_show_in_debug_output() {
        let (_, key, recovery) =
            KeySlotFile::create("correct horse battery", KdfParams::MINIMUM).unwrap();
        let hex: String = key.bytes().iter().map(|b| format!("{b:02x}")).collect();
        let shown = format!("{key:?} {recovery:?} {:?}", pass("correct horse battery"));
        assert!(
            !shown.contains(&hex) && !shown.contains("correct horse"),
            "{shown}"
        );
        assert!(shown.contains("redacted"));
    }

    #[test]
    fn garbage_is_damaged_not_a_panic() {
        for bytes in [
            &b""[..],
            b"{",
            b"{\"format\":2,\"vault_id\":\"x\",\"slots\":[]}",
            b"\xff\xfe",
        ] {
            assert!(matches!(
                KeySlotFile::from_bytes(bytes),
                Err(Error::Damaged(VaultFile::KeySlots))
            ));
        }
    }
}
