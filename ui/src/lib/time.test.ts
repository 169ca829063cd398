import { describe, expect, it } from "vitest";
import {
  formatEntryTime,
  localInputToRfc3339,
  occurredAtFromInput,
  toLocalInputValue,
} from "./time";

// vite.config.ts runs the tests with TZ=America/New_York (UTC-5 in winter, UTC-4 in summer).
describe("time zone of the test run", () => {
  it("is New York, so offsets are really exercised", () => {
    expect(new Date(2024, 10, 22).getTimezoneOffset()).toBe(300);
    expect(new Date(2024, 6, 1).getTimezoneOffset()).toBe(240);
  });
});

describe("toLocalInputValue", () => {
  it("gives local wall-clock time to the minute", () => {
    expect(toLocalInputValue(new Date(2024, 10, 22, 15, 40, 59))).toBe("2024-11-22T15:40");
  });
});

describe("localInputToRfc3339", () => {
  it("keeps the wall-clock time and adds the local offset", () => {
    expect(localInputToRfc3339("2024-11-22T15:40")).toBe("2024-11-22T15:40:00-05:00");
    expect(localInputToRfc3339("2024-07-01T08:05")).toBe("2024-07-01T08:05:00-04:00");
    expect(localInputToRfc3339("2024-07-01T08:05:30")).toBe("2024-07-01T08:05:30-04:00");
  });

  it("names the same instant as the local time it came from", () => {
    const rfc = localInputToRfc3339("2024-11-22T15:40");
    expect(rfc).not.toBeNull();
    expect(new Date(rfc as string).toISOString()).toBe("2024-11-22T20:40:00.000Z");
  });

  it("round-trips through the input value", () => {
    for (const value of ["2024-01-01T00:00", "2024-03-10T03:30", "2024-11-03T01:15", "2025-12-31T23:59"]) {
      const rfc = localInputToRfc3339(value);
      expect(rfc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
      expect(toLocalInputValue(new Date(rfc as string))).toBe(value);
    }
  });

  it("is null for empty or unusable values", () => {
    expect(localInputToRfc3339("")).toBeNull();
    expect(localInputToRfc3339("   ")).toBeNull();
    expect(localInputToRfc3339("yesterday")).toBeNull();
    expect(localInputToRfc3339("2024-13-40T25:99")).toBeNull();
  });
});

describe("occurredAtFromInput", () => {
  it("is null when the person did not touch the time", () => {
    expect(occurredAtFromInput("2024-11-22T15:40", false)).toBeNull();
  });

  it("is the chosen time with offset once touched", () => {
    expect(occurredAtFromInput("2024-11-22T15:40", true)).toBe("2024-11-22T15:40:00-05:00");
  });
});

describe("formatEntryTime", () => {
  const now = new Date(2024, 11, 1, 12, 0);

  it("shows local weekday, day, month and time", () => {
    expect(formatEntryTime("2024-11-22T15:40:00-05:00", now, "en-GB")).toBe("Fri 22 Nov, 15:40");
  });

  it("shows the clock time where the entry was logged, whatever zone this machine is in", () => {
    // The tests run in New York; these were logged in London, Paris and just after midnight in Tokyo.
    expect(formatEntryTime("2024-11-22T20:40:00Z", now, "en-GB")).toBe("Fri 22 Nov, 20:40");
    expect(formatEntryTime("2024-03-01T08:15:00+01:00", now, "en-GB")).toBe("Fri 1 Mar, 08:15");
    expect(formatEntryTime("2024-11-23T00:30:00+09:00", now, "en-GB")).toBe("Sat 23 Nov, 00:30");
  });

  it("follows the locale it is given", () => {
    expect(formatEntryTime("2024-11-22T15:40:00-05:00", now, "en-US")).toBe("Fri, Nov 22, 03:40 PM");
    expect(formatEntryTime("2024-11-22T15:40:00-05:00", now, "de-DE")).toBe("Fr., 22. Nov., 15:40");
  });

  it("adds the year for other years", () => {
    expect(formatEntryTime("2023-06-05T09:00:00-04:00", now, "en-GB")).toBe("Mon, 5 Jun 2023, 09:00");
  });

  it("falls back to the raw text when it cannot read it", () => {
    expect(formatEntryTime("not a time", now)).toBe("not a time");
  });
});
