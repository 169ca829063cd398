import { describe, expect, it } from "vitest";
import { customFrom, lastDays, rangeFor } from "./ranges";

describe("ranges of days", () => {
  it("counts today as the last of the preset's days, across a month end", () => {
    expect(lastDays(7, "2026-03-03")).toEqual({ from: "2026-02-25", to: "2026-03-03" });
    expect(lastDays(30, "2026-11-22")).toEqual({ from: "2026-10-24", to: "2026-11-22" });
    // 2024 is a leap year: 90 days back from 1 March 2024 crosses 29 February.
    expect(lastDays(90, "2024-03-01")).toEqual({ from: "2023-12-03", to: "2024-03-01" });
    expect(lastDays(1, "2026-11-22")).toEqual({ from: "2026-11-22", to: "2026-11-22" });
  });

  it("asks for a custom range only once both days are real days, and leaves order to the backend", () => {
    expect(rangeFor({ kind: "custom", from: "2026-11-01", to: "" }, "2026-11-22")).toBeNull();
    expect(rangeFor({ kind: "custom", from: "2026-02-30", to: "2026-03-01" }, "2026-11-22")).toBeNull();
    expect(rangeFor({ kind: "custom", from: "2026-11-10", to: "2026-11-01" }, "2026-11-22")).toEqual({
      from: "2026-11-10",
      to: "2026-11-01",
    });
    expect(rangeFor({ kind: "preset", days: 7 }, "2026-11-22")).toEqual({ from: "2026-11-16", to: "2026-11-22" });
  });

  it("switching to custom keeps the days the preset covered", () => {
    expect(customFrom({ kind: "preset", days: 30 }, "2026-11-22")).toEqual({ kind: "custom", from: "2026-10-24", to: "2026-11-22" });
    const own = { kind: "custom" as const, from: "2026-01-01", to: "2026-01-31" };
    expect(customFrom(own, "2026-11-22")).toBe(own);
  });
});
