/**
 * Per-partner-tenant rate limit on the throttled operations (§3), as a token bucket: `perMinute`
 * requests may burst, then one more every 60/perMinute seconds. `Retry-After` says when the next
 * token arrives, rounded up to whole seconds like the gateway does.
 */

/** The outcome of asking for one request's worth of budget. */
export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Token buckets keyed by partner tenant. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes one token for `tenantId`, or says how long to wait. */
  take(tenantId: string): RateDecision {
    if (this.perMinute <= 0) return { allowed: true };
    const now = this.clock();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(tenantId) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * ratePerMs);
    bucket.updatedAt = now;
    this.buckets.set(tenantId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const waitMs = (1 - bucket.tokens) / ratePerMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}
