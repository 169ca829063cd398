// Which screen the window shows, and the app-level state around locking and set-up.
import { commands } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { clearAllOnLock } from "./lockable";

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
export type Screen = "loading" | "unavailable" | "setup" | "recovery-key" | "unlock" | JournalScreen;

class Session {
  screen = $state<Screen>("loading");
  /** The recovery key from set-up, held only until the person confirms they saved it. */
  recoveryKey = $state<string | null>(null);
  /** Why the vault could not be opened at all (the "unavailable" screen). */
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

  /** Asks the backend whether a vault exists and is unlocked, and shows the matching screen. */
  async refresh(): Promise<Screen> {
    const result = await commands.vaultStatus();
    if (result.status === "error") {
      this.problem = errorMessage(result.error);
      this.screen = "unavailable";
    } else {
      this.problem = null;
      const { exists, unlocked, openedWithRecoveryKey } = result.data;
      this.openedWithRecoveryKey = openedWithRecoveryKey;
      const keep = unlocked && this.unlockedScreen;
      this.screen = !exists ? "setup" : unlocked ? (keep ? this.screen : "home") : "unlock";
    }
    return this.screen;
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
    return !["loading", "unavailable", "setup", "recovery-key", "unlock"].includes(this.screen);
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
  lockedElsewhere(): void {
    this.#dropJournalData();
    this.notice = "Waymark locked itself. Enter your passphrase to carry on.";
    this.screen = "unlock";
  }

  #dropJournalData(): void {
    // Every store and screen holding journal data (cravings, triggers, the timeline…) registered.
    clearAllOnLock();
    this.recoveryKey = null;
    this.openedWithRecoveryKey = false;
    this.shellError = null;
  }
}

/** The app's single session. */
export const session = new Session();
