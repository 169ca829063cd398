// Locking drops every front-end copy of journal data: each store that registered with
// clearOnLock is filled here, the session locks, and each must be empty again.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../lib/api";
import { craving, notice, ok, resetCommands, storedNotice, trigger } from "../test/api-mock";
import { resetStores } from "../test/reset";
import { cravings } from "./cravings.svelte";
import { DEFAULT_INSIGHTS_RANGE, insightsRange } from "./insights-range.svelte";
import { clearOnLock } from "./lockable";
import { notices } from "./notices.svelte";
import { session } from "./session.svelte";
import { sos } from "./sos.svelte";
import { triggers } from "./triggers.svelte";
import { undo } from "./undo.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

describe("locking clears every store", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
  });

  it("fills each store, locks, and finds each empty", async () => {
    vi.mocked(commands.listCravings).mockResolvedValue(ok([craving(1, 6, "2024-11-22T15:40:00-05:00", "MARKER note")]));
    vi.mocked(commands.listTriggers).mockResolvedValue(ok([trigger(1, "MARKER trigger")]));
    vi.mocked(commands.takeReminderNotices).mockResolvedValue(ok([notice(storedNotice("m:1:a", "2024-11-22T19:00:00-05:00", { title: "MARKER meeting", meetingId: 1 }))]));
    session.screen = "home";
    await cravings.refresh();
    await triggers.refresh();
    await notices.take();
    undo.pending = { entry: { kind: "mood", id: 3 }, label: "MARKER mood" };
    sos.prefill = { occurredAt: "2024-11-22T15:40:00-05:00", durationMinutes: 4 };
    sos.open = true;
    insightsRange.choice = { kind: "preset", days: 7 };
    session.recoveryKey = "ABCD-EFGH";
    session.openedWithRecoveryKey = true;
    let componentCleared = false;
    const unregister = clearOnLock(() => (componentCleared = true));

    // Filled, so the test can fail.
    expect(cravings.items).toHaveLength(1);
    expect(triggers.all.length).toBeGreaterThan(0);
    expect(notices.items).toHaveLength(1);

    await session.lock();

    expect(commands.lock).toHaveBeenCalledTimes(1);
    expect(session.screen).toBe("unlock");
    expect(cravings.items).toEqual([]);
    expect(cravings.loaded).toBe(false);
    expect(triggers.all).toEqual([]);
    expect(notices.items).toEqual([]);
    expect(undo.pending).toBeNull();
    expect(sos.prefill).toBeNull();
    expect(sos.open).toBe(false);
    expect(sos.ended).toBeNull();
    expect(insightsRange.choice).toEqual(DEFAULT_INSIGHTS_RANGE);
    expect(session.recoveryKey).toBeNull();
    expect(session.openedWithRecoveryKey).toBe(false);
    expect(componentCleared).toBe(true);
    expect(JSON.stringify({ c: cravings.items, t: triggers.all, n: notices.items, u: undo.pending })).not.toContain("MARKER");
    unregister();
  });

  it("hide now drops the same data before the backend hides the window", async () => {
    vi.mocked(commands.listCravings).mockResolvedValue(ok([craving(1, 6, "2024-11-22T15:40:00-05:00", "MARKER note")]));
    session.screen = "home";
    await cravings.refresh();
    let itemsWhenHidden: unknown = "not called";
    vi.mocked(commands.hideNow).mockImplementation(() => {
      itemsWhenHidden = cravings.items;
      return Promise.resolve(ok(null));
    });
    await session.hideNow();
    expect(itemsWhenHidden).toEqual([]);
    expect(session.screen).toBe("unlock");
    expect(session.notice).toBe("Waymark locked and hid its window.");
    expect(commands.lock).not.toHaveBeenCalled();
  });

  it("if hiding fails, the journal is still locked", async () => {
    vi.mocked(commands.hideNow).mockResolvedValue({ status: "error", error: { code: "internal", message: "x", field: null } });
    session.screen = "timeline";
    await session.hideNow();
    expect(commands.lock).toHaveBeenCalledTimes(1);
    expect(session.screen).toBe("unlock");
  });
});
