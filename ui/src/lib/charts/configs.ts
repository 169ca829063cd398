// What each insights chart draws, as Chart.js configurations built from the backend's figures
// and the current theme. Pure functions: the same figures and theme give the same chart.
import type { ChartConfiguration, ScriptableContext } from "chart.js";
import { color } from "chart.js/helpers";
import type { DayCravings, DayMood, DurationBand, HaltCounts, HeatCell, TriggerCount, WeekAttendance, WhatWorks } from "../api";
import { dayAxisLabel, HALT_ROWS, hourLabel, hourSpan, weekdayNames, weekLabel } from "../insight-labels";
import type { ChartTheme } from "./theme";

/** A colour with some transparency, e.g. for bars behind a line. */
export function fade(value: string, alpha: number): string {
  const parsed = color(value);
  return parsed.valid ? parsed.alpha(alpha).rgbString() : value;
}

function font(theme: ChartTheme) {
  return { family: theme.font, size: 13 };
}

/** A themed axis, with an optional title. */
function axis(theme: ChartTheme, title?: string) {
  return {
    ticks: { color: theme.text, font: font(theme) },
    grid: { color: theme.grid },
    border: { color: theme.grid },
    title: title ? { display: true, text: title, color: theme.muted, font: font(theme) } : { display: false },
  };
}

/** Longest category label drawn beside a bar; the figure's table has the whole name. */
export const LABEL_MAX_CHARS = 24;

/** `label`, cut with "…" when longer than `max` characters. */
export function shortLabel(label: string, max = LABEL_MAX_CHARS): string {
  const chars = Array.from(label);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : label;
}

/** A category axis of names (triggers, strategies): long names are cut so they never clip. */
function nameAxis(theme: ChartTheme) {
  const base = axis(theme);
  return {
    ...base,
    grid: { display: false },
    ticks: {
      ...base.ticks,
      callback(this: { getLabelForValue(value: number): string }, value: number | string) {
        return shortLabel(this.getLabelForValue(Number(value)));
      },
    },
  };
}

/** A count axis: whole numbers from zero. */
function countAxis(theme: ChartTheme, title?: string) {
  const base = axis(theme, title);
  return { ...base, beginAtZero: true, ticks: { ...base.ticks, precision: 0 } };
}

function legend(theme: ChartTheme, display: boolean) {
  return { display, labels: { color: theme.text, font: font(theme), boxWidth: 14 } };
}

/** Cravings per day as bars, with their average intensity as a line on its own 0-10 axis. */
export function cravingsChart(days: DayCravings[], theme: ChartTheme): ChartConfiguration {
  return {
    type: "bar",
    data: {
      labels: days.map((d) => dayAxisLabel(d.day)),
      datasets: [
        {
          type: "bar",
          label: "Cravings",
          data: days.map((d) => d.count),
          backgroundColor: fade(theme.primary, 0.75),
          borderColor: theme.primary,
          yAxisID: "y",
          order: 2,
        },
        {
          type: "line",
          label: "Average intensity",
          data: days.map((d) => d.averageIntensity),
          borderColor: theme.secondary,
          backgroundColor: theme.secondary,
          pointRadius: 3,
          spanGaps: false,
          yAxisID: "intensity",
          order: 1,
        },
      ],
    },
    options: {
      scales: {
        x: axis(theme),
        y: countAxis(theme, "Cravings"),
        intensity: {
          ...axis(theme, "Average intensity (0 to 10)"),
          position: "right",
          min: 0,
          max: 10,
          grid: { drawOnChartArea: false, color: theme.grid },
        },
      },
      plugins: { legend: legend(theme, true) },
    },
  };
}

/** Each day's mood as points, and the 7-day average as a line through them. */
export function moodChart(days: DayMood[], theme: ChartTheme): ChartConfiguration {
  return {
    type: "line",
    data: {
      labels: days.map((d) => dayAxisLabel(d.day)),
      datasets: [
        {
          label: "Mood that day",
          data: days.map((d) => d.average),
          borderColor: theme.tertiary,
          backgroundColor: theme.tertiary,
          showLine: false,
          pointRadius: 3.5,
        },
        {
          label: "7-day average",
          data: days.map((d) => d.rollingAverage),
          borderColor: theme.primary,
          backgroundColor: theme.primary,
          borderWidth: 3,
          pointRadius: 0,
          spanGaps: true,
          tension: 0.25,
        },
      ],
    },
    options: {
      scales: { x: axis(theme), y: { ...axis(theme, "Mood (1 to 10)"), min: 1, max: 10 } },
      plugins: { legend: legend(theme, true) },
    },
  };
}

/** The most frequent triggers as horizontal bars, most first. */
export function triggersChart(top: TriggerCount[], theme: ChartTheme): ChartConfiguration {
  return {
    type: "bar",
    data: {
      labels: top.map((t) => t.name),
      datasets: [{ label: "Cravings", data: top.map((t) => t.count), backgroundColor: theme.primary }],
    },
    options: {
      indexAxis: "y",
      scales: { x: countAxis(theme, "Cravings"), y: nameAxis(theme) },
      plugins: { legend: legend(theme, false) },
    },
  };
}

