// Which screen the window shows, and the app-level state around locking and set-up.
import { commands, type LockReason } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { clearAllOnLock } from "./lockable";

/** Activity is reported to the backend (which measures idle time) at most this often. */
export const ACTIVITY_REPORT_MS = 10_000;

/** The shortcut that locks and hides the window at once, as `aria-keyshortcuts` names it. */
export const HIDE_NOW_SHORTCUT = "Control+Shift+H";
/** The same shortcut, as shown to people. */
export const HIDE_NOW_LABEL = "Ctrl+Shift+H";

/** Whether `event` is the hide-now shortcut (works inside text fields too; any keyboard layout). */
export function isHideNowShortcut(event: KeyboardEvent): boolean {
  return event.ctrlKey && event.shiftKey && !event.altKey && !event.metaKey && (event.code === "KeyH" || event.key.toLowerCase() === "h");
}

/** The calm note on the unlock screen after the backend locked, by why it did. */
export function lockNotice(reason: LockReason | null): string {
  switch (reason) {
    case "idle":
      return "Waymark locked itself after a while without use. Enter your passphrase to carry on.";
    case "screenLocked":
      return "Waymark locked when your screen was locked.";
    case "suspend":
      return "Waymark locked when your computer went to sleep.";
    case "hidden":
      return "Waymark locked and hid its window.";
    case "closed":
      return "Waymark locked when its window was closed.";
    default:
      return "Waymark locked itself. Enter your passphrase to carry on.";
  }
}

/** The screens of the unlocked journal, in the order the navigation shows them. */
export const JOURNAL_SCREENS = [
  { screen: "home", label: "Today" },
  { screen: "timeline", label: "Timeline" },
  { screen: "journal", label: "Journal" },
  { screen: "checkin", label: "Check-in" },
  { screen: "meetings", label: "Meetings" },
  { screen: "recovery", label: "Recovery" },
  { screen: "insights", label: "Insights" },
  { screen: "toolkit", label: "Coping" },
  { screen: "support", label: "People" },
  { screen: "plan", label: "My plan" },
  { screen: "triggers", label: "Triggers" },
  { screen: "search", label: "Search" },
  { screen: "summary", label: "Summary & export" },
] as const;

/** A screen of the unlocked journal. */
export type JournalScreen = (typeof JOURNAL_SCREENS)[number]["screen"] | "settings";

/** Every screen App.svelte can show. */
export type Screen =
  | "loading"
  | "unavailable"
  | "key-missing"
  | "setup"
  | "recovery-key"
  | "unlock"
  | JournalScreen;

/** The note on the unlock screen once a backup is in place. */
export const RESTORED_NOTICE =
  "Your backup is restored. Unlock it with the passphrase or recovery key that was current when it was made.";

/** What the window says when a journal database is here without its key file. */
export const KEY_FILE_MISSING =
  "Waymark found a journal here, but not its key file (keyslots.json), so it can't be opened. " +
  "Nothing has been changed or deleted. If you have a backup, restore it below. If set-up was " +
  "interrupted the first time you used Waymark, you can start a new journal instead; the files " +
  "found here are kept aside, never deleted.";

class Session {
  screen = $state<Screen>("loading");
  /** The recovery key from set-up, held only until the person confirms they saved it. */
  recoveryKey = $state<string | null>(null);
  /** Why the vault could not be opened at all (the "unavailable" and "key-missing" screens). */
  problem = $state<string | null>(null);
  /** A calm note for the unlock screen, e.g. after Waymark locked itself. */
  notice = $state<string | null>(null);
  /** A general error for the unlocked screens (e.g. locking failed). */
  shellError = $state<string | null>(null);
  /**
   * The journal was opened with the recovery key, so a new passphrase can be set without the old
   * one. The key itself stays in the backend; the window never keeps it.
   */
  openedWithRecoveryKey = $state(false);
  /** When activity was last reported to the backend (ms since the epoch), to send it sparingly. */
  #activityReportedAt = 0;

  /** Asks the backend whether a vault exists and is unlocked, and shows the matching screen. */
  async refresh(): Promise<Screen> {
    const result = await commands.vaultStatus();
    if (result.status === "error") {
      this.problem = errorMessage(result.error);
      this.screen = "unavailable";
    } else {
      this.problem = null;
      const { exists, unlocked, openedWithRecoveryKey, keyFileMissing } = result.data;
      this.openedWithRecoveryKey = openedWithRecoveryKey;
      const keep = unlocked && this.unlockedScreen;
      if (keyFileMissing) {
        this.problem = KEY_FILE_MISSING;
        this.screen = "key-missing";
      } else {
        this.screen = !exists ? "setup" : unlocked ? (keep ? this.screen : "home") : "unlock";
      }
    }
    return this.screen;
  }

