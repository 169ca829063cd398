//! The one error contract across IPC: `{ code, message, field }`.

use serde::Serialize;
use specta::Type;
use waymark_core::ErrorCode;

/// What every command returns on failure. `message` is safe to show as is: it never holds
/// journal text, key material or SQL. `field` names the input at fault, for validation errors.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ApiError {
    /// Stable machine-readable code.
    pub code: ErrorCode,
    /// A sentence for the person.
    pub message: String,
    /// The input field at fault, if any (camelCase, as in the TypeScript types).
    pub field: Option<String>,
}

impl From<waymark_core::Error> for ApiError {
    fn from(e: waymark_core::Error) -> Self {
        ApiError {
            code: e.code(),
            message: e.to_string(),
            field: e.field().map(str::to_string),
        }
    }
}

impl From<waymark_core::ValidationError> for ApiError {
    fn from(e: waymark_core::ValidationError) -> Self {
        waymark_core::Error::from(e).into()
    }
}

impl ApiError {
    /// An internal error with a fixed, content-free message.
    pub fn internal(message: &'static str) -> Self {
        ApiError {
            code: ErrorCode::Internal,
            message: message.to_string(),
            field: None,
        }
    }
}