/** Weekday by hour: each cell shaded by how many cravings came then. */
export function heatmapChart(cells: HeatCell[], theme: ChartTheme): ChartConfiguration {
  const days = weekdayNames("short");
  const hours = Array.from({ length: 24 }, (_, h) => hourLabel(h));
  const max = Math.max(1, ...cells.map((c) => c.count));
  const shade = (count: number) => (count === 0 ? theme.empty : fade(theme.primary, 0.2 + 0.8 * (count / max)));
  const valueOf = (context: ScriptableContext<"matrix">) => (context.raw as { v?: number } | undefined)?.v ?? 0;
  return {
    type: "matrix",
    data: {
      datasets: [
        {
          label: "Cravings",
          data: cells.map((c) => ({ x: hourLabel(c.hour), y: days[c.weekday] ?? "", v: c.count })),
          backgroundColor: (context: ScriptableContext<"matrix">) => shade(valueOf(context)),
          borderColor: theme.surface,
          borderWidth: 1,
          width: ({ chart }) => (chart.chartArea?.width ?? 0) / 24 - 1,
          height: ({ chart }) => (chart.chartArea?.height ?? 0) / 7 - 1,
        },
      ],
    },
    options: {
      scales: {
        x: { ...axis(theme, "Hour of the day"), type: "category", labels: hours, offset: true, grid: { display: false } },
        y: { ...axis(theme), type: "category", labels: days, offset: true, reverse: false, grid: { display: false } },
      },
      plugins: {
        legend: legend(theme, false),
        tooltip: {
          callbacks: {
            title: () => "",
            label: (context) => {
              const cell = context.raw as { x: string; y: string; v: number };
              const hour = hours.indexOf(cell.x);
              return `${cell.y} ${hourSpan(Math.max(0, hour))}: ${cell.v}`;
            },
          },
        },
      },
    },
  };
}

/** How many cravings had each HALT state ticked; "none ticked" in a quieter colour. */
export function haltChart(halt: HaltCounts, theme: ChartTheme): ChartConfiguration {
  return {
    type: "bar",
    data: {
      labels: HALT_ROWS.map((row) => row.label),
      datasets: [
        {
          label: "Cravings",
          data: HALT_ROWS.map((row) => halt[row.key]),
          backgroundColor: HALT_ROWS.map((row) => (row.key === "none" ? theme.neutral : theme.primary)),
        },
      ],
    },
    options: {
      scales: { x: { ...axis(theme), grid: { display: false } }, y: countAxis(theme, "Cravings") },
      plugins: { legend: legend(theme, false) },
    },
  };
}

/** Cravings by how long they lasted, shortest band first. */
export function durationChart(bands: DurationBand[], theme: ChartTheme): ChartConfiguration {
  return {
    type: "bar",
    data: {
      labels: bands.map((b) => b.label),
      datasets: [{ label: "Cravings", data: bands.map((b) => b.count), backgroundColor: theme.primary }],
    },
    options: {
      scales: { x: { ...axis(theme, "How long it lasted"), grid: { display: false } }, y: countAxis(theme, "Cravings") },
      plugins: { legend: legend(theme, false) },
    },
  };
}

/** The strategies with an outcome to go on: how often the craving passed without using. */
export function whatWorksChart(works: WhatWorks[], theme: ChartTheme): ChartConfiguration {
  const rated = works.filter((w) => w.withOutcome > 0 && w.passRate !== null);
  return {
    type: "bar",
    data: {
      // The name is cut before its count is added, so the count always shows.
      labels: rated.map((w) => `${shortLabel(w.title, LABEL_MAX_CHARS - 6)} (${w.withOutcome})`),
      datasets: [
        {
          label: "Passed without using",
          data: rated.map((w) => Math.round((w.passRate ?? 0) * 100)),
          backgroundColor: theme.primary,
        },
      ],
    },
    options: {
      indexAxis: "y",
      scales: {
        x: { ...axis(theme, "Passed without using (%)"), min: 0, max: 100 },
        y: { ...axis(theme), grid: { display: false } },
      },
      plugins: {
        legend: legend(theme, false),
        tooltip: {
          callbacks: {
            label: (context) => {
              const w = rated[context.dataIndex];
              return w ? `Passed without using: ${w.passed} of ${w.withOutcome}` : "";
            },
          },
        },
      },
    },
  };
}

/** Meetings per week, attended and missed stacked; missed in a quiet colour, not an alarm. */
export function attendanceChart(weeks: WeekAttendance[], theme: ChartTheme): ChartConfiguration {
  return {
    type: "bar",
    data: {
      labels: weeks.map((w) => weekLabel(w.weekStart)),
      datasets: [
        { label: "Attended", data: weeks.map((w) => w.attended), backgroundColor: theme.primary },
        { label: "Missed", data: weeks.map((w) => w.missed), backgroundColor: theme.neutral },
      ],
    },
    options: {
      scales: {
        x: { ...axis(theme), stacked: true, grid: { display: false } },
        y: { ...countAxis(theme, "Meetings"), stacked: true },
      },
      plugins: { legend: legend(theme, true) },
    },
  };
}
