import { render } from "@testing-library/svelte";
import type { ChartConfiguration } from "chart.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ChartTheme } from "../../lib/charts/theme";
import Chart from "./Chart.svelte";

const drawn = vi.hoisted(() => ({
  create: vi.fn(),
  update: vi.fn(),
  destroy: vi.fn(),
}));
vi.mock("../../lib/charts/setup", () => ({
  createChart: (canvas: HTMLCanvasElement, config: ChartConfiguration) => {
    drawn.create(canvas, config);
    return { update: drawn.update, destroy: drawn.destroy };
  },
}));

/** A bar chart of `values`, coloured by the theme's main colour. */
function bars(values: number[]) {
  return (theme: ChartTheme): ChartConfiguration => ({
    type: "bar",
    data: { labels: values.map(String), datasets: [{ label: "n", data: values, backgroundColor: theme.primary }] },
  });
}

describe("the chart wrapper", () => {
  let schemeListeners: Set<() => void>;

  beforeEach(() => {
    drawn.create.mockReset();
    drawn.update.mockReset();
    drawn.destroy.mockReset();
    schemeListeners = new Set();
    vi.stubGlobal("matchMedia", () => ({
      addEventListener: (_: string, fn: () => void) => schemeListeners.add(fn),
      removeEventListener: (_: string, fn: () => void) => schemeListeners.delete(fn),
    }));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.documentElement.removeAttribute("style");
  });

  it("draws once on mount, on an image canvas named by its summary", () => {
    const { getByRole } = render(Chart, { build: bars([1, 2]), label: "Two days: 1 and 2 cravings." });
    const canvas = getByRole("img", { name: "Two days: 1 and 2 cravings." });
    expect(canvas.tagName).toBe("CANVAS");
    expect(drawn.create).toHaveBeenCalledTimes(1);
    expect(drawn.create.mock.calls[0][0]).toBe(canvas);
    expect(drawn.create.mock.calls[0][1].data.datasets[0].data).toEqual([1, 2]);
  });

  it("redraws in place when the figures change, and removes the chart on unmount", async () => {
    const { rerender, unmount } = render(Chart, { build: bars([1, 2]), label: "a" });
    await rerender({ build: bars([3, 4, 5]), label: "b" });
    expect(drawn.create).toHaveBeenCalledTimes(1);
    expect(drawn.update).toHaveBeenCalledTimes(1);
    expect(drawn.update.mock.calls[0][0].data.datasets[0].data).toEqual([3, 4, 5]);
    unmount();
    expect(drawn.destroy).toHaveBeenCalledTimes(1);
    expect(schemeListeners.size).toBe(0);
  });

  it("redraws with the new colours when the colour scheme changes", async () => {
    render(Chart, { build: bars([1]), label: "a" });
    expect(drawn.create.mock.calls[0][1].data.datasets[0].backgroundColor).not.toBe("#7cc3b1");
    // The dark theme sets new custom properties; the media query says so.
    document.documentElement.style.setProperty("--chart-1", "#7cc3b1");
    for (const fn of schemeListeners) fn();
    await vi.waitFor(() => expect(drawn.update).toHaveBeenCalledTimes(1));
    expect(drawn.update.mock.calls[0][0].data.datasets[0].backgroundColor).toBe("#7cc3b1");
  });
});
