/**
 * A clock whose sleeps return at once and move virtual time forward, recording each wait, so that
 * backoff and Retry-After logic can be checked exactly and fast.
 */
import type { Clock } from '../../../../main/partner-center';

/** A virtual clock and the sleeps it was asked for. */
export interface FakeClock extends Clock {
  readonly sleeps: number[];
}

/** A virtual clock starting at the real current time. */
export function fakeClock(): FakeClock {
  let now = Date.now();
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms, signal) {
      if (signal?.aborted) throw new Error('aborted');
      sleeps.push(ms);
      now += Math.max(0, ms);
      await Promise.resolve();
    },
  };
}

/** A clock that only moves when the test calls `advance`. */
export interface ManualClock extends Clock {
  advance(ms: number): Promise<void>;
}

/** A clock that only moves when told to; sleeps resolve once virtual time reaches them. */
export function manualClock(): ManualClock {
  let now = Date.now();
  const timers: Array<{ at: number; resolve: () => void }> = [];
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(new Error('aborted'));
          return;
        }
        const timer = { at: now + ms, resolve };
        timers.push(timer);
        signal?.addEventListener('abort', () => {
          timers.splice(timers.indexOf(timer), 1);
          reject(new Error('aborted'));
        });
      });
    },
    async advance(ms) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.resolve();
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}
