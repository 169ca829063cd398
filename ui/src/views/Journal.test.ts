import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type JournalEntry } from "../lib/api";
import { setDayLocale, todayIso } from "../lib/day";
import { fail, ok, resetCommands, storedJournalEntry } from "../test/api-mock";
import { clearAllOnLock } from "../stores/lockable";
import { undo } from "../stores/undo.svelte";
import Journal from "./Journal.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const today = todayIso();
const older = storedJournalEntry(4, "2024-11-20", "A long **hard** day.\n\nBut I got through it.", {
  wentWell: "Called my sister",
  tags: ["family", "work"],
});

function entryForm() {
  return screen.getByRole("form", { name: /journal entry/i });
}

async function openJournal() {
  render(Journal);
  await screen.findByLabelText("What's on your mind today?");
}

describe("journal", () => {
  beforeEach(() => {
    resetCommands();
    undo.dismiss();
    setDayLocale("en-GB");
  });

  it("writes today's entry with went-well and tags", async () => {
    const user = userEvent.setup();
    const saved = storedJournalEntry(9, today, "Slept badly, but went to the group.", {
      wentWell: "The group",
      tags: ["sleep", "group"],
    });
    vi.mocked(commands.addJournalEntry).mockResolvedValue(ok(saved));
    await openJournal();
    expect(commands.journalEntryOn).toHaveBeenCalledWith(today);
    expect(commands.listJournalEntries).toHaveBeenCalledWith(30);
    expect(screen.getByLabelText("Date")).toHaveValue(today);

    await user.type(screen.getByLabelText("What's on your mind today?"), "Slept badly, but went to the group.");
    await user.type(screen.getByLabelText("One thing that went well (optional)"), "The group");
    await user.type(screen.getByLabelText("Tags (optional)"), "Sleep, #group, sleep");
    expect(within(screen.getByRole("list", { name: "Tags" })).getAllByRole("listitem")).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "Save entry" }));

    expect(commands.addJournalEntry).toHaveBeenCalledWith({
      date: today,
      body: "Slept badly, but went to the group.",
      wentWell: "The group",
      tags: ["sleep", "group"],
    });
    expect(within(entryForm()).getByRole("status")).toHaveTextContent("Saved.");

    // One entry per day: saving again updates it.
    await user.type(screen.getByLabelText("What's on your mind today?"), " Tired now.");
    vi.mocked(commands.updateJournalEntry).mockResolvedValue(ok(saved));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(commands.updateJournalEntry).toHaveBeenCalledWith(9, {
      date: today,
      body: "Slept badly, but went to the group. Tired now.",
      wentWell: "The group",
      tags: ["sleep", "group"],
    });
    expect(commands.addJournalEntry).toHaveBeenCalledTimes(1);
  });

  it("opens today's existing entry for editing and saves it by id", async () => {
    const user = userEvent.setup();
    const mine = storedJournalEntry(12, today, "Morning pages.", { tags: ["calm"] });
    vi.mocked(commands.journalEntryOn).mockResolvedValue(ok(mine));
    vi.mocked(commands.listJournalEntries).mockResolvedValue(ok([mine, older]));
    vi.mocked(commands.updateJournalEntry).mockResolvedValue(ok(mine));
    await openJournal();

    expect(screen.getByRole("heading", { name: "Today's entry" })).toBeInTheDocument();
    expect(screen.getByLabelText("What's on your mind today?")).toHaveValue("Morning pages.");
    expect(screen.getByLabelText("Tags (optional)")).toHaveValue("calm");
    // Today's entry is in the form, not repeated in the list.
    expect(within(screen.getByRole("list", { name: "Past entries" })).getAllByRole("article")).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(commands.updateJournalEntry).toHaveBeenCalledWith(12, {
      date: today,
      body: "Morning pages.",
      wentWell: null,
      tags: ["calm"],
    });
  });

  it("shows a backend error for the text beside the text", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.addJournalEntry).mockResolvedValue(fail("invalid_input", "The entry is too long.", "body"));
    await openJournal();
    await user.type(screen.getByLabelText("What's on your mind today?"), "Words");
    await user.click(screen.getByRole("button", { name: "Save entry" }));
    const message = await screen.findByText("The entry is too long.");
    const body = screen.getByLabelText("What's on your mind today?");
    expect(body).toHaveAttribute("aria-invalid", "true");
    expect(body.getAttribute("aria-describedby")).toContain(message.id);
  });

  it("shows a backend error for the tags beside the tags", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.addJournalEntry).mockResolvedValue(
      fail("invalid_input", "A tag can be at most 40 characters.", "tags"),
    );
    await openJournal();
    await user.type(screen.getByLabelText("What's on your mind today?"), "Words");
    await user.type(screen.getByLabelText("Tags (optional)"), "x".repeat(41));
    await user.click(screen.getByRole("button", { name: "Save entry" }));
    const message = await screen.findByText("A tag can be at most 40 characters.");
    expect(screen.getByLabelText("Tags (optional)").getAttribute("aria-describedby")).toContain(message.id);
  });

  it("asks for some words before saving an empty entry", async () => {
    const user = userEvent.setup();
    await openJournal();
    await user.click(screen.getByRole("button", { name: "Save entry" }));
    expect(commands.addJournalEntry).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("Write something before saving");
  });

  it("previews Markdown safely", async () => {
    const user = userEvent.setup();
    await openJournal();
    await user.type(
      screen.getByLabelText("What's on your mind today?"),
      "**Proud** of today <img src=x onerror=alert(1)>",
    );
    await user.click(screen.getByRole("button", { name: "Preview" }));
    const preview = screen.getByRole("region", { name: "Preview of your entry" });
    expect(preview.querySelector("strong")).toHaveTextContent("Proud");
    expect(preview.querySelector("img")).toBeNull();
    expect(preview).toHaveTextContent("<img src=x onerror=alert(1)>");
    await user.click(screen.getByRole("button", { name: "Write" }));
    expect(screen.getByLabelText("What's on your mind today?")).toHaveValue(
      "**Proud** of today <img src=x onerror=alert(1)>",
    );
  });

  it("lists past entries with date, tags and what went well", async () => {
    vi.mocked(commands.listJournalEntries).mockResolvedValue(ok([older]));
    await openJournal();
    const list = await screen.findByRole("list", { name: "Past entries" });
    const card = within(list).getByRole("article", { name: "Wednesday, 20 November 2024" });
    expect(within(card).getByRole("list", { name: "Tags" })).toHaveTextContent("family");
    expect(card).toHaveTextContent("Went well: Called my sister");
    // The text is shown as Markdown.
    expect(card).toHaveTextContent("A long hard day.");
    expect(card.querySelector("strong")).toHaveTextContent("hard");
  });

  it("shows the start of a long entry until it is opened", async () => {
    const user = userEvent.setup();
    const long = storedJournalEntry(5, "2024-11-18", `${"A line.\n".repeat(12)}The very end.`);
    vi.mocked(commands.listJournalEntries).mockResolvedValue(ok([long, older]));
    await openJournal();
    const more = await screen.findByRole("button", { name: "Read all of Monday, 18 November 2024" });
    expect(more).toHaveAttribute("aria-expanded", "false");
    await user.click(more);
    expect(screen.getByRole("button", { name: "Show less of Monday, 18 November 2024" })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
    // A short entry needs no button.
    expect(screen.queryByRole("button", { name: /Read all of Wednesday/ })).not.toBeInTheDocument();
  });

  it("edits a past entry in the form and saves it by id", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.listJournalEntries).mockResolvedValue(ok([older]));
    vi.mocked(commands.updateJournalEntry).mockResolvedValue(ok({ ...older, wentWell: "Called my sister twice" }));
    await openJournal();
    await user.click(await screen.findByRole("button", { name: "Edit entry for Wednesday, 20 November 2024" }));

    expect(screen.getByRole("heading", { name: "Editing your entry for Wednesday, 20 November 2024" })).toHaveFocus();
    expect(screen.getByLabelText("Date")).toHaveValue("2024-11-20");
    const wentWell = screen.getByLabelText("One thing that went well (optional)");
    expect(wentWell).toHaveValue("Called my sister");
    await user.type(wentWell, " twice");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(commands.updateJournalEntry).toHaveBeenCalledWith(4, {
      date: "2024-11-20",
      body: "A long **hard** day.\n\nBut I got through it.",
      wentWell: "Called my sister twice",
      tags: ["family", "work"],
    });
    expect(await screen.findByText("Changes to Wednesday, 20 November 2024 saved.")).toBeInTheDocument();
    // Back to today.
    expect(screen.getByLabelText("Date")).toHaveValue(today);
  });

  it("deletes a past entry with an offer to undo", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.listJournalEntries).mockResolvedValue(ok([older]));
    await openJournal();
    await user.click(await screen.findByRole("button", { name: "Delete entry for Wednesday, 20 November 2024" }));
    expect(commands.deleteEntry).toHaveBeenCalledWith({ kind: "journal", id: 4 });
    expect(screen.queryByRole("article")).not.toBeInTheDocument();
    expect(undo.pending?.label).toBe("journal entry for Wednesday, 20 November 2024");

    await undo.undo();
    expect(commands.restoreEntry).toHaveBeenCalledWith({ kind: "journal", id: 4 });
    expect(await screen.findByRole("article", { name: "Wednesday, 20 November 2024" })).toBeInTheDocument();
  });

  it("locking drops every entry from the page", async () => {
    const mine = storedJournalEntry(12, today, "Private words.");
    vi.mocked(commands.journalEntryOn).mockResolvedValue(ok(mine));
    vi.mocked(commands.listJournalEntries).mockResolvedValue(ok([mine, older]));
    await openJournal();
    await screen.findByRole("list", { name: "Past entries" });
    expect(screen.getByLabelText("What's on your mind today?")).toHaveValue("Private words.");

    clearAllOnLock();
    await vi.waitFor(() => expect(screen.queryByRole("list", { name: "Past entries" })).not.toBeInTheDocument());
    expect(screen.queryByText(/got through it/)).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue("Private words.")).not.toBeInTheDocument();
  });

  it("ignores a reply that lands after locking", async () => {
    let answer: (value: { status: "ok"; data: JournalEntry[] }) => void = () => {};
    vi.mocked(commands.listJournalEntries).mockReturnValue(new Promise((resolve) => (answer = resolve)));
    render(Journal);
    clearAllOnLock();
    answer(ok([older]));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByText(/got through it/)).not.toBeInTheDocument();
  });
});
