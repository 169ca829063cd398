// The recent cravings shown on the home screen: the only copy of journal entries in the front end.
import { commands, type ApiError, type Craving } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { clearOnLock } from "./lockable";

/** How many recent cravings the home screen lists. */
export const RECENT_LIMIT = 50;

class RecentCravings {
  /** Newest first, in the order the backend lists them. */
  items = $state<Craving[]>([]);
  /** True once a list has arrived since the last clear. */
  loaded = $state(false);
  /** Why the list could not be read, or null. */
  error = $state<string | null>(null);
  // Bumped by clear(), so a reply that lands after locking is thrown away.
  #generation = 0;

  /** Reads the latest cravings; returns the backend's error, if any, for the caller to act on. */
  async refresh(): Promise<ApiError | null> {
    const generation = this.#generation;
    const result = await commands.listCravings(RECENT_LIMIT);
    if (generation !== this.#generation) return null;
    if (result.status === "error") {
      this.error = errorMessage(result.error);
      return result.error;
    }
    this.items = result.data;
    this.loaded = true;
    this.error = null;
    return null;
  }

  /** Coping strategies from the recent cravings, most recent first, each once (for suggestions). */
  get copingUsed(): string[] {
    const found: string[] = [];
    for (const craving of this.items) {
      for (const text of craving.coping) {
        const key = text.trim().toLocaleLowerCase();
        if (key !== "" && !found.some((f) => f.toLocaleLowerCase() === key)) found.push(text.trim());
      }
    }
    return found;
  }

  /** Forgets every entry (on lock). */
  clear(): void {
    this.#generation += 1;
    this.items = [];
    this.loaded = false;
    this.error = null;
  }
}

/** The app's single list of recent cravings. */
export const cravings = new RecentCravings();
clearOnLock(() => cravings.clear());
