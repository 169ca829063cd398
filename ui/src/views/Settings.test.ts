import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { commands } from "../lib/api";
import { fail, resetCommands } from "../test/api-mock";
import { resetStores } from "../test/reset";

vi.mock("../lib/api", () => import("../test/api-mock"));

async function openSettings() {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole("button", { name: "Settings" }));
  await screen.findByRole("heading", { name: "Change passphrase" });
  return user;
}

async function fill(user: ReturnType<typeof userEvent.setup>, current: string, next: string, confirm: string) {
  await user.type(screen.getByLabelText("Current passphrase"), current);
  await user.type(screen.getByLabelText("New passphrase"), next);
  await user.type(screen.getByLabelText("Confirm new passphrase"), confirm);
  await user.click(screen.getByRole("button", { name: "Save new passphrase" }));
}

describe("settings", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
  });

  it("changes the passphrase and clears the fields", async () => {
    const user = await openSettings();
    await fill(user, "old words here", "new calm words", "new calm words");
    expect(commands.changePassphrase).toHaveBeenCalledWith("old words here", "new calm words");
    expect(await screen.findByRole("status")).toHaveTextContent("Passphrase changed.");
    expect(screen.getByLabelText("Current passphrase")).toHaveValue("");
    expect(screen.getByLabelText("New passphrase")).toHaveValue("");
  });

  it("does not send a new passphrase that does not match its confirmation", async () => {
    const user = await openSettings();
    await fill(user, "old words here", "new calm words", "new calm word");
    expect(commands.changePassphrase).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("The new passphrases don't match.");
  });

  it("shows a wrong current passphrase in an alert", async () => {
    vi.mocked(commands.changePassphrase).mockResolvedValue(
      fail("wrong_secret", "Your current passphrase isn't right."),
    );
    const user = await openSettings();
    await fill(user, "guess", "new calm words", "new calm words");
    expect(await screen.findByRole("alert")).toHaveTextContent("Your current passphrase isn't right.");
    expect(screen.getByLabelText("Current passphrase")).toHaveValue("");
  });

  it("sets a new passphrase after a recovery-key unlock without asking for the old one", async () => {
    vi.mocked(commands.vaultStatus).mockResolvedValue({
      status: "ok",
      data: { exists: true, unlocked: false, openedWithRecoveryKey: false },
    });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole("button", { name: "Use recovery key instead" }));
    await user.type(screen.getByLabelText("Recovery key"), "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567");
    await user.click(screen.getByRole("button", { name: "Unlock with recovery key" }));
    await user.click(await screen.findByRole("button", { name: "Set a new passphrase" }));
    await screen.findByRole("heading", { name: "Change passphrase" });
    expect(screen.queryByLabelText("Current passphrase")).toBeNull();
    expect(screen.queryByLabelText("Recovery key")).toBeNull();
    expect(document.body.textContent).not.toContain("ABCD-EFGH");
    await user.type(screen.getByLabelText("New passphrase"), "new calm words");
    await user.type(screen.getByLabelText("Confirm new passphrase"), "new calm words");
    await user.click(screen.getByRole("button", { name: "Save new passphrase" }));
    expect(commands.setPassphraseAfterRecovery).toHaveBeenCalledWith("new calm words");
    expect(commands.changePassphrase).not.toHaveBeenCalled();
    expect(await screen.findByRole("status")).toHaveTextContent("Passphrase changed.");
    expect(screen.getByLabelText("Current passphrase")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Back" }));
    await screen.findByRole("heading", { name: "Log a craving" });
    expect(screen.queryByRole("button", { name: "Set a new passphrase" })).toBeNull();
  });

  it("goes back to the journal", async () => {
    const user = await openSettings();
    await user.click(screen.getByRole("button", { name: "Back" }));
    await screen.findByRole("heading", { name: "Log a craving" });
  });
});
