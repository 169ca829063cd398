// What the window does when the backend speaks up: the tray menu's SOS and "Log a craving", the
// vault locked by the backend (window closed to the tray, auto-lock, screen lock, sleep, hide),
// and reminders waiting to be listed.
// Reminder notices are also taken each time the journal is unlocked.
import { tick, untrack } from "svelte";
import { commands } from "../lib/api";
import { onBackendEvent, type TrayAction } from "../lib/events";
import { notices } from "./notices.svelte";
import { lockNotice, RESTORED_NOTICE, session } from "./session.svelte";
import { sos } from "./sos.svelte";

/** The id of Today's "Log a craving" heading, where the tray's "Log a craving" puts the focus. */
export const QUICK_LOG_HEADING_ID = "log-heading";

/** The tray menu: SOS opens the panel on any screen; "Log a craving" goes to Today's quick log. */
export async function trayAction(action: TrayAction): Promise<void> {
  if (session.screen === "loading") return;
  if (action === "sos") {
    sos.show();
    return;
  }
  // Locked: the unlock screen is showing, and unlocking lands on Today's craving log anyway.
  if (!session.unlockedScreen) return;
  if (sos.open) sos.close();
  session.go("home");
  await tick();
  document.getElementById(QUICK_LOG_HEADING_ID)?.focus();
}

/**
 * The backend locked the vault itself (the window was closed to the tray, nothing was done for
 * the auto-lock time, the screen locked, the computer went to sleep, or "Lock and hide"): the
 * usual lock, which drops every copy of journal data and shows the unlock screen, with a calm
 * note saying why. Asking the backend to lock again is harmless.
 */
export async function lockedByBackend(): Promise<void> {
  const wasOpen = session.unlockedScreen || session.screen === "recovery-key";
  if (wasOpen) await session.lock();
  const reason = await commands.takeLockReason();
  // A restore that finished meanwhile has its own note (how to open the restored journal), and
  // this event may be handled after it was shown.
  if (session.notice === RESTORED_NOTICE) return;
  if (session.screen === "unlock" && (wasOpen || session.notice === null)) {
    session.notice = lockNotice(reason.status === "ok" ? reason.data : null);
  }
}

/** Starts listening; returns the function that stops it all (App calls it on destroy). */
export function startBackendEvents(): () => void {
  const stops = [
    onBackendEvent("tray-action", (action) => void trayAction(action)),
    onBackendEvent("vault-locked", () => void lockedByBackend()),
    onBackendEvent("reminder-notices", () => {
      // While locked they wait in the backend, and are taken at the next unlock.
      if (session.unlockedScreen) void notices.take();
    }),
  ];
  const stopWatching = $effect.root(() => {
    let wasUnlocked = false;
    $effect(() => {
      const unlocked = session.unlockedScreen;
      if (unlocked && !wasUnlocked) untrack(() => void notices.take());
      wasUnlocked = unlocked;
    });
  });
  return () => {
    for (const stop of stops) stop();
    stopWatching();
  };
}
