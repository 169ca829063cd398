import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearAllOnLock } from "./lockable";
import { session } from "./session.svelte";
import { formatRemaining, sos } from "./sos.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const START = new Date("2024-11-22T15:40:00-05:00");
const MINUTE = 60_000;

describe("formatRemaining", () => {
  it("shows minutes and seconds, rounding seconds up", () => {
    expect(formatRemaining(20 * MINUTE)).toBe("20:00");
    expect(formatRemaining(20 * MINUTE - 1)).toBe("20:00");
    expect(formatRemaining(12 * MINUTE + 34_000)).toBe("12:34");
    expect(formatRemaining(9 * MINUTE + 5_000)).toBe("9:05");
    expect(formatRemaining(999)).toBe("0:01");
    expect(formatRemaining(0)).toBe("0:00");
    expect(formatRemaining(-5)).toBe("0:00");
  });
});

describe("the urge timer", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
    clearAllOnLock();
  });
  afterEach(() => {
    clearAllOnLock();
    vi.useRealTimers();
  });

  it("counts down from the chosen length, worked out from the clock", () => {
    expect(sos.length).toBe(20);
    expect(sos.phase).toBe("idle");
    expect(sos.remainingLabel).toBe("20:00");
    sos.choose(15);
    expect(sos.remainingLabel).toBe("15:00");
    sos.start();
    expect(sos.phase).toBe("running");
    expect(sos.announcement).toBe("Timer started: 15 minutes.");
    vi.advanceTimersByTime(2 * MINUTE + 26_000);
    expect(sos.remainingLabel).toBe("12:34");
    // The length cannot change while it runs.
    sos.choose(30);
    expect(sos.length).toBe(15);
  });

  it("never drifts: a late tick still shows the clock's time", () => {
    sos.start();
    // The clock moves on without any tick (e.g. the window was asleep)…
    vi.setSystemTime(START.getTime() + 7 * MINUTE + 1_000);
    // …and the next tick shows the real time left.
    vi.advanceTimersByTime(250);
    expect(sos.remainingLabel).toBe("12:59");
  });

  it("pauses and resumes: paused time does not count", () => {
    sos.start();
    vi.advanceTimersByTime(5 * MINUTE);
    sos.pause();
    expect(sos.phase).toBe("paused");
    expect(sos.remainingLabel).toBe("15:00");
    expect(sos.announcement).toBe("Timer paused with 15:00 left.");
    vi.advanceTimersByTime(10 * MINUTE);
    expect(sos.remainingLabel).toBe("15:00");
    sos.resume();
    expect(sos.phase).toBe("running");
    expect(sos.announcement).toBe("Timer running again: 15:00 left.");
    vi.advanceTimersByTime(MINUTE);
    expect(sos.remainingLabel).toBe("14:00");
  });

  it("announces milestones only, not every second", () => {
    sos.start();
    const heard: string[] = [];
    let last = sos.announcement;
    for (let s = 0; s < 20 * 60; s++) {
      vi.advanceTimersByTime(1000);
      if (sos.announcement !== last) heard.push((last = sos.announcement));
    }
    expect(heard).toEqual([
      "Halfway there: 10 minutes left.",
      "5 minutes left.",
      "1 minute left.",
      "Time's up. You stayed with it for 20 minutes.",
    ]);
  });

  it("a 10-minute timer says halfway once, not halfway and 5 minutes", () => {
    sos.choose(10);
    sos.start();
    vi.advanceTimersByTime(5 * MINUTE);
    expect(sos.announcement).toBe("Halfway there: 5 minutes left.");
    vi.advanceTimersByTime(4 * MINUTE);
    expect(sos.announcement).toBe("1 minute left.");
  });

  it("finishes at exactly its length and offers the craving's start and duration", () => {
    sos.start();
    vi.advanceTimersByTime(20 * MINUTE + 5_000);
    expect(sos.phase).toBe("finished");
    expect(sos.remainingLabel).toBe("0:00");
    expect(sos.ended).toEqual({ start: START.getTime(), end: START.getTime() + 20 * MINUTE });
    expect(sos.prefillForEnded).toEqual({ occurredAt: "2024-11-22T15:40:00-05:00", durationMinutes: 20 });
  });

  it("the duration counts the whole craving, pauses included, rounded to whole minutes", () => {
    sos.start();
    vi.advanceTimersByTime(3 * MINUTE);
    sos.pause();
    vi.advanceTimersByTime(2 * MINUTE);
    sos.resume();
    vi.advanceTimersByTime(MINUTE + 40_000);
    sos.finishEarly();
    expect(sos.phase).toBe("finished");
    expect(sos.prefillForEnded).toEqual({ occurredAt: "2024-11-22T15:40:00-05:00", durationMinutes: 7 });
  });

  it("a very short craving is logged as at least a minute", () => {
    sos.start();
    vi.advanceTimersByTime(10_000);
    sos.finishEarly();
    expect(sos.prefillForEnded?.durationMinutes).toBe(1);
  });

  it("keeps running while the panel is closed", () => {
    sos.show();
    sos.start();
    sos.close();
    expect(sos.open).toBe(false);
    vi.advanceTimersByTime(8 * MINUTE);
    expect(sos.phase).toBe("running");
    expect(sos.remainingLabel).toBe("12:00");
    // What it says while closed goes to the header's status line, and is cleared on opening.
    expect(sos.closedAnnouncement).toBe("");
    vi.advanceTimersByTime(2 * MINUTE);
    expect(sos.closedAnnouncement).toBe("Halfway there: 10 minutes left.");
    sos.show();
    expect(sos.closedAnnouncement).toBe("");
    expect(sos.remainingLabel).toBe("10:00");
  });

  it("\"I'm through it\" without the timer: from when the panel opened until now", () => {
    sos.show();
    vi.advanceTimersByTime(4 * MINUTE);
    sos.throughIt();
    expect(sos.prefillForEnded).toEqual({ occurredAt: "2024-11-22T15:40:00-05:00", durationMinutes: 4 });
    // Closing the panel with no timer forgets it.
    sos.close();
    expect(sos.ended).toBeNull();
  });

  it("\"Log this craving\" closes the panel, goes to Today and leaves the prefill", async () => {
    session.screen = "timeline";
    sos.show();
    sos.start();
    vi.advanceTimersByTime(12 * MINUTE);
    sos.finishEarly();
    await sos.logCraving();
    expect(sos.open).toBe(false);
    expect(sos.phase).toBe("idle");
    expect(session.screen).toBe("home");
    expect(sos.prefill).toEqual({ occurredAt: "2024-11-22T15:40:00-05:00", durationMinutes: 12 });
    expect(sos.returnFocus).toBe(false);
  });

  it("\"Not now\" forgets the craving and closes", () => {
    sos.show();
    sos.start();
    sos.finishEarly();
    sos.dismiss();
    expect(sos.open).toBe(false);
    expect(sos.phase).toBe("idle");
    expect(sos.ended).toBeNull();
  });

  it("locking resets the timer and closes the panel", () => {
    sos.choose(30);
    sos.show();
    sos.start();
    vi.advanceTimersByTime(MINUTE);
    clearAllOnLock();
    expect(sos.open).toBe(false);
    expect(sos.phase).toBe("idle");
    expect(sos.length).toBe(20);
    expect(sos.remainingLabel).toBe("20:00");
    // Nothing ticks on after the reset.
    expect(vi.getTimerCount()).toBe(0);
  });
});
