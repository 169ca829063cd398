import { describe, expect, it } from "vitest";
import { periodFigures } from "../test/insights-fixtures";
import { countOf, formatAverage, formatNumber, formatPercent, listInWords, medianSentence, periodTotals, weekRows } from "./figures";
import { setDisplayLocale } from "./time";

describe("figures in words", () => {
  it("says averages to one decimal and nothing for no data (never 0)", () => {
    setDisplayLocale("en-GB");
    expect(formatAverage(6)).toBe("6.0");
    expect(formatAverage(6.44)).toBe("6.4");
    expect(formatAverage(null)).toBeNull();
    expect(formatNumber(12)).toBe("12");
    expect(formatNumber(12.5)).toBe("12.5");
    expect(formatPercent(0.75)).toBe("75%");
    expect(countOf(1, "craving")).toBe("1 craving");
    expect(countOf(0, "craving")).toBe("0 cravings");
    expect(listInWords(["a", "b", "c"])).toBe("a, b and c");
    setDisplayLocale("de-DE");
    expect(formatAverage(6.5)).toBe("6,5");
    setDisplayLocale("en-GB");
  });

  it("says the median so that cravings are seen to pass", () => {
    expect(medianSentence(12)).toBe("Half of your cravings with a recorded length were over within 12 minutes.");
    expect(medianSentence(1)).toBe("Half of your cravings with a recorded length were over within 1 minute.");
    expect(medianSentence(7.5)).toBe("Half of your cravings with a recorded length were over within 7.5 minutes.");
    expect(medianSentence(null)).toBeNull();
  });

  it("puts this week beside the week before without a verdict", () => {
    const thisWeek = periodFigures(
      { from: "2026-11-16", to: "2026-11-22" },
      { cravings: 3, averageIntensity: null, averageMood: 5, checkinsDone: 7, meetingsAttended: 1 },
    );
    const lastWeek = periodFigures(
      { from: "2026-11-09", to: "2026-11-15" },
      { cravings: 3, averageIntensity: 7.25, averageMood: 5, checkinsDone: 2, meetingsAttended: 0 },
    );
    const rows = weekRows(thisWeek, lastWeek).map((r) => `${r.label}: ${r.value} ${r.before}`);
    expect(rows).toEqual([
      "Cravings: 3 (the same as the week before)",
      "Average intensity: none logged (7.3 the week before)",
      "Average mood: 5.0 out of 10 (the same as the week before)",
      "Check-ins done: 7 of 7 (2 of 7 the week before)",
      "Meetings attended: 1 (0 the week before)",
    ]);
  });

  it("lists a range's totals the same way wherever they are shown", () => {
    setDisplayLocale("en-GB");
    const totals = periodFigures(
      { from: "2026-11-16", to: "2026-11-22" },
      { cravings: 5, averageIntensity: 5.5, checkinsDone: 3, meetingsAttended: 2, meetingsMissed: 1 },
    );
    const rows = periodTotals(totals, { passed: 4, used: 0, ongoing: 0, unrecorded: 1 });
    const value = (label: string) => rows.find((r) => r.label === label)?.value;
    expect(new Set(rows.map((r) => r.label)).size).toBe(rows.length);
    expect(value("Passed without using")).toBe(`4 of ${totals.cravings}`);
    expect(value("Average intensity")).toBe("5.5 out of 10");
    expect(value("Average mood")).toBe("no check-ins");
    expect(value("Check-ins done")).toBe(`3 of ${totals.days} days`);
    expect(value("Meetings")).toBe("2 attended, 1 missed");
  });
});
