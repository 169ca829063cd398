import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { commands } from "../lib/api";
import { fail, ok, resetCommands } from "../test/api-mock";
import { resetStores } from "../test/reset";

vi.mock("../lib/api", () => import("../test/api-mock"));

async function openLocked() {
  vi.mocked(commands.vaultStatus).mockResolvedValue(ok({ exists: true, unlocked: false, openedWithRecoveryKey: false, keyFileMissing: false }));
  render(App);
  await screen.findByRole("heading", { name: "Welcome back" });
}

describe("unlock", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
  });

  it("shows a wrong passphrase in an alert and clears the field", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.unlock).mockResolvedValue(fail("wrong_secret", "That passphrase didn't work."));
    await openLocked();
    const field = screen.getByLabelText("Passphrase");
    await user.type(field, "not it{Enter}");

    expect(commands.unlock).toHaveBeenCalledWith("not it");
    expect(await screen.findByRole("alert")).toHaveTextContent("That passphrase didn't work.");
    expect(screen.getByLabelText("Passphrase")).toHaveValue("");
    expect(screen.getByRole("heading", { name: "Welcome back" })).toBeInTheDocument();
    expect(commands.listCravings).not.toHaveBeenCalled();
  });

  it("an unlock overtaken by hide now or sleep stays on the unlock screen without an alarm", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.unlock).mockResolvedValue(fail("locked", "The journal is locked. Unlock it first."));
    await openLocked();
    await user.type(screen.getByLabelText("Passphrase"), "quiet river lantern{Enter}");
    expect(commands.unlock).toHaveBeenCalledWith("quiet river lantern");
    expect(screen.getByRole("heading", { name: "Welcome back" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Passphrase")).toHaveValue("");
    expect(commands.listCravings).not.toHaveBeenCalled();
  });

  it("opens the journal with the right passphrase", async () => {
    const user = userEvent.setup();
    await openLocked();
    await user.type(screen.getByLabelText("Passphrase"), "quiet river lantern");
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    await screen.findByRole("heading", { name: "Log a craving" });
    expect(commands.listCravings).toHaveBeenCalled();
  });

  it("switches to the recovery key and back", async () => {
    const user = userEvent.setup();
    await openLocked();
    await user.click(screen.getByRole("button", { name: "Use recovery key instead" }));
    const keyField = screen.getByLabelText("Recovery key");
    expect(screen.queryByLabelText("Passphrase")).not.toBeInTheDocument();

    vi.mocked(commands.unlockWithRecoveryKey).mockResolvedValueOnce(
      fail("wrong_secret", "That recovery key didn't work."),
    );
    await user.type(keyField, "  ABCD-EFGH  ");
    await user.click(screen.getByRole("button", { name: "Unlock with recovery key" }));
    expect(commands.unlockWithRecoveryKey).toHaveBeenCalledWith("ABCD-EFGH");
    expect(await screen.findByRole("alert")).toHaveTextContent("That recovery key didn't work.");
    expect(screen.getByLabelText("Recovery key")).toHaveValue("");

    await user.click(screen.getByRole("button", { name: "Use passphrase instead" }));
    expect(screen.getByLabelText("Passphrase")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Use recovery key instead" }));
    await user.type(screen.getByLabelText("Recovery key"), "ABCD-EFGH");
    await user.click(screen.getByRole("button", { name: "Unlock with recovery key" }));
    await screen.findByRole("heading", { name: "Log a craving" });
    expect(commands.unlock).not.toHaveBeenCalled();
  });
});

describe("the wait after wrong passphrases", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
  });

  it("a wait already running (from before a restart) shows at once; the recovery key still opens", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.passphraseWait).mockResolvedValue(ok(12));
    await openLocked();
    expect(await screen.findByText(/Please wait 1[12] seconds before trying again\./, { selector: "p.wait" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Unlock" })).toBeDisabled();
    const useKey = screen.getByRole("button", { name: "Use recovery key instead" });
    expect(useKey).toBeEnabled();
    await user.click(useKey);
    expect(screen.getByLabelText("Recovery key")).toHaveAccessibleDescription(/never delayed/);
    await user.type(screen.getByLabelText("Recovery key"), "ABCD-EFGH");
    await user.click(screen.getByRole("button", { name: "Unlock with recovery key" }));
    await screen.findByRole("heading", { name: "Log a craving" });
    expect(commands.unlock).not.toHaveBeenCalled();
  });

  it("after a wrong passphrase starts a wait, Unlock waits for the countdown, then works", async () => {
    const user = userEvent.setup();
    await openLocked();
    vi.mocked(commands.unlock).mockResolvedValueOnce(fail("wrong_secret", "That passphrase didn't work."));
    vi.mocked(commands.passphraseWait).mockResolvedValueOnce(ok(1));
    await user.type(screen.getByLabelText("Passphrase"), "not it{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("That passphrase didn't work.");
    expect(await screen.findByText(/Please wait 1 second before trying again\./, { selector: "p.wait" })).toBeInTheDocument();
    const unlock = screen.getByRole("button", { name: "Unlock" });
    expect(unlock).toBeDisabled();
    // Enter in the field does nothing during the wait.
    await user.type(screen.getByLabelText("Passphrase"), "quiet river lantern{Enter}");
    expect(commands.unlock).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(unlock).toBeEnabled(), { timeout: 3_000 });
    expect(screen.queryByText(/Please wait/, { selector: "p" })).not.toBeInTheDocument();
    await user.click(unlock);
    await screen.findByRole("heading", { name: "Log a craving" });
  });

  it("a try refused as too soon shows the countdown, not an alert", async () => {
    const user = userEvent.setup();
    await openLocked();
    vi.mocked(commands.unlock).mockResolvedValueOnce(fail("try_again_later", "Please wait 8 seconds before trying again."));
    vi.mocked(commands.passphraseWait).mockResolvedValueOnce(ok(8));
    await user.type(screen.getByLabelText("Passphrase"), "quiet river lantern{Enter}");
    expect(await screen.findByText(/Please wait [78] seconds before trying again\./, { selector: "p.wait" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Unlock" })).toBeDisabled();
  });
});
