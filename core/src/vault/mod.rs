//! The vault: a data directory holding the encrypted database and the key slot file.
//!
//! Unlocking reads only the key slot file; a wrong secret fails there, before the database is
//! opened, so nothing on disk changes. Changing the passphrase rewrites only the key slot file.

pub mod atomic;
pub mod kdf;
pub mod keyslots;
pub mod recovery;
pub mod throttle;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

pub use kdf::KdfParams;
pub use keyslots::{Credential, DataKey, KeySlotFile};
pub use recovery::RecoveryKey;
pub use throttle::Throttle;

use crate::error::{Error, Result};
use crate::passphrase;
use crate::store::Store;

/// File name of the encrypted database inside the data directory.
pub const DATABASE_FILE: &str = "waymark.db";
/// File name of the key slot file inside the data directory.
pub const KEYSLOTS_FILE: &str = "keyslots.json";
/// How long one passphrase derivation should take on the machine that creates the vault.
pub const KDF_TARGET: Duration = Duration::from_millis(750);

/// A vault's location; cheap to create, touches nothing until used.
#[derive(Debug, Clone)]
pub struct Vault {
    dir: PathBuf,
}

impl Vault {
    /// The vault in data directory `dir`.
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Path of the encrypted database.
    pub fn database_path(&self) -> PathBuf {
        self.dir.join(DATABASE_FILE)
    }

    /// Path of the key slot file.
    pub fn keyslots_path(&self) -> PathBuf {
        self.dir.join(KEYSLOTS_FILE)
    }

    /// Whether a vault has been set up here (its key slot file exists).
    pub fn exists(&self) -> bool {
        let _ = crate::backup::finish_interrupted_restore(self);
        self.keyslots_path().is_file()
    }

    /// Sets up a new vault, calibrating the passphrase KDF on this machine. Returns the open
    /// store and the recovery key, which the caller must show once.
    pub fn create(&self, passphrase: &str) -> Result<(Store, RecoveryKey)> {
        passphrase::require_acceptable("passphrase", passphrase)?;
        self.refuse_existing()?;
        self.create_checked(passphrase, KdfParams::calibrate(KDF_TARGET))
    }

    /// As [`Vault::create`], with explicit KDF parameters (never below the minimum).
    pub fn create_with_params(
        &self,
        passphrase: &str,
        params: KdfParams,
    ) -> Result<(Store, RecoveryKey)> {
        passphrase::require_acceptable("passphrase", passphrase)?;
        self.refuse_existing()?;
        self.create_checked(passphrase, params)
    }

    /// Creates the vault once the passphrase and the directory have been checked.
    fn create_checked(&self, passphrase: &str, params: KdfParams) -> Result<(Store, RecoveryKey)> {
        atomic::create_private_dir(&self.dir)?;
        self.set_aside_unfinished_database()?;
        let (slots, key, recovery) = KeySlotFile::create(passphrase, params)?;
        let store = Store::create(&self.database_path(), &key)
            .inspect_err(|_| self.remove_half_made_database())?;
        let finish = || -> Result<()> {
            // SQLite has already made the WAL and shared-memory files with the umask's mode.
            for path in self.database_files() {
                if path.exists() {
                    atomic::make_private(&path)?;
                }
            }
            // The key file is written last: until it exists, there is no vault, only a stray file.
            atomic::write_atomically(&self.keyslots_path(), &slots.to_bytes()?)?;
            Ok(())
        };
        if let Err(e) = finish() {
            drop(store);
            self.remove_half_made_database();
            return Err(e);
        }
        Ok((store, recovery))
    }

    fn refuse_existing(&self) -> Result<()> {
        if self.exists() {
            return Err(Error::VaultExists);
        }
        Ok(())
    }

