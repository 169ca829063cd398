// Calendar days (YYYY-MM-DD) as the journal stores them, and how they are shown.
import { addDays, format, isValid, parseISO } from "date-fns";
import { getDisplayLocale, setDisplayLocale, toLocalInputValue } from "./time";

/** Today's date in the person's own time zone, YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return format(now, "yyyy-MM-dd");
}

/** The day `days` after `day` (YYYY-MM-DD); negative goes back. */
export function shiftDay(day: string, days: number): string {
  return format(addDays(parseISO(day), days), "yyyy-MM-dd");
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isValid(parseISO(value));
}

/**
 * A calendar day for reading, e.g. "Friday 22 November" (en-GB), with the year only when it is
 * not this year. `style: "short"` gives "Fri 22 Nov". Returns the input when it is not a day.
 */
export function formatDay(
  day: string,
  options: { style?: "long" | "short"; locale?: string; now?: Date } = {},
): string {
  if (!isIsoDay(day)) return day;
  const [year, month, date] = day.split("-").map(Number);
  const now = options.now ?? new Date();
  const long = (options.style ?? "long") === "long";
  return new Intl.DateTimeFormat(options.locale ?? displayLocale(), {
    timeZone: "UTC",
    weekday: long ? "long" : "short",
    day: "numeric",
    month: long ? "long" : "short",
    year: year === now.getFullYear() ? undefined : "numeric",
  }).format(new Date(Date.UTC(year, month - 1, date)));
}

/**
 * A day without the weekday, e.g. "21 December" (and the year when it is not this year);
 * `month: "short"` gives "21 Dec".
 */
export function formatDayShort(
  day: string,
  options: { locale?: string; now?: Date; month?: "long" | "short" } = {},
): string {
  if (!isIsoDay(day)) return day;
  const [year, month, date] = day.split("-").map(Number);
  const now = options.now ?? new Date();
  return new Intl.DateTimeFormat(options.locale ?? displayLocale(), {
    timeZone: "UTC",
    day: "numeric",
    month: options.month ?? "long",
    year: year === now.getFullYear() ? undefined : "numeric",
  }).format(new Date(Date.UTC(year, month - 1, date)));
}

/** The `datetime-local` value for a stored RFC 3339 instant, in local time; "" if unreadable. */
export function rfc3339ToLocalInput(rfc3339: string): string {
  const date = parseISO(rfc3339);
  return isValid(date) ? toLocalInputValue(date) : "";
}

/** Fixes the locale days (and times) are shown in (tests only); `undefined` means the system's. */
export function setDayLocale(value: string | undefined): void {
  setDisplayLocale(value);
}

// Days follow the same locale as times (lib/time), so one screen never mixes two.
function displayLocale(): string | undefined {
  return getDisplayLocale();
}
