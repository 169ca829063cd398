// Search excerpts mark each match with two control characters; these split them for display.

/** Marks the start of a match in a search excerpt (U+0002). */
export const MATCH_START = "\u0002";
/** Marks the end of a match in a search excerpt (U+0003). */
export const MATCH_END = "\u0003";

/** One run of an excerpt: plain text, or a match to highlight. */
export type Segment = { text: string; match: boolean };

/**
 * Splits an excerpt into plain and matching runs. Stray or unbalanced markers never show: an
 * unclosed match runs to the end, and an end without a start is dropped.
 */
export function splitMatches(excerpt: string): Segment[] {
  const segments: Segment[] = [];
  let match = false;
  let current = "";
  const push = (): void => {
    if (current !== "") segments.push({ text: current, match });
    current = "";
  };
  for (const ch of excerpt) {
    if (ch === MATCH_START) {
      push();
      match = true;
    } else if (ch === MATCH_END) {
      push();
      match = false;
    } else {
      current += ch;
    }
  }
  push();
  return segments;
}