    /// The database and the files SQLite keeps beside it.
    fn database_files(&self) -> impl Iterator<Item = PathBuf> + '_ {
        ["", "-wal", "-shm", "-journal"]
            .into_iter()
            .map(|suffix| self.dir.join(format!("{DATABASE_FILE}{suffix}")))
    }

    /// A database with no key file is what an interrupted set-up leaves behind: its key died with
    /// that process, so nobody can ever open it. It is renamed aside (never deleted, in case it was
    /// put there by hand) so that set-up can start again.
    fn set_aside_unfinished_database(&self) -> Result<()> {
        if !self.database_path().exists() {
            return Ok(());
        }
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        for path in self.database_files() {
            if path.exists() {
                let mut aside = path.clone().into_os_string();
                aside.push(format!(".unfinished-{stamp}"));
                std::fs::rename(&path, aside)?;
            }
        }
        Ok(())
    }

    /// Removes a database whose creation did not finish; it holds no user data yet.
    fn remove_half_made_database(&self) {
        for path in self.database_files() {
            let _ = std::fs::remove_file(path);
        }
    }

    fn read_slots(&self) -> Result<KeySlotFile> {
        match std::fs::read(self.keyslots_path()) {
            Ok(bytes) => KeySlotFile::from_bytes(&bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(self.missing_key_file()),
            Err(e) => Err(e.into()),
        }
    }

    /// Why there is no key file: no journal at all, or a database whose key file is gone (lost,
    /// or a set-up that never finished), which only a backup can bring back.
    pub fn missing_key_file(&self) -> Error {
        if self.database_path().is_file() {
            Error::Damaged(crate::error::VaultFile::KeySlots)
        } else {
            Error::NoVault
        }
    }

    /// The wrong-passphrase counter of this vault.
    pub fn throttle(&self) -> Throttle {
        Throttle::in_dir(&self.dir)
    }

    /// Seconds before a passphrase may be tried again (0: now). The recovery key never waits.
    pub fn passphrase_wait(&self) -> u64 {
        self.throttle().wait_at(SystemTime::now())
    }

    /// Opens the vault with `credential`. A wrong credential fails before the database is opened;
    /// a passphrase tried too soon after several wrong ones is refused before the KDF runs.
    pub fn unlock(&self, credential: &Credential) -> Result<Store> {
        crate::backup::finish_interrupted_restore(self)?;
        self.unlock_at(credential, SystemTime::now())
    }

    /// [`Vault::unlock`] as if the time were `now` (for tests of the throttle).
    pub fn unlock_at(&self, credential: &Credential, now: SystemTime) -> Result<Store> {
        let key = self.unwrap_throttled(&self.read_slots()?, credential, now)?;
        Store::open(&self.database_path(), &key)
    }

    /// Unwraps the data key, counting wrong passphrases: only the small counter file is written,
    /// never the database or the key slots. The recovery key is neither delayed nor counted.
    fn unwrap_throttled(
        &self,
        slots: &KeySlotFile,
        credential: &Credential,
        now: SystemTime,
    ) -> Result<DataKey> {
        let throttle = self.throttle();
        let by_passphrase = matches!(credential, Credential::Passphrase(_));
        if by_passphrase {
            throttle.check_at(now)?;
        }
        match slots.unwrap_key(credential) {
            Ok(key) => {
                throttle.reset();
                Ok(key)
            }
            Err(Error::WrongSecret) if by_passphrase => {
                throttle.record_failure_at(now);
                Err(Error::WrongSecret)
            }
            Err(e) => Err(e),
        }
    }

    /// Replaces the passphrase, proving the right to do so with `credential` (the current
    /// passphrase or the recovery key). Only the key slot file is rewritten.
    pub fn change_passphrase(&self, credential: &Credential, new_passphrase: &str) -> Result<()> {
        passphrase::require_acceptable("newPassphrase", new_passphrase)?;
        let mut slots = self.read_slots()?;
        // Throttled too: otherwise `passphrase change` would be a way to guess without waiting.
        let key = self.unwrap_throttled(&slots, credential, SystemTime::now())?;
        let params = slots
            .passphrase_params()
            .filter(KdfParams::meets_minimum)
            .unwrap_or_else(|| KdfParams::calibrate(KDF_TARGET));
        slots.rewrap_passphrase(&key, new_passphrase, params)?;
        atomic::write_atomically(&self.keyslots_path(), &slots.to_bytes()?)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod throttle_tests;
