import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { commands } from "../lib/api";
import { fail, ok, resetCommands } from "../test/api-mock";
import { resetStores } from "../test/reset";
import { session } from "../stores/session.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

async function openFirstRun() {
  vi.mocked(commands.vaultStatus).mockResolvedValue(ok({ exists: false, unlocked: false, openedWithRecoveryKey: false, keyFileMissing: false }));
  render(App);
  await screen.findByRole("heading", { name: "Welcome to Waymark" });
}

describe("first run", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
  });

  it("says it is not medical advice", async () => {
    await openFirstRun();
    expect(screen.getByText(/not medical advice/i)).toHaveTextContent(/no dosing advice/i);
    expect(screen.getByText(/not medical advice/i)).toHaveTextContent(/no diagnosis/i);
  });

  it("shows a live strength hint from the backend", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.passphraseStrength).mockResolvedValue(
      ok({ score: 1, acceptable: false, feedback: "Add another word or two." }),
    );
    await openFirstRun();
    await user.type(screen.getByLabelText("Passphrase"), "horse");
    const hint = (await screen.findByText(/Strength: Weak\./)).closest("p");
    expect(hint).toHaveTextContent("Add another word or two.");
    expect(hint).toHaveTextContent("Waymark needs a stronger passphrase than this.");
    // Debounced: one call for the final value, not one per key.
    expect(commands.passphraseStrength).toHaveBeenCalledTimes(1);
    expect(commands.passphraseStrength).toHaveBeenCalledWith("horse");
  });

  it("does not create a vault when the confirmation differs", async () => {
    const user = userEvent.setup();
    await openFirstRun();
    await user.type(screen.getByLabelText("Passphrase"), "quiet river lantern");
    await user.type(screen.getByLabelText("Confirm passphrase"), "quiet river lanterns");
    expect(screen.getByText("The passphrases don't match yet.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Create my journal" }));
    expect(commands.createVault).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("The two passphrases don't match.");
    expect(screen.getByLabelText("Confirm passphrase")).toHaveAttribute("aria-invalid", "true");
  });

  it("shows a backend passphrase error beside the passphrase field", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.createVault).mockResolvedValue(
      fail("invalid_input", "Choose a longer passphrase.", "passphrase"),
    );
    await openFirstRun();
    await user.type(screen.getByLabelText("Passphrase"), "short");
    await user.type(screen.getByLabelText("Confirm passphrase"), "short");
    await user.click(screen.getByRole("button", { name: "Create my journal" }));
    const message = await screen.findByText("Choose a longer passphrase.");
    expect(message.id).toBe("setup-passphrase-error");
    expect(screen.getByLabelText("Passphrase").getAttribute("aria-describedby")).toContain(
      "setup-passphrase-error",
    );
  });

  it("creates the journal, shows the recovery key once, and continues only when saved", async () => {
    const user = userEvent.setup();
    await openFirstRun();
    await user.type(screen.getByLabelText("Passphrase"), "quiet river lantern");
    await user.type(screen.getByLabelText("Confirm passphrase"), "quiet river lantern");
    await user.click(screen.getByRole("button", { name: "Create my journal" }));
    expect(commands.createVault).toHaveBeenCalledWith("quiet river lantern");

    await screen.findByRole("heading", { name: "Your recovery key" });
    expect(commands.setProfile).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Recovery key")).toHaveTextContent("ABCD-EFGH-IJKL-MNOP");
    const cont = screen.getByRole("button", { name: "Continue" });
    expect(cont).toBeDisabled();

    await user.click(screen.getByLabelText("I have saved my recovery key"));
    expect(cont).toBeEnabled();
    await user.click(cont);

    await screen.findByRole("heading", { name: "Log a craving" });
    expect(session.recoveryKey).toBeNull();
    expect(screen.queryByText("ABCD-EFGH-IJKL-MNOP")).not.toBeInTheDocument();
  });

  it("saves the region chosen at set-up, and nothing when it is left for later", async () => {
    const user = userEvent.setup();
    await openFirstRun();
    const region = screen.getByRole("combobox", { name: "Where are you? (optional)" });
    await screen.findByRole("option", { name: "United Kingdom" });
    await user.selectOptions(region, "United Kingdom");
    await user.type(screen.getByLabelText("Passphrase"), "quiet river lantern");
    await user.type(screen.getByLabelText("Confirm passphrase"), "quiet river lantern");
    await user.click(screen.getByRole("button", { name: "Create my journal" }));
    await screen.findByRole("heading", { name: "Your recovery key" });
    expect(commands.setProfile).toHaveBeenCalledWith({ recoveryStart: null, region: "uk", medication: null });
  });

  it("copies the recovery key, and says so when copying fails", async () => {
    const user = userEvent.setup();
    await openFirstRun();
    session.showRecoveryKey("WXYZ-1234");
    await screen.findByRole("heading", { name: "Your recovery key" });

    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(screen.getByRole("button", { name: "Copy recovery key" }));
    expect(writeText).toHaveBeenCalledWith("WXYZ-1234");
    await waitFor(() => expect(screen.getByText(/^Copied\./)).toBeInTheDocument());

    writeText.mockRejectedValue(new Error("denied"));
    await user.click(screen.getByRole("button", { name: "Copy recovery key" }));
    await waitFor(() => expect(screen.getByText(/Couldn't copy automatically/)).toBeInTheDocument());
  });
});
