//! The vault's lifecycle as the window sees it: locked until a credential opens it.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result, ValidationError};
use crate::store::Store;
use crate::vault::{Credential, Vault};

/// Whether a vault exists, whether it is open, and how it was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VaultStatus {
    /// A vault has been set up in the data directory.
    pub exists: bool,
    /// It is unlocked in this session.
    pub unlocked: bool,
    /// It was unlocked with the recovery key, so a new passphrase may be set without the old one.
    pub opened_with_recovery_key: bool,
    /// A journal database is here but its key file is not: only a backup can open it again, so
    /// the window offers a restore instead of set-up.
    pub key_file_missing: bool,
}

/// One vault and, while unlocked, its open store.
///
/// The slow steps (key derivation) are done by the caller on [`Session::vault`] without holding
/// the session, and the result handed over with [`Session::open`]. Locking drops the store, which
/// closes the connection and lets SQLCipher wipe the key.
#[derive(Debug)]
pub struct Session {
    vault: Vault,
    store: Option<Store>,
    /// The recovery key that opened the vault, kept (wiped on drop) only until the person sets a
    /// new passphrase or locks, so the window never has to hold it.
    recovery_key: Option<Credential>,
    /// Why this session's automatic backup failed, if it did (shown in Settings).
    auto_backup_error: Option<String>,
}

impl Session {
    /// A locked session over `vault`.
    pub fn new(vault: Vault) -> Self {
        Self {
            vault,
            store: None,
            recovery_key: None,
            auto_backup_error: None,
        }
    }

    /// The vault, for creating, unlocking and rewrapping outside the session's lock.
    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    /// The current status.
    pub fn status(&self) -> VaultStatus {
        VaultStatus {
            exists: self.vault.exists(),
            unlocked: self.store.is_some(),
            opened_with_recovery_key: self.store.is_some() && self.recovery_key.is_some(),
            key_file_missing: !self.vault.exists() && self.vault.database_path().is_file(),
        }
    }

    /// Takes over a store just unlocked or created. `recovery_key` is the credential when it was
    /// the recovery key that opened it.
    ///
    /// Entries left marked deleted by an earlier session (one that ended without locking) are
    /// erased now: undo only lasts while the person is still there.
    pub fn open(&mut self, store: Store, recovery_key: Option<Credential>) {
        // Best effort: a failure leaves the rows hidden, and the next open tries again.
        let _ = store.purge_deleted();
        // Best effort too: a failed backup must never keep the person out of their journal.
        self.auto_backup_error =
            crate::backup::auto_backup(&store, &self.vault, &crate::journal::SystemClock)
                .err()
                .map(|e| e.to_string());
        self.store = Some(store);
        self.recovery_key = recovery_key.filter(|c| matches!(c, Credential::RecoveryKey(_)));
    }

    /// Locks: erases entries deleted in this session (their undo ends here), closes the
    /// database and forgets the key and any recovery key.
    pub fn lock(&mut self) {
        if let Some(store) = self.store.take() {
            // Best effort: a failure leaves the rows hidden until the next open erases them.
            let _ = store.purge_deleted();
        }
        self.recovery_key = None;
    }

    /// Why the automatic backup made when this session opened failed, if it did.
    pub fn auto_backup_error(&self) -> Option<&str> {
        self.auto_backup_error.as_deref()
    }

    /// The open store, or [`Error::Locked`].
    pub fn store(&self) -> Result<&Store> {
        self.store.as_ref().ok_or(Error::Locked)
    }

    /// Sets a new passphrase with the recovery key that opened this session, for someone who has
    /// forgotten the old one. The key is then forgotten.
    pub fn set_passphrase_after_recovery(&mut self, new_passphrase: &str) -> Result<()> {
        self.store()?;
        let Some(recovery_key) = &self.recovery_key else {
            return Err(Error::Invalid(ValidationError::new(
                "current",
                "Enter your current passphrase to change it.",
            )));
        };
        self.vault.change_passphrase(recovery_key, new_passphrase)?;
        self.recovery_key = None;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use zeroize::Zeroizing;

    use super::*;
    use crate::vault::KdfParams;

    const PASS: &str = "harbour lantern pickle seven";

    #[test]
    fn a_recovery_unlock_allows_one_new_passphrase_and_lock_forgets_it() {
        let dir = tempfile::tempdir().unwrap();
        let vault = Vault::at(dir.path().join("data"));
        let (_, recovery) = vault.create_with_params(PASS, KdfParams::MINIMUM).unwrap();
        let mut session = Session::new(vault.clone());

        let by_pass = Credential::Passphrase(Zeroizing::new(PASS.into()));
        session.open(vault.unlock(&by_pass).unwrap(), Some(by_pass));
        assert!(
            !session.status().opened_with_recovery_key,
            "a passphrase is never kept"
        );
        assert_eq!(
            session
                .set_passphrase_after_recovery("quiet meadow copper violin")
                .unwrap_err()
                .field(),
            Some("current")
        );

        let by_key = Credential::RecoveryKey(recovery.display());
        session.open(vault.unlock(&by_key).unwrap(), Some(by_key));
        assert!(session.status().opened_with_recovery_key);
        let weak = session
            .set_passphrase_after_recovery("password")
            .unwrap_err();
        assert_eq!(weak.field(), Some("newPassphrase"));
        session
            .set_passphrase_after_recovery("quiet meadow copper violin")
            .unwrap();
        assert!(!session.status().opened_with_recovery_key);
        vault
            .unlock(&Credential::Passphrase(Zeroizing::new(
                "quiet meadow copper violin".into(),
            )))
            .unwrap();

        let by_key = Credential::RecoveryKey(recovery.display());
        session.open(vault.unlock(&by_key).unwrap(), Some(by_key));
        session.lock();
        assert_eq!(
            session.status(),
            VaultStatus {
                exists: true,
                unlocked: false,
                opened_with_recovery_key: false,
                key_file_missing: false,
            }
        );
        assert!(matches!(
            session.set_passphrase_after_recovery("another long passphrase"),
            Err(Error::Locked)
        ));
    }
}
