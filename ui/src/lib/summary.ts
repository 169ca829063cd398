// The counsellor summary's sections as the window offers them, and the request it sends. The
// headings are the ones the PDF prints (core/src/export/report.rs, `SummarySection::heading`).
import type { DayRange, NoteKind, SummaryRequest, SummarySection } from "./api";

/** Every section in print order, with its printed heading. */
export const SUMMARY_SECTIONS: readonly { key: SummarySection; heading: string }[] = [
  { key: "overview", heading: "Overview" },
  { key: "cravings_and_triggers", heading: "Cravings and triggers" },
  { key: "mood", heading: "Mood" },
  { key: "checkins_and_medication", heading: "Check-ins and medication" },
  { key: "meetings", heading: "Meetings" },
  { key: "lapses", heading: "Lapses" },
  { key: "coping", heading: "Coping that worked" },
  { key: "plan", heading: "Relapse-prevention plan" },
  { key: "journal_excerpts", heading: "Journal excerpts" },
];

/** The sections chosen until the person changes them: all but the journal's own text. */
export const DEFAULT_SECTIONS: readonly SummarySection[] = SUMMARY_SECTIONS.map((s) => s.key).filter(
  (key) => key !== "journal_excerpts",
);

/** A section's printed heading. */
export function sectionHeading(key: SummarySection): string {
  return SUMMARY_SECTIONS.find((s) => s.key === key)?.heading ?? key;
}

/** The request for `range`, with the chosen sections in print order whatever order they were ticked. */
export function summaryRequest(range: DayRange, chosen: Iterable<SummarySection>, includeNotes: boolean): SummaryRequest {
  const set = new Set(chosen);
  return { range, sections: SUMMARY_SECTIONS.map((s) => s.key).filter((key) => set.has(key)), includeNotes };
}

/** What a shared note was written on, as the preview labels it. */
export const NOTE_KINDS: Record<NoteKind, string> = {
  craving: "Craving",
  mood: "Mood",
  checkin: "Check-in",
  lapse: "Lapse",
};
