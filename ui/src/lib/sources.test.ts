import { describe, expect, it } from "vitest";
import { readableSource } from "./sources";

describe("readableSource", () => {
  it("names the section of a material citation instead of its file", () => {
    expect(readableSource("002_024c7603ecd27f0a: What are the most common heroin withdrawal symptoms?")).toBe(
      "Source: Waymark's source material, “What are the most common heroin withdrawal symptoms?”",
    );
  });

  it("keeps an authority citation as written, and each of several", () => {
    expect(readableSource("CDC (cdc.gov), 'Lifesaving Naloxone'; checked 2026-11-22")).toBe(
      "Source: CDC (cdc.gov), 'Lifesaving Naloxone'; checked 2026-11-22",
    );
    expect(readableSource("000_18acf374f41b10ea: Practising self-care; 003_ab21128b98149931: Group Therapy")).toBe(
      "Source: Waymark's source material, “Practising self-care”; Waymark's source material, “Group Therapy”",
    );
  });
});
