/**
 * Checkout: exactly once, and how long a confirm takes.
 *
 * 1. 200 checkouts through the app's Buy service against a sandbox with faults
 *    (`drop-after-commit:0.2,503:0.1,429:0.05,timeout:0.05`), then the sandbox's orders per cart:
 *    carts, duplicates (carts with more than one order), lost (a cart whose reported outcome does not
 *    match its orders) and the share of in-doubt checkouts that were resolved.
 * 2. Without faults, at 100 ms of latency: the time from confirm to the order, against the sum of the
 *    measured round trips of the requests the confirm made (p95 of that ratio; goal ≤ 1.5). What is
 *    left is the app's own work: the durable journal writes, the draft, mapping the result.
 */
import { performance } from 'node:perf_hooks';
import { buyersOf, runCheckouts } from '../integration/buy/checkout-runs';
import { pickedSkuLookup, startBuyHarness, type PickedSku } from '../integration/buy/harness';
import { atLeast, atMost, percentile } from './figures';
import type { Benchmark, Figure } from './run';

const FAULTS = 'drop-after-commit:0.2,503:0.1,429:0.05,timeout:0.05';
const CARTS = 200;
const LATENCY_MS = 100;
const TIMED_CHECKOUTS = 30;

async function exactlyOnce(): Promise<Figure[]> {
  const picked: PickedSku[] = [];
  const h = await startBuyHarness({
    sandbox: { faults: FAULTS, faultTimeoutMs: 1_000 },
    client: { timeoutMs: 400, retry: { baseDelayMs: 10, maxDelayMs: 100, maxRetries: 4 } },
    checkout: { retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 50 }, timeoutMs: 400 },
    cachedSku: pickedSkuLookup(picked),
  });
  try {
    const buyers = await buyersOf(h.sandbox, h.client, 16);
    picked.push(...buyers.map((buyer) => buyer.sku));
    const report = await runCheckouts(h.service, h.store, h.sandboxDir, buyers, CARTS);
    const share = report.inDoubt === 0 ? 1 : report.inDoubtResolved / report.inDoubt;
    return [
      atLeast('carts', report.carts, 'carts', CARTS),
      {
        name: 'duplicates',
        value: report.duplicates,
        unit: 'carts',
        goal: '0',
        met: report.duplicates === 0,
      },
      { name: 'lost', value: report.lost, unit: 'carts', goal: '0', met: report.lost === 0 },
      { name: 'in_doubt', value: report.inDoubt, unit: 'checkouts' },
      { name: 'in_doubt_resolved_share', value: share, unit: 'share', goal: '1', met: share === 1 },
    ];
  } finally {
    await h.close();
  }
}

async function confirmLatency(): Promise<Figure[]> {
  const picked: PickedSku[] = [];
  // The requests' own latencies, as measured round trips (the sandbox's 100 ms plus its work).
  let requestMs = 0;
  const timing: typeof fetch = async (url, init) => {
    const started = performance.now();
    try {
      return await fetch(url, init);
    } finally {
      requestMs += performance.now() - started;
    }
  };
  const h = await startBuyHarness({
    sandbox: { latencyMs: LATENCY_MS },
    client: { fetch: timing },
    cachedSku: pickedSkuLookup(picked),
  });
  try {
    const [buyer] = await buyersOf(h.sandbox, h.client, 1);
    picked.push(buyer!.sku);
    const ratios: number[] = [];
    const times: number[] = [];
    for (let i = 0; i < TIMED_CHECKOUTS; i += 1) {
      await h.service.addReservation(buyer!.ref, {
        catalogScope: 'AzurePlan',
        productId: buyer!.sku.productId,
        skuId: buyer!.sku.skuId,
        termDuration: buyer!.sku.term,
        quantity: 1 + (i % 3),
        scope: 'shared',
        subscriptionId: buyer!.subscriptionId,
      });
      const review = await h.service.review(buyer!.ref);
      requestMs = 0;
      const started = performance.now();
      const record = await h.service.confirm(buyer!.ref, review.reviewId!, { confirmDuplicates: true });
      const elapsed = performance.now() - started;
      if (record.state !== 'ordered') throw new Error(`checkout ended ${record.state}: ${record.message}`);
      times.push(elapsed);
      ratios.push(elapsed / requestMs);
    }
    const ratio = percentile(ratios, 95);
    return [
      { name: 'p95_confirm_to_order_ms', value: percentile(times, 95), unit: 'ms' },
      atMost('p95_confirm_to_order_ms_vs_lower_bound', ratio, '×', 1.5),
    ];
  } finally {
    await h.close();
  }
}

const benchmark: Benchmark = {
  title: `Checkout: ${CARTS} checkouts under faults (${FAULTS}); confirm → order at ${LATENCY_MS} ms latency`,
  async run() {
    return [...(await exactlyOnce()), ...(await confirmLatency())];
  },
};
export default benchmark;
