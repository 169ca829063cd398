// Names for the charts' axes and tables: days, weeks, weekdays, hours and HALT states, in the
// person's locale.
import type { HaltCounts } from "./api";
import { formatDay, formatDayShort } from "./day";
import { getDisplayLocale } from "./time";

/** An axis label for a day: "22 Nov". */
export function dayAxisLabel(day: string): string {
  return formatDayShort(day, { month: "short" });
}

/** A table's name for a day: "Fri 22 Nov". */
export function dayRowLabel(day: string): string {
  return formatDay(day, { style: "short" });
}

/** A week by its first day: "Week of 4 Nov". */
export function weekLabel(weekStart: string): string {
  return `Week of ${formatDayShort(weekStart, { month: "short" })}`;
}

/** The weekday names, Monday first (the backend's 0), "long" ("Monday") or "short" ("Mon"). */
export function weekdayNames(width: "long" | "short" = "long"): string[] {
  const format = new Intl.DateTimeFormat(getDisplayLocale(), { weekday: width, timeZone: "UTC" });
  // 1 January 2024 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** The start of an hour on the 24-hour clock: "07:00". */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** The hour from its start to the next: "07:00 to 08:00". */
export function hourSpan(hour: number): string {
  return `${hourLabel(hour)} to ${hourLabel((hour + 1) % 24)}`;
}

/** The HALT states in the order they are said, with "none ticked" last. */
export const HALT_ROWS: readonly { key: keyof Omit<HaltCounts, "total">; label: string }[] = [
  { key: "hungry", label: "Hungry" },
  { key: "angry", label: "Angry" },
  { key: "lonely", label: "Lonely" },
  { key: "tired", label: "Tired" },
  { key: "none", label: "None ticked" },
];
