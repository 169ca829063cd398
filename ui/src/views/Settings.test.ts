import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { commands } from "../lib/api";
import { fail, ok, resetCommands, storedProfile } from "../test/api-mock";
import { content } from "../stores/content.svelte";
import { resetStores } from "../test/reset";

vi.mock("../lib/api", () => import("../test/api-mock"));

async function openSettings() {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole("button", { name: "Settings" }));
  await screen.findByRole("heading", { name: "Change passphrase" });
  return user;
}

// The page has more than one status line (the undo toast, the "About you" form): use this form's.
function passphraseStatus() {
  return within(screen.getByRole("form", { name: "Change passphrase" })).findByRole("status");
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
    content.reset();
  });

  function aboutYou() {
    return screen.getByRole("form", { name: "About you" });
  }

  it("saves where the person lives, their medication and their start date", async () => {
    const profile = storedProfile({ recoveryStart: "2024-10-01", region: "uk", medication: "buprenorphine" });
    vi.mocked(commands.setProfile).mockResolvedValue(ok(profile));
    const user = await openSettings();
    const form = aboutYou();
    expect(form).toHaveTextContent(
      "Waymark only uses this to ask whether you took it as prescribed. It never asks about doses and gives no medical advice.",
    );
    await user.click(await within(form).findByRole("radio", { name: "United Kingdom" }));
    const medication = within(form).getByRole("group", { name: "Do you take a medication for opioid recovery?" });
    expect(within(medication).getAllByRole("radio").map((r) => r.closest("label")?.textContent?.trim())).toEqual([
      "None",
      "Methadone",
      "Buprenorphine",
      "Naltrexone",
      "Something else",
    ]);
    expect(within(medication).getByRole("radio", { name: "None" })).toBeChecked();
    await user.click(within(medication).getByRole("radio", { name: "Buprenorphine" }));
    await user.type(within(form).getByLabelText("Recovery start date (optional)"), "2024-10-01");
    await user.click(within(form).getByRole("button", { name: "Save these details" }));

    expect(commands.setProfile).toHaveBeenCalledWith({
      recoveryStart: "2024-10-01",
      region: "uk",
      medication: "buprenorphine",
    });
    expect(within(form).getByRole("status")).toHaveTextContent("Saved.");
  });

  it("starts from the saved profile, and None clears the medication", async () => {
    vi.mocked(commands.getProfile).mockResolvedValue(
      ok(storedProfile({ recoveryStart: "2024-10-01", region: "us", medication: "methadone" })),
    );
    vi.mocked(commands.setProfile).mockResolvedValue(ok(storedProfile()));
    const user = await openSettings();
    const form = aboutYou();
    expect(await within(form).findByRole("radio", { name: "United States" })).toBeChecked();
    expect(within(form).getByRole("radio", { name: "Methadone" })).toBeChecked();
    expect(within(form).getByLabelText("Recovery start date (optional)")).toHaveValue("2024-10-01");
    await user.click(within(form).getByRole("radio", { name: "None" }));
    await user.click(within(form).getByRole("button", { name: "Clear recovery start date" }));
    await user.click(within(form).getByRole("button", { name: "Save these details" }));
    expect(commands.setProfile).toHaveBeenCalledWith({ recoveryStart: null, region: "us", medication: null });
  });

  it("shows a backend error for the start date beside it", async () => {
    vi.mocked(commands.setProfile).mockResolvedValue(
      fail("invalid_input", "The start date can't be in the future.", "recoveryStart"),
    );
    const user = await openSettings();
    const form = aboutYou();
    await user.type(within(form).getByLabelText("Recovery start date (optional)"), "2024-10-01");
    await user.click(within(form).getByRole("button", { name: "Save these details" }));
    const message = await within(form).findByText("The start date can't be in the future.");
    const date = within(form).getByLabelText("Recovery start date (optional)");
    expect(date).toHaveAttribute("aria-invalid", "true");
    expect(date.getAttribute("aria-describedby")).toContain(message.id);
  });

  it("changes the passphrase and clears the fields", async () => {
    const user = await openSettings();
    await fill(user, "old words here", "new calm words", "new calm words");
    expect(commands.changePassphrase).toHaveBeenCalledWith("old words here", "new calm words");
    expect(await passphraseStatus()).toHaveTextContent("Passphrase changed.");
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
      data: { exists: true, unlocked: false, openedWithRecoveryKey: false, keyFileMissing: false },
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
    expect(await passphraseStatus()).toHaveTextContent("Passphrase changed.");
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
