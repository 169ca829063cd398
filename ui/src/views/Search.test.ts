import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type TimelineItem } from "../lib/api";
import { setDayLocale } from "../lib/day";
import { ok, resetCommands, storedItem } from "../test/api-mock";
import { clearAllOnLock } from "../stores/lockable";
import Search from "./Search.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const S = "\u0002";
const E = "\u0003";

const paydayEntry = storedItem(
  "journal",
  4,
  "2024-11-20",
  "Journal entry",
  `Got ${S}paid${E} today and felt the old pull <b>not bold</b>`,
);
const paydayCraving = storedItem(
  "craving",
  9,
  "2024-11-22",
  "Craving 7/10, passed without using",
  `${S}Paid${E} day again`,
  "2024-11-22T15:40:00-05:00",
);

/** A reply the test hands back when it chooses. */
function deferred() {
  let resolve: (value: { status: "ok"; data: TimelineItem[] }) => void = () => {};
  const promise = new Promise<{ status: "ok"; data: TimelineItem[] }>((r) => (resolve = r));
  return { promise, resolve };
}

describe("search", () => {
  beforeEach(() => {
    resetCommands();
    setDayLocale("en-GB");
  });

  it("starts with a gentle empty state", () => {
    render(Search);
    expect(screen.getByRole("searchbox", { name: "Search your journal" })).toHaveFocus();
    expect(screen.getByText(/Type a word or two to start/)).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Search results" })).not.toBeInTheDocument();
  });

  it("waits for a pause in typing, then shows results with their matches marked", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.search).mockResolvedValue(ok([paydayEntry, paydayCraving]));
    render(Search);
    await user.type(screen.getByRole("searchbox", { name: "Search your journal" }), "paid");

    const list = await screen.findByRole("list", { name: "Search results" });
    // One search for the whole word, not one per keystroke.
    expect(commands.search).toHaveBeenCalledTimes(1);
    expect(commands.search).toHaveBeenCalledWith("paid", 50);

    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("Journal entry");
    expect(items[0]).toHaveTextContent("Wed, 20 Nov 2024");
    const marks = items[0].querySelectorAll("mark");
    expect(marks).toHaveLength(1);
    expect(marks[0]).toHaveTextContent("paid");
    // The excerpt is text: markup in it is shown, never run, and the markers never show.
    expect(items[0].querySelector("b")).toBeNull();
    expect(items[0]).toHaveTextContent("<b>not bold</b>");
    expect(items[0].textContent).not.toContain(S);
    expect(items[0].textContent).not.toContain(E);

    expect(items[1]).toHaveTextContent("Craving");
    expect(items[1]).toHaveTextContent("Craving 7/10, passed without using");
    expect(items[1]).toHaveTextContent("15:40");
    expect(items[1].querySelector("mark")).toHaveTextContent("Paid");
    expect(screen.getByRole("status")).toHaveTextContent("2 results");
  });

  it("says so when nothing matches", async () => {
    const user = userEvent.setup();
    render(Search);
    await user.type(screen.getByRole("searchbox", { name: "Search your journal" }), "zebra");
    expect(await screen.findByText('Nothing found for "zebra".')).toBeInTheDocument();
  });

  it("ignores a reply to an older search that arrives late", async () => {
    const user = userEvent.setup();
    const first = deferred();
    const second = deferred();
    vi.mocked(commands.search).mockImplementation((text: string) => (text === "pay" ? first.promise : second.promise));
    render(Search);
    const box = screen.getByRole("searchbox", { name: "Search your journal" });
    await user.type(box, "pay");
    await vi.waitFor(() => expect(commands.search).toHaveBeenCalledWith("pay", 50));
    await user.type(box, "day");
    await vi.waitFor(() => expect(commands.search).toHaveBeenCalledWith("payday", 50));

    // The newer reply lands first, then the stale one.
    second.resolve(ok([paydayCraving]));
    await screen.findByRole("list", { name: "Search results" });
    first.resolve(ok([paydayEntry]));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const items = within(screen.getByRole("list", { name: "Search results" })).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent("Craving 7/10");
  });

  it("clearing the box clears the results", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.search).mockResolvedValue(ok([paydayEntry]));
    render(Search);
    const box = screen.getByRole("searchbox", { name: "Search your journal" });
    await user.type(box, "paid");
    await screen.findByRole("list", { name: "Search results" });
    await user.clear(box);
    expect(screen.queryByRole("list", { name: "Search results" })).not.toBeInTheDocument();
    expect(screen.getByText(/Type a word or two to start/)).toBeInTheDocument();
  });

  it("locking drops the results and the query", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.search).mockResolvedValue(ok([paydayEntry]));
    render(Search);
    const box = screen.getByRole("searchbox", { name: "Search your journal" });
    await user.type(box, "paid");
    await screen.findByRole("list", { name: "Search results" });

    clearAllOnLock();
    await vi.waitFor(() => expect(screen.queryByRole("list", { name: "Search results" })).not.toBeInTheDocument());
    expect(box).toHaveValue("");
    expect(screen.queryByText(/old pull/)).not.toBeInTheDocument();
  });
});
