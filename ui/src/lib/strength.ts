// Words for the backend's passphrase strength score.

const LABELS = ["Too weak", "Weak", "Fair", "Good", "Strong"] as const;

/** "Too weak" .. "Strong" for a score of 0..4 (clamped). */
export function strengthLabel(score: number): string {
  const index = Math.min(LABELS.length - 1, Math.max(0, Math.round(score)));
  return LABELS[index];
}
