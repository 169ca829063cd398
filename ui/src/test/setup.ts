// Vitest set-up: DOM matchers, and a clean DOM after every test.
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/svelte";
import { afterEach, vi } from "vitest";

afterEach(() => {
  cleanup();
});

// Dates are shown in the person's locale; tests pin British English so they read the same anywhere.
import { setDisplayLocale } from "../lib/time";
setDisplayLocale("en-GB");

// Backend events (tray, lock, reminders) come from the test double; tests fire them with
// `emitBackendEvent` from ./events-mock.
vi.mock("../lib/events", () => import("./events-mock"));
