import { describe, expect, it } from "vitest";
import { DEFAULT_SECTIONS, sectionHeading, SUMMARY_SECTIONS, summaryRequest } from "./summary";

describe("the summary's sections", () => {
  it("leaves the journal's text out by default", () => {
    expect(DEFAULT_SECTIONS).not.toContain("journal_excerpts");
    expect(DEFAULT_SECTIONS).toHaveLength(SUMMARY_SECTIONS.length - 1);
    expect(sectionHeading("coping")).toBe("Coping that worked");
  });

  it("sends the chosen sections in print order, once each", () => {
    const range = { from: "2026-11-01", to: "2026-11-30" };
    expect(summaryRequest(range, ["plan", "overview", "mood", "overview"], true)).toEqual({
      range,
      sections: ["overview", "mood", "plan"],
      includeNotes: true,
    });
  });
});
