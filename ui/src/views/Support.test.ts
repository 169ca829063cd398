import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type RegionHelplines } from "../lib/api";
import { clearAllOnLock } from "../stores/lockable";
import { session } from "../stores/session.svelte";
import { fail, ok, resetCommands, storedContact, storedHelpline, storedLocalHelpline } from "../test/api-mock";
import { resetStores } from "../test/reset";
import Support from "./Support.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const sam = storedContact(1, "Sam", 0, { role: "sponsor", phone: "07700 900123", email: "sam@example.org", notes: "Any time" });
const jo = storedContact(2, "Jo", 1, { role: "keyworker", phone: "0161 496 0000" });
const ana = storedContact(3, "Ana", 2, { role: "family" });
const ukLines: RegionHelplines = {
  region: "uk",
  builtin: [storedHelpline("Samaritans", "116 123")],
  local: [storedLocalHelpline(7, "My drug service", "0161 496 0999", "Weekdays 9 to 5")],
};

async function openSupport(lines: RegionHelplines = ukLines) {
  vi.mocked(commands.listContacts).mockResolvedValue(ok([sam, jo, ana]));
  vi.mocked(commands.helplines).mockResolvedValue(ok(lines));
  const user = userEvent.setup();
  render(Support);
  await screen.findByRole("heading", { name: "1. Sam" });
  return user;
}

function people() {
  return screen.getByRole("region", { name: "Who I call first" });
}

