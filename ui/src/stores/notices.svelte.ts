// Reminders to list at the top of Today: those that fell due while Waymark was closed (or the
// computer slept), and those the desktop could not show. They name meetings and medications, so
// locking drops them; the backend hands each one over once.
import { commands, type ReminderNotice } from "../lib/api";
import { clearOnLock } from "./lockable";

class ReminderNotices {
  /** Oldest first, each once. */
  items = $state<ReminderNotice[]>([]);
  // Bumped by clear(), so a reply that lands after locking is thrown away.
  #generation = 0;

  /**
   * Takes the backend's waiting notices and adds them to the list. A failure leaves them waiting
   * in the backend for the next try, so nothing is lost and there is nothing to show.
   */
  async take(): Promise<void> {
    const generation = this.#generation;
    const result = await commands.takeReminderNotices();
    if (generation !== this.#generation || result.status === "error" || result.data.length === 0) return;
    const fresh = result.data.filter((notice) => !this.items.some((item) => item.reminder.key === notice.reminder.key));
    this.items = [...this.items, ...fresh].sort((a, b) => Date.parse(a.reminder.dueAt) - Date.parse(b.reminder.dueAt));
  }

  /** Removes one notice from the list. */
  dismiss(key: string): void {
    this.items = this.items.filter((item) => item.reminder.key !== key);
  }

  /** Removes them all. */
  dismissAll(): void {
    this.items = [];
  }

  /** Forgets every notice (on lock). */
  clear(): void {
    this.#generation += 1;
    this.items = [];
  }
}

/** The app's single list of reminder notices. */
export const notices = new ReminderNotices();
clearOnLock(() => notices.clear());
