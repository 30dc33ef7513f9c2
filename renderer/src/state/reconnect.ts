/** When to ask again whether Partner Center can be reached: soon at first, then less and less often. */

/** The first wait, and the longest one. */
export const RECONNECT_FIRST_MS = 2_000;
export const RECONNECT_MAX_MS = 60_000;

/** Wait before probe number `attempt` (0-based): 2 s, 4 s, 8 s, … up to a minute. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** Math.max(0, Math.min(attempt, 16)));
}

/**
 * Asks `attempt` again and again, waiting `reconnectDelayMs` before each try, while `wanted()` holds
 * (before and after each try: the user may have moved on meanwhile). Resolves with the first answer
 * (`attempt` gives undefined for "still unreachable"), or undefined once it is no longer wanted.
 */
export async function retryWithBackoff<T>(
  wanted: () => boolean,
  attempt: () => Promise<T | undefined>,
): Promise<T | undefined> {
  for (let tries = 0; ; tries++) {
    await new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(tries)));
    if (!wanted()) return undefined;
    const answer = await attempt();
    if (!wanted()) return undefined;
    if (answer !== undefined) return answer;
  }
}
