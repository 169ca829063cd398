//! The tray icon: Waymark keeps running there for reminders when its window is closed, and
//! its menu reaches SOS and the quick craving log in one click.

use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::commands::AppState;
use crate::locking::{lock_now, LockReason};

/// The event the window listens to for tray menu choices; the payload is the action.
pub const TRAY_EVENT: &str = "tray-action";
/// The event that tells the window the vault was locked from outside it.
pub const LOCKED_EVENT: &str = "vault-locked";

/// Adds the tray icon and its menu.
pub fn install<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open Waymark", true, None::<&str>)?;
    let sos = MenuItem::with_id(app, "sos", "SOS: help now", true, None::<&str>)?;
    let craving = MenuItem::with_id(app, "craving", "Log a craving", true, None::<&str>)?;
    let hide = MenuItem::with_id(app, "hide", "Lock and hide", true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let quit_item = MenuItem::with_id(app, "quit", "Quit Waymark", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &sos, &craving, &hide, &separator, &quit_item])?;
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
            "hide" => lock_and_hide(app),
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
    lock_now(window.app_handle(), LockReason::Closed, true);
    let _ = window.hide();
}

/// "Hide now": locks, then hides the window at once; without a tray icon to bring it back, it
/// is minimised instead so the app can still be found.
pub fn lock_and_hide<R: Runtime>(app: &AppHandle<R>) {
    lock_now(app, LockReason::Hidden, true);
    if let Some(window) = app.get_webview_window("main") {
        let tray = app.try_state::<crate::TrayPresent>().is_some_and(|t| t.0);
        let _ = if tray {
            window.hide()
        } else {
            window.minimize()
        };
    }
}

/// Locks and exits.
pub fn quit<R: Runtime>(app: &AppHandle<R>) {
    app.state::<AppState>().lock_session();
    app.exit(0);
}
