/**
 * State with `dataDir` survives a restart: registrations, carts, orders, idempotency records (also
 * for a write whose answer was dropped), signing key and refresh tokens; another seed starts fresh.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS, DEMO_SUBSCRIPTIONS } from '../../../main/sandbox/data';
import { at, azurePlanLine, itemsOf, startTestSandbox } from './sandbox-helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('sandbox persistence', () => {
  it('keeps registrations, carts, orders, tokens and idempotency across a restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-state-'));
    dirs.push(dataDir);
    const customer = DEMO_CUSTOMERS.azurePlan;
    const first = await startTestSandbox({ dataDir, seed: 3 });
    const oldToken = first.userToken;
    const register = `/v1/customers/${DEMO_CUSTOMERS.unregistered}/subscriptions/${DEMO_SUBSCRIPTIONS.unregistered}`;
    expect((await first.call(`${register}/registrations`, { method: 'POST' })).status).toBe(202);
    const cartRequestId = randomUUID();
    const cart = await first.call(`/v1/customers/${customer}/carts`, {
      method: 'POST',
      body: { lineItems: [await azurePlanLine(first)] },
      headers: { 'MS-RequestId': cartRequestId },
    });
    const cartId = String(at(cart.json, 'id'));
    const checkoutRequestId = randomUUID();
    // The checkout is committed, then the connection drops before the answer.
    await expect(
      fetch(`${first.sandbox.baseUrl}/v1/customers/${customer}/carts/${cartId}/checkout`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${oldToken}`,
          'MS-RequestId': checkoutRequestId,
          'X-Sandbox-Fault': 'drop-after-commit',
        },
      }),
    ).rejects.toThrow();
    await first.close();

    // Another port (port 0): tokens still verify, the signing key persisted.
    const second = await startTestSandbox({ dataDir, seed: 3 });
    try {
      // A token issued before the restart still verifies (the signing key persisted).
      expect((await second.call(`/v1/customers/${customer}`, { token: oldToken })).status).toBe(200);
      // Registering or already Registered, depending on timing: never forgotten (NotRegistered).
      expect(at((await second.call(`${register}/registrationstatus`)).json, 'status')).toMatch(
        /^Register(ing|ed)$/,
      );
      const replayedCart = await second.call(`/v1/customers/${customer}/carts`, {
        method: 'POST',
        body: { lineItems: [] },
        headers: { 'MS-RequestId': cartRequestId },
      });
      expect(at(replayedCart.json, 'id')).toBe(cartId);
      expect(at((await second.call(`/v1/customers/${customer}/carts/${cartId}`)).json, 'status')).toBe(
        'Ordered',
      );
      const retry = await second.call(`/v1/customers/${customer}/carts/${cartId}/checkout`, {
        method: 'POST',
        headers: { 'MS-RequestId': checkoutRequestId },
      });
      expect(retry.status).toBe(201);
      const orderId = String(at(retry.json, 'orders', 0, 'id'));
      const orders = itemsOf((await second.call(`/v1/customers/${customer}/orders`)).json);
      expect(orders.filter((o) => o.id === orderId)).toHaveLength(1);
      const fromCart = orders.filter(
        (o) => String(o.creationDate) >= String(at(cart.json, 'creationTimestamp')),
      );
      expect(fromCart).toHaveLength(1);
      expect((await second.call(`/v1/customers/${customer}/orders/${orderId}`)).status).toBe(200);
    } finally {
      await second.close();
    }

    // State belongs to its world: another seed does not see it.
    const other = await startTestSandbox({ dataDir, seed: 4 });
    try {
      expect((await other.call(`/v1/customers/${customer}/carts/${cartId}`)).status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('keeps state in memory only without a data dir', async () => {
    const first = await startTestSandbox({ seed: 5 });
    const cart = await first.call(`/v1/customers/${DEMO_CUSTOMERS.azurePlan}/carts`, {
      method: 'POST',
      body: { lineItems: [await azurePlanLine(first)] },
    });
    await first.close();
    const second = await startTestSandbox({ seed: 5 });
    try {
      expect(
        (await second.call(`/v1/customers/${DEMO_CUSTOMERS.azurePlan}/carts/${String(at(cart.json, 'id'))}`))
          .status,
      ).toBe(404);
    } finally {
      await second.close();
    }
  });

  it('expires a cart seven days after it was made: getting or checking it out then answers 800008', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-state-'));
    dirs.push(dataDir);
    const customer = DEMO_CUSTOMERS.azurePlan;
    const madeAt = new Date('2026-11-01T09:00:00Z');
    const first = await startTestSandbox({ dataDir, seed: 3, now: madeAt });
    const cart = await first.call(`/v1/customers/${customer}/carts`, {
      method: 'POST',
      body: { lineItems: [await azurePlanLine(first)] },
    });
    expect(cart.status).toBe(201);
    const cartId = String(at(cart.json, 'id'));
    expect(
      Date.parse(String(at(cart.json, 'expirationTimestamp'))) - madeAt.getTime(),
    ).toBeGreaterThanOrEqual(7 * 86_400_000 - 60_000);
    await first.close();

    // Six days later the cart is still there; eight days later it has expired.
    const sixDays = await startTestSandbox({
      dataDir,
      seed: 3,
      now: new Date(madeAt.getTime() + 6 * 86_400_000),
    });
    const stillThere = await sixDays.call(`/v1/customers/${customer}/carts/${cartId}`);
    expect(stillThere.status, stillThere.text).toBe(200);
    await sixDays.close();
    const eightDays = await startTestSandbox({
      dataDir,
      seed: 3,
      now: new Date(madeAt.getTime() + 8 * 86_400_000),
    });
    try {
      const expired = await eightDays.call(`/v1/customers/${customer}/carts/${cartId}`);
      expect(expired.status).toBe(404);
      expect(at(expired.json, 'code')).toBe(800008);
      const checkout = await eightDays.call(`/v1/customers/${customer}/carts/${cartId}/checkout`, {
        method: 'POST',
      });
      expect(checkout.status).toBe(404);
      expect(at(checkout.json, 'code')).toBe(800008);
    } finally {
      await eightDays.close();
    }
  });
});
