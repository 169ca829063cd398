// ESLint flat config: JS + TypeScript + Svelte recommended rules, plus the project's own rules.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import svelte from "eslint-plugin-svelte";
import globals from "globals";
import ts from "typescript-eslint";
import svelteConfig from "./svelte.config.js";

export default defineConfig(
  // src/lib/api.ts is generated from Rust (tauri-specta); it is not linted.
  { ignores: ["dist/", "node_modules/", "src/lib/api.ts"] },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: {
      parserOptions: { parser: ts.parser, extraFileExtensions: [".svelte"], svelteConfig },
    },
  },
  {
    files: ["*.config.js", "*.config.ts"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      // Privacy: nothing the user writes may end up in a console or log.
      "no-console": "error",
      // Only src/lib/api.ts talks to the backend.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@tauri-apps/*"], message: "Only src/lib/api.ts may import @tauri-apps/*." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "localStorage", message: "Waymark keeps nothing in web storage." },
        { name: "sessionStorage", message: "Waymark keeps nothing in web storage." },
        { name: "indexedDB", message: "Waymark keeps nothing in web storage." },
      ],
    },
  },
  {
    // The generated bindings carry no events: src/lib/events.ts alone listens to them, and may
    // import the event API and nothing else from @tauri-apps.
    files: ["src/lib/events.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@tauri-apps/(?!api/event$)",
              message: "src/lib/events.ts may import only @tauri-apps/api/event.",
            },
          ],
        },
      ],
    },
  },
);
