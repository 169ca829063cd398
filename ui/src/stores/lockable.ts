// Every front-end copy of journal data registers here, so locking can drop them all at once.

const clearers = new Set<() => void>();

/**
 * Registers `clear` to run when the journal locks. Every store or component that holds journal
 * entries (text, times, answers) must register, and `clear` must drop them all.
 * Returns a function that unregisters it (for components, call it on destroy).
 */
export function clearOnLock(clear: () => void): () => void {
  clearers.add(clear);
  return () => clearers.delete(clear);
}

/** Runs every registered clear; called by the session when it locks. */
export function clearAllOnLock(): void {
  for (const clear of clearers) clear();
}
