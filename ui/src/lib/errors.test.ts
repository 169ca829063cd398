import { describe, expect, it } from "vitest";
import { errorMessage, splitApiError } from "./errors";

describe("splitApiError", () => {
  const fields = { note: "note", newPassphrase: "next" };

  it("puts an error for a known field beside that field", () => {
    const error = { code: "invalid_input", message: "Too long.", field: "note" };
    expect(splitApiError(error, fields)).toEqual({ general: null, fields: { note: "Too long." } });
  });

  it("maps backend field names to form fields", () => {
    const error = { code: "invalid_input", message: "Too short.", field: "newPassphrase" };
    expect(splitApiError(error, fields)).toEqual({ general: null, fields: { next: "Too short." } });
  });

  it("uses the general message when the field is missing or unknown", () => {
    expect(splitApiError({ code: "storage", message: "Disk full.", field: null }, fields)).toEqual({
      general: "Disk full.",
      fields: {},
    });
    expect(splitApiError({ code: "storage", message: "Odd.", field: "toString" }, fields).general).toBe(
      "Odd.",
    );
    expect(splitApiError({ code: "internal", message: "Hm." }, fields).general).toBe("Hm.");
  });
});

describe("errorMessage", () => {
  it("reads the backend's errors, and never shows a raw IPC string", () => {
    expect(errorMessage('invalid args `input`: invalid type: string "my private note"')).toMatch(
      /something went wrong/i,
    );
    expect(errorMessage({ message: "from object" })).toBe("from object");
    expect(errorMessage(undefined)).toMatch(/something went wrong/i);
  });
});
