// The days the Insights screen shows, kept while the journal is open so that coming back to the
// screen finds the same range; forgotten at lock, like everything the person chose.
import type { RangeChoice } from "../lib/ranges";
import { clearOnLock } from "./lockable";

/** The range shown until the person picks another: the last 30 days. */
export const DEFAULT_INSIGHTS_RANGE: RangeChoice = { kind: "preset", days: 30 };

class InsightsRange {
  /** The person's choice on the Insights screen. */
  choice = $state<RangeChoice>(DEFAULT_INSIGHTS_RANGE);
}

/** The Insights screen's range, shared across visits to the screen. */
export const insightsRange = new InsightsRange();

clearOnLock(() => {
  insightsRange.choice = DEFAULT_INSIGHTS_RANGE;
});
