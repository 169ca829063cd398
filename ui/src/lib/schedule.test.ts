import { describe, expect, it } from "vitest";
import type { Recurrence } from "./api";
import {
  groupByDay,
  meetingSummary,
  newRepeatDraft,
  ordinal,
  recurrenceFrom,
  reminderLeadLabel,
  repeatDraftFrom,
  repeatText,
  weekOfMonth,
  weekdayOf,
} from "./schedule";

// A fixed "now" in 2026, so dates in that year show without a year.
const NOW = new Date(2026, 10, 20, 12, 0);

describe("recurrence summary", () => {
  const cases: [string, Recurrence, string, string][] = [
    ["weekly on one day", { type: "weekly", interval: 1, days: ["tue"] }, "2026-11-24T19:00", "Every Tuesday at 19:00"],
    [
      "every other week on two days, in week order whatever order they were picked",
      { type: "weekly", interval: 2, days: ["thu", "mon"] },
      "2026-11-23T19:00",
      "Every 2 weeks on Mon and Thu at 19:00",
    ],
    ["weekly on three days", { type: "weekly", interval: 1, days: ["fri", "mon", "wed"] }, "2026-11-23T08:15", "Every Mon, Wed and Fri at 08:15"],
    ["every day of the week", { type: "weekly", interval: 1, days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] }, "2026-11-23T07:00", "Every day at 07:00"],
    ["daily", { type: "daily", interval: 1 }, "2026-11-24T09:00", "Every day at 09:00"],
    ["every 3 days", { type: "daily", interval: 3 }, "2026-11-24T09:00", "Every 3 days at 09:00"],
    ["monthly on the last day", { type: "monthlyOnDay", interval: 1, day: -1 }, "2026-11-30T18:00", "Monthly on the last day at 18:00"],
    ["monthly on the 22nd", { type: "monthlyOnDay", interval: 1, day: 22 }, "2026-11-22T18:00", "Monthly on the 22nd at 18:00"],
    ["every 3 months on the 1st", { type: "monthlyOnDay", interval: 3, day: 1 }, "2026-12-01T10:00", "Every 3 months on the 1st at 10:00"],
    [
      "monthly on the second Tuesday",
      { type: "monthlyOnWeekday", interval: 1, week: 2, weekday: "tue" },
      "2026-11-10T19:30",
      "Monthly on the second Tuesday at 19:30",
    ],
    [
      "every 2 months on the last Friday",
      { type: "monthlyOnWeekday", interval: 2, week: -1, weekday: "fri" },
      "2026-11-27T19:30",
      "Every 2 months on the last Friday at 19:30",
    ],
    ["once this year", { type: "once" }, "2026-11-24T10:30", "Once, 24 Nov at 10:30"],
    ["once in another year", { type: "once" }, "2027-01-05T10:30", "Once, 5 Jan 2027 at 10:30"],
  ];

  it.each(cases)("%s", (_name, recurrence, startLocal, expected) => {
    expect(meetingSummary({ recurrence, startLocal, until: null }, NOW)).toBe(expected);
  });

  it("says when a repeating meeting ends, and never for a one-off", () => {
    const weekly: Recurrence = { type: "weekly", interval: 1, days: ["tue"] };
    expect(meetingSummary({ recurrence: weekly, startLocal: "2026-11-24T19:00", until: "2026-12-22" }, NOW)).toBe(
      "Every Tuesday at 19:00, until 22 Dec",
    );
    expect(meetingSummary({ recurrence: { type: "once" }, startLocal: "2026-11-24T19:00", until: "2026-12-22" }, NOW)).toBe(
      "Once, 24 Nov at 19:00",
    );
  });

  it("gives the repeat alone, without the time", () => {
    expect(repeatText({ type: "weekly", interval: 1, days: ["sun"] }, "2026-11-22", NOW)).toBe("Every Sunday");
  });
});

describe("small words", () => {
  it("writes ordinals the English way, teens included", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 29, 31].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "29th",
      "31st",
    ]);
  });

  it("names reminder leads", () => {
    expect([0, 15, 30, 60, 120, 1440, 2880, 45, 90].map(reminderLeadLabel)).toEqual([
      "At the start",
      "15 min before",
      "30 min before",
      "1 hour before",
      "2 hours before",
      "1 day before",
      "2 days before",
      "45 min before",
      "1 h 30 min before",
    ]);
  });
});

describe("the repeat draft", () => {
  it("starts from the first meeting's day: its weekday, its date, its week of the month", () => {
    // 30 November 2026 is a Monday in the fifth week, so "the last Monday".
    expect(newRepeatDraft("2026-11-30")).toEqual({
      type: "once",
      interval: 1,
      days: ["mon"],
      monthDay: 30,
      week: -1,
      weekday: "mon",
    });
    expect(weekdayOf("2026-11-10")).toBe("tue");
    expect(weekOfMonth("2026-11-10")).toBe(2);
    expect(weekOfMonth("2026-11-28")).toBe(4);
  });

  it("keeps only the fields of the chosen kind", () => {
    const draft = { ...newRepeatDraft("2026-11-24"), interval: 2 };
    expect(recurrenceFrom({ ...draft, type: "once" })).toEqual({ type: "once" });
    expect(recurrenceFrom({ ...draft, type: "daily" })).toEqual({ type: "daily", interval: 2 });
    expect(recurrenceFrom({ ...draft, type: "weekly", days: ["sun", "tue"] })).toEqual({
      type: "weekly",
      interval: 2,
      days: ["tue", "sun"],
    });
    expect(recurrenceFrom({ ...draft, type: "monthlyOnDay" })).toEqual({ type: "monthlyOnDay", interval: 2, day: 24 });
    expect(recurrenceFrom({ ...draft, type: "monthlyOnWeekday" })).toEqual({
      type: "monthlyOnWeekday",
      interval: 2,
      week: 4,
      weekday: "tue",
    });
  });

  it("reads a stored recurrence back into the same recurrence", () => {
    const stored: Recurrence[] = [
      { type: "once" },
      { type: "daily", interval: 5 },
      { type: "weekly", interval: 3, days: ["mon", "fri"] },
      { type: "monthlyOnDay", interval: 1, day: -1 },
      { type: "monthlyOnWeekday", interval: 6, week: 3, weekday: "sat" },
    ];
    for (const recurrence of stored) {
      expect(recurrenceFrom(repeatDraftFrom(recurrence, "2026-11-24"))).toEqual(recurrence);
    }
  });
});

describe("grouping occurrences by day", () => {
  it("puts each occurrence under the day it happens, in the order given", () => {
    const items = [
      { startsAt: "2026-11-24T08:00:00-05:00", id: "a" },
      { startsAt: "2026-11-24T19:00:00-05:00", id: "b" },
      { startsAt: "2026-11-26T23:30:00+00:00", id: "c" },
    ];
    expect(groupByDay(items).map((g) => [g.day, g.items.map((i) => i.id)])).toEqual([
      ["2026-11-24", ["a", "b"]],
      ["2026-11-26", ["c"]],
    ]);
  });
});
