import { describe, expect, it } from "vitest";
import { rangeErrors } from "./range-errors";

describe("range errors", () => {
  const error = (field: string | null) => ({ code: "invalid_input", message: "Choose an end on or after the start.", field });

  it("puts a message beside the day it names while the person types their own days", () => {
    expect(rangeErrors(error("to"), true)).toEqual({ from: null, to: "Choose an end on or after the start.", general: null });
    expect(rangeErrors(error("range.from"), true).from).toBe("Choose an end on or after the start.");
  });

  it("shows everything else, and any error on a preset, as one general message", () => {
    expect(rangeErrors(error("to"), false)).toEqual({ from: null, to: null, general: "Choose an end on or after the start." });
    expect(rangeErrors(error("sections"), true).general).toBe("Choose an end on or after the start.");
  });
});
