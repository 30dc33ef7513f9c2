/**
 * A checkout whose process is killed (SIGKILL) after the request went out and before the answer came
 * back: on restart the journal finds it in flight, treats it as in doubt, re-sends it with the same
 * request id, and ends with the single order the sandbox placed.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS, DEMO_SUBSCRIPTIONS } from '../../../main/sandbox/data';
import { startFixtureProcess } from '../support/fixture-process';
import {
  PROFILE,
  pickReservationSku,
  sandboxOrdersByCart,
  startBuyHarness,
  type BuyHarness,
} from './harness';

describe('a checkout killed between sending and answer', () => {
  let h: BuyHarness;

  beforeAll(async () => {
    // Every answer waits 600 ms in the sandbox (before it commits), so the kill lands mid-request.
    h = await startBuyHarness({ sandbox: { latencyMs: 600 } });
  });
  afterAll(() => h.close());

  it('resolves to the single order after a restart, with the same request id', async () => {
    const sku = await pickReservationSku(h.client, 'US');
    const { child, stderr } = startFixtureProcess(
      path.join(import.meta.dirname, 'fixtures', 'checkout-child.ts'),
      {
        BUY_DATA_DIR: h.dataDir,
        SANDBOX_URL: h.sandbox.baseUrl,
        SANDBOX_TOKEN: await h.sandbox.issueToken(),
        BUY_SKU: JSON.stringify(sku),
        BUY_CUSTOMER: DEMO_CUSTOMERS.azurePlan,
        BUY_SUBSCRIPTION: DEMO_SUBSCRIPTIONS.azurePlan,
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));

    // Watch the journal from outside, as the restarted app will read it: kill once it says "sending".
    const watcher = new Database(path.join(h.dataDir, 'reservation-desk.sqlite'), {
      readonly: true,
      fileMustExist: false,
    });
    let sending: { id: string; request_id: string } | undefined;
    try {
      for (let i = 0; i < 3_000 && !sending && child.exitCode === null; i += 1) {
        try {
          sending = watcher
            .prepare(`SELECT id, request_id FROM checkout_journal WHERE state = 'sending'`)
            .get() as typeof sending;
        } catch {
          // The child has not created the tables yet.
        }
        if (!sending) await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      watcher.close();
    }
    expect(sending, `the child never reached "sending": ${stderr()}`).toBeDefined();
    child.kill('SIGKILL');
    await exited;
    expect(stdout).not.toMatch(/answered/);

    const restarted = h.reopen();
    const before = restarted.store.checkout(sending!.id)!;
    expect(before.state).toBe('sending');
    await restarted.service.resumeJournal();
    const after = restarted.store.checkout(sending!.id)!;
    expect(after.state).toBe('ordered');
    expect(after.requestId).toBe(sending!.request_id);
    expect(after.result?.orders).toHaveLength(1);
    expect(sandboxOrdersByCart(h.sandboxDir).get(after.cartId)).toEqual([after.result!.orders[0]!.orderId]);
    expect(await restarted.service.inDoubt(PROFILE)).toEqual([]);
  }, 60_000);
});
