/** When to ask again whether Partner Center can be reached: soon at first, then less and less often. */

/** The first wait, and the longest one. */
export const RECONNECT_FIRST_MS = 2_000;
export const RECONNECT_MAX_MS = 60_000;

/** Wait before probe number `attempt` (0-based): 2 s, 4 s, 8 s, … up to a minute. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** Math.max(0, Math.min(attempt, 16)));
}