  /** A backup was restored from a locked screen: show the unlock screen with how to open it. */
  async restored(): Promise<void> {
    await this.refresh();
    this.notice = RESTORED_NOTICE;
  }

  /** Leaves the "key file missing" screen for set-up, which sets the files found aside. */
  startOver(): void {
    this.problem = null;
    this.screen = "setup";
  }

  /** Set-up finished: show the recovery key once. */
  showRecoveryKey(key: string): void {
    this.recoveryKey = key;
    this.screen = "recovery-key";
  }

  /** The person saved their recovery key: forget it and open the journal. */
  finishSetup(): void {
    this.recoveryKey = null;
    this.screen = "home";
  }

  /** The vault was unlocked, with the passphrase or with the recovery key. */
  unlocked(withRecoveryKey = false): void {
    // The backend started the idle time at unlock; the next activity is reported at once.
    this.#activityReportedAt = 0;
    this.notice = null;
    this.shellError = null;
    this.openedWithRecoveryKey = withRecoveryKey;
    this.screen = "home";
  }

  /** A new passphrase was saved: the backend has forgotten the recovery key. */
  passphraseReset(): void {
    this.openedWithRecoveryKey = false;
  }

  /** Shows one of the journal's screens. */
  go(screen: JournalScreen): void {
    this.shellError = null;
    this.screen = screen;
  }

  /** True while the journal is unlocked and one of its screens is showing. */
  get unlockedScreen(): boolean {
    return !["loading", "unavailable", "key-missing", "setup", "recovery-key", "unlock"].includes(this.screen);
  }

  /** Opens the settings screen. */
  openSettings(): void {
    this.shellError = null;
    this.screen = "settings";
  }

  /** Back from settings to the journal. */
  closeSettings(): void {
    this.shellError = null;
    this.screen = "home";
  }

  /** Locks: drops every in-memory copy of journal data first, then asks the backend to lock. */
  async lock(): Promise<void> {
    this.#dropJournalData();
    this.screen = "unlock";
    const result = await commands.lock();
    if (result.status === "error") {
      // The backend may still be unlocked: show whatever state it reports, with the error.
      await this.refresh();
      if (this.unlockedScreen) this.shellError = errorMessage(result.error);
    }
  }

  /** The backend answered "locked" (e.g. it locked itself): leave the journal screens. */
  lockedElsewhere(reason: LockReason | null = null): void {
    this.#dropJournalData();
    // A restore that just finished says how to open the restored journal; the lock event that
    // comes with it (before or after the command's answer) must not replace that.
    const restoredShown = this.screen === "unlock" && this.notice === RESTORED_NOTICE;
    if (!restoredShown) this.notice = lockNotice(reason);
    this.screen = "unlock";
  }

  /**
   * "Hide now": drops every copy of journal data first, then the backend locks and hides the
   * window (or minimises it where there is no tray icon to bring it back).
   */
  async hideNow(): Promise<void> {
    if (this.screen === "loading") return;
    this.#dropJournalData();
    if (!["setup", "unavailable", "key-missing"].includes(this.screen)) {
      this.screen = "unlock";
      this.notice = lockNotice("hidden");
    }
    const result = await commands.hideNow();
    // Hiding failed: at least make sure the journal is locked.
    if (result.status === "error") await commands.lock();
  }

  /**
   * The person is using the window: tells the backend, which measures idle time for auto-lock,
   * at most every ACTIVITY_REPORT_MS (and only while the journal is open).
   */
  noteActivity(now = Date.now()): void {
    // The recovery-key screen counts too: copying the key down takes a while.
    const open = this.unlockedScreen || this.screen === "recovery-key";
    if (!open || now - this.#activityReportedAt < ACTIVITY_REPORT_MS) return;
    this.#activityReportedAt = now;
    void commands.noteActivity();
  }

  #dropJournalData(): void {
    // Every store and screen holding journal data (cravings, triggers, the timeline…) registered.
    clearAllOnLock();
    this.#activityReportedAt = 0;
    this.recoveryKey = null;
    this.openedWithRecoveryKey = false;
    this.shellError = null;
  }
}

/** The app's single session. */
export const session = new Session();
