// Delete with undo: the entry is marked deleted in the backend at once, and "Undo" brings it back
// until the toast goes or the journal locks (locking erases it for good).
import { commands, type EntryRef } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { clearOnLock } from "./lockable";

/** How long the undo offer stays, in milliseconds. */
export const UNDO_WINDOW_MS = 10_000;

class UndoOffer {
  /** The last deleted entry and its description, while it can still be brought back. */
  pending = $state<{ entry: EntryRef; label: string } | null>(null);
  /** Why the last delete or undo failed, or null. */
  error = $state<string | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;
  // Called after a successful undo, so the screen that deleted the entry can show it again.
  #onRestored: (() => void) | null = null;

  /**
   * Deletes `entry` and offers undo. `label` describes it ("Craving at 14:30"). `onRestored` runs
   * after an undo. Returns an error message, or null when the entry was deleted.
   */
  async deleteEntry(entry: EntryRef, label: string, onRestored?: () => void): Promise<string | null> {
    const result = await commands.deleteEntry(entry);
    if (result.status === "error") {
      this.error = errorMessage(result.error);
      return this.error;
    }
    this.error = null;
    this.#set({ entry, label }, onRestored ?? null);
    return null;
  }

  /** Brings the last deleted entry back. */
  async undo(): Promise<void> {
    const offer = this.pending;
    if (!offer) return;
    const onRestored = this.#onRestored;
    this.#set(null, null);
    const result = await commands.restoreEntry(offer.entry);
    if (result.status === "error") {
      this.error = errorMessage(result.error);
      return;
    }
    onRestored?.();
  }

  /** Stops offering undo (the toast was closed, or the journal locked). */
  dismiss(): void {
    this.#set(null, null);
    this.error = null;
  }

  #set(offer: { entry: EntryRef; label: string } | null, onRestored: (() => void) | null): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = offer ? setTimeout(() => this.#set(null, null), UNDO_WINDOW_MS) : null;
    this.pending = offer;
    this.#onRestored = onRestored;
  }
}

/** The app's single undo offer. */
export const undo = new UndoOffer();
clearOnLock(() => undo.dismiss());
