// The SOS panel: whether it is open, and the urge-surfing timer. The timer keeps running while the
// panel is closed; its time is always worked out from Date.now() and the moment it started, so it
// never drifts and survives the panel closing. Locking resets it all and closes the panel.
import { formatISO } from "date-fns";
import { tick } from "svelte";
import { clearOnLock } from "./lockable";
import { session } from "./session.svelte";

/** The timer lengths on offer, in minutes. */
export const TIMER_LENGTHS = [10, 15, 20, 30] as const;
/** A timer length, in minutes. */
export type TimerLength = (typeof TIMER_LENGTHS)[number];
/** The length chosen until the person picks another. */
export const DEFAULT_LENGTH: TimerLength = 20;

/** idle: not started; running; paused; finished: ran out, or the person finished early. */
export type TimerPhase = "idle" | "running" | "paused" | "finished";

/** What "Log this craving" fills in on Today's craving form. */
export type CravingPrefill = { occurredAt: string; durationMinutes: number };

// ---- The person's own plan in the panel (backend pending) ----
// SLOT: `commands.sosSummary()` is being added to the backend. Until it lands, these types stand in
// for the generated ones (same field names, only the fields the panel shows), so the generated
// `SosSummary` is assignable to this one. When it lands: `import type { SosSummary } from
// "../lib/api"` in SosSections and SosPanel, delete these, and load it in SosPanel's loadSummary().

/** A coping strategy that helps the person (generated: `Strategy`). */
export type SosStrategy = { id: number; title: string; summary: string | null };
/** A high-risk situation and what they will do: "If <situation>, then <plan>." (generated: `IfThenPlan`). */
export type SosIfThen = { situation: string; plan: string };
/** Someone in the support network (generated: `Contact`; `role` is a `ContactRole` key). */
export type SosContact = { id: number; name: string; role: string; phone: string | null };
/** What a helpline is for (generated: `HelplineKind`). */
export type SosHelplineKind = "emergency" | "urgent_medical" | "drugs" | "crisis";
/** A built-in helpline for the person's region (generated: `Helpline`). */
export type SosHelpline = { name: string; number: string; kind: SosHelplineKind; hours: string; description: string };
/** A helpline the person added themselves (generated: `LocalHelpline`). */
export type SosLocalHelpline = { id: number; name: string; number: string; note: string | null };
/** What the SOS panel shows from the journal: `commands.sosSummary()` (generated: `SosSummary`). */
export type SosSummary = {
  /** The strategies to try, favourites and what has worked first. */
  strategies: SosStrategy[];
  /** The plan's if-then lines for high-risk situations. */
  ifThenPlans: SosIfThen[];
  /** The support network, in "who I call first" order. */
  callList: SosContact[];
  /** The plan's own "people to call" lines. */
  peopleToCall: string[];
  /** The helplines for their region, built-in (emergency first) and their own. */
  helplines: { region: string | null; builtin: SosHelpline[]; local: SosLocalHelpline[] };
  /** The plan's reasons for recovery. */
  reasons: string[];
};

/** How often the running timer re-reads the clock, in milliseconds. */
const TICK_MS = 250;
const MINUTE_MS = 60_000;

/**
 * A remaining time as the timer shows it, e.g. "20:00", "9:05", "0:00". Seconds round up, so the
 * full length shows at the start and "0:00" only once the time is really up.
 */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

