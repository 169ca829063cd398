import { describe, expect, it } from "vitest";
import { charCount } from "./text";

describe("charCount", () => {
  it("counts characters as the backend does (code points)", () => {
    expect(charCount("")).toBe(0);
    expect(charCount("abc")).toBe(3);
    expect(charCount("𝒜b")).toBe(2); // one astral character is two UTF-16 units
  });
});
