// Meetings in plain words: how one repeats, when an occurrence is, and what a reminder lead
// means. Pure functions, shared by the meeting form, the Meetings screen and the check-in.
import type { Meeting, Occurrence, Recurrence, Weekday } from "./api";
import { formatDay, formatDayShort, isIsoDay, todayIso } from "./day";
import { formatTimeOfDay, getDisplayLocale } from "./time";

/** The days of the week, Monday first, with their names. */
export const WEEKDAYS: readonly { key: Weekday; short: string; long: string }[] = [
  { key: "mon", short: "Mon", long: "Monday" },
  { key: "tue", short: "Tue", long: "Tuesday" },
  { key: "wed", short: "Wed", long: "Wednesday" },
  { key: "thu", short: "Thu", long: "Thursday" },
  { key: "fri", short: "Fri", long: "Friday" },
  { key: "sat", short: "Sat", long: "Saturday" },
  { key: "sun", short: "Sun", long: "Sunday" },
];

/** Which week of the month, for "monthly on the second Tuesday"; -1 is the last. */
export const MONTH_WEEKS: readonly { value: number; label: string }[] = [
  { value: 1, label: "first" },
  { value: 2, label: "second" },
  { value: 3, label: "third" },
  { value: 4, label: "fourth" },
  { value: -1, label: "last" },
];

/** The reminder leads offered as chips, in minutes before the start. */
export const REMINDER_PRESETS: readonly number[] = [0, 15, 30, 60, 120, 1440, 2880];

/** Lengths offered as one-click presets, in minutes. */
export const DURATION_PRESETS: readonly number[] = [30, 60, 90, 120];

/** How often each kind of repeat may come, at most (the backend's limits). */
export const INTERVAL_MAX = { daily: 366, weekly: 52, monthly: 12 } as const;

function weekdayName(day: Weekday, style: "short" | "long"): string {
  const found = WEEKDAYS.find((w) => w.key === day);
  return found ? found[style] : day;
}

/** "Mon", "Mon and Thu", "Mon, Wed and Fri": days in week order. */
function listDays(days: Weekday[], style: "short" | "long"): string {
  const names = WEEKDAYS.filter((w) => days.includes(w.key)).map((w) => w[style]);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 21st, 22nd, 31st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = { 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** "the 15th", "the last day". */
export function monthDayText(day: number): string {
  return day === -1 ? "the last day" : `the ${ordinal(day)}`;
}

/** "first", "last". */
function weekText(week: number): string {
  return MONTH_WEEKS.find((w) => w.value === week)?.label ?? ordinal(week);
}

/** "Every 2 weeks", "Every day"; `unit` is singular. */
function every(interval: number, unit: string): string {
  return interval === 1 ? `Every ${unit}` : `Every ${interval} ${unit}s`;
}

/** A day as "24 Nov" (the year only when it is not this year), in the app's display locale. */
export function shortDate(day: string, now: Date = new Date()): string {
  return formatDayShort(day, { now, month: "short", locale: getDisplayLocale() });
}

/**
 * How a meeting repeats, in plain words, without the time: "Every Tuesday", "Every 2 weeks on
 * Mon and Thu", "Monthly on the last day", "Monthly on the second Tuesday", "Once, 24 Nov".
 * `startDate` (YYYY-MM-DD) is the first occurrence's day.
 */
export function repeatText(recurrence: Recurrence, startDate: string, now: Date = new Date()): string {
  switch (recurrence.type) {
    case "once":
      return `Once, ${shortDate(startDate, now)}`;
    case "daily":
      return every(recurrence.interval, "day");
    case "weekly": {
      const { interval, days } = recurrence;
      if (days.length === 7 && interval === 1) return "Every day";
      if (interval === 1) return `Every ${listDays(days, days.length === 1 ? "long" : "short")}`;
      return `${every(interval, "week")} on ${listDays(days, days.length === 1 ? "long" : "short")}`;
    }
    case "monthlyOnDay":
      return `${recurrence.interval === 1 ? "Monthly" : every(recurrence.interval, "month")} on ${monthDayText(recurrence.day)}`;
    case "monthlyOnWeekday":
      return `${recurrence.interval === 1 ? "Monthly" : every(recurrence.interval, "month")} on the ${weekText(recurrence.week)} ${weekdayName(recurrence.weekday, "long")}`;
  }
}

/** A wall-clock time "HH:MM" as the app shows times ("19:00" in en-GB, "07:00 PM" in en-US). */
export function formatClock(hhmm: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return hhmm;
  return new Intl.DateTimeFormat(getDisplayLocale(), { timeZone: "UTC", hour: "2-digit", minute: "2-digit" }).format(
    new Date(Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2]))),
  );
}

