// The events the Rust side emits to the window. This is the one module besides the generated
// api.ts that touches @tauri-apps (lint allows it `@tauri-apps/api/event` and nothing else): the
// generated bindings have no events, and every listener goes through here so tests can mock it.
import { listen } from "@tauri-apps/api/event";

/** What the tray menu asks for: the SOS panel, or Today's quick craving log. */
export type TrayAction = "sos" | "craving";

/** Every backend event the window handles, with its payload. */
export type BackendEvents = {
  /** A tray menu choice. */
  "tray-action": TrayAction;
  /** The backend locked the vault (the window was closed to the tray). */
  "vault-locked": null;
  /** There are reminders to list: call `takeReminderNotices`. */
  "reminder-notices": null;
};

/** A backend event's name. */
export type BackendEvent = keyof BackendEvents;

/**
 * Calls `handler` with the payload each time the backend emits `name`. Returns a function that
 * stops listening. Outside the Tauri window (a plain browser) there are no events, and listening
 * quietly does nothing: the window works the same, only without tray and reminder events.
 */
export function onBackendEvent<K extends BackendEvent>(
  name: K,
  handler: (payload: BackendEvents[K]) => void,
): () => void {
  let stopped = false;
  let unlisten: (() => void) | null = null;
  listen<BackendEvents[K]>(name, (event) => {
    if (!stopped) handler(event.payload);
  })
    .then((stop) => {
      if (stopped) stop();
      else unlisten = stop;
    })
    .catch(() => {
      // Not running inside Tauri, or the capability is missing: nothing to listen to.
    });
  return () => {
    stopped = true;
    unlisten?.();
    unlisten = null;
  };
}
