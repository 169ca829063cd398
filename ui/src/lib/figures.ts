// Numbers as the insights screens say them: averages to one decimal in the person's locale,
// counts with their noun, and "this week" beside "the week before" without judging either.
import type { OutcomeCounts, PeriodFigures } from "./api";
import { getDisplayLocale } from "./time";

/** An average to one decimal ("6.5"), or null when there was nothing to average. */
export function formatAverage(value: number | null): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  return new Intl.NumberFormat(getDisplayLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A number with at most one decimal, dropping ".0" ("12", "12.5"). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(getDisplayLocale(), { maximumFractionDigits: 1 }).format(value);
}

/** A share from 0 to 1 as a whole percentage ("75%"). */
export function formatPercent(share: number): string {
  return new Intl.NumberFormat(getDisplayLocale(), { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** "1 craving", "3 cravings". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One line of the week comparison: what it counts, this week's figure, and the week before. */
export type WeekRow = { label: string; value: string; before: string };

/** "5 (7 the week before)": the two figures side by side, in words, with no verdict. */
function compare(label: string, now: string, before: string, unit = ""): WeekRow {
  return {
    label,
    value: `${now}${unit}`,
    before: now === before ? "(the same as the week before)" : `(${before} the week before)`,
  };
}

/** An average out of 10 ("6.5 out of 10"), or `nothing` when there is nothing to average. */
export function outOfTen(value: number | null, nothing: string): string {
  const text = formatAverage(value);
  return text === null ? nothing : `${text} out of 10`;
}

/** An average alone ("6.5"), or `nothing`; the unit is said once, on this week's figure. */
function average(value: number | null, nothing: string): string {
  return formatAverage(value) ?? nothing;
}

/** The dashboard's comparison of the last 7 days with the 7 before, line by line. */
export function weekRows(thisWeek: PeriodFigures, lastWeek: PeriodFigures): WeekRow[] {
  const intensity = [average(thisWeek.averageIntensity, "none logged"), average(lastWeek.averageIntensity, "none logged")];
  const mood = [average(thisWeek.averageMood, "no check-ins"), average(lastWeek.averageMood, "no check-ins")];
  return [
    compare("Cravings", String(thisWeek.cravings), String(lastWeek.cravings)),
    compare("Average intensity", intensity[0], intensity[1], thisWeek.averageIntensity === null ? "" : " out of 10"),
    compare("Average mood", mood[0], mood[1], thisWeek.averageMood === null ? "" : " out of 10"),
    compare("Check-ins done", `${thisWeek.checkinsDone} of ${thisWeek.days}`, `${lastWeek.checkinsDone} of ${lastWeek.days}`),
    compare("Meetings attended", String(thisWeek.meetingsAttended), String(lastWeek.meetingsAttended)),
  ];
}

/** One figure as a term and its value, e.g. "Cravings" and "12". */
export type FigureRow = { label: string; value: string };

/** A range's main figures, as the Insights screen and the summary's overview both list them. */
export function periodTotals(totals: PeriodFigures, outcomes: OutcomeCounts): FigureRow[] {
  return [
    { label: "Cravings", value: String(totals.cravings) },
    { label: "Passed without using", value: `${outcomes.passed} of ${totals.cravings}` },
    { label: "Average intensity", value: outOfTen(totals.averageIntensity, "none logged") },
    { label: "Average mood", value: outOfTen(totals.averageMood, "no check-ins") },
    { label: "Check-ins done", value: `${totals.checkinsDone} of ${totals.days} days` },
    { label: "Meetings", value: `${totals.meetingsAttended} attended, ${totals.meetingsMissed} missed` },
  ];
}

/** "Half of your cravings with a recorded length were over within 12 minutes." */
export function medianSentence(medianMinutes: number | null): string | null {
  if (medianMinutes === null || !Number.isFinite(medianMinutes)) return null;
  const minutes = medianMinutes === 1 ? "1 minute" : `${formatNumber(medianMinutes)} minutes`;
  return `Half of your cravings with a recorded length were over within ${minutes}.`;
}

/** "Walk, talk and breathe": a list joined the way a sentence reads. */
export function listInWords(items: string[]): string {
  return new Intl.ListFormat(getDisplayLocale() ?? "en", { style: "long", type: "conjunction" }).format(items);
}
