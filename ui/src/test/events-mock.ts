// A stand-in for src/lib/events.ts, installed for every test by setup.ts: `emitBackendEvent` plays
// the part of the Rust side.
import type { BackendEvent, BackendEvents } from "../lib/events";

export type { BackendEvent, BackendEvents, TrayAction } from "../lib/events";

const handlers = new Map<BackendEvent, Set<(payload: never) => void>>();

/** Registers a handler, as the real module does; returns the function that removes it. */
export function onBackendEvent<K extends BackendEvent>(name: K, handler: (payload: BackendEvents[K]) => void): () => void {
  const set = handlers.get(name) ?? new Set();
  set.add(handler as (payload: never) => void);
  handlers.set(name, set);
  return () => set.delete(handler as (payload: never) => void);
}

/** Emits `name` to every handler listening now, as the backend would. */
export function emitBackendEvent<K extends BackendEvent>(name: K, payload: BackendEvents[K]): void {
  for (const handler of [...(handlers.get(name) ?? [])]) (handler as (payload: BackendEvents[K]) => void)(payload);
}

/** How many handlers listen to `name` now (to check that unmounting stops listening). */
export function listenerCount(name: BackendEvent): number {
  return handlers.get(name)?.size ?? 0;
}
