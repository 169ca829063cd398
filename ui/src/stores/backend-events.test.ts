import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { commands } from "../lib/api";
import { todayIso } from "../lib/day";
import { craving, notice, ok, resetCommands, storedNotice } from "../test/api-mock";
import { emitBackendEvent, listenerCount } from "../test/events-mock";
import { resetStores } from "../test/reset";
import { cravings } from "./cravings.svelte";
import { clearAllOnLock } from "./lockable";
import { notices } from "./notices.svelte";
import { session } from "./session.svelte";
import { sos } from "./sos.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const today = todayIso();
const missedMeeting = storedNotice("m:1:a", `${today}T19:00:00-05:00`, { title: "Tuesday NA", meetingId: 1 });
const untitled = storedNotice("m:2:b", `${today}T19:30:00-05:00`);
const checkin = storedNotice("c:c", "2024-11-20T20:00:00-05:00", { kind: "checkin" });

async function openApp() {
  const user = userEvent.setup();
  const view = render(App);
  await screen.findByRole("heading", { name: "Log a craving" });
  return { user, view };
}

function noticesRegion() {
  return screen.getByRole("region", { name: "Reminders you may have missed" });
}

describe("reminder notices on Today", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
    clearAllOnLock();
  });

  it("are taken when the journal opens and listed with their time and title", async () => {
    vi.mocked(commands.takeReminderNotices).mockResolvedValueOnce(ok([notice(untitled), notice(checkin), notice(missedMeeting)]));
    await openApp();
    const region = await screen.findByRole("region", { name: "Reminders you may have missed" });
    expect(region).toHaveTextContent("came due while Waymark was closed or your computer was asleep");
    const items = within(region).getAllByRole("listitem");
    // Oldest first; a reminder without a title says "Reminder"; another day shows its date.
    expect(items.map((item) => item.textContent?.replace(/\s+/g, " ").replace("Dismiss", "").trim())).toEqual([
      "20 Nov 2024, 20:00 Daily check-in",
      "19:00 Tuesday NA",
      "19:30 Reminder",
    ]);
    expect(commands.takeReminderNotices).toHaveBeenCalledTimes(1);
  });

  it("are grouped by why they were not shown", async () => {
    vi.mocked(commands.takeReminderNotices).mockResolvedValueOnce(ok([notice(missedMeeting), notice(untitled, "not_shown")]));
    await openApp();
    const closed = await screen.findByRole("list", { name: "While Waymark was closed" });
    expect(within(closed).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      expect.stringContaining("Tuesday NA"),
    ]);
    const notShown = screen.getByRole("list", { name: "Couldn't be shown as notifications" });
    expect(within(notShown).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      expect.stringContaining("Reminder"),
    ]);
  });

  it("each can be dismissed", async () => {
    vi.mocked(commands.takeReminderNotices).mockResolvedValueOnce(ok([notice(missedMeeting), notice(untitled)]));
    const { user } = await openApp();
    await screen.findByRole("region", { name: "Reminders you may have missed" });
    await user.click(screen.getByRole("button", { name: "Dismiss: Tuesday NA at 19:00" }));
    expect(within(noticesRegion()).getAllByRole("listitem")).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Dismiss: Reminder at 19:30" }));
    expect(screen.queryByRole("region", { name: "Reminders you may have missed" })).not.toBeInTheDocument();
  });

  it("the reminder-notices event takes the new ones, each shown once", async () => {
    await openApp();
    expect(screen.queryByRole("region", { name: "Reminders you may have missed" })).not.toBeInTheDocument();
    vi.mocked(commands.takeReminderNotices).mockResolvedValueOnce(ok([notice(missedMeeting)])).mockResolvedValueOnce(ok([notice(missedMeeting), notice(untitled)]));
    emitBackendEvent("reminder-notices", null);
    await screen.findByRole("region", { name: "Reminders you may have missed" });
    emitBackendEvent("reminder-notices", null);
    await vi.waitFor(() => expect(within(noticesRegion()).getAllByRole("listitem")).toHaveLength(2));
  });

  it("locking clears them, from the page and from memory", async () => {
    vi.mocked(commands.takeReminderNotices).mockResolvedValueOnce(ok([notice(missedMeeting)]));
    const { user } = await openApp();
    await screen.findByRole("region", { name: "Reminders you may have missed" });
    await user.click(screen.getByRole("button", { name: "Lock" }));
    await screen.findByRole("heading", { name: "Welcome back" });
    expect(notices.items).toEqual([]);
    expect(screen.queryByText("Tuesday NA")).not.toBeInTheDocument();
    // While locked the event leaves them waiting in the backend.
    emitBackendEvent("reminder-notices", null);
    expect(commands.takeReminderNotices).toHaveBeenCalledTimes(1);
  });

  it("are taken again after unlocking", async () => {
    vi.mocked(commands.vaultStatus).mockResolvedValue(ok({ exists: true, unlocked: false, openedWithRecoveryKey: false, keyFileMissing: false }));
    const user = userEvent.setup();
    render(App);
    await screen.findByRole("heading", { name: "Welcome back" });
    expect(commands.takeReminderNotices).not.toHaveBeenCalled();
    vi.mocked(commands.takeReminderNotices).mockResolvedValueOnce(ok([notice(missedMeeting)]));
    await user.type(screen.getByLabelText("Passphrase"), "a long passphrase");
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    expect(await screen.findByRole("region", { name: "Reminders you may have missed" })).toHaveTextContent("Tuesday NA");
    expect(commands.takeReminderNotices).toHaveBeenCalledTimes(1);
  });
});

