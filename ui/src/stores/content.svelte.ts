// Waymark's built-in content (feelings, starter triggers, safety facts, regions, weekly questions,
// medications): the same for everyone and not journal data, so it is loaded once and kept through
// locking.
import {
  commands,
  type Feeling,
  type JournalContent,
  type Medication,
  type Region,
  type SafetyFact,
  type StarterTrigger,
  type TriggerCategory,
  type WeeklyQuestion,
} from "../lib/api";
import { errorMessage } from "../lib/errors";

/** The six trigger categories, in the order forms and lists show them. */
export const TRIGGER_CATEGORIES: readonly { key: TriggerCategory; label: string }[] = [
  { key: "people", label: "People" },
  { key: "places", label: "Places" },
  { key: "feelings", label: "Feelings" },
  { key: "body_states", label: "Body states" },
  { key: "times_and_situations", label: "Times and situations" },
  { key: "things", label: "Things" },
];

class Content {
  /** The content, once loaded; null before that (or if loading failed). */
  data = $state<JournalContent | null>(null);
  /** Why the content could not be read, or null. */
  error = $state<string | null>(null);
  #loading: Promise<void> | null = null;

  /** Loads the content once; later calls wait for the same load (a failed load is retried). */
  load(): Promise<void> {
    if (this.data) return Promise.resolve();
    this.#loading ??= this.#fetch();
    return this.#loading;
  }

  async #fetch(): Promise<void> {
    try {
      const result = await commands.getJournalContent();
      if (result.status === "error") {
        this.error = errorMessage(result.error);
      } else {
        this.data = result.data;
        this.error = null;
      }
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.#loading = null;
    }
  }

  /** Feelings for mood check-ins and lapses. */
  get feelings(): Feeling[] {
    return this.data?.feeling ?? [];
  }

  /** Regions and their emergency numbers. */
  get regions(): Region[] {
    return this.data?.region ?? [];
  }

  /** Medication options (names only). */
  get medications(): Medication[] {
    return this.data?.medication ?? [];
  }

  /** The safety card's facts, in display order. */
  get safetyFacts(): SafetyFact[] {
    return this.data?.safetyFact ?? [];
  }

  /** The weekly review's questions, in display order. */
  get weeklyQuestions(): WeeklyQuestion[] {
    return this.data?.weeklyQuestion ?? [];
  }

  /** Triggers offered to start a catalogue. */
  get starterTriggers(): StarterTrigger[] {
    return this.data?.trigger ?? [];
  }

  /** The word for a feeling key; the key itself when it is unknown (or not loaded yet). */
  feelingLabel(key: string): string {
    return this.feelings.find((feeling) => feeling.key === key)?.label ?? key;
  }

  /** The name of a trigger category key; the key itself when it is unknown. */
  categoryLabel(key: string): string {
    return TRIGGER_CATEGORIES.find((category) => category.key === key)?.label ?? key;
  }

  /** Forgets the content (tests only). */
  reset(): void {
    this.data = null;
    this.error = null;
    this.#loading = null;
  }
}

/** The app's single copy of the built-in content. */
export const content = new Content();
