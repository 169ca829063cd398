import type { ChartConfiguration } from "chart.js";
import { describe, expect, it } from "vitest";
import { emptyInsights } from "../../test/insights-fixtures";
import { setDayLocale } from "../day";
import {
  attendanceChart,
  cravingsChart,
  fade,
  haltChart,
  heatmapChart,
  LABEL_MAX_CHARS,
  shortLabel,
  moodChart,
  whatWorksChart,
} from "./configs";
import { FALLBACK_THEME } from "./theme";

const WEEK = { from: "2026-11-16", to: "2026-11-22" };
const dark = { ...FALLBACK_THEME, text: "#e9e7e2", grid: "#33373d", primary: "#7cc3b1", neutral: "#7c8088" };

function datasets(config: ChartConfiguration) {
  return config.data.datasets;
}

describe("chart configurations", () => {
  it("draws cravings as bars and their average intensity as a line on a 0-10 axis", () => {
    setDayLocale("en-GB");
    const days = emptyInsights(WEEK).cravingsPerDay;
    days[3] = { day: "2026-11-19", count: 2, averageIntensity: 7.5, maxIntensity: 9 };
    const config = cravingsChart(days, FALLBACK_THEME);
    expect(config.data.labels).toHaveLength(7);
    expect(config.data.labels?.[3]).toMatch(/^19 Nov/);
    expect(datasets(config)[0]).toMatchObject({ type: "bar", data: [0, 0, 0, 2, 0, 0, 0] });
    // Days without cravings have no average: a gap, never a 0.
    expect(datasets(config)[1]).toMatchObject({ type: "line", data: [null, null, null, 7.5, null, null, null], yAxisID: "intensity" });
    expect(config.options?.scales?.intensity).toMatchObject({ min: 0, max: 10 });
    expect(config.options?.animation).toBeUndefined();
  });

  it("takes its colours from the theme, so dark mode redraws in dark colours", () => {
    const days = emptyInsights(WEEK).cravingsPerDay;
    const light = cravingsChart(days, FALLBACK_THEME);
    const night = cravingsChart(days, dark);
    expect(datasets(night)[0].borderColor).toBe(dark.primary);
    expect(light.options?.scales?.x?.ticks?.color).toBe(FALLBACK_THEME.text);
    expect(night.options?.scales?.x?.ticks?.color).toBe(dark.text);
    expect(night.options?.scales?.x?.grid?.color).toBe(dark.grid);
  });

  it("keeps the mood's 7-day average joined across days without a check-in", () => {
    const days = emptyInsights(WEEK).moodPerDay;
    days[0] = { day: "2026-11-16", average: 6, rollingAverage: 6 };
    days[4] = { day: "2026-11-20", average: 4, rollingAverage: 5 };
    const config = moodChart(days, FALLBACK_THEME);
    expect(datasets(config)[0].data).toEqual([6, null, null, null, 4, null, null]);
    expect(datasets(config)[1]).toMatchObject({ label: "7-day average", spanGaps: true });
    expect(config.options?.scales?.y).toMatchObject({ min: 1, max: 10 });
  });

  it("lays the heatmap out as 7 weekdays by 24 hours, shading by count", () => {
    setDayLocale("en-GB");
    const cells = emptyInsights(WEEK).heatmap;
    cells[4 * 24 + 18].count = 4; // Friday 18:00
    cells[0].count = 1; // Monday 00:00
    const config = heatmapChart(cells, FALLBACK_THEME);
    const points = datasets(config)[0].data as { x: string; y: string; v: number }[];
    expect(points).toHaveLength(168);
    expect(points[4 * 24 + 18]).toEqual({ x: "18:00", y: "Fri", v: 4 });
    expect(config.options?.scales?.y).toMatchObject({ type: "category", labels: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], reverse: false });
    const shade = datasets(config)[0].backgroundColor as (context: { raw: unknown }) => string;
    expect(shade({ raw: { v: 0 } })).toBe(FALLBACK_THEME.empty);
    // The busiest cell is the accent at full strength; a quieter one is fainter.
    expect(shade({ raw: { v: 4 } })).toBe(fade(FALLBACK_THEME.primary, 1));
    expect(shade({ raw: { v: 1 } })).toBe(fade(FALLBACK_THEME.primary, 0.4));
  });

  it("shows HALT's 'none ticked' in the quiet colour", () => {
    const config = haltChart({ hungry: 1, angry: 2, lonely: 3, tired: 4, none: 5, total: 12 }, dark);
    expect(config.data.labels).toEqual(["Hungry", "Angry", "Lonely", "Tired", "None ticked"]);
    expect(datasets(config)[0].data).toEqual([1, 2, 3, 4, 5]);
    expect(datasets(config)[0].backgroundColor).toEqual([dark.primary, dark.primary, dark.primary, dark.primary, dark.neutral]);
  });

  it("charts only strategies with an outcome, labelled with the cravings behind them", () => {
    const config = whatWorksChart(
      [
        { strategyId: 1, title: "Walk", tried: 6, withOutcome: 5, passed: 4, passRate: 0.8, withDrop: 0, averageDrop: null },
        { strategyId: 2, title: "Tea", tried: 1, withOutcome: 0, passed: 0, passRate: null, withDrop: 0, averageDrop: null },
      ],
      FALLBACK_THEME,
    );
    expect(config.data.labels).toEqual(["Walk (5)"]);
    expect(datasets(config)[0].data).toEqual([80]);
  });

  it("stacks meetings attended and missed per week", () => {
    const config = attendanceChart(
      [
        { weekStart: "2026-11-09", attended: 2, missed: 1 },
        { weekStart: "2026-11-16", attended: 0, missed: 2 },
      ],
      FALLBACK_THEME,
    );
    expect(datasets(config).map((d) => [d.label, d.data])).toEqual([
      ["Attended", [2, 0]],
      ["Missed", [1, 2]],
    ]);
    expect(config.options?.scales?.y).toMatchObject({ stacked: true });
  });
});

describe("shortLabel", () => {
  it("keeps short names and cuts long ones to the limit with an ellipsis", () => {
    expect(shortLabel("Money worries")).toBe("Money worries");
    const long = "Late bus home after the evening shift on a Friday";
    const cut = shortLabel(long);
    expect(Array.from(cut)).toHaveLength(LABEL_MAX_CHARS);
    expect(cut.endsWith("…")).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  });
});

describe("whatWorksChart labels", () => {
  it("cut a long strategy name before adding its count, so the count always shows", () => {
    const long = {
      strategyId: 1,
      title: "Give your mind something else to do for a while",
      tried: 18,
      withOutcome: 18,
      passed: 18,
      passRate: 1,
      withDrop: 0,
      averageDrop: null,
    };
    const config = whatWorksChart([long], FALLBACK_THEME);
    const label = String(config.data.labels?.[0]);
    expect(label.endsWith("(18)")).toBe(true);
    expect(Array.from(label).length).toBeLessThanOrEqual(LABEL_MAX_CHARS);
  });
});
