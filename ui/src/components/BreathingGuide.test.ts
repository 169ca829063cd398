import { act, render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import BreathingGuide from "./BreathingGuide.svelte";

async function wait(ms: number) {
  await act(() => vi.advanceTimersByTime(ms));
}

function circle() {
  return document.querySelector(".circle");
}

describe("breathing guide", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date("2024-11-22T15:40:00-05:00") });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("leads in 4 s, hold 2 s, out 6 s, round and round, until stopped", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(BreathingGuide);
    const cue = screen.getByText("Ready when you are.");
    // The words are not read out every few seconds.
    expect(cue).toHaveAttribute("aria-live", "off");
    expect(circle()).toHaveAttribute("data-phase", "rest");

    const button = screen.getByRole("button", { name: "Start breathing" });
    expect(button).toHaveAccessibleDescription("In for 4 seconds, hold for 2, out for 6. Follow the circle.");
    await user.click(button);
    expect(button).toHaveAccessibleName("Stop breathing");
    expect(cue).toHaveTextContent("Breathe in…");
    expect(circle()).toHaveAttribute("data-phase", "in");

    await wait(3_900);
    expect(cue).toHaveTextContent("Breathe in…");
    await wait(200);
    expect(cue).toHaveTextContent("Hold…");
    expect(circle()).toHaveAttribute("data-phase", "hold");
    await wait(2_000);
    expect(cue).toHaveTextContent("Breathe out…");
    expect(circle()).toHaveAttribute("data-phase", "out");
    await wait(6_000);
    expect(cue).toHaveTextContent("Breathe in…");
    // Many cycles later it is still in step with the clock.
    await wait(12_000 * 20 + 4_100);
    expect(cue).toHaveTextContent("Hold…");

    await user.click(button);
    expect(button).toHaveAccessibleName("Start breathing");
    expect(cue).toHaveTextContent("Ready when you are.");
    expect(circle()).toHaveAttribute("data-phase", "rest");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops its clock when it goes away", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { unmount } = render(BreathingGuide);
    await user.click(screen.getByRole("button", { name: "Start breathing" }));
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
