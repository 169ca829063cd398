// A stand-in for src/lib/api.ts in tests: `vi.mock("../lib/api", () => import("../test/api-mock"))`.
import { vi } from "vitest";
import type { ApiError, Craving, commands as realCommands } from "../lib/api";

/** Constants are the real generated values, not copies. */
export const { NOTE_MAX_CHARS } = await vi.importActual<typeof import("../lib/api")>("../lib/api");

/** Every backend command as a mock; give each test its replies with mockResolvedValue. */
export const commands = {
  vaultStatus: vi.fn(),
  passphraseStrength: vi.fn(),
  createVault: vi.fn(),
  unlock: vi.fn(),
  unlockWithRecoveryKey: vi.fn(),
  lock: vi.fn(),
  changePassphrase: vi.fn(),
  setPassphraseAfterRecovery: vi.fn(),
  addCraving: vi.fn(),
  listCravings: vi.fn(),
} satisfies Record<keyof typeof realCommands, unknown>;

/** A successful reply. */
export function ok<T>(data: T): { status: "ok"; data: T } {
  return { status: "ok", data };
}

/** A failed reply carrying an ApiError. */
export function fail(
  code: ApiError["code"],
  message: string,
  field: string | null = null,
): { status: "error"; error: ApiError } {
  return { status: "error", error: { code, message, field } };
}

/** A stored craving as the backend would return it. */
export function craving(id: number, intensity: number, occurredAt: string, note: string | null = null): Craving {
  return { id, intensity, occurredAt, note, createdAt: occurredAt };
}

/** Default replies: a vault that exists and is unlocked, with no entries. */
export function resetCommands(): void {
  for (const mock of Object.values(commands)) mock.mockReset();
  commands.vaultStatus.mockResolvedValue(ok({ exists: true, unlocked: true, openedWithRecoveryKey: false }));
  commands.passphraseStrength.mockResolvedValue(ok({ score: 3, acceptable: true, feedback: null }));
  commands.createVault.mockResolvedValue(ok("ABCD-EFGH-IJKL-MNOP"));
  commands.unlock.mockResolvedValue(ok(null));
  commands.unlockWithRecoveryKey.mockResolvedValue(ok(null));
  commands.lock.mockResolvedValue(ok(null));
  commands.changePassphrase.mockResolvedValue(ok(null));
  commands.setPassphraseAfterRecovery.mockResolvedValue(ok(null));
  commands.addCraving.mockResolvedValue(ok(craving(1, 5, "2024-11-22T15:40:00-05:00")));
  commands.listCravings.mockResolvedValue(ok([]));
}
