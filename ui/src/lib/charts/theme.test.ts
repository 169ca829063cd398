import { afterEach, describe, expect, it, vi } from "vitest";
import { FALLBACK_THEME, readTheme, watchColorScheme } from "./theme";

describe("chart theme", () => {
  afterEach(() => {
    document.documentElement.removeAttribute("style");
    vi.unstubAllGlobals();
  });

  it("reads the colours from the page's custom properties, falling back to the light theme", () => {
    document.documentElement.style.setProperty("--text", " #e9e7e2 ");
    document.documentElement.style.setProperty("--chart-1", "#7cc3b1");
    const node = document.createElement("canvas");
    document.body.append(node);
    const theme = readTheme(node);
    expect(theme.text).toBe("#e9e7e2");
    expect(theme.primary).toBe("#7cc3b1");
    expect(theme.neutral).toBe(FALLBACK_THEME.neutral);
    node.remove();
  });

  it("tells when the light/dark preference changes, and stops telling", () => {
    const listeners = new Set<() => void>();
    vi.stubGlobal("matchMedia", (query: string) => ({
      media: query,
      addEventListener: (_: string, fn: () => void) => listeners.add(fn),
      removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
    }));
    const onChange = vi.fn();
    const stop = watchColorScheme(onChange);
    for (const fn of listeners) fn();
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    expect(listeners.size).toBe(0);
  });
});