/**
 * A meeting's schedule in one line: "Every Tuesday at 19:00", "Once, 24 Nov at 10:30", with
 * ", until 5 Mar" when it has an end date.
 */
export function meetingSummary(meeting: Pick<Meeting, "recurrence" | "startLocal" | "until">, now: Date = new Date()): string {
  const [day, time] = meeting.startLocal.split("T");
  const text = `${repeatText(meeting.recurrence, day, now)} at ${formatClock(time ?? "")}`;
  return meeting.until && meeting.recurrence.type !== "once" ? `${text}, until ${shortDate(meeting.until, now)}` : text;
}

/** "At the start", "15 min before", "1 hour before", "2 days before". */
export function reminderLeadLabel(minutes: number): string {
  if (minutes === 0) return "At the start";
  if (minutes % 1440 === 0) return minutes === 1440 ? "1 day before" : `${minutes / 1440} days before`;
  if (minutes % 60 === 0) return minutes === 60 ? "1 hour before" : `${minutes / 60} hours before`;
  if (minutes < 60) return `${minutes} min before`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min before`;
}

/** "30 min", "1 hour", "90 min", "2 hours". */
export function durationLabel(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
  return `${minutes} min`;
}

// ---- The repeat part of the meeting form ----

/** The kinds of repeat the form offers, in its order. */
export const REPEAT_CHOICES: readonly { value: Recurrence["type"]; label: string }[] = [
  { value: "once", label: "Doesn't repeat" },
  { value: "daily", label: "Daily" },
  { value: "weekly", label: "Weekly" },
  { value: "monthlyOnDay", label: "Monthly on a day" },
  { value: "monthlyOnWeekday", label: "Monthly on a weekday" },
];

/** Everything the repeat controls hold, whichever kind is chosen (so switching back keeps them). */
export type RepeatDraft = {
  type: Recurrence["type"];
  interval: number;
  days: Weekday[];
  /** Day of the month, 1-31, or -1 for the last. */
  monthDay: number;
  /** Week of the month, 1-4, or -1 for the last. */
  week: number;
  weekday: Weekday;
};

/** The weekday of a YYYY-MM-DD day; Monday when it is not a day. */
export function weekdayOf(day: string): Weekday {
  if (!isIsoDay(day)) return "mon";
  const [year, month, date] = day.split("-").map(Number);
  const index = (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7;
  return WEEKDAYS[index].key;
}

/** The week of the month a day falls in (1-4), or -1 when it is in the fifth week (so: the last). */
export function weekOfMonth(day: string): number {
  const date = isIsoDay(day) ? Number(day.slice(8, 10)) : 1;
  const week = Math.ceil(date / 7);
  return week > 4 ? -1 : week;
}

/** A fresh draft for a meeting whose first day is `startDate`: once, and the rest ready from that day. */
export function newRepeatDraft(startDate: string): RepeatDraft {
  return {
    type: "once",
    interval: 1,
    days: [weekdayOf(startDate)],
    monthDay: isIsoDay(startDate) ? Number(startDate.slice(8, 10)) : 1,
    week: weekOfMonth(startDate),
    weekday: weekdayOf(startDate),
  };
}

/** The draft for a stored recurrence; the parts it does not use follow the start day. */
export function repeatDraftFrom(recurrence: Recurrence, startDate: string): RepeatDraft {
  const draft = newRepeatDraft(startDate);
  switch (recurrence.type) {
    case "once":
      return draft;
    case "daily":
      return { ...draft, type: "daily", interval: recurrence.interval };
    case "weekly":
      return { ...draft, type: "weekly", interval: recurrence.interval, days: [...recurrence.days] };
    case "monthlyOnDay":
      return { ...draft, type: "monthlyOnDay", interval: recurrence.interval, monthDay: recurrence.day };
    case "monthlyOnWeekday":
      return {
        ...draft,
        type: "monthlyOnWeekday",
        interval: recurrence.interval,
        week: recurrence.week,
        weekday: recurrence.weekday,
      };
  }
}

/** The recurrence a draft describes, with only the fields its kind has (days in week order). */
export function recurrenceFrom(draft: RepeatDraft): Recurrence {
  const interval = draft.interval;
  switch (draft.type) {
    case "once":
      return { type: "once" };
    case "daily":
      return { type: "daily", interval };
    case "weekly":
      return { type: "weekly", interval, days: WEEKDAYS.map((w) => w.key).filter((d) => draft.days.includes(d)) };
    case "monthlyOnDay":
      return { type: "monthlyOnDay", interval, day: draft.monthDay };
    case "monthlyOnWeekday":
      return { type: "monthlyOnWeekday", interval, week: draft.week, weekday: draft.weekday };
  }
}

/** "days", "weeks", "months": what "every N" counts for a kind of repeat. */
export function intervalUnit(type: Recurrence["type"]): "days" | "weeks" | "months" | null {
  if (type === "daily") return "days";
  if (type === "weekly") return "weeks";
  if (type === "monthlyOnDay" || type === "monthlyOnWeekday") return "months";
  return null;
}

// ---- Occurrences on screen ----

/** The wall-clock day of an occurrence where it happens, YYYY-MM-DD. */
export function occurrenceDay(occurrence: Pick<Occurrence, "startsAt">): string {
  return occurrence.startsAt.slice(0, 10);
}

/** Occurrences grouped by their day, in the order given (which is by start). */
export function groupByDay<T extends Pick<Occurrence, "startsAt">>(items: T[]): { day: string; items: T[] }[] {
  const groups: { day: string; items: T[] }[] = [];
  for (const item of items) {
    const day = occurrenceDay(item);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** A day heading: "Today, Tuesday 24 November", "Tomorrow, …", or just the day. */
export function dayHeading(day: string, now: Date = new Date()): string {
  const today = todayIso(now);
  const tomorrow = todayIso(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1));
  const name = formatDay(day, { now });
  if (day === today) return `Today, ${name}`;
  if (day === tomorrow) return `Tomorrow, ${name}`;
  return name;
}

/** The time of day an occurrence runs, where it happens: "19:00–20:30". */
export function timeRange(occurrence: Pick<Occurrence, "startsAt" | "endsAt">): string {
  const start = formatTimeOfDay(occurrence.startsAt) ?? occurrence.startsAt;
  const end = formatTimeOfDay(occurrence.endsAt);
  return end ? `${start}–${end}` : start;
}

/** The same times on this computer's clock, for a meeting in another zone: "14:00–15:30". */
export function localTimeRange(occurrence: Pick<Occurrence, "startsAt" | "endsAt">): string {
  const format = new Intl.DateTimeFormat(getDisplayLocale(), { hour: "2-digit", minute: "2-digit" });
  const start = new Date(occurrence.startsAt);
  const end = new Date(occurrence.endsAt);
  if (Number.isNaN(start.getTime())) return occurrence.startsAt;
  return Number.isNaN(end.getTime()) ? format.format(start) : `${format.format(start)}–${format.format(end)}`;
}

/** True once an occurrence has started. */
export function hasStarted(occurrence: Pick<Occurrence, "startsAt">, now: Date = new Date()): boolean {
  const start = Date.parse(occurrence.startsAt);
  return !Number.isNaN(start) && start <= now.getTime();
}

/** True until an occurrence has ended. */
export function notEnded(occurrence: Pick<Occurrence, "endsAt">, now: Date = new Date()): boolean {
  const end = Date.parse(occurrence.endsAt);
  return Number.isNaN(end) || end > now.getTime();
}

/** Every IANA zone the browser knows, with `current` in the list even when it does not know it. */
export function timeZoneChoices(current: string): string[] | null {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: "timeZone") => string[] };
  if (typeof intl.supportedValuesOf !== "function") return null;
  const zones = intl.supportedValuesOf("timeZone");
  return zones.includes(current) || current === "" ? zones : [current, ...zones].sort();
}
