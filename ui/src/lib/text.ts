// Text limits shared with the backend.
import { NOTE_MAX_CHARS } from "./api";

/** Longest note the backend accepts: characters (Unicode scalar values) after trimming. */
export const NOTE_LIMIT: number = NOTE_MAX_CHARS;

/** Characters in `text` as the backend counts them (code points, not UTF-16 units). */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/** "1,234" in the reader's locale. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-GB");
}
