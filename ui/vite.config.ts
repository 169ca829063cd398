// Vite build for the Waymark window, plus the Vitest set-up for component tests.
import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

const underVitest = process.env.VITEST !== undefined;

export default defineConfig({
  // Relative asset paths: the bundle is served by Tauri from ui/dist, never from a web origin.
  base: "./",
  plugins: [svelte()],
  // Svelte 5 must resolve its browser build (not the server one) for component tests.
  resolve: underVitest ? { conditions: ["browser"] } : undefined,
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // No inline polyfill script: the app runs under a strict CSP (script-src 'self').
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs, so the CSP needs no data: source.
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["./src/test/setup.ts"],
    // A zone with an offset and daylight saving, so time tests are not accidentally UTC-only.
    env: { TZ: "America/New_York" },
    restoreMocks: true,
  },
});
