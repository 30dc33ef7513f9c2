/**
 * Exactly once under faults: 200 checkouts through the app's own Buy service against a sandbox that
 * drops connections after committing, answers 503 and 429, and holds answers past the client's
 * timeout. Afterwards the sandbox's own orders per cart must match what the app reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyersOf, runCheckouts } from './checkout-runs';
import { PROFILE, pickedSkuLookup, startBuyHarness, type BuyHarness, type PickedSku } from './harness';

const FAULTS = 'drop-after-commit:0.2,503:0.1,429:0.05,timeout:0.05';

describe('checkout exactly once under faults', () => {
  let h: BuyHarness;
  const picked: PickedSku[] = [];

  beforeAll(async () => {
    h = await startBuyHarness({
      sandbox: { faults: FAULTS, faultTimeoutMs: 1_000 },
      client: { timeoutMs: 400, retry: { baseDelayMs: 10, maxDelayMs: 100, maxRetries: 4 } },
      // One retry for the checkout itself, so that answers are really lost and then resolved.
      checkout: { retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 50 }, timeoutMs: 400 },
      cachedSku: pickedSkuLookup(picked),
    });
  });
  afterAll(() => h.close());

  it('places exactly one order for every cart reported ordered, none for failed ones, and resolves every doubt', async () => {
    const buyers = await buyersOf(h.sandbox, h.client, 16);
    picked.push(...buyers.map((buyer) => buyer.sku));
    const report = await runCheckouts(h.service, h.store, h.sandboxDir, buyers, 200);
    expect(report.carts).toBe(200);
    expect(report.duplicates).toBe(0);
    expect(report.lost).toBe(0);
    // The faults are frequent enough that some answers are lost, and every one is resolved.
    expect(report.inDoubt).toBeGreaterThan(0);
    expect(report.inDoubtResolved).toBe(report.inDoubt);
    expect(await h.service.inDoubt(PROFILE)).toEqual([]);
    const ordered = report.runs.filter((run) => run.record.state === 'ordered').length;
    expect(ordered).toBeGreaterThan(150);
  }, 180_000);
});