/** "1 minute", "5 minutes". */
function minutesText(minutes: number): string {
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** A craving's start and end, in ms since the epoch: what the end offer can log. */
type Episode = { start: number; end: number };

class Sos {
  /** True while the panel is showing. */
  open = $state(false);
  /** The chosen length, in minutes. */
  length = $state<TimerLength>(DEFAULT_LENGTH);
  /** Where the timer is. */
  phase = $state<TimerPhase>("idle");
  /**
   * Set once the craving is over (the timer ran out, "Finish early" or "I'm through it"): its start
   * and end. While set, the panel offers "Log this craving".
   */
  ended = $state<Episode | null>(null);
  /** The latest milestone for screen readers ("Halfway…"); set only at milestones, never per second. */
  announcement = $state("");
  /**
   * A milestone said while the panel was closed, for the header's status line (the panel's own
   * status line is not there to say it). Cleared when the panel opens.
   */
  closedAnnouncement = $state("");
  /** Filled in by "Log this craving" for Today's craving form; App clears it when Today is left. */
  prefill = $state<CravingPrefill | null>(null);

  /** When the timer was first started (ms since the epoch); null while idle. */
  #startedAt = $state<number | null>(null);
  /** Time run before the current stretch (pauses split the run into stretches). */
  #elapsedBefore = $state(0);
  /** When the current stretch started; null unless running. */
  #runningSince = $state<number | null>(null);
  /** The clock as last read; the displayed time follows it. */
  #now = $state(Date.now());
  /** Remaining time at the last check, to notice when a milestone is crossed. */
  #lastRemaining = 0;
  #interval: ReturnType<typeof setInterval> | null = null;
  /** When the panel was opened without the timer: the start of a craving logged without it. */
  #openedAt: number | null = null;
  #returnFocus = true;

  /** The timer's length in milliseconds. */
  get lengthMs(): number {
    return this.length * MINUTE_MS;
  }

  /** How long the timer has run, pauses left out, up to its length. */
  get elapsedMs(): number {
    const current = this.#runningSince === null ? 0 : Math.max(0, this.#now - this.#runningSince);
    return Math.min(this.lengthMs, this.#elapsedBefore + current);
  }

  /** How long is left; the full length while idle, 0 once it ran out. */
  get remainingMs(): number {
    if (this.phase === "idle") return this.lengthMs;
    return Math.max(0, this.lengthMs - this.elapsedMs);
  }

  /** The remaining time as shown, e.g. "12:34". */
  get remainingLabel(): string {
    return formatRemaining(this.remainingMs);
  }

  /** True while a timer has been started and not yet cleared (running, paused or finished). */
  get timerActive(): boolean {
    return this.phase !== "idle";
  }

  /** Whether closing the panel should put focus back where it was (not after "Log this craving"). */
  get returnFocus(): boolean {
    return this.#returnFocus;
  }

  /** Opens the panel (F1, the SOS button, the header's timer). */
  show(): void {
    if (this.open) return;
    if (this.phase === "idle" && !this.ended) this.#openedAt = Date.now();
    this.#returnFocus = true;
    this.closedAnnouncement = "";
    this.open = true;
  }

  /**
   * Closes the panel. A running timer keeps running. With no timer started, the moment the panel
   * opened and any "I'm through it" are forgotten: the next opening starts afresh.
   */
  close(): void {
    this.open = false;
    if (this.phase === "idle") {
      this.ended = null;
      this.#openedAt = null;
    }
  }

  /** Chooses the timer's length (only before it starts, or after it finished). */
  choose(length: TimerLength): void {
    if (this.phase === "running" || this.phase === "paused") return;
    this.length = length;
  }

  /** Starts the timer, or starts it again after it finished. */
  start(): void {
    if (this.phase === "running" || this.phase === "paused") return;
    const now = Date.now();
    this.ended = null;
    this.#startedAt = now;
    this.#elapsedBefore = 0;
    this.#runningSince = now;
    this.#now = now;
    this.#lastRemaining = this.lengthMs;
    this.phase = "running";
    this.announcement = `Timer started: ${minutesText(this.length)}.`;
    this.#startTicking();
  }

  /** Pauses the running timer. */
  pause(): void {
    if (this.phase !== "running" || this.#runningSince === null) return;
    this.#now = Date.now();
    this.#elapsedBefore = this.elapsedMs;
    this.#runningSince = null;
    this.phase = "paused";
    this.#stopTicking();
    this.announcement = `Timer paused with ${this.remainingLabel} left.`;
  }

  /** Carries on after a pause. */
  resume(): void {
    if (this.phase !== "paused") return;
    const now = Date.now();
    this.#now = now;
    this.#runningSince = now;
    this.phase = "running";
    this.announcement = `Timer running again: ${this.remainingLabel} left.`;
    this.#startTicking();
  }

  /** Stops the timer before its time: the craving is over. */
  finishEarly(): void {
    if (this.phase !== "running" && this.phase !== "paused") return;
    const now = Date.now();
    this.#now = now;
    this.#elapsedBefore = this.elapsedMs;
    this.#runningSince = null;
    this.#stopTicking();
    this.phase = "finished";
    this.ended = { start: this.#startedAt ?? now, end: now };
    // The end offer takes focus and speaks for itself.
    this.announcement = "";
  }

  /** "I'm through it": the craving is over, whether or not the timer was used. */
  throughIt(): void {
    if (this.phase === "running" || this.phase === "paused") {
      this.finishEarly();
      return;
    }
    if (this.ended) return;
    const now = Date.now();
    this.ended = { start: this.#openedAt ?? now, end: now };
  }

  /** What "Log this craving" fills in: the start as RFC 3339 with the local offset, whole minutes (at least 1). */
  get prefillForEnded(): CravingPrefill | null {
    if (!this.ended) return null;
    const { start, end } = this.ended;
    return {
      occurredAt: formatISO(new Date(start)),
      durationMinutes: Math.max(1, Math.round((end - start) / MINUTE_MS)),
    };
  }

  /** "Log this craving": closes the panel and opens Today's craving form, filled in. */
  async logCraving(): Promise<void> {
    const prefill = this.prefillForEnded;
    if (!prefill) return;
    // Focus goes to the craving form, not back to where it was.
    this.#returnFocus = false;
    this.#clearTimer();
    this.open = false;
    await tick();
    this.prefill = prefill;
    session.go("home");
  }

  /** "Not now": forgets this craving and closes the panel. */
  dismiss(): void {
    this.#clearTimer();
    this.open = false;
  }

  /** Back to a fresh start: timer cleared, length back to the default, panel closed (locking). */
  reset(): void {
    this.#clearTimer();
    this.open = false;
    this.length = DEFAULT_LENGTH;
    this.prefill = null;
    this.#returnFocus = true;
  }

  /** Sets the polite status line, and the header's while the panel is closed. */
  #announce(text: string): void {
    this.announcement = text;
    this.closedAnnouncement = this.open ? "" : text;
  }

  #clearTimer(): void {
    this.#stopTicking();
    this.phase = "idle";
    this.ended = null;
    this.announcement = "";
    this.closedAnnouncement = "";
    this.#startedAt = null;
    this.#elapsedBefore = 0;
    this.#runningSince = null;
    this.#openedAt = null;
    this.#now = Date.now();
  }

  #startTicking(): void {
    this.#stopTicking();
    this.#interval = setInterval(() => this.#tick(), TICK_MS);
  }

  #stopTicking(): void {
    if (this.#interval !== null) clearInterval(this.#interval);
    this.#interval = null;
  }

  #tick(): void {
    if (this.phase !== "running" || this.#runningSince === null) return;
    this.#now = Date.now();
    const remaining = this.remainingMs;
    if (remaining <= 0) {
      // It ran out at the exact moment the length was reached, however late this tick came.
      const end = this.#runningSince + (this.lengthMs - this.#elapsedBefore);
      this.#elapsedBefore = this.lengthMs;
      this.#runningSince = null;
      this.#stopTicking();
      this.phase = "finished";
      this.ended = { start: this.#startedAt ?? end, end };
      this.#announce(`Time's up. You stayed with it for ${minutesText(this.length)}.`);
      return;
    }
    const milestone = this.#milestoneCrossed(this.#lastRemaining, remaining);
    if (milestone) this.#announce(milestone);
    this.#lastRemaining = remaining;
  }

  /** The message for a milestone crossed between two remaining times, if any. */
  #milestoneCrossed(before: number, after: number): string | null {
    const halfway = this.lengthMs / 2;
    const halfText = Number.isInteger(this.length / 2) ? minutesText(this.length / 2) : formatRemaining(halfway);
    // In this order: halfway wins when it falls on another milestone (a 10-minute timer's 5 minutes).
    const milestones: [number, string][] = [
      [halfway, `Halfway there: ${halfText} left.`],
      [5 * MINUTE_MS, "5 minutes left."],
      [MINUTE_MS, "1 minute left."],
    ];
    for (const [at, text] of milestones) {
      if (at < this.lengthMs && before > at && after <= at) return text;
    }
    return null;
  }
}

/** The app's single SOS panel and urge timer. */
export const sos = new Sos();
clearOnLock(() => sos.reset());
