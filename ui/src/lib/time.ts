// Pure helpers between the `datetime-local` input (local wall-clock time) and RFC 3339 instants.
import { format, formatISO, isValid, parseISO } from "date-fns";

/** The value a `datetime-local` input shows for `date`, in local time, to the minute. */
export function toLocalInputValue(date: Date): string {
  return format(date, "yyyy-MM-dd'T'HH:mm");
}

/**
 * A `datetime-local` value ("2024-11-22T15:40", seconds optional) read as local time and written as
 * RFC 3339 with the local offset ("2024-11-22T15:40:00-05:00"); null when empty or not a date.
 */
export function localInputToRfc3339(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value.trim())) return null;
  const date = parseISO(value.trim());
  return isValid(date) ? formatISO(date) : null;
}

/**
 * What to send as `occurredAt`: null (the backend uses "now") when the person left the time alone,
 * otherwise the chosen local time as RFC 3339; null also when the touched value is unusable.
 */
export function occurredAtFromInput(value: string, touched: boolean): string | null {
  return touched ? localInputToRfc3339(value) : null;
}

/** The locale dates are shown in; `undefined` means the person's own (the system's). */
let displayLocale: string | undefined;

/** Fixes the display locale, for tests that must not depend on the machine's. */
export function setDisplayLocale(locale: string | undefined): void {
  displayLocale = locale;
}

/** Minutes east of UTC written at the end of an RFC 3339 time ("Z" is 0); null if none. */
function recordedOffsetMinutes(rfc3339: string): number | null {
  const match = /(?:([+-])(\d{2}):(\d{2})|[Zz])$/.exec(rfc3339.trim());
  if (!match) return null;
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** The locale dates and times are shown in (`undefined`: the system's). */
export function getDisplayLocale(): string | undefined {
  return displayLocale;
}

/**
 * The wall-clock time an RFC 3339 instant had where it was logged, as a Date to be read in UTC;
 * null when it cannot be read.
 */
function recordedWallClock(rfc3339: string): Date | null {
  const date = parseISO(rfc3339);
  const offset = recordedOffsetMinutes(rfc3339);
  if (!isValid(date) || offset === null) return null;
  // Shift the instant by its own offset and read it in UTC: that is the wall-clock time it had.
  return new Date(date.getTime() + offset * 60_000);
}

/**
 * The time of day of a stored RFC 3339 instant as the clock showed where it was logged, in the
 * same locale and style as [formatEntryTime] ("15:40" in en-GB, "03:40 PM" in en-US); null when
 * it cannot be read.
 */
export function formatTimeOfDay(rfc3339: string, locale: string | undefined = displayLocale): string | null {
  const wallClock = recordedWallClock(rfc3339);
  if (!wallClock) return null;
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", hour: "2-digit", minute: "2-digit" }).format(wallClock);
}

/**
 * A short date and time for a stored RFC 3339 instant, as the clock showed where it was logged
 * (its own offset, so travel or a clock change does not move it), in the person's own locale
 * (the same one the date field follows), e.g. "Sun 22 Nov, 15:40" in en-GB. The year shows only
 * when it is not this year.
 */
export function formatEntryTime(
  rfc3339: string,
  now: Date = new Date(),
  locale: string | undefined = displayLocale,
): string {
  const wallClock = recordedWallClock(rfc3339);
  if (!wallClock) return rfc3339;
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    weekday: "short",
    day: "numeric",
    month: "short",
    year: wallClock.getUTCFullYear() === now.getFullYear() ? undefined : "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(wallClock);
}
