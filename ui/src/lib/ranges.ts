// The ranges of days the Insights and Summary screens offer: the last 7, 30 or 90 days, or the
// person's own from-to. The backend checks a custom range and says what is wrong with it.
import type { DayRange } from "./api";
import { isIsoDay, shiftDay } from "./day";

/** The preset lengths, in days, in the order they are offered. */
export const RANGE_PRESETS = [7, 30, 90] as const;

/** A preset length in days. */
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** What the person chose: a preset ending today, or their own first and last day. */
export type RangeChoice = { kind: "preset"; days: RangePreset } | { kind: "custom"; from: string; to: string };

/** The last `days` days ending on `today` (YYYY-MM-DD), today included. */
export function lastDays(days: number, today: string): DayRange {
  return { from: shiftDay(today, -(Math.max(1, days) - 1)), to: today };
}

/**
 * The range to ask the backend for, or null while a custom range is missing a day. Order and
 * length are left to the backend, whose message is shown beside the field it names.
 */
export function rangeFor(choice: RangeChoice, today: string): DayRange | null {
  if (choice.kind === "preset") return lastDays(choice.days, today);
  return isIsoDay(choice.from) && isIsoDay(choice.to) ? { from: choice.from, to: choice.to } : null;
}

/** A custom choice starting from what a preset covers, so switching to "Custom" keeps the days. */
export function customFrom(choice: RangeChoice, today: string): RangeChoice {
  if (choice.kind === "custom") return choice;
  return { kind: "custom", ...lastDays(choice.days, today) };
}
