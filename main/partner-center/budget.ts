/**
 * A request budget per partner tenant: how many requests may be in flight at once and how many may
 * start per minute, shared by everything in the app that talks to that tenant.
 *
 * Partner Center throttles per partner tenant (contract §3: e.g. 500 requests/minute on orders), so the
 * limit has to be enforced where all callers meet, not per screen. Three things matter:
 * - Priorities: writes (checkout) and interactive reads jump the queue ahead of background sync, and
 *   background work may never take the last concurrency slots or the last part of the per-minute rate,
 *   so a checkout starts at once even while a catalog sync is saturating the budget.
 * - A sliding one-minute window (not a token bucket), so no 60 s span ever holds more starts than the
 *   limit, whatever window the service counts in.
 * - A 429 pauses the whole budget until `Retry-After` has passed, instead of letting every queued call
 *   find out on its own (a 429 storm).
 */
import { abortReason, systemClock, type Clock } from './clock';

/** Who is asking: writes first, then interactive reads, then background sync. */
export type RequestPriority = 'write' | 'interactive' | 'background';

/** Limits of a budget. */
export interface RequestBudgetOptions {
  /** Requests in flight at once. */
  readonly maxConcurrency: number;
  /** Requests started in any window of `windowMs` (one minute by default). */
  readonly requestsPerMinute: number;
  /** Concurrency slots background requests may never use (default 1 when maxConcurrency > 1). */
  readonly reservedForForeground?: number;
  /** Share of `requestsPerMinute` background requests may use (default 0.85: the rest is kept for the user). */
  readonly backgroundRateShare?: number;
  /** Length of the rate window; only tests change it. */
  readonly windowMs?: number;
  readonly clock?: Clock;
}

/** A snapshot of a budget, for diagnostics and tests. */
export interface RequestBudgetStats {
  readonly active: number;
  readonly peakActive: number;
  readonly queued: Readonly<Record<RequestPriority, number>>;
  readonly startedInWindow: number;
  readonly pausedUntil: number | undefined;
  readonly totalStarted: number;
}

/** Gives a slot back; calling it more than once is harmless. */
export type ReleaseSlot = () => void;

interface Waiter {
  readonly priority: RequestPriority;
  readonly resolve: (release: ReleaseSlot) => void;
  readonly reject: (error: Error) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

const priorityOrder: ReadonlyArray<RequestPriority> = ['write', 'interactive', 'background'];

/**
 * Default limits: well under the documented 500 requests/minute, with room for a checkout. Eight at
 * once (seven for background sync) lets a full catalog sync take about two seconds instead of twelve
 * one at a time; the per-minute rate, not the concurrency, is what Partner Center throttles on.
 */
export const defaultBudgetOptions: RequestBudgetOptions = { maxConcurrency: 8, requestsPerMinute: 300 };

/** The shared request budget of one partner tenant. */
export class RequestBudget {
  private readonly clock: Clock;
  private readonly maxConcurrency: number;
  /** Requests background work may have in flight at once. */
  readonly backgroundConcurrency: number;
  private readonly rate: number;
  private readonly backgroundRate: number;
  private readonly windowMs: number;
  private readonly queues: Record<RequestPriority, Waiter[]> = { write: [], interactive: [], background: [] };
  private readonly starts: number[] = [];
  private active = 0;
  private peak = 0;
  private started = 0;
  private pausedUntil = 0;
  private wakeAt = Number.POSITIVE_INFINITY;
  private wakeTimer: AbortController | undefined;

  constructor(options: RequestBudgetOptions = defaultBudgetOptions) {
    this.clock = options.clock ?? systemClock;
    this.maxConcurrency = Math.max(1, Math.floor(options.maxConcurrency));
    const reserved = options.reservedForForeground ?? (this.maxConcurrency > 1 ? 1 : 0);
    this.backgroundConcurrency = Math.max(1, this.maxConcurrency - Math.max(0, Math.floor(reserved)));
    this.rate = Math.max(1, Math.floor(options.requestsPerMinute));
    this.backgroundRate = Math.max(1, Math.floor(this.rate * (options.backgroundRateShare ?? 0.85)));
    this.windowMs = options.windowMs ?? 60_000;
  }

