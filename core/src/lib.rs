//! Waymark's core: the encrypted vault, the SQLCipher store, and the journal's domain rules.
//!
//! Nothing here knows about Tauri or any UI. The desktop shell and the CLI both drive the same
//! [`Session`], [`vault::Vault`] and [`store::Store`], so everything the window can do can be done
//! and tested headless.
#![deny(unsafe_code)]

pub mod backup;
pub mod error;
pub mod export;
pub mod insights;
pub mod journal;
pub mod library;
pub mod passphrase;
pub mod paths;
pub mod plan;
pub mod schedule;
pub mod session;
pub mod store;
pub mod support;
pub mod vault;

pub use error::{Error, ErrorCode, Result, ValidationError};
pub use session::{Session, VaultStatus};