describe("tray menu and locking from the backend", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
    clearAllOnLock();
  });

  it("tray SOS opens the SOS panel", async () => {
    await openApp();
    expect(screen.queryByRole("dialog", { name: "SOS" })).not.toBeInTheDocument();
    emitBackendEvent("tray-action", "sos");
    expect(await screen.findByRole("dialog", { name: "SOS" })).toBeInTheDocument();
    expect(sos.open).toBe(true);
  });

  it("tray SOS opens the panel on the unlock screen too", async () => {
    vi.mocked(commands.vaultStatus).mockResolvedValue(ok({ exists: true, unlocked: false, openedWithRecoveryKey: false, keyFileMissing: false }));
    render(App);
    await screen.findByRole("heading", { name: "Welcome back" });
    emitBackendEvent("tray-action", "sos");
    expect(await screen.findByRole("dialog", { name: "SOS" })).toBeInTheDocument();
  });

  it("tray 'Log a craving' goes to Today and puts the focus on the craving log", async () => {
    const { user } = await openApp();
    await user.click(screen.getByRole("button", { name: "Timeline" }));
    await screen.findByRole("heading", { level: 1, name: "Timeline" });
    emitBackendEvent("tray-action", "craving");
    const heading = await screen.findByRole("heading", { name: "Log a craving" });
    await vi.waitFor(() => expect(heading).toHaveFocus());
    expect(session.screen).toBe("home");
  });

  it("vault-locked runs the usual lock: journal data dropped, the unlock screen shown", async () => {
    vi.mocked(commands.listCravings).mockResolvedValue(ok([craving(1, 6, "2024-11-22T15:40:00-05:00", "After the bus stop.")]));
    vi.mocked(commands.takeReminderNotices).mockResolvedValueOnce(ok([notice(missedMeeting)]));
    await openApp();
    await screen.findByText("After the bus stop.");
    await screen.findByRole("region", { name: "Reminders you may have missed" });
    vi.mocked(commands.takeLockReason).mockResolvedValueOnce(ok("closed"));
    emitBackendEvent("vault-locked", null);
    expect(await screen.findByRole("heading", { name: "Welcome back" })).toBeInTheDocument();
    expect(await screen.findByText("Waymark locked when its window was closed.")).toBeInTheDocument();
    expect(cravings.items).toEqual([]);
    expect(notices.items).toEqual([]);
    expect(screen.queryByText("After the bus stop.")).not.toBeInTheDocument();
    // Locking again in the backend is harmless, and a second event changes nothing.
    expect(commands.lock).toHaveBeenCalledTimes(1);
    emitBackendEvent("vault-locked", null);
    expect(commands.lock).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("closing the window stops listening", async () => {
    const { view } = await openApp();
    expect(listenerCount("tray-action")).toBe(1);
    view.unmount();
    expect(listenerCount("tray-action")).toBe(0);
    expect(listenerCount("vault-locked")).toBe(0);
    expect(listenerCount("reminder-notices")).toBe(0);
  });
});

describe("locking from the backend and the hide-now shortcut", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
    clearAllOnLock();
  });

  it("an auto-lock or a sleep shows the unlock screen with why", async () => {
    vi.mocked(commands.listCravings).mockResolvedValue(ok([craving(1, 6, "2024-11-22T15:40:00-05:00", "After the bus stop.")]));
    await openApp();
    await screen.findByText("After the bus stop.");
    vi.mocked(commands.takeLockReason).mockResolvedValueOnce(ok("idle"));
    emitBackendEvent("vault-locked", null);
    expect(await screen.findByText("Waymark locked itself after a while without use. Enter your passphrase to carry on.")).toBeInTheDocument();
    expect(screen.queryByText("After the bus stop.")).not.toBeInTheDocument();
    expect(cravings.items).toEqual([]);
  });

  it("Ctrl+Shift+H inside a text field locks and hides; the header button does the same", async () => {
    vi.mocked(commands.listCravings).mockResolvedValue(ok([craving(1, 6, "2024-11-22T15:40:00-05:00", "After the bus stop.")]));
    const { user } = await openApp();
    await screen.findByText("After the bus stop.");
    const hide = screen.getByRole("button", { name: "Hide now" });
    expect(hide).toHaveAttribute("aria-keyshortcuts", "Control+Shift+H");
    expect(hide).toHaveAttribute("title", expect.stringContaining("Ctrl+Shift+H"));
    await user.click(screen.getByLabelText("Craving note (optional)", { exact: false }));
    await user.keyboard("{Control>}{Shift>}H{/Shift}{/Control}");
    expect(commands.hideNow).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole("heading", { name: "Welcome back" })).toBeInTheDocument();
    expect(screen.getByText("Waymark locked and hid its window.")).toBeInTheDocument();
    expect(cravings.items).toEqual([]);
  });

  it("using the window tells the backend, sparingly", async () => {
    const { user } = await openApp();
    await user.keyboard("a");
    await user.keyboard("b");
    await user.pointer({ target: document.body, keys: "[MouseLeft]" });
    expect(commands.noteActivity).toHaveBeenCalledTimes(1);
  });
});
