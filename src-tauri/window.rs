//! Creates the main window from `tauri.conf.json`, in private (incognito) mode.

use tauri::{App, WebviewWindowBuilder};

/// Label of the main window in `tauri.conf.json`.
const MAIN_WINDOW: &str = "main";

/// Whether this is a debug build being driven by `tauri-driver` for end-to-end tests.
///
/// WebKitGTK's ephemeral (incognito) context cannot be automated, so only then does the window
/// use a normal context; tests point its data directories at a temporary folder and scan them.
/// Release builds are always incognito.
fn under_webdriver() -> bool {
    cfg!(debug_assertions) && std::env::var("TAURI_WEBVIEW_AUTOMATION").as_deref() == Ok("true")
}

/// Builds the main window (configured with `"create": false` so that this code decides on
/// incognito mode).
pub fn create_main(app: &App) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN_WINDOW)
        .cloned()
        .ok_or(tauri::Error::WindowNotFound)?;
    WebviewWindowBuilder::from_config(app.handle(), &config)?
        .incognito(!under_webdriver())
        .build()?;
    Ok(())
}
