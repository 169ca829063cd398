// The person's trigger catalogue, active and archived, shared by the craving form and the
// Triggers screen. Trigger names are personal ("my brother's flat"), so locking drops them.
import { commands, type ApiError, type Trigger, type TriggerCategory } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { TRIGGER_CATEGORIES } from "./content.svelte";
import { clearOnLock } from "./lockable";

/** Triggers of one category, for grouped lists. */
export type TriggerGroup = { key: TriggerCategory; label: string; triggers: Trigger[] };

/** Orders triggers by name, ignoring case, in the person's own language. */
export function byName(a: Trigger, b: Trigger): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: "base" });
}

/**
 * `triggers` grouped by the six categories in their fixed order, each group active first and then
 * by name. Empty groups are left out.
 */
export function groupByCategory(triggers: Trigger[]): TriggerGroup[] {
  return TRIGGER_CATEGORIES.map(({ key, label }) => ({
    key,
    label,
    triggers: triggers
      .filter((trigger) => trigger.category === key)
      .sort((a, b) => Number(a.archived) - Number(b.archived) || byName(a, b)),
  })).filter((group) => group.triggers.length > 0);
}

class TriggerCatalogue {
  /** Every trigger, archived ones included, as the backend lists them. */
  all = $state<Trigger[]>([]);
  /** True once the catalogue has arrived since the last clear. */
  loaded = $state(false);
  /** Why the catalogue could not be read, or null. */
  error = $state<string | null>(null);
  // Bumped by clear(), so a reply that lands after locking is thrown away.
  #generation = 0;

  /** The triggers offered for new entries. */
  get active(): Trigger[] {
    return this.all.filter((trigger) => !trigger.archived);
  }

  /** The trigger with this id, if the catalogue has it. */
  find(id: number): Trigger | undefined {
    return this.all.find((trigger) => trigger.id === id);
  }

  /** The trigger with this name (any case), if there is one. */
  findByName(name: string): Trigger | undefined {
    const wanted = name.trim().toLocaleLowerCase();
    return this.all.find((trigger) => trigger.name.toLocaleLowerCase() === wanted);
  }

  /** Reads the whole catalogue; returns the backend's error, if any, for the caller to act on. */
  async refresh(): Promise<ApiError | null> {
    const generation = this.#generation;
    const result = await commands.listTriggers(true);
    if (generation !== this.#generation) return null;
    if (result.status === "error") {
      this.error = errorMessage(result.error);
      return result.error;
    }
    this.all = result.data;
    this.loaded = true;
    this.error = null;
    return null;
  }

  /** Forgets the catalogue (on lock). */
  clear(): void {
    this.#generation += 1;
    this.all = [];
    this.loaded = false;
    this.error = null;
  }
}

/** The app's single copy of the trigger catalogue. */
export const triggers = new TriggerCatalogue();
clearOnLock(() => triggers.clear());
