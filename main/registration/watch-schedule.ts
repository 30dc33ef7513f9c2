/**
 * How often a registration in progress is asked about: soon at first (the sandbox and often Partner
 * Center finish within seconds), then less and less often, so a slow registration costs few requests.
 */

/** The first wait between two status checks. */
export const FIRST_POLL_DELAY_MS = 1_000;
/** The longest wait between two checks. */
export const MAX_POLL_DELAY_MS = 30_000;
/** After this long the watch stops and says to check later; Partner Center keeps registering. */
export const REGISTRATION_WATCH_LIMIT_MS = 30 * 60_000;

/** The wait after the `check`-th status check (1-based): 1 s, 1.5 s, 2.25 s, … capped at 30 s. */
export function nextPollDelayMs(check: number): number {
  const attempt = Math.max(0, Math.floor(check) - 1);
  return Math.min(MAX_POLL_DELAY_MS, Math.round(FIRST_POLL_DELAY_MS * 1.5 ** attempt));
}
