import { act, render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { commands, type NewCravingInput } from "../lib/api";
import { setDayLocale } from "../lib/day";
import { clearAllOnLock } from "../stores/lockable";
import { session } from "../stores/session.svelte";
import { sos } from "../stores/sos.svelte";
import { ok, resetCommands } from "../test/api-mock";
import { resetStores } from "../test/reset";

vi.mock("../lib/api", () => import("../test/api-mock"));

const START = new Date("2024-11-22T15:40:00-05:00");
const MINUTE = 60_000;

/** A user that also moves fake timers on, when they are in use. */
function makeUser() {
  return userEvent.setup({
    advanceTimers: (ms) => {
      if (vi.isFakeTimers()) vi.advanceTimersByTime(ms);
    },
  });
}

async function openHome() {
  const user = makeUser();
  render(App);
  await screen.findByRole("heading", { name: "Log a craving" });
  return user;
}

function panel() {
  return screen.getByRole("dialog", { name: "SOS" });
}

function timerText() {
  return within(panel()).getByRole("timer", { name: "Time left" }).textContent;
}

/** Moves the (fake) clock on and lets the screen catch up. */
async function wait(ms: number) {
  await act(() => vi.advanceTimersByTime(ms));
}

/** What a craving logged with only an intensity and the given changes sends. */
function quickInput(intensity: number, changes: Partial<NewCravingInput> = {}): NewCravingInput {
  return {
    intensity,
    occurredAt: null,
    durationMinutes: null,
    triggerIds: [],
    newTriggers: [],
    halt: { hungry: false, angry: false, lonely: false, tired: false },
    place: null,
    withWhom: null,
    activity: null,
    coping: [],
    outcome: null,
    intensityAfter: null,
    note: null,
    ...changes,
  };
}

beforeEach(() => {
  resetCommands();
  resetStores();
  clearAllOnLock();
  setDayLocale("en-GB");
});

afterEach(() => {
  clearAllOnLock();
  vi.useRealTimers();
});

describe("SOS panel: opening and closing", () => {
  it("F1 opens it from Today; focus moves in, Escape closes it and focus goes back", async () => {
    const user = await openHome();
    const seven = screen.getByRole("radio", { name: "Intensity 7" });
    await user.click(seven);
    expect(seven).toHaveFocus();

    await user.keyboard("{F1}");
    const dialog = panel();
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(within(dialog).getByRole("heading", { name: "SOS" })).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Start timer" })).toHaveFocus();
    expect(within(dialog).getByRole("timer", { name: "Time left" })).toHaveTextContent("20:00");
    expect(within(dialog).getByRole("button", { name: "Start breathing" })).toBeInTheDocument();

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog", { name: "SOS" })).not.toBeInTheDocument();
    expect(seven).toHaveFocus();
    // The form behind was left as it was.
    expect(seven).toBeChecked();
  });

  it("F1 opens it from another screen, even while typing in a field", async () => {
    const user = await openHome();
    await user.click(screen.getByRole("button", { name: "Search" }));
    const field = await screen.findByRole("searchbox");
    await user.click(field);
    await user.keyboard("{F1}");
    expect(panel()).toBeInTheDocument();

    await user.click(within(panel()).getByRole("button", { name: "Close SOS" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(field).toHaveFocus();
    expect(session.screen).toBe("search");
  });

  it("the header's SOS button opens it, and focus comes back to the button", async () => {
    const user = await openHome();
    const button = screen.getByRole("button", { name: "SOS" });
    expect(button).toHaveAttribute("aria-keyshortcuts", "F1");
    await user.click(button);
    expect(panel()).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it("keeps focus inside while open: Tab and Shift+Tab go round its controls", async () => {
    const user = await openHome();
    await user.keyboard("{F1}");
    const dialog = panel();
    const first = within(dialog).getByRole("button", { name: "I'm through it" });
    // With the summary loaded (no region yet), the panel ends with the way to choose one.
    const last = await within(dialog).findByRole("button", { name: "Choose your region in Settings" });

    last.focus();
    await user.tab();
    expect(first).toHaveFocus();
    await user.tab({ shift: true });
    expect(last).toHaveFocus();
    // The heading (focused programmatically) is inside too: Shift+Tab from it goes to the end.
    within(dialog).getByRole("heading", { name: "SOS" }).focus();
    await user.tab({ shift: true });
    expect(last).toHaveFocus();
    // Walking forward never leaves the panel.
    for (let i = 0; i < 12; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
  });

  it("without a summary from the backend it shows the emergency numbers", async () => {
    const user = await openHome();
    await user.keyboard("{F1}");
    const help = await within(panel()).findByRole("region", { name: "If you need help now" });
    expect(help).toHaveTextContent("999 (United Kingdom) or 911 (United States)");
    expect(help).not.toHaveTextContent("once Waymark is unlocked");
  });
});

describe("SOS panel: from the unlock screen", () => {
  it("F1 works while locked and shows only what needs no journal data", async () => {
    vi.mocked(commands.vaultStatus).mockResolvedValue(ok({ exists: true, unlocked: false, openedWithRecoveryKey: false, keyFileMissing: false }));
    const user = makeUser();
    render(App);
    await screen.findByRole("heading", { name: "Welcome back" });
    expect(screen.getByLabelText("Passphrase")).toHaveFocus();

    await user.keyboard("{F1}");
    const dialog = panel();
    expect(within(dialog).getByRole("timer", { name: "Time left" })).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Start breathing" })).toBeInTheDocument();
    const help = await within(dialog).findByRole("region", { name: "If you need help now" });
    expect(help).toHaveTextContent("999");
    expect(help).toHaveTextContent("once Waymark is unlocked");

    // The end offer cannot log anything while locked.
    await user.click(within(dialog).getByRole("button", { name: "I'm through it" }));
    expect(within(dialog).getByRole("heading", { name: "Well done for staying with it" })).toHaveFocus();
    expect(within(dialog).queryByRole("button", { name: "Log this craving" })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Not now" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Passphrase")).toHaveFocus();
    expect(commands.listCravings).not.toHaveBeenCalled();
  });
});

describe("SOS panel: the urge timer", () => {
  it("counts down from the chosen length; pause and resume keep focus on the same button", async () => {
    const user = await openHome();
    vi.useFakeTimers({ now: START });
    await user.keyboard("{F1}");
    const dialog = panel();
    const lengths = within(dialog).getByRole("group", { name: "Timer length" });
    expect(within(lengths).getByRole("radio", { name: "20 minutes" })).toBeChecked();
    await user.click(within(lengths).getByRole("radio", { name: "15 minutes" }));
    expect(timerText()).toBe("15:00");

    const main = within(dialog).getByRole("button", { name: "Start timer" });
    await user.click(main);
    expect(main).toHaveAccessibleName("Pause timer");
    expect(within(dialog).getByRole("status")).toHaveTextContent("Timer started: 15 minutes.");
    // The length is fixed while it runs.
    expect(within(dialog).queryByRole("group", { name: "Timer length" })).not.toBeInTheDocument();

    await wait(2 * MINUTE + 26_000);
    expect(timerText()).toBe("12:34");

    await user.click(main);
    expect(main).toHaveAccessibleName("Resume timer");
    expect(main).toHaveFocus();
    await wait(5 * MINUTE);
    expect(timerText()).toBe("12:34");
    await user.click(main);
    expect(main).toHaveAccessibleName("Pause timer");
    await wait(34_000);
    expect(timerText()).toBe("12:00");
  });

  it("keeps running when the panel is closed; the header shows it and reopens the panel", async () => {
    const user = await openHome();
    vi.useFakeTimers({ now: START });
    expect(screen.queryByRole("button", { name: /^Urge timer/ })).not.toBeInTheDocument();
    await user.keyboard("{F1}");
    await user.click(within(panel()).getByRole("button", { name: "Start timer" }));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();

    await wait(7 * MINUTE + 26_000);
    const indicator = screen.getByRole("button", { name: "Urge timer 12:34" });
    await wait(MINUTE);
    expect(indicator).toHaveAccessibleName("Urge timer 11:34");

    await user.click(indicator);
    expect(timerText()).toBe("11:34");
    expect(within(panel()).getByRole("button", { name: "Pause timer" })).toHaveFocus();
    await user.click(within(panel()).getByRole("button", { name: "Pause timer" }));
    await user.keyboard("{Escape}");
    expect(screen.getByRole("button", { name: "Urge timer paused 11:34" })).toBeInTheDocument();
  });

  it("finishing in the background says so in the header", async () => {
    const user = await openHome();
    vi.useFakeTimers({ now: START });
    await user.keyboard("{F1}");
    await user.click(within(panel()).getByRole("radio", { name: "10 minutes" }));
    await user.click(within(panel()).getByRole("button", { name: "Start timer" }));
    await user.keyboard("{Escape}");
    await wait(10 * MINUTE);
    const banner = screen.getByRole("banner");
    expect(within(banner).getByRole("status")).toHaveTextContent("Time's up. You stayed with it for 10 minutes.");
    await user.click(screen.getByRole("button", { name: "Urge timer done" }));
    // Reopened on the end offer.
    expect(within(panel()).getByRole("heading", { name: "Well done for staying with it" })).toHaveFocus();
    expect(within(banner).getByRole("status")).toHaveTextContent("");
  });
});

describe("SOS panel: logging the craving afterwards", () => {
  it("after the timer ends, \"Log this craving\" opens Today's form with the start time and duration", async () => {
    const user = await openHome();
    await user.click(screen.getByRole("button", { name: "Timeline" }));
    await screen.findByRole("heading", { level: 1, name: "Timeline" });
    vi.useFakeTimers({ now: START });

    await user.keyboard("{F1}");
    await user.click(within(panel()).getByRole("button", { name: "Start timer" }));
    await wait(20 * MINUTE);
    const dialog = panel();
    expect(timerText()).toBe("0:00");
    expect(within(dialog).getByRole("status")).toHaveTextContent("Time's up. You stayed with it for 20 minutes.");
    const offer = within(dialog).getByRole("region", { name: "Well done for staying with it" });
    expect(offer).toHaveTextContent("about 20 minutes");
    // The timer finishing does not move focus.
    expect(within(dialog).getByRole("button", { name: "Start again" })).toHaveFocus();

    await user.click(within(offer).getByRole("button", { name: "Log this craving" }));
    await vi.waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    const heading = await vi.waitFor(() => screen.getByRole("heading", { name: "Log a craving" }));
    expect(session.screen).toBe("home");
    expect(heading).toHaveFocus();
    // Nothing of the timer is left.
    expect(screen.queryByRole("button", { name: /^Urge timer/ })).not.toBeInTheDocument();

    const form = screen.getByRole("form", { name: "Log a craving" });
    expect(within(form).getByRole("button", { name: "Add details" })).toHaveAttribute("aria-expanded", "true");
    expect(within(form).getByLabelText("When did it start?")).toHaveValue("2024-11-22T15:40");
    expect(within(form).getByLabelText("How long? (minutes)")).toHaveValue(20);
    expect(within(form).getByRole("group", { name: "How did it end?" })).toBeVisible();

    await user.click(within(form).getByRole("radio", { name: "Intensity 6" }));
    await user.click(within(form).getByRole("radio", { name: "Passed without using" }));
    await user.click(within(form).getByRole("button", { name: "Save craving" }));
    await vi.waitFor(() => expect(commands.addCraving).toHaveBeenCalledTimes(1));
    expect(commands.addCraving).toHaveBeenCalledWith(
      quickInput(6, { occurredAt: "2024-11-22T15:40:00-05:00", durationMinutes: 20, outcome: "passed" }),
    );

    // The next craving on this form is a fresh one, "now".
    await vi.waitFor(() => expect(within(form).getByLabelText("How long? (minutes)")).toHaveValue(null));
    await user.click(within(form).getByRole("radio", { name: "Intensity 3" }));
    await user.click(within(form).getByRole("button", { name: "Save craving" }));
    await vi.waitFor(() => expect(commands.addCraving).toHaveBeenCalledTimes(2));
    expect(commands.addCraving).toHaveBeenLastCalledWith(quickInput(3));
  });

  it("\"I'm through it\" without the timer logs the time since the panel opened", async () => {
    const user = await openHome();
    vi.useFakeTimers({ now: START });
    await user.keyboard("{F1}");
    await wait(3 * MINUTE);
    await user.click(within(panel()).getByRole("button", { name: "I'm through it" }));
    await user.click(within(panel()).getByRole("button", { name: "Log this craving" }));
    const form = await vi.waitFor(() => screen.getByRole("form", { name: "Log a craving" }));
    await vi.waitFor(() => expect(within(form).getByLabelText("How long? (minutes)")).toHaveValue(3));
    // Already on Today: focus still goes to the form's heading, not back into the page.
    expect(screen.getByRole("heading", { name: "Log a craving" })).toHaveFocus();
    expect(within(form).getByLabelText("When did it start?")).toHaveValue("2024-11-22T15:40");
  });

  it("\"Finish early\" offers it too, and \"Not now\" just closes", async () => {
    const user = await openHome();
    vi.useFakeTimers({ now: START });
    const sosButton = screen.getByRole("button", { name: "SOS" });
    await user.click(sosButton);
    await user.click(within(panel()).getByRole("button", { name: "Start timer" }));
    await wait(6 * MINUTE);
    await user.click(within(panel()).getByRole("button", { name: "Finish early" }));
    expect(within(panel()).getByRole("heading", { name: "Well done for staying with it" })).toHaveFocus();
    expect(within(panel()).getByRole("region", { name: "Well done for staying with it" })).toHaveTextContent(
      "about 6 minutes",
    );
    await user.click(within(panel()).getByRole("button", { name: "Not now" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(sosButton).toHaveFocus();
    expect(screen.queryByRole("button", { name: /^Urge timer/ })).not.toBeInTheDocument();
    expect(commands.addCraving).not.toHaveBeenCalled();
    expect(screen.getByLabelText("How long? (minutes)")).toHaveValue(null);
  });
});

describe("SOS panel: locking", () => {
  it("locking closes the panel and resets the timer", async () => {
    const user = await openHome();
    vi.useFakeTimers({ now: START });
    await user.click(screen.getByRole("button", { name: "SOS" }));
    await user.click(within(panel()).getByRole("button", { name: "Start timer" }));
    await wait(2 * MINUTE);
    // Waymark locks itself while the panel is open.
    await act(() => session.lockedElsewhere());
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Welcome back" })).toBeInTheDocument();
    expect(sos.phase).toBe("idle");
    // Nothing keeps ticking (once the screen's own zero-delay timeouts have run).
    await wait(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("the Lock button resets a timer running in the background", async () => {
    const user = await openHome();
    vi.useFakeTimers({ now: START });
    await user.keyboard("{F1}");
    await user.click(within(panel()).getByRole("button", { name: "Start timer" }));
    await user.keyboard("{Escape}");
    expect(screen.getByRole("button", { name: "Urge timer 20:00" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Lock" }));
    await vi.waitFor(() => expect(screen.getByRole("heading", { name: "Welcome back" })).toBeInTheDocument());
    expect(sos.phase).toBe("idle");
    await user.keyboard("{F1}");
    expect(timerText()).toBe("20:00");
    expect(within(panel()).getByRole("button", { name: "Start timer" })).toBeInTheDocument();
  });
});
