// Vitest set-up: DOM matchers, and a clean DOM after every test.
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/svelte";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
});

// Dates are shown in the person's locale; tests pin British English so they read the same anywhere.
import { setDisplayLocale } from "../lib/time";
setDisplayLocale("en-GB");
