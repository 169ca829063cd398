import { beforeAll, describe, expect, it } from "vitest";
import { setDayLocale } from "./day";
import { entryActionName, entryLabel, entryName, plainExcerpt, timeOfDay } from "./entries";

const now = new Date(2024, 10, 25);

beforeAll(() => setDayLocale("en-GB"));

describe("timeOfDay", () => {
  it("reads the wall-clock time recorded with the instant, not the machine's zone", () => {
    expect(timeOfDay("2024-11-22T14:30:00+01:00")).toBe("14:30");
    expect(timeOfDay("2024-11-22T09:05:00-05:00")).toBe("09:05");
    expect(timeOfDay("not a time")).toBeNull();
  });
});

describe("entryName", () => {
  it("names timed entries by time and day", () => {
    const item = { entry: { kind: "craving" as const, id: 1 }, day: "2024-11-22", at: "2024-11-22T14:30:00-05:00" };
    expect(entryName(item, now)).toBe("craving at 14:30 on 22 November");
    expect(entryLabel(item, now)).toBe("Craving at 14:30 on 22 November");
  });

  it("names day entries by their day, and reviews by their week", () => {
    expect(entryName({ entry: { kind: "journal", id: 2 }, day: "2024-11-22", at: null }, now)).toBe(
      "journal entry for 22 November",
    );
    expect(entryName({ entry: { kind: "review", id: 3 }, day: "2024-11-18", at: null }, now)).toBe(
      "weekly review for the week of 18 November",
    );
    expect(entryName({ entry: { kind: "checkin", id: 4 }, day: "2023-01-02", at: null }, now)).toBe(
      "check-in for 2 January 2023",
    );
  });
});

describe("plainExcerpt", () => {
  it("takes Markdown marks out but keeps search markers", () => {
    expect(plainExcerpt("# Sunday\nA **steady** day > and `code`")).toBe("Sunday A steady day and code");
    expect(plainExcerpt("a \u0002river\u0003 walk")).toBe("a \u0002river\u0003 walk");
  });
});

describe("entryActionName", () => {
  it("adds the summary so entries logged in the same minute differ", () => {
    const base = { entry: { kind: "craving" as const, id: 1 }, day: "2026-11-22", at: "2026-11-22T14:30:00+00:00" };
    const a = entryActionName("Edit", { ...base, summary: "Craving 7/10" });
    const b = entryActionName("Edit", { ...base, entry: { kind: "craving" as const, id: 2 }, summary: "Craving 3/10" });
    expect(a).not.toBe(b);
    expect(a).toMatch(/^Edit craving at .+: Craving 7\/10$/);
  });
});
