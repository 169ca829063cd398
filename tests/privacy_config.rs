//! The configuration behind "nothing sent anywhere" and "the webview keeps nothing": the window's
//! Content Security Policy allows only the app's own files and its IPC channel, the window is
//! private with no developer tools, the front end is granted no plugin or core permission (only
//! listening to the backend's events), and no
//! HTTP or WebSocket client is compiled into the app at all.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn read_json(relative: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The sources a directive may name: the app's own files, nothing, or the IPC channel.
const ALLOWED_SOURCES: &[&str] = &["'self'", "'none'", "ipc:", "http://ipc.localhost"];

#[test]
fn the_content_security_policy_allows_only_the_apps_own_files_and_ipc() {
    let config = read_json("tauri.conf.json");
    let csp = config["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP is set");
    let mut directives = Vec::new();
    for directive in csp.split(';').map(str::trim).filter(|d| !d.is_empty()) {
        let mut words = directive.split_whitespace();
        let name = words.next().unwrap();
        for source in words {
            assert!(
                ALLOWED_SOURCES.contains(&source),
                "{name} allows {source}, which is not the app's own"
            );
            if source.starts_with("http") || source == "ipc:" {
                assert_eq!(name, "connect-src", "only IPC may use {source}");
            }
        }
        directives.push(name.to_string());
    }
    for required in [
        "default-src",
        "connect-src",
        "object-src",
        "base-uri",
        "form-action",
        "frame-ancestors",
    ] {
        assert!(
            directives.iter().any(|d| d == required),
            "{required} is set"
        );
    }
    assert_eq!(config["app"]["security"]["freezePrototype"], true);
}

#[test]
fn the_window_is_private_without_devtools_or_a_dev_server() {
    let config = read_json("tauri.conf.json");
    assert!(
        config["build"].get("devUrl").is_none(),
        "the window loads only the built files"
    );
    assert_eq!(config["app"]["withGlobalTauri"], false);
    let windows = config["app"]["windows"].as_array().unwrap();
    assert!(!windows.is_empty());
    for window in windows {
        assert_eq!(window["incognito"], true, "no web storage kept on disk");
        assert_eq!(window["devtools"], false);
        assert!(
            window
                .get("url")
                .and_then(Value::as_str)
                .is_none_or(|u| !u.contains("://")),
            "no remote page"
        );
    }
}

#[test]
fn the_front_end_may_call_only_waymarks_own_commands() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let capability = read_json(
            path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap()
                .to_str()
                .unwrap(),
        );
        for permission in capability["permissions"].as_array().unwrap() {
            let name = permission.as_str().expect("plain permission names only");
            // Plugin and core permissions are named `plugin:permission`; the app's own are not.
            // Listening for the backend's own events (lock, tray, reminders) is the one exception.
            let event_listening = ["core:event:allow-listen", "core:event:allow-unlisten"];
            assert!(
                event_listening.contains(&name)
                    || (!name.contains(':') && name.starts_with("allow-")),
                "{}: {name} is not one of the app's own commands",
                path.display()
            );
            seen += 1;
        }
        assert!(
            capability.get("remote").is_none(),
            "no remote origin may call commands"
        );
    }
    assert!(
        seen > 20,
        "the capability files were read ({seen} permissions)"
    );
}

#[test]
fn no_network_client_is_compiled_into_the_app() {
    let output = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--manifest-path",
            concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"),
            "-p",
            "waymark",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--locked",
            "--offline",
        ])
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo tree: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8_lossy(&output.stdout);
    let crates: Vec<&str> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert!(
        crates.contains(&"rusqlite") && crates.contains(&"tauri"),
        "the tree lists the app's dependencies"
    );
    for client in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "isahc",
        "attohttpc",
        "h2",
        "tungstenite",
        "tauri-plugin-http",
        "tauri-plugin-updater",
        "tauri-plugin-websocket",
    ] {
        assert!(
            !crates.contains(&client),
            "{client} is compiled into the app"
        );
    }
}
