//! When Waymark locks itself: the idle time chosen for auto-lock, kept in the encrypted vault.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::Store;
use crate::error::{Error, Result, ValidationError};

const AUTO_LOCK_MINUTES: &str = "auto_lock_minutes";

/// The idle times offered, in minutes; 0 means never.
pub const AUTO_LOCK_CHOICES: [u32; 5] = [0, 1, 5, 15, 60];
/// The idle time a new journal starts with.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 5;

/// How Waymark locks itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LockSettings {
    /// Minutes without use before the journal locks itself: one of [`AUTO_LOCK_CHOICES`];
    /// 0 means never.
    pub auto_lock_minutes: u32,
}

impl Default for LockSettings {
    fn default() -> Self {
        Self {
            auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES,
        }
    }
}

impl LockSettings {
    /// Refuses anything but the offered choices.
    pub fn validate(&self) -> Result<Self> {
        if AUTO_LOCK_CHOICES.contains(&self.auto_lock_minutes) {
            Ok(*self)
        } else {
            Err(ValidationError::new(
                "autoLockMinutes",
                "Choose one of the offered times: never, 1, 5, 15 or 60 minutes.",
            )
            .into())
        }
    }
}

impl Store {
    /// The lock settings (the defaults until the person changes them).
    pub fn lock_settings(&self) -> Result<LockSettings> {
        let stored: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM profile_setting WHERE key = ?1")?
            .query_row([AUTO_LOCK_MINUTES], |r| r.get(0))
            .optional()?;
        match stored {
            None => Ok(LockSettings::default()),
            Some(text) => text
                .parse()
                .ok()
                .map(|auto_lock_minutes| LockSettings { auto_lock_minutes })
                .and_then(|s| s.validate().ok())
                .ok_or(Error::Internal("stored lock settings unreadable")),
        }
    }

    /// Replaces the lock settings; nothing is written on rejection.
    pub fn set_lock_settings(&self, settings: &LockSettings) -> Result<LockSettings> {
        let valid = settings.validate()?;
        self.conn.execute(
            "INSERT INTO profile_setting (key, value) VALUES (?1, ?2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![AUTO_LOCK_MINUTES, valid.auto_lock_minutes.to_string()],
        )?;
        self.lock_settings()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing;

    #[test]
    fn defaults_to_five_minutes_and_keeps_a_choice() {
        let (_dir, store) = testing::temp_store();
        assert_eq!(store.lock_settings().unwrap().auto_lock_minutes, 5);
        for minutes in AUTO_LOCK_CHOICES {
            let saved = store
                .set_lock_settings(&LockSettings {
                    auto_lock_minutes: minutes,
                })
                .unwrap();
            assert_eq!(saved.auto_lock_minutes, minutes);
            assert_eq!(store.lock_settings().unwrap().auto_lock_minutes, minutes);
        }
    }

    #[test]
    fn an_unoffered_time_is_refused_and_nothing_is_written() {
        let (_dir, store) = testing::temp_store();
        store
            .set_lock_settings(&LockSettings {
                auto_lock_minutes: 15,
            })
            .unwrap();
        for minutes in [2, 59, 61, u32::MAX] {
            let err = store
                .set_lock_settings(&LockSettings {
                    auto_lock_minutes: minutes,
                })
                .unwrap_err();
            assert_eq!(err.field(), Some("autoLockMinutes"));
        }
        assert_eq!(store.lock_settings().unwrap().auto_lock_minutes, 15);
    }
}
