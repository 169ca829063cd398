import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../lib/api";
import { fail, ok, resetCommands } from "../test/api-mock";
import LockSettings from "./LockSettings.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

describe("lock settings", () => {
  beforeEach(() => resetCommands());

  it("shows the stored choice and saves a new one at once", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.getLockSettings).mockResolvedValue(ok({ autoLockMinutes: 15 }));
    render(LockSettings);
    const select = await screen.findByRole("combobox", { name: "Lock automatically" });
    await vi.waitFor(() => expect(select).toBeEnabled());
    expect(select).toHaveValue("15");
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Never",
      "After 1 minute",
      "After 5 minutes",
      "After 15 minutes",
      "After 1 hour",
    ]);
    expect(select).toHaveAccessibleDescription(/hasn't been used for this long.*Ctrl\+Shift\+H/);

    await user.selectOptions(select, "After 1 minute");
    expect(commands.setLockSettings).toHaveBeenCalledWith({ autoLockMinutes: 1 });
    expect(await screen.findByRole("status")).toHaveTextContent("Saved: Waymark will lock itself after 1 minute without use.");
    expect(select).toHaveValue("1");

    await user.selectOptions(select, "Never");
    expect(commands.setLockSettings).toHaveBeenLastCalledWith({ autoLockMinutes: 0 });
    expect(await screen.findByRole("status")).toHaveTextContent("won't lock itself");
  });

  it("keeps showing what the backend kept when saving fails", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.setLockSettings).mockResolvedValue(fail("locked", "The journal is locked. Unlock it first."));
    render(LockSettings);
    const select = await screen.findByRole("combobox", { name: "Lock automatically" });
    await vi.waitFor(() => expect(select).toHaveValue("5"));
    await user.selectOptions(select, "After 1 hour");
    expect(await screen.findByRole("alert")).toHaveTextContent("The journal is locked.");
    expect(select).toHaveValue("5");
  });
});
