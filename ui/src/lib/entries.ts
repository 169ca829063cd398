// How entries of every kind are named in lists and on their buttons ("Edit craving at 14:30 on
// 22 November"), so people, screen readers and tests all read the same words.
import type { EntryKind, TimelineItem } from "./api";
import { formatDayShort } from "./day";
import { formatTimeOfDay } from "./time";

/** Every kind, in the order filters show them, with the words for one entry of that kind. */
export const ENTRY_KINDS: readonly { kind: EntryKind; label: string; plural: string; noun: string }[] = [
  { kind: "craving", label: "Craving", plural: "Cravings", noun: "craving" },
  { kind: "mood", label: "Mood", plural: "Moods", noun: "mood check-in" },
  { kind: "journal", label: "Journal", plural: "Journal", noun: "journal entry" },
  { kind: "checkin", label: "Check-in", plural: "Check-ins", noun: "check-in" },
  { kind: "review", label: "Weekly review", plural: "Weekly reviews", noun: "weekly review" },
  { kind: "lapse", label: "Lapse", plural: "Lapses", noun: "lapse" },
];

/** The words for one kind of entry. */
export function kindWords(kind: EntryKind): (typeof ENTRY_KINDS)[number] {
  return ENTRY_KINDS.find((k) => k.kind === kind) ?? ENTRY_KINDS[0];
}

/**
 * The wall-clock time ("14:30", or "02:30 PM" where the locale says so) of an RFC 3339 instant as
 * the clock showed where it was logged (its own offset), or null when it cannot be read.
 */
export function timeOfDay(rfc3339: string): string | null {
  return formatTimeOfDay(rfc3339);
}

/**
 * The accessible name of an entry's action button: the verb, the entry, and its summary, so two
 * entries logged in the same minute still have different names ("Edit craving at 14:30 on
 * 22 November: Craving 7/10").
 */
export function entryActionName(verb: string, item: Pick<TimelineItem, "entry" | "day" | "at" | "summary">): string {
  return `${verb} ${entryName(item)}: ${item.summary}`;
}

/**
 * Entry text for reading in a list: Markdown emphasis, heading and quote marks taken out, so a
 * journal excerpt reads as prose. Search's match markers (U+0002, U+0003) are kept.
 */
export function plainExcerpt(text: string): string {
  return text
    .replace(/(\*\*|__|`+)/g, "")
    .replace(/(^|\s)#{1,6}\s+/g, "$1")
    .replace(/(^|\s)>\s+/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * What identifies an entry in a sentence: "craving at 14:30 on 22 November" for kinds logged at a
 * time, "journal entry for 22 November" for those that belong to a day.
 */
export function entryName(item: Pick<TimelineItem, "entry" | "day" | "at">, now?: Date): string {
  const { noun } = kindWords(item.entry.kind);
  const day = formatDayShort(item.day, { now });
  const time = item.at ? timeOfDay(item.at) : null;
  if (time) return `${noun} at ${time} on ${day}`;
  if (item.entry.kind === "review") return `${noun} for the week of ${day}`;
  return `${noun} for ${day}`;
}

/** "Craving at 14:30 on 22 November": an entry's name at the start of a sentence. */
export function entryLabel(item: Pick<TimelineItem, "entry" | "day" | "at">, now?: Date): string {
  const name = entryName(item, now);
  return name.charAt(0).toLocaleUpperCase() + name.slice(1);
}