  /**
   * Waits for a slot and returns the function that gives it back. Rejects with the signal's reason
   * as soon as `signal` aborts, without ever holding a slot.
   */
  acquire(priority: RequestPriority, signal?: AbortSignal): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const waiter: Waiter = {
        priority,
        resolve,
        reject,
        signal,
        onAbort: () => {
          const queue = this.queues[priority];
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(abortReason(signal));
          this.pump();
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.queues[priority].push(waiter);
      this.pump();
    });
  }

  /** Stops every new request until `ms` from now (a 429's Retry-After); never shortens a pause. */
  pause(ms: number): void {
    const until = this.clock.now() + Math.max(0, ms);
    if (until > this.pausedUntil) this.pausedUntil = until;
    this.pump();
  }

  /** A snapshot of the budget's state. */
  stats(): RequestBudgetStats {
    const now = this.clock.now();
    this.prune(now);
    return {
      active: this.active,
      peakActive: this.peak,
      queued: {
        write: this.queues.write.length,
        interactive: this.queues.interactive.length,
        background: this.queues.background.length,
      },
      startedInWindow: this.starts.length,
      pausedUntil: this.pausedUntil > now ? this.pausedUntil : undefined,
      totalStarted: this.started,
    };
  }

  private pump(): void {
    const now = this.clock.now();
    this.prune(now);
    let nextWake = Number.POSITIVE_INFINITY;
    for (const priority of priorityOrder) {
      const queue = this.queues[priority];
      while (queue.length > 0) {
        const blockedUntil = this.blockedUntil(priority, now);
        if (blockedUntil === 'slot') return; // a release will pump again
        if (blockedUntil !== undefined) {
          nextWake = Math.min(nextWake, blockedUntil);
          // Lower priorities have stricter limits, so they cannot start either.
          this.scheduleWake(nextWake);
          return;
        }
        const waiter = queue.shift();
        if (waiter === undefined) break;
        this.start(waiter, now);
      }
    }
  }

  /** Undefined when `priority` may start now; a time to retry at; or 'slot' when waiting for a release. */
  private blockedUntil(priority: RequestPriority, now: number): number | 'slot' | undefined {
    if (this.pausedUntil > now) return this.pausedUntil;
    const background = priority === 'background';
    const rate = background ? this.backgroundRate : this.rate;
    if (this.starts.length >= rate) {
      const oldest = this.starts[this.starts.length - rate] ?? now;
      return oldest + this.windowMs;
    }
    const concurrency = background ? this.backgroundConcurrency : this.maxConcurrency;
    if (this.active >= concurrency) return 'slot';
    return undefined;
  }

  private start(waiter: Waiter, now: number): void {
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    this.active += 1;
    this.started += 1;
    this.peak = Math.max(this.peak, this.active);
    this.starts.push(now);
    let released = false;
    waiter.resolve(() => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.pump();
    });
  }

  private prune(now: number): void {
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < this.starts.length && (this.starts[drop] ?? 0) <= cutoff) drop += 1;
    if (drop > 0) this.starts.splice(0, drop);
  }

  private scheduleWake(at: number): void {
    if (at >= this.wakeAt) return;
    this.wakeTimer?.abort();
    const timer = new AbortController();
    this.wakeTimer = timer;
    this.wakeAt = at;
    this.clock.sleep(Math.max(0, at - this.clock.now()) + 1, timer.signal).then(
      () => {
        if (this.wakeTimer !== timer) return;
        this.wakeTimer = undefined;
        this.wakeAt = Number.POSITIVE_INFINITY;
        this.pump();
      },
      () => undefined,
    );
  }
}

const tenantBudgets = new Map<string, RequestBudget>();

/**
 * The one budget of a partner tenant, created on first use (later `options` are ignored). Every client
 * for the same tenant must use it, so that all of the app's traffic to that tenant shares a single limit.
 */
export function budgetForTenant(tenantId: string, options?: RequestBudgetOptions): RequestBudget {
  const key = tenantId.toLowerCase();
  let budget = tenantBudgets.get(key);
  if (budget === undefined) {
    budget = new RequestBudget(options ?? defaultBudgetOptions);
    tenantBudgets.set(key, budget);
  }
  return budget;
}
