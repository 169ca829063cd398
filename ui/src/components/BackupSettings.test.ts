import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../lib/api";
import { session } from "../stores/session.svelte";
import { fail, ok, resetCommands } from "../test/api-mock";
import BackupSettings from "./BackupSettings.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const BACKUPS = [
  { fileName: "auto-20261122-090000.backup", kind: "automatic", createdAt: "2026-11-22T09:00:00+00:00", sizeBytes: 2_621_440 },
  { fileName: "manual-20261120-180000.backup", kind: "manual", createdAt: "2026-11-20T18:00:00+00:00", sizeBytes: 512_000 },
] as const;

async function open(status: Record<string, unknown> = {}) {
  vi.mocked(commands.backupStatus).mockResolvedValue(
    ok({ backups: [...BACKUPS], keep: 5, lastAutomatic: BACKUPS[0].createdAt, autoBackupError: null, folder: "/data/backups", ...status }),
  );
  const user = userEvent.setup();
  render(BackupSettings);
  await screen.findByRole("table");
  return user;
}

describe("backup settings", () => {
  beforeEach(() => {
    resetCommands();
  });

  it("lists the backups with their kind and size, and the last automatic one", async () => {
    await open();
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Automatic");
    expect(rows[0]).toHaveTextContent("2.5 MB");
    expect(rows[1]).toHaveTextContent("Manual");
    expect(rows[1]).toHaveTextContent("500 KB");
    expect(screen.getByRole("status", { name: "Last automatic backup" })).toHaveTextContent("Last automatic backup: ");
    expect(screen.getByLabelText("Automatic backups to keep (1 to 60)")).toHaveValue(5);
  });

  it("shows a failed automatic backup", async () => {
    await open({ autoBackupError: "Could not read or write the journal files (disk full)." });
    expect(screen.getByRole("alert")).toHaveTextContent("The automatic backup didn't work this time: Could not read");
  });

  it("saves the number to keep, and refuses one out of range beside the field", async () => {
    const user = await open();
    const field = screen.getByLabelText("Automatic backups to keep (1 to 60)");
    await user.clear(field);
    await user.type(field, "0");
    await user.click(screen.getByRole("button", { name: "Save number to keep" }));
    expect(commands.setBackupKeep).not.toHaveBeenCalled();
    expect(field).toHaveAccessibleDescription("Choose a whole number from 1 to 60.");

    await user.clear(field);
    await user.type(field, "12");
    await user.click(screen.getByRole("button", { name: "Save number to keep" }));
    expect(commands.setBackupKeep).toHaveBeenCalledWith(12);
    expect(screen.getByText("Waymark will keep the last 12 automatic backups.")).toBeInTheDocument();
  });

  it("backs up now and reloads the list", async () => {
    const user = await open();
    await user.click(screen.getByRole("button", { name: "Back up now" }));
    expect(commands.createBackupNow).toHaveBeenCalledOnce();
    expect(await screen.findByText("Backup made.")).toBeInTheDocument();
    expect(commands.backupStatus).toHaveBeenCalledTimes(2);
  });

  it("exports an encrypted backup, and says nothing when the dialog is cancelled", async () => {
    const user = await open();
    await user.click(screen.getByRole("button", { name: "Export encrypted backup…" }));
    expect(commands.exportBackup).toHaveBeenCalledOnce();
    expect(screen.queryByText("Encrypted backup saved.")).not.toBeInTheDocument();
    vi.mocked(commands.exportBackup).mockResolvedValue(ok("/home/me/journal-backup.backup"));
    await user.click(screen.getByRole("button", { name: "Export encrypted backup…" }));
    expect(await screen.findByText("Encrypted backup saved.")).toBeInTheDocument();
  });

  it("needs the secret from when the backup was made, and shows a wrong one beside the field", async () => {
    const user = await open();
    const form = screen.getByRole("form", { name: "Restore from a backup" });
    expect(form).toHaveTextContent("replaces your current journal");
    expect(form).toHaveTextContent("kept aside");
    await user.click(within(form).getByRole("button", { name: "Restore from backup…" }));
    expect(commands.restoreBackup).not.toHaveBeenCalled();
    const secret = within(form).getByLabelText("Passphrase from when the backup was made");
    expect(secret).toHaveAccessibleDescription("Enter the passphrase that was current when the backup was made.");

    const message = "That passphrase or recovery key does not open this backup. It needs the passphrase or recovery key that was current when the backup was made. Nothing was changed.";
    vi.mocked(commands.restoreBackup).mockResolvedValue(fail("wrong_secret", message));
    await user.type(secret, "an older passphrase");
    await user.click(within(form).getByRole("button", { name: "Restore from backup…" }));
    expect(commands.restoreBackup).toHaveBeenCalledWith("an older passphrase", false);
    expect(secret).toHaveAccessibleDescription(message);
    expect(secret).toHaveValue("");

    vi.mocked(commands.restoreBackup).mockResolvedValue(fail("damaged", "This backup file is damaged or not a Waymark backup. Nothing was changed."));
    await user.click(within(form).getByRole("checkbox", { name: "Use the recovery key instead of the passphrase" }));
    await user.type(within(form).getByLabelText("Recovery key from when the backup was made"), "ABCD-EFGH");
    await user.click(within(form).getByRole("button", { name: "Restore from backup…" }));
    expect(commands.restoreBackup).toHaveBeenLastCalledWith("ABCD-EFGH", true);
    expect(within(form).getByRole("alert")).toHaveTextContent("damaged or not a Waymark backup");
  });

  it("goes to the unlock screen after a restore", async () => {
    const user = await open();
    const form = screen.getByRole("form", { name: "Restore from a backup" });
    vi.mocked(commands.restoreBackup).mockResolvedValue(
      ok({ createdAt: "2026-11-20T18:00:00+00:00", kind: "manual", schemaVersion: 4, entries: 12 }),
    );
    await user.type(within(form).getByLabelText("Passphrase from when the backup was made"), "older one");
    await user.click(within(form).getByRole("button", { name: "Restore from backup…" }));
    await vi.waitFor(() => expect(session.screen).toBe("unlock"));
    expect(session.notice).toContain("current when it was made");
  });
});
