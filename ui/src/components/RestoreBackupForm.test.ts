import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { commands } from "../lib/api";
import { fail, ok, resetCommands } from "../test/api-mock";
import { resetStores } from "../test/reset";
import { session } from "../stores/session.svelte";
import { lockedByBackend } from "../stores/backend-events.svelte";
import { tick } from "svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const summary = { createdAt: "2026-11-20T09:00:00Z", kind: "automatic" as const, schemaVersion: 4, entries: 12 };

function status(exists: boolean, keyFileMissing: boolean) {
  return ok({ exists, unlocked: false, openedWithRecoveryKey: false, keyFileMissing });
}

describe("restoring a backup while locked", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
  });

  it("a journal without its key file offers a restore or a new start, never set-up at once", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.vaultStatus).mockResolvedValue(status(false, true));
    render(App);
    expect(await screen.findByRole("heading", { name: "Waymark can't open your journal" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("not its key file (keyslots.json)");
    expect(screen.queryByRole("button", { name: "Create my journal" })).not.toBeInTheDocument();

    // The backup's secret is asked for, then the backend opens the dialog and restores.
    const form = screen.getByRole("form", { name: "Restore from a backup" });
    vi.mocked(commands.restoreBackup).mockResolvedValue(ok(summary));
    vi.mocked(commands.vaultStatus).mockResolvedValue(status(true, false));
    await user.type(within(form).getByLabelText("Passphrase from when the backup was made"), "older words here");
    await user.click(within(form).getByRole("button", { name: "Restore from backup…" }));
    expect(commands.restoreBackup).toHaveBeenCalledWith("older words here", false);
    expect(await screen.findByRole("heading", { name: "Welcome back" })).toBeInTheDocument();
    expect(screen.getByText(/Your backup is restored/)).toBeInTheDocument();
    // The backend's lock event may be handled after the answer: it keeps the restore's note.
    session.lockedElsewhere(null);
    await lockedByBackend();
    await tick();
    expect(screen.getByText(/Your backup is restored/)).toBeInTheDocument();
    expect(screen.queryByText(/Waymark locked itself/)).not.toBeInTheDocument();
  });

  it("starting over from a missing key file goes to set-up", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.vaultStatus).mockResolvedValue(status(false, true));
    render(App);
    await user.click(await screen.findByRole("button", { name: "Start a new journal" }));
    expect(await screen.findByRole("button", { name: "Create my journal" })).toBeInTheDocument();
  });

  it("the unlock screen keeps a restore one click away, and a wrong secret stays beside its field", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.vaultStatus).mockResolvedValue(status(true, false));
    render(App);
    await screen.findByRole("heading", { name: "Welcome back" });
    await user.click(screen.getByText("Restore from a backup", { selector: "summary" }));
    const form = screen.getByRole("form", { name: "Restore from a backup" });
    const message = "That passphrase or recovery key did not open this backup.";
    vi.mocked(commands.restoreBackup).mockResolvedValue(fail("wrong_secret", message));
    await user.click(within(form).getByLabelText("Use the recovery key instead of the passphrase"));
    await user.type(within(form).getByLabelText("Recovery key from when the backup was made"), "ABCD-EFGH");
    await user.click(within(form).getByRole("button", { name: "Restore from backup…" }));
    expect(commands.restoreBackup).toHaveBeenCalledWith("ABCD-EFGH", true);
    expect(await within(form).findByText(message)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Welcome back" })).toBeInTheDocument();
  });

  it("a new computer can restore from the set-up screen; cancelling the dialog changes nothing", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.vaultStatus).mockResolvedValue(status(false, false));
    render(App);
    await user.click(await screen.findByText(/Moving to a new computer\?/, { selector: "summary" }));
    const form = screen.getByRole("form", { name: "Restore from a backup" });
    vi.mocked(commands.restoreBackup).mockResolvedValue(ok(null));
    await user.type(within(form).getByLabelText("Passphrase from when the backup was made"), "some words");
    await user.click(within(form).getByRole("button", { name: "Restore from backup…" }));
    expect(await within(form).findByText("No file chosen. Nothing was changed.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create my journal" })).toBeInTheDocument();
  });
});
