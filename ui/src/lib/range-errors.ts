// A backend error about a range of days, split the way the range picker shows it.
import { errorField, errorMessage } from "./errors";

/** Messages beside the day fields, or one general message. */
export type RangeErrors = { from: string | null; to: string | null; general: string | null };

/** Nothing to report. */
export const NO_RANGE_ERRORS: RangeErrors = { from: null, to: null, general: null };

/**
 * Where to show `error`: beside `from` or `to` when it names one of them (ours or nested as
 * `range.from`) and the person is typing their own days, otherwise as a general message.
 */
export function rangeErrors(error: unknown, customDays: boolean): RangeErrors {
  const message = errorMessage(error);
  const field = customDays ? (errorField(error)?.replace(/^range\./, "") ?? null) : null;
  if (field === "from") return { ...NO_RANGE_ERRORS, from: message };
  if (field === "to") return { ...NO_RANGE_ERRORS, to: message };
  return { ...NO_RANGE_ERRORS, general: message };
}
