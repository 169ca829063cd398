//! The vault's lifecycle as the window sees it: locked until a credential opens it.

use serde::{Deserialize, Serialize};
use specta::Type;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::store::Store;
use crate::vault::{Credential, Vault};

/// Whether a vault exists, and whether it is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct VaultStatus {
    /// A vault has been set up in the data directory.
    pub exists: bool,
    /// It is unlocked in this session.
    pub unlocked: bool,
}

/// One vault and, while unlocked, its open store. Locking drops the store, which closes the
/// connection and lets SQLCipher wipe the key.
#[derive(Debug)]
pub struct Session {
    vault: Vault,
    store: Option<Store>,
}

impl Session {
    /// A locked session over `vault`.
    pub fn new(vault: Vault) -> Self {
        Self { vault, store: None }
    }

    /// The current status.
    pub fn status(&self) -> VaultStatus {
        VaultStatus {
            exists: self.vault.exists(),
            unlocked: self.store.is_some(),
        }
    }

    /// Sets up the vault and leaves it unlocked; returns the recovery key text to show once.
    pub fn create(&mut self, passphrase: &str) -> Result<Zeroizing<String>> {
        let (store, recovery) = self.vault.create(passphrase)?;
        self.store = Some(store);
        Ok(recovery.display())
    }

    /// Unlocks with a passphrase or recovery key. Any open store is closed first.
    pub fn unlock(&mut self, credential: &Credential) -> Result<()> {
        self.store = None;
        self.store = Some(self.vault.unlock(credential)?);
        Ok(())
    }

    /// Locks: closes the database and forgets the key.
    pub fn lock(&mut self) {
        self.store = None;
    }

    /// The open store, or [`Error::Locked`].
    pub fn store(&self) -> Result<&Store> {
        self.store.as_ref().ok_or(Error::Locked)
    }

    /// Changes the passphrase; needs the vault unlocked and the current passphrase.
    pub fn change_passphrase(&self, current: &Credential, new_passphrase: &str) -> Result<()> {
        self.store()?;
        self.vault.change_passphrase(current, new_passphrase)
    }
}
