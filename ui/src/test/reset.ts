// Puts the app-wide stores back to a fresh start between tests.
import { cravings } from "../stores/cravings.svelte";
import { notices } from "../stores/notices.svelte";
import { session } from "../stores/session.svelte";

/** A session as at app start, with no journal data. */
export function resetStores(): void {
  cravings.clear();
  notices.clear();
  session.screen = "loading";
  session.recoveryKey = null;
  session.problem = null;
  session.notice = null;
  session.shellError = null;
  session.openedWithRecoveryKey = false;
}
