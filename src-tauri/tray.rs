//! The tray icon: Waymark keeps running there for reminders when its window is closed, and
//! its menu reaches SOS and the quick craving log in one click.

use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::commands::AppState;

/// The event the window listens to for tray menu choices; the payload is the action.
pub const TRAY_EVENT: &str = "tray-action";
/// The event that tells the window the vault was locked from outside it.
pub const LOCKED_EVENT: &str = "vault-locked";

/// Adds the tray icon and its menu.
pub fn install<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open Waymark", true, None::<&str>)?;
    let sos = MenuItem::with_id(app, "sos", "SOS: help now", true, None::<&str>)?;
    let craving = MenuItem::with_id(app, "craving", "Log a craving", true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let quit_item = MenuItem::with_id(app, "quit", "Quit Waymark", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &sos, &craving, &separator, &quit_item])?;
    let mut builder = TrayIconBuilder::with_id("main")
        .tooltip("Waymark")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => show_main(app),
            "sos" => {
                show_main(app);
                let _ = app.emit(TRAY_EVENT, "sos");
            }
            "craving" => {
                show_main(app);
                let _ = app.emit(TRAY_EVENT, "craving");
            }
            "quit" => quit(app),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    Ok(())
}

/// Shows, unminimises and focuses the main window.
pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// Hides the window to the tray, locking first: a closed window never leaves the journal open.
pub fn close_to_tray<R: Runtime>(window: &tauri::Window<R>) {
    let app = window.app_handle();
    app.state::<AppState>().lock_session();
    let _ = app.emit(LOCKED_EVENT, ());
    let _ = window.hide();
}

/// Locks and exits.
pub fn quit<R: Runtime>(app: &AppHandle<R>) {
    app.state::<AppState>().lock_session();
    app.exit(0);
}
