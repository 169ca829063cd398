import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type EntryKind } from "../lib/api";
import { formatDay, formatDayShort, setDayLocale, shiftDay, todayIso } from "../lib/day";
import { clearAllOnLock } from "../stores/lockable";
import { craving, ok, resetCommands, storedItem, storedMood } from "../test/api-mock";
import { resetStores } from "../test/reset";
import UndoToast from "../components/UndoToast.svelte";
import Timeline from "./Timeline.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const ALL: EntryKind[] = ["craving", "mood", "journal", "checkin", "review", "lapse"];
const today = todayIso();
const yesterday = shiftDay(today, -1);
const items = [
  storedItem("craving", 7, today, "Craving 7/10, passed without using", "Walked it off.", `${today}T14:30:00-05:00`),
  storedItem("mood", 3, today, "Mood 6/10: hopeful", null, `${today}T09:10:00-05:00`),
  storedItem("journal", 2, yesterday, "Journal entry", "A slow day, but a good one."),
];

/** A button name that starts with `prefix` and goes on with the entry's summary. */
function named(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `);
}

async function openTimeline() {
  const user = userEvent.setup();
  render(Timeline);
  render(UndoToast);
  await screen.findByRole("heading", { level: 1, name: "Timeline" });
  return user;
}

describe("timeline", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
    clearAllOnLock();
    setDayLocale("en-GB");
    vi.mocked(commands.timeline).mockResolvedValue(ok(items));
  });

  it("shows the last 30 days of every kind, grouped by day, newest first", async () => {
    await openTimeline();
    expect(commands.timeline).toHaveBeenCalledWith({ from: shiftDay(today, -29), to: today, kinds: ALL });
    const headings = await screen.findAllByRole("heading", { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual([formatDay(today), formatDay(yesterday)]);
    expect(headings[0].textContent).toMatch(/^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+$/);

    const todays = within(screen.getByRole("region", { name: formatDay(today) }));
    const rows = todays.getAllByRole("listitem");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Craving");
    expect(rows[0]).toHaveTextContent("14:30");
    expect(rows[0]).toHaveTextContent("Craving 7/10, passed without using");
    expect(rows[0]).toHaveTextContent("Walked it off.");
    expect(rows[1]).toHaveTextContent("09:10");
    const day = formatDayShort(today);
    expect(todays.getByRole("button", { name: named(`Edit craving at 14:30 on ${day}`) })).toBeInTheDocument();
    expect(todays.getByRole("button", { name: named(`Delete mood check-in at 09:10 on ${day}`) })).toBeInTheDocument();

    const earlier = within(screen.getByRole("region", { name: formatDay(yesterday) }));
    expect(earlier.getByText("A slow day, but a good one.")).toBeInTheDocument();
    expect(
      earlier.getByRole("button", { name: named(`Delete journal entry for ${formatDayShort(yesterday)}`) }),
    ).toBeInTheDocument();
  });

  it("filters by kind and asks the backend for just those kinds", async () => {
    const user = await openTimeline();
    await screen.findAllByRole("heading", { level: 2 });
    const filters = screen.getByRole("group", { name: "Show" });
    expect(within(filters).getAllByRole("checkbox").every((box) => (box as HTMLInputElement).checked)).toBe(true);

    vi.mocked(commands.timeline).mockResolvedValue(ok([items[0]]));
    await user.click(within(filters).getByRole("checkbox", { name: "Moods" }));
    await user.click(within(filters).getByRole("checkbox", { name: "Journal" }));
    expect(commands.timeline).toHaveBeenLastCalledWith({
      from: shiftDay(today, -29),
      to: today,
      kinds: ["craving", "checkin", "review", "lapse"],
    });
    await waitFor(() => expect(screen.queryByText("A slow day, but a good one.")).not.toBeInTheDocument());
    expect(screen.getAllByRole("heading", { level: 2 })).toHaveLength(1);

    await user.click(within(filters).getByRole("checkbox", { name: "Moods" }));
    expect(commands.timeline).toHaveBeenLastCalledWith({
      from: shiftDay(today, -29),
      to: today,
      kinds: ["craving", "mood", "checkin", "review", "lapse"],
    });
  });

  it("asks for a kind when every kind is switched off, without asking the backend", async () => {
    const user = await openTimeline();
    await screen.findAllByRole("heading", { level: 2 });
    const filters = screen.getByRole("group", { name: "Show" });
    for (const box of within(filters).getAllByRole("checkbox")) await user.click(box);
    expect(commands.timeline).toHaveBeenCalledTimes(6);
    expect(screen.getByText("Choose at least one kind of entry to see it here.")).toBeInTheDocument();
    expect(screen.queryAllByRole("heading", { level: 2 })).toHaveLength(0);
  });

  it("Show earlier reads the 30 days before and adds them below", async () => {
    const user = await openTimeline();
    await screen.findAllByRole("heading", { level: 2 });
    const old = shiftDay(today, -40);
    vi.mocked(commands.timeline).mockResolvedValue(ok([storedItem("checkin", 5, old, "Check-in: 4 of 6")]));
    await user.click(screen.getByRole("button", { name: "Show earlier" }));
    expect(commands.timeline).toHaveBeenLastCalledWith({
      from: shiftDay(today, -59),
      to: shiftDay(today, -30),
      kinds: ALL,
    });
    const headings = await screen.findAllByRole("heading", { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual([formatDay(today), formatDay(yesterday), formatDay(old)]);
    expect(screen.getByText(`Showing ${formatDayShort(shiftDay(today, -59))} to today.`)).toBeInTheDocument();
  });

  it("deletes with undo, and reads the timeline again after each", async () => {
    const user = await openTimeline();
    await screen.findAllByRole("heading", { level: 2 });
    const day = formatDayShort(today);
    vi.mocked(commands.timeline).mockResolvedValue(ok(items.slice(1)));
    await user.click(screen.getByRole("button", { name: named(`Delete craving at 14:30 on ${day}`) }));

    expect(commands.deleteEntry).toHaveBeenCalledWith({ kind: "craving", id: 7 });
    expect(await screen.findByText(`Deleted: Craving at 14:30 on ${day}`)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText("Walked it off.")).not.toBeInTheDocument());
    expect(commands.timeline).toHaveBeenCalledTimes(2);
    // The focus carries on from that day's heading.
    await waitFor(() => expect(screen.getByRole("heading", { name: formatDay(today) })).toHaveFocus());

    vi.mocked(commands.timeline).mockResolvedValue(ok(items));
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(commands.restoreEntry).toHaveBeenCalledWith({ kind: "craving", id: 7 });
    expect(await screen.findByText("Walked it off.")).toBeInTheDocument();
    expect(commands.timeline).toHaveBeenCalledTimes(3);
  });

  it("edits a mood in a dialog with the mood form, then reads the timeline again", async () => {
    const mood = storedMood(3, 6, `${today}T09:10:00-05:00`, { feelings: ["hopeful"], note: "Sun out." });
    vi.mocked(commands.getMood).mockResolvedValue(ok(mood));
    vi.mocked(commands.updateMood).mockResolvedValue(ok({ ...mood, mood: 8 }));
    const user = await openTimeline();
    await screen.findAllByRole("heading", { level: 2 });
    const name = `mood check-in at 09:10 on ${formatDayShort(today)}`;
    await user.click(screen.getByRole("button", { name: named(`Edit ${name}`) }));

    const dialog = await screen.findByRole("dialog", { name: `Edit ${name}` });
    expect(commands.getMood).toHaveBeenCalledWith(3);
    const form = await within(dialog).findByRole("form", { name: "Edit mood" });
    expect(within(form).getByRole("radio", { name: "Mood 6" })).toBeChecked();
    await user.click(within(form).getByRole("radio", { name: "Mood 8" }));
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    expect(commands.updateMood).toHaveBeenCalledWith(3, expect.objectContaining({ mood: 8, occurredAt: mood.occurredAt }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(commands.timeline).toHaveBeenCalledTimes(2);
  });

  it("edits a craving in a dialog with the craving form", async () => {
    const stored = craving(7, 7, `${today}T14:30:00-05:00`, "Walked it off.", { outcome: "passed" });
    vi.mocked(commands.getCraving).mockResolvedValue(ok(stored));
    vi.mocked(commands.updateCraving).mockResolvedValue(ok(stored));
    const user = await openTimeline();
    await screen.findAllByRole("heading", { level: 2 });
    await user.click(screen.getByRole("button", { name: named(`Edit craving at 14:30 on ${formatDayShort(today)}`) }));
    const dialog = await screen.findByRole("dialog");
    const form = await within(dialog).findByRole("form", { name: "Edit craving" });
    expect(within(form).getByRole("radio", { name: "Intensity 7" })).toBeChecked();
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    expect(commands.updateCraving).toHaveBeenCalledWith(7, expect.objectContaining({ intensity: 7, outcome: "passed" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("tells the person when the entry to edit is gone", async () => {
    vi.mocked(commands.getJournalEntry).mockResolvedValue({
      status: "error",
      error: { code: "not_found", message: "Not found.", field: null },
    });
    const user = await openTimeline();
    await screen.findAllByRole("heading", { level: 2 });
    await user.click(screen.getByRole("button", { name: named(`Edit journal entry for ${formatDayShort(yesterday)}`) }));
    const dialog = await screen.findByRole("dialog");
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("This entry isn't there any more.");
    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("locking clears the timeline from the page and from memory", async () => {
    await openTimeline();
    await screen.findByText("Walked it off.");
    clearAllOnLock();
    await waitFor(() => expect(screen.queryByText("Walked it off.")).not.toBeInTheDocument());
    expect(screen.queryByText("A slow day, but a good one.")).not.toBeInTheDocument();
    expect(screen.queryAllByRole("heading", { level: 2 })).toHaveLength(0);
  });
});
