// Each chart's numbers as a table: the alternative to the drawing behind "Show as a table", and
// the tables the summary preview prints. Rows are named by their first column (a row header).
import type {
  AnswerCount,
  DayCravings,
  DayMood,
  DurationFigures,
  HaltCounts,
  HeatCell,
  TriggerCount,
  WeekAttendance,
  WhatWorks,
} from "./api";
import { formatAverage, formatPercent } from "./figures";
import { dayRowLabel, HALT_ROWS, hourSpan, weekdayNames, weekLabel } from "./insight-labels";

/** One row: a key unique in the table, the row's name, then its other cells in column order. */
export type TableRow = { key: string | number; head: string; cells: (string | number)[] };

/** A table's column headings (the first names the row headers) and its rows. */
export type TableData = { columns: string[]; rows: TableRow[] };

/** Cravings per day: how many, their average intensity and the strongest. */
export function cravingsTable(days: DayCravings[]): TableData {
  return {
    columns: ["Day", "Cravings", "Average intensity", "Strongest"],
    rows: days.map((d) => ({
      key: d.day,
      head: dayRowLabel(d.day),
      cells: [d.count, formatAverage(d.averageIntensity) ?? "none", d.maxIntensity ?? "none"],
    })),
  };
}

/** Mood per day and its 7-day average, from the first day with either figure. */
export function moodTable(days: DayMood[]): TableData {
  // Days before the first check-in have neither figure: the table starts where the numbers do.
  const shown = days.filter((d) => d.average !== null || d.rollingAverage !== null);
  return {
    columns: ["Day", "Mood that day", "7-day average"],
    rows: shown.map((d) => ({
      key: d.day,
      head: dayRowLabel(d.day),
      cells: [formatAverage(d.average) ?? "no check-in", formatAverage(d.rollingAverage) ?? "none"],
    })),
  };
}

/** The triggers linked to cravings most often, with their counts. */
export function triggersTable(top: TriggerCount[]): TableData {
  return {
    columns: ["Trigger", "Cravings"],
    rows: top.map((t) => ({ key: t.triggerId, head: t.name, cells: [t.count] })),
  };
}

/** Cravings by weekday and hour, only the hours that had any. */
export function heatmapTable(cells: HeatCell[]): TableData {
  const names = weekdayNames("long");
  // Only the hours with cravings: 168 rows of mostly zeros would bury them.
  const busy = cells.filter((c) => c.count > 0);
  return {
    columns: ["Weekday", "Hour", "Cravings"],
    rows: busy.map((c) => ({ key: `${c.weekday}-${c.hour}`, head: names[c.weekday], cells: [hourSpan(c.hour), c.count] })),
  };
}

/** Cravings with each HALT state ticked. */
export function haltTable(halt: HaltCounts): TableData {
  return {
    columns: ["State", "Cravings"],
    rows: HALT_ROWS.map((row) => ({ key: row.key, head: row.label, cells: [halt[row.key]] })),
  };
}

/** Cravings by how long they lasted. */
export function durationTable(durations: DurationFigures): TableData {
  return {
    columns: ["How long", "Cravings"],
    rows: durations.bands.map((band) => ({ key: band.label, head: band.label, cells: [band.count] })),
  };
}

/** Each strategy: how often it was tried, how often the craving passed, and the share. */
export function whatWorksTable(works: WhatWorks[]): TableData {
  return {
    columns: ["Strategy", "Cravings it was tried on", "Passed without using", "Share"],
    rows: works.map((w) => ({
      key: w.strategyId,
      head: w.title,
      cells: [
        w.tried,
        w.withOutcome === 0 ? "no outcome logged yet" : `${w.passed} of ${w.withOutcome}`,
        w.passRate === null ? "none" : formatPercent(w.passRate),
      ],
    })),
  };
}

/** The summary's coping table: only what was tried, the share beside its counts. */
export function copingTable(works: WhatWorks[]): TableData {
  return {
    columns: ["Strategy", "Tried", "Passed without using"],
    rows: works
      .filter((w) => w.tried > 0)
      .map((w) => ({
        key: w.strategyId,
        head: w.title,
        cells: [w.tried, w.passRate === null ? "no outcome logged" : `${w.passed} of ${w.withOutcome} (${formatPercent(w.passRate)})`],
      })),
  };
}

/** Meetings attended and missed, week by week. */
export function attendanceTable(weeks: WeekAttendance[]): TableData {
  return {
    columns: ["Week", "Attended", "Missed"],
    rows: weeks.map((w) => ({ key: w.weekStart, head: weekLabel(w.weekStart), cells: [w.attended, w.missed] })),
  };
}

/** Each check-in question's yes and no counts. */
export function answersTable(answers: AnswerCount[]): TableData {
  return {
    columns: ["Question", "Yes", "No"],
    rows: answers.map((a) => ({ key: a.key, head: a.label, cells: [a.yes, a.no] })),
  };
}