describe("people screen", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
    clearAllOnLock();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("lists people in call order with their details, and helplines for the region", async () => {
    await openSupport();
    const items = within(people()).getAllByRole("listitem");
    expect(items.map((li) => li.querySelector("h3")?.textContent)).toEqual(["1. Sam", "2. Jo", "3. Ana"]);
    expect(items[0]).toHaveTextContent("Sponsor");
    expect(items[0]).toHaveTextContent("07700 900123");
    expect(items[0]).toHaveTextContent("sam@example.org");
    expect(items[0]).toHaveTextContent("Any time");
    expect(screen.getByRole("button", { name: "Move Sam up" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Move Ana down" })).toBeDisabled();
    // No phone, no Call; no email, no Email.
    expect(screen.queryByRole("button", { name: "Call Ana" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Email Jo" })).not.toBeInTheDocument();

    const lines = screen.getByRole("region", { name: "Helplines in United Kingdom" });
    expect(lines).toHaveTextContent("Samaritans");
    expect(lines).toHaveTextContent("116 123");
    expect(lines).toHaveTextContent("24 hours, every day");
    expect(lines).toHaveTextContent("Source: Samaritans, checked 2026-01-10");
    expect(lines).toHaveTextContent("My drug service");
    expect(lines).toHaveTextContent("Weekdays 9 to 5");
  });

  it("adds someone with exactly what was typed", async () => {
    const user = await openSupport();
    vi.mocked(commands.addContact).mockResolvedValue(ok(storedContact(9, "Dee", 3, { role: "gp", phone: "020 7946 0000" })));
    const form = screen.getByRole("form", { name: "Add someone" });
    await user.type(within(form).getByLabelText("Name"), " Dee ");
    await user.selectOptions(within(form).getByLabelText("Role"), "GP");
    await user.type(within(form).getByLabelText("Phone (optional)"), "020 7946 0000");
    await user.click(within(form).getByRole("button", { name: "Add to my list" }));
    expect(commands.addContact).toHaveBeenCalledWith({ name: "Dee", role: "gp", phone: "020 7946 0000", email: null, notes: null });
    expect(await within(people()).findByRole("heading", { name: "4. Dee" })).toBeInTheDocument();
    expect(within(form).getByLabelText("Name")).toHaveValue("");
  });

  it("shows a backend error beside the field it names", async () => {
    const user = await openSupport();
    vi.mocked(commands.addContact).mockResolvedValue(fail("invalid_input", "That doesn't look like a phone number.", "phone"));
    const form = screen.getByRole("form", { name: "Add someone" });
    await user.type(within(form).getByLabelText("Name"), "Dee");
    await user.selectOptions(within(form).getByLabelText("Role"), "Friend");
    await user.type(within(form).getByLabelText("Phone (optional)"), "abc");
    await user.click(within(form).getByRole("button", { name: "Add to my list" }));
    await waitFor(() =>
      expect(within(form).getByLabelText("Phone (optional)")).toHaveAccessibleDescription("That doesn't look like a phone number."),
    );
  });

  it("moves someone up with the new order", async () => {
    const user = await openSupport();
    vi.mocked(commands.reorderContacts).mockResolvedValue(ok([{ ...jo, callOrder: 0 }, { ...sam, callOrder: 1 }, ana]));
    await user.click(screen.getByRole("button", { name: "Move Jo up" }));
    expect(commands.reorderContacts).toHaveBeenCalledWith([2, 1, 3]);
    await waitFor(() =>
      expect(within(people()).getAllByRole("listitem").map((li) => li.querySelector("h3")?.textContent)).toEqual([
        "1. Jo",
        "2. Sam",
        "3. Ana",
      ]),
    );
    expect(screen.getByRole("status")).toHaveTextContent("Moved Jo up.");
    // Jo is first now, so Move up is off: the keyboard carries on from Move down.
    expect(screen.getByRole("button", { name: "Move Jo down" })).toHaveFocus();
  });

  it("copies a number to the clipboard, and says so when it can't", async () => {
    const user = await openSupport();
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.spyOn(navigator.clipboard, "writeText").mockImplementation(writeText);
    await user.click(screen.getByRole("button", { name: "Copy number for Sam" }));
    expect(writeText).toHaveBeenCalledWith("07700 900123");
    expect(screen.getByRole("status")).toHaveTextContent("Copied Sam's number.");

    writeText.mockRejectedValue(new Error("denied"));
    await user.click(screen.getByRole("button", { name: "Copy number for Samaritans" }));
    expect(writeText).toHaveBeenLastCalledWith("116 123");
    expect(await screen.findByRole("alert")).toHaveTextContent("Couldn't copy the number.");
  });

  it("calls and emails through the backend and shows its message when that fails", async () => {
    const user = await openSupport();
    vi.mocked(commands.openContactLink).mockResolvedValue(ok(null));
    await user.click(screen.getByRole("button", { name: "Email Sam" }));
    expect(commands.openContactLink).toHaveBeenCalledWith(1, "email");

    vi.mocked(commands.openContactLink).mockResolvedValue(fail("internal", "No app on this computer can make calls."));
    await user.click(screen.getByRole("button", { name: "Call Jo" }));
    expect(commands.openContactLink).toHaveBeenLastCalledWith(2, "call");
    const row = within(people()).getAllByRole("listitem")[1];
    expect(await within(row).findByRole("alert")).toHaveTextContent("No app on this computer can make calls.");
  });

  it("edits and deletes someone after confirming", async () => {
    const user = await openSupport();
    vi.mocked(commands.updateContact).mockResolvedValue(ok({ ...ana, notes: "Sundays" }));
    await user.click(screen.getByRole("button", { name: "Edit Ana" }));
    const form = screen.getByRole("form", { name: "Edit Ana" });
    expect(within(form).getByLabelText("Role")).toHaveValue("family");
    await user.type(within(form).getByLabelText("Notes (optional)"), "Sundays");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    expect(commands.updateContact).toHaveBeenCalledWith(3, { name: "Ana", role: "family", phone: null, email: null, notes: "Sundays" });
    expect(await screen.findByText("Sundays")).toBeInTheDocument();

    vi.mocked(commands.deleteContact).mockResolvedValue(ok(null));
    await user.click(screen.getByRole("button", { name: "Delete Ana" }));
    expect(commands.deleteContact).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Yes, delete" }));
    expect(commands.deleteContact).toHaveBeenCalledWith(3);
    await waitFor(() => expect(within(people()).queryByText(/Ana/)).not.toBeInTheDocument());
  });

  it("adds a local number", async () => {
    const user = await openSupport();
    vi.mocked(commands.addLocalHelpline).mockResolvedValue(ok(storedLocalHelpline(8, "Night team", "0161 000 1111")));
    const form = screen.getByRole("form", { name: "Add a local number" });
    await user.type(within(form).getByLabelText("Name"), "Night team");
    await user.type(within(form).getByLabelText("Number"), "0161 000 1111");
    await user.click(within(form).getByRole("button", { name: "Add number" }));
    expect(commands.addLocalHelpline).toHaveBeenCalledWith({ name: "Night team", number: "0161 000 1111", note: null });
    expect(await screen.findByRole("heading", { name: "Night team" })).toBeInTheDocument();
  });

  it("points to Settings when no region is set", async () => {
    const user = await openSupport({ region: null, builtin: [], local: [] });
    session.screen = "support";
    await user.click(screen.getByRole("button", { name: "Choose my region in Settings" }));
    expect(session.screen).toBe("settings");
  });

  it("drops everything when the journal locks", async () => {
    await openSupport();
    clearAllOnLock();
    await waitFor(() => expect(screen.queryByRole("heading", { name: "1. Sam" })).not.toBeInTheDocument());
    expect(screen.queryByText("My drug service")).not.toBeInTheDocument();
  });
});
