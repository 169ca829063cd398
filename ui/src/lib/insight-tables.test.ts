import { describe, expect, it } from "vitest";
import { emptyInsights } from "../test/insights-fixtures";
import { setDayLocale } from "./day";
import {
  answersTable,
  attendanceTable,
  copingTable,
  cravingsTable,
  haltTable,
  heatmapTable,
  moodTable,
  whatWorksTable,
  type TableData,
} from "./insight-tables";
import { setDisplayLocale } from "./time";

const WEEK = { from: "2026-11-16", to: "2026-11-22" };

/** A row's cells by its name, or undefined when the table has no such row. */
function cellsOf(table: TableData, head: string): (string | number)[] | undefined {
  return table.rows.find((r) => r.head === head)?.cells;
}

/** Every row has as many cells as the columns after the row header, and a unique key. */
function expectWellFormed(table: TableData): void {
  for (const row of table.rows) expect(row.cells).toHaveLength(table.columns.length - 1);
  expect(new Set(table.rows.map((r) => r.key)).size).toBe(table.rows.length);
}

describe("each chart as a table", () => {
  it("lists every day of cravings, saying none where there was nothing to average", () => {
    setDayLocale("en-GB");
    setDisplayLocale("en-GB");
    const days = emptyInsights(WEEK).cravingsPerDay;
    days[2] = { day: "2026-11-18", count: 3, averageIntensity: 6.5, maxIntensity: 8 };
    const table = cravingsTable(days);
    expectWellFormed(table);
    expect(table.rows).toHaveLength(days.length);
    expect(cellsOf(table, "Wed 18 Nov")).toEqual([3, "6.5", 8]);
    expect(cellsOf(table, "Thu 19 Nov")).toEqual([0, "none", "none"]);
  });

  it("starts the mood table at the first day with a figure", () => {
    setDayLocale("en-GB");
    const days = emptyInsights(WEEK).moodPerDay;
    days[3] = { day: "2026-11-19", average: 7, rollingAverage: 7 };
    days[4] = { day: "2026-11-20", average: null, rollingAverage: 7 };
    const table = moodTable(days);
    expectWellFormed(table);
    expect(table.rows.map((r) => r.key)).toEqual(["2026-11-19", "2026-11-20"]);
    expect(cellsOf(table, "Fri 20 Nov")).toEqual(["no check-in", "7.0"]);
  });

  it("lists only the hours with cravings, each once", () => {
    const cells = emptyInsights(WEEK).heatmap;
    cells[4 * 24 + 18].count = 2;
    cells[0 * 24 + 7].count = 1;
    const table = heatmapTable(cells);
    expectWellFormed(table);
    const total = table.rows.reduce((sum, r) => sum + Number(r.cells[1]), 0);
    expect(total).toBe(cells.reduce((sum, c) => sum + c.count, 0));
    expect(table.rows.map((r) => r.head)).toEqual(["Monday", "Friday"]);
    expect(table.rows[1].cells).toEqual(["18:00 to 19:00", 2]);
  });

  it("gives every HALT state a row, none ticked last", () => {
    const halt = { hungry: 1, angry: 0, lonely: 2, tired: 3, none: 4, total: 9 };
    const table = haltTable(halt);
    expectWellFormed(table);
    expect(table.rows.map((r) => r.cells[0])).toEqual([halt.hungry, halt.angry, halt.lonely, halt.tired, halt.none]);
    expect(table.rows.at(-1)?.head).toBe("None ticked");
  });

  it("says what works with its counts, and the summary leaves out what was never tried", () => {
    setDisplayLocale("en-GB");
    const works = [
      { strategyId: 7, title: "Go for a walk", tried: 4, withOutcome: 4, passed: 3, passRate: 0.75, withDrop: 4, averageDrop: 3 },
      { strategyId: 8, title: "Cold water", tried: 1, withOutcome: 0, passed: 0, passRate: null, withDrop: 0, averageDrop: null },
      { strategyId: 9, title: "Call a friend", tried: 0, withOutcome: 0, passed: 0, passRate: null, withDrop: 0, averageDrop: null },
    ];
    const chart = whatWorksTable(works);
    expectWellFormed(chart);
    expect(cellsOf(chart, "Go for a walk")).toEqual([4, "3 of 4", "75%"]);
    expect(cellsOf(chart, "Cold water")).toEqual([1, "no outcome logged yet", "none"]);
    const coping = copingTable(works);
    expectWellFormed(coping);
    expect(coping.rows.map((r) => r.head)).toEqual(works.filter((w) => w.tried > 0).map((w) => w.title));
    expect(cellsOf(coping, "Go for a walk")).toEqual([4, "3 of 4 (75%)"]);
  });

  it("lists meetings by week and check-in answers by question", () => {
    setDayLocale("en-GB");
    const weeks = attendanceTable([{ weekStart: "2026-11-16", attended: 2, missed: 1 }]);
    expectWellFormed(weeks);
    expect(cellsOf(weeks, "Week of 16 Nov")).toEqual([2, 1]);
    const answers = answersTable([{ key: "took_medication", label: "Took medication as prescribed", yes: 5, no: 2 }]);
    expectWellFormed(answers);
    expect(cellsOf(answers, "Took medication as prescribed")).toEqual([5, 2]);
  });
});
