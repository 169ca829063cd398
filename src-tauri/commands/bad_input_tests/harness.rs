//! A real app on tauri's mock runtime over a temporary vault: commands are invoked with JSON
//! arguments exactly as the window sends them, through the same invoke handler.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::Once;
use std::time::Duration;

use chrono::DateTime;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody, InvokeError, InvokeResponse};
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};
use waymark_core::journal::clock::FixedClock;
use waymark_core::vault::{KdfParams, Vault};
use waymark_core::Session;

use crate::commands::AppState;

/// The passphrase of every test vault.
pub const PASS: &str = "harbour lantern pickle seven";

/// What one invocation came back with.
#[derive(Debug)]
pub enum Outcome {
    /// The command succeeded with this value.
    Ok(Value),
    /// The command (or tauri, for arguments it could not read) refused with this value.
    Err(Value),
    /// No response at all: the command's task panicked and dropped its resolver.
    NoResponse,
}

/// Panics on the async runtime's threads, where commands run.
static RUNTIME_PANICS: AtomicUsize = AtomicUsize::new(0);

/// Counts panics on tauri's runtime threads (a panic there is invisible to the test thread
/// except as a missing response), keeping the default report.
fn count_runtime_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let name = std::thread::current().name().unwrap_or("").to_string();
            if name.starts_with("tokio-runtime") {
                RUNTIME_PANICS.fetch_add(1, Ordering::SeqCst);
            }
            previous(info);
        }));
    });
}

/// Panics seen on the runtime's threads so far in this process.
pub fn runtime_panics() -> usize {
    RUNTIME_PANICS.load(Ordering::SeqCst)
}

/// The app, its one window, and the vault behind them.
pub struct Harness {
    pub app: App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
    pub vault: Vault,
    pub recovery_key: String,
    _dir: tempfile::TempDir,
}

impl Harness {
    /// A new vault (fast KDF parameters), unlocked, behind a mock app with every command that
    /// can run without a display registered through tauri-specta as in `specta_builder`.
    pub fn new() -> Self {
        count_runtime_panics();
        let dir = tempfile::tempdir().expect("temp dir");
        let vault = Vault::at(dir.path().join("data"));
        let (store, recovery) = vault
            .create_with_params(PASS, KdfParams::MINIMUM)
            .expect("create vault");
        let state = AppState::new(Session::new(vault.clone()));
        state.open_session(store, None);
        let app = mock_builder()
            .manage(state)
            .manage(crate::locking::AutoLock::default())
            .manage(crate::locking::LastLockReason::default())
            .invoke_handler(super::registry::mock_builder().invoke_handler())
            .build(mock_context(noop_assets()))
            .expect("mock app");
        let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("mock window");
        Self {
            app,
            webview,
            vault,
            recovery_key: recovery.display().as_str().to_owned(),
            _dir: dir,
        }
    }

    /// Invokes `cmd` with `args` (normally a JSON object keyed by camelCase argument names).
    pub fn invoke(&self, cmd: &str, args: Value) -> Outcome {
        let (tx, rx) = sync_channel(1);
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        let webview: &tauri::Webview<MockRuntime> = self.webview.as_ref();
        webview.clone().on_message(
            request,
            Box::new(move |_webview, _cmd, response, _callback, _error| {
                let _ = tx.send(response);
            }),
        );
        match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(InvokeResponse::Ok(body)) => {
                Outcome::Ok(body.deserialize::<Value>().unwrap_or(Value::Null))
            }
            Ok(InvokeResponse::Err(InvokeError(value))) => Outcome::Err(value),
            Err(_) => Outcome::NoResponse,
        }
    }

    /// Invokes a command that must succeed; returns its value.
    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        match self.invoke(cmd, args) {
            Outcome::Ok(v) => v,
            other => panic!("{cmd} should succeed: {other:?}"),
        }
    }

    /// The app's state.
    pub fn state(&self) -> tauri::State<'_, AppState> {
        self.app.state::<AppState>()
    }

    /// Everything the vault holds that a command could change: the full JSON data export (at a
    /// fixed clock, so it is deterministic) and the key slot file.
    pub fn contents(&self) -> Vec<u8> {
        let clock = FixedClock(DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").unwrap());
        let mut out = {
            let state = self.state();
            let session = state.session();
            let store = session.store().expect("session still unlocked");
            store.export_json(None, &clock).expect("export")
        };
        out.extend(std::fs::read(self.vault.keyslots_path()).expect("key slots"));
        out
    }

    /// Whether a command panicked while holding the session lock.
    pub fn session_poisoned(&self) -> bool {
        self.state().session.is_poisoned()
    }
}
