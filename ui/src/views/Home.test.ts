import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { commands } from "../lib/api";
import { craving, fail, ok, resetCommands } from "../test/api-mock";
import { resetStores } from "../test/reset";

vi.mock("../lib/api", () => import("../test/api-mock"));

const older = craving(1, 3, "2024-11-20T09:15:00-05:00", "After the bus stop.");

async function openHome() {
  render(App);
  await screen.findByRole("heading", { name: "Log a craving" });
}

describe("home", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
  });

  it("shows a gentle empty state", async () => {
    await openHome();
    expect(await screen.findByText(/Nothing logged yet/)).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Recent cravings" })).not.toBeInTheDocument();
  });

  it("saves a craving with the chosen intensity and refreshes the list", async () => {
    const user = userEvent.setup();
    const saved = craving(2, 7, "2024-11-22T15:40:00-05:00", "Payday, walking past the old place.");
    vi.mocked(commands.listCravings)
      .mockResolvedValueOnce(ok([older]))
      .mockResolvedValueOnce(ok([saved, older]));
    vi.mocked(commands.addCraving).mockResolvedValue(ok(saved));
    await openHome();
    const list = await screen.findByRole("list", { name: "Recent cravings" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    expect(commands.listCravings).toHaveBeenCalledWith(50);

    await user.click(screen.getByRole("radio", { name: "Intensity 7" }));
    await user.type(screen.getByLabelText("Note (optional)"), "Payday, walking past the old place.");
    expect(screen.getByText(/^35 \/ 10,000 characters$/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Save craving" }));

    expect(commands.addCraving).toHaveBeenCalledWith({
      intensity: 7,
      occurredAt: null,
      note: "Payday, walking past the old place.",
    });
    expect(await screen.findByRole("status")).toHaveTextContent("Craving saved. Well done for noticing it.");
    const items = within(screen.getByRole("list", { name: "Recent cravings" })).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("7/10");
    expect(items[0]).toHaveTextContent("Fri, 22 Nov 2024");
    expect(items[0]).toHaveTextContent("15:40");
    expect(items[0]).toHaveTextContent("Payday, walking past the old place.");
    expect(commands.listCravings).toHaveBeenCalledTimes(2);

    // The form is ready for the next one.
    expect(screen.getByRole("radio", { name: "Intensity 7" })).not.toBeChecked();
    expect(screen.getByLabelText("Note (optional)")).toHaveValue("");
  });

  it("sends a chosen time as RFC 3339 with the local offset", async () => {
    const user = userEvent.setup();
    await openHome();
    await user.click(screen.getByRole("radio", { name: "Intensity 0" }));
    const when = screen.getByLabelText("When");
    await user.clear(when);
    await user.type(when, "2024-11-21T22:05");
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    expect(commands.addCraving).toHaveBeenCalledWith({
      intensity: 0,
      occurredAt: "2024-11-21T22:05:00-05:00",
      note: null,
    });
  });

  it("asks for an intensity instead of saving without one", async () => {
    const user = userEvent.setup();
    await openHome();
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    expect(commands.addCraving).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("Choose a number from 0 to 10.");
  });

  it("shows a backend field error beside that field", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.addCraving).mockResolvedValue(
      fail("invalid_input", "That time is in the future.", "occurredAt"),
    );
    await openHome();
    await user.click(screen.getByRole("radio", { name: "Intensity 4" }));
    await user.click(screen.getByRole("button", { name: "Save craving" }));

    const message = await screen.findByText("That time is in the future.");
    expect(message.id).toBe("craving-when-error");
    const when = screen.getByLabelText("When");
    expect(when).toHaveAttribute("aria-invalid", "true");
    expect(when).toHaveAttribute("aria-describedby", "craving-when-error");
    expect(screen.getByRole("status")).toHaveTextContent("");
    // Nothing was lost: the chosen intensity is still selected.
    expect(screen.getByRole("radio", { name: "Intensity 4" })).toBeChecked();
  });

  it("shows an error without a field as a general alert", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.addCraving).mockResolvedValue(fail("storage", "Waymark couldn't save just now."));
    await openHome();
    await user.click(screen.getByRole("radio", { name: "Intensity 9" }));
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Waymark couldn't save just now.");
  });

  it("returns to the unlock screen when the backend says it is locked", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.addCraving).mockResolvedValue(fail("locked", "Waymark is locked."));
    await openHome();
    await user.click(screen.getByRole("radio", { name: "Intensity 2" }));
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    await screen.findByRole("heading", { name: "Welcome back" });
    expect(screen.getByText(/locked itself/)).toBeInTheDocument();
  });

  it("locking drops the list from the page and from memory", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.listCravings).mockResolvedValue(ok([older]));
    await openHome();
    const list = await screen.findByRole("list", { name: "Recent cravings" });
    expect(within(list).getByText("After the bus stop.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Lock" }));
    expect(commands.lock).toHaveBeenCalledTimes(1);
    await screen.findByRole("heading", { name: "Welcome back" });
    expect(screen.queryByRole("list", { name: "Recent cravings" })).not.toBeInTheDocument();
    expect(screen.queryByText("After the bus stop.")).not.toBeInTheDocument();
    const { cravings } = await import("../stores/cravings.svelte");
    expect(cravings.items).toEqual([]);

    // Unlocking again reads the list afresh from the backend.
    await user.type(screen.getByLabelText("Passphrase"), "quiet river lantern{Enter}");
    await screen.findByRole("list", { name: "Recent cravings" });
    expect(commands.listCravings).toHaveBeenCalledTimes(2);
  });
});
