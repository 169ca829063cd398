// Each chart said in words: the sentence a screen reader hears for the chart (and sighted
// people read under its title). Null means there is nothing to draw, and the screen says so
// plainly instead of showing an empty chart.
import type { DayCravings, DayMood, DurationFigures, HaltCounts, HeatCell, TriggerCount, WeekAttendance, WhatWorks } from "./api";
import { countOf, formatAverage, formatPercent, listInWords, medianSentence } from "./figures";
import { dayRowLabel, HALT_ROWS, hourSpan, weekdayNames } from "./insight-labels";

/** "42 cravings over 30 days, on 18 of them. …" */
export function cravingsSummary(days: DayCravings[], averageIntensity: number | null): string | null {
  const total = days.reduce((sum, d) => sum + d.count, 0);
  if (total === 0) return null;
  const withAny = days.filter((d) => d.count > 0).length;
  const busiest = days.reduce((best, d) => (d.count > best.count ? d : best), days[0]);
  const parts = [`${countOf(total, "craving")} over ${countOf(days.length, "day")}, on ${withAny} of them.`];
  const average = formatAverage(averageIntensity);
  if (average !== null) parts.push(`Average intensity ${average} out of 10.`);
  parts.push(`The most in one day was ${busiest.count}, on ${dayRowLabel(busiest.day)}.`);
  return parts.join(" ");
}

/** "Mood check-ins on 20 of 30 days, averaging 6.1 out of 10. …" */
export function moodSummary(days: DayMood[], averageMood: number | null): string | null {
  const withMood = days.filter((d) => d.average !== null);
  if (withMood.length === 0) return null;
  const parts = [`Mood check-ins on ${withMood.length} of ${countOf(days.length, "day")}`];
  const average = formatAverage(averageMood);
  parts[0] += average === null ? "." : `, averaging ${average} out of 10.`;
  const rolling = days.filter((d) => d.rollingAverage !== null);
  if (rolling.length >= 2) {
    const first = formatAverage(rolling[0].rollingAverage);
    const last = formatAverage(rolling[rolling.length - 1].rollingAverage);
    parts.push(`The 7-day average was ${first} on ${dayRowLabel(rolling[0].day)} and ${last} on ${dayRowLabel(rolling[rolling.length - 1].day)}.`);
  }
  return parts.join(" ");
}

/** "Most often linked to cravings: Feeling stressed (12), Payday (7) and Old friends (4)." */
export function triggersSummary(top: TriggerCount[]): string | null {
  if (top.length === 0) return null;
  const named = top.slice(0, 3).map((t) => `${t.name} (${t.count})`);
  return `Most often linked to cravings: ${listInWords(named)}.`;
}

/** The busiest weekday and hour: "Most cravings came on a Friday (9 of 42); …". */
export function heatmapSummary(cells: HeatCell[]): string | null {
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  if (total === 0) return null;
  const byDay = new Array<number>(7).fill(0);
  const byHour = new Array<number>(24).fill(0);
  for (const cell of cells) {
    if (cell.weekday < 7) byDay[cell.weekday] += cell.count;
    if (cell.hour < 24) byHour[cell.hour] += cell.count;
  }
  const day = byDay.indexOf(Math.max(...byDay));
  const hour = byHour.indexOf(Math.max(...byHour));
  return (
    `Of ${countOf(total, "craving")}, the most came on a ${weekdayNames("long")[day]} (${byDay[day]}), ` +
    `and the busiest hour was ${hourSpan(hour)} (${byHour[hour]}).`
  );
}

/** "Of 42 cravings: tired on 15, lonely on 9, …; none ticked on 20." */
export function haltSummary(halt: HaltCounts): string | null {
  if (halt.total === 0) return null;
  const states = HALT_ROWS.filter((row) => row.key !== "none")
    .map((row) => ({ label: row.label.toLowerCase(), count: halt[row.key] }))
    .sort((a, b) => b.count - a.count)
    .map((s) => `${s.label} on ${s.count}`);
  return `Of ${countOf(halt.total, "craving")}: ${states.join(", ")}; none ticked on ${halt.none}.`;
}

/** The median in words, and how many cravings it rests on. */
export function durationSummary(durations: DurationFigures): string | null {
  if (durations.recorded === 0) return null;
  const basis = `${countOf(durations.recorded, "craving")} ${durations.recorded === 1 ? "has" : "have"} a length recorded.`;
  const median = medianSentence(durations.medianMinutes);
  return median === null ? basis : `${median} ${basis}`;
}

/** How often each strategy's cravings passed without using, with the number behind it. */
export function whatWorksSummary(works: WhatWorks[]): string | null {
  if (works.length === 0) return null;
  const rated = works.filter((w) => w.withOutcome > 0 && w.passRate !== null);
  if (rated.length === 0) return "Coping was noted on cravings, but none of them has an outcome logged yet.";
  const said = rated
    .slice(0, 3)
    .map((w) => `${w.title}, ${w.passed} of ${w.withOutcome} (${formatPercent(w.passRate ?? 0)})`);
  return `Cravings that passed without using, by what was tried: ${listInWords(said)}.`;
}

/** "12 meetings attended and 3 marked missed in these days." */
export function attendanceSummary(weeks: WeekAttendance[]): string | null {
  const attended = weeks.reduce((sum, w) => sum + w.attended, 0);
  const missed = weeks.reduce((sum, w) => sum + w.missed, 0);
  if (attended + missed === 0) return null;
  // Only the range's own days count, so a first or last week may be partial: say "these days",
  // not a number of weeks.
  return `${countOf(attended, "meeting")} attended and ${missed} marked missed in these days.`;
}
