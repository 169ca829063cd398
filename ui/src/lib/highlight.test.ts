import { describe, expect, it } from "vitest";
import { splitMatches } from "./highlight";

describe("search excerpt matches", () => {
  it("splits plain text and matches", () => {
    expect(splitMatches("a \u0002pay\u0003 day \u0002paid\u0003")).toEqual([
      { text: "a ", match: false },
      { text: "pay", match: true },
      { text: " day ", match: false },
      { text: "paid", match: true },
    ]);
  });

  it("copes with text without markers, and with stray markers", () => {
    expect(splitMatches("no markers")).toEqual([{ text: "no markers", match: false }]);
    expect(splitMatches("end\u0003 only")).toEqual([
      { text: "end", match: false },
      { text: " only", match: false },
    ]);
    expect(splitMatches("open \u0002to the end")).toEqual([
      { text: "open ", match: false },
      { text: "to the end", match: true },
    ]);
    expect(splitMatches("")).toEqual([]);
  });
});
