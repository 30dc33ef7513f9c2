/**
 * Orders against the sandbox over HTTP: the list (all and one-time), an order by id with its
 * provisioning status (App+User) and the plain refusal for App-only, watching a pending order until
 * it completes, an order placed from this app shown before Partner Center lists it, and the cache
 * answering offline with its age.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ONLY_PROVISIONING } from '../../../main/orders/orders-service';
import { DEMO_CUSTOMERS } from '../../../main/sandbox/data';
import { APP, placeOrder, startTrack, USER, type TrackSetup } from './track-setup';

const customerId = DEMO_CUSTOMERS.azurePlan;
let t: TrackSetup;

beforeAll(async () => {
  t = await startTrack();
});
afterAll(async () => {
  await t.close();
});

describe('orders', () => {
  it('lists a customer’s orders with lines, status, creation date and total price, newest first', async () => {
    const answer = await t.orders.list({ profileId: USER, customerId, filter: 'all' });
    const world = t.sandbox.world.ordersByCustomer.get(customerId) ?? [];
    expect(answer.offline).toBe(false);
    expect(answer.fetchedAt).not.toBeNull();
    expect(answer.orders.map((order) => order.id)).toEqual(world.map((order) => order.id));
    const [first] = answer.orders;
    expect(first?.lines.length).toBeGreaterThan(0);
    expect(first?.totalPrice).toBe(world[0]?.totalPrice);
    expect(first?.currencyCode).toBe('USD');
    expect(answer.orders.map((order) => order.status)).toContain('pending');
    expect(answer.orders.map((order) => order.status)).toContain('completed');
    const dates = answer.orders.map((order) => Date.parse(order.creationDate ?? ''));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('lists one-time orders only with the billing-type filter', async () => {
    const answer = await t.orders.list({ profileId: USER, customerId, filter: 'one-time', refresh: true });
    expect(answer.orders.length).toBeGreaterThan(0);
    expect(answer.orders.every((order) => order.billingCycle === 'one_time')).toBe(true);
  });

  it('reads an order by id with its provisioning status per line for an App+User profile', async () => {
    const world = t.sandbox.world.ordersByCustomer.get(customerId) ?? [];
    const completed = world.find((order) => order.status === 'completed')!;
    const detail = await t.orders.detail({ profileId: USER, customerId, orderId: completed.id });
    expect(detail.order).toMatchObject({ id: completed.id, status: 'completed' });
    expect(detail.provisioning.available).toBe(true);
    if (!detail.provisioning.available) return;
    expect(detail.provisioning.lines).toHaveLength(completed.lineItems.length);
    expect(detail.provisioning.lines.every((line) => line.status === 'Fulfilled')).toBe(true);
  });

  it('says in a sentence that an App-only profile cannot read provisioning status, and still shows the order', async () => {
    const orderId = (t.sandbox.world.ordersByCustomer.get(customerId) ?? [])[0]!.id;
    const detail = await t.orders.detail({ profileId: APP, customerId, orderId });
    expect(detail.order.id).toBe(orderId);
    expect(detail.provisioning).toEqual({ available: false, reason: APP_ONLY_PROVISIONING });
  });

  it('watches a pending order until Partner Center completes it', async () => {
    const placed = await placeOrder(t);
    expect(placed.status).toBe('pending');
    const { taskId } = t.orders.watch({ profileId: USER, customerId, orderId: placed.id });
    const again = t.orders.watch({ profileId: USER, customerId, orderId: placed.id });
    expect(again).toEqual({ taskId, joined: true });
    const end = await t.tasks.whenFinished(taskId);
    expect(end).toMatchObject({ outcome: 'completed', summary: { status: 'completed' } });
    expect(Number(end?.summary?.checks)).toBeGreaterThan(1);
    const listed = await t.orders.list({ profileId: USER, customerId, filter: 'all', refresh: true });
    expect(listed.orders.find((order) => order.id === placed.id)?.status).toBe('completed');
  });

  it('stops watching when cancelled', async () => {
    const placed = await placeOrder(t);
    const { taskId } = t.orders.watch({ profileId: USER, customerId, orderId: placed.id });
    const finished = t.tasks.whenFinished(taskId);
    expect(t.tasks.cancel(taskId)).toBe(true);
    expect((await finished)?.outcome).toBe('cancelled');
  });

  it('shows an order placed from this app at once, marked, before Partner Center’s list has it', async () => {
    const placed = await placeOrder(t);
    // Partner Center's list can lag 15 minutes: an order id it does not list yet stands for that.
    const notListedYet = { ...placed, id: `${placed.id}-notlisted` };
    t.orders.noteJustPlaced(USER, customerId, notListedYet);
    t.orders.noteJustPlaced(USER, customerId, placed);
    const answer = await t.orders.list({ profileId: USER, customerId, filter: 'all', refresh: true });
    const shown = answer.orders.find((order) => order.id === notListedYet.id);
    expect(shown).toMatchObject({ justPlaced: true, status: 'pending' });
    // Once the list has an order, it is an ordinary order again.
    expect(answer.orders.find((order) => order.id === placed.id)?.justPlaced).toBe(false);
    // The one-time view shows it too (it is a reservation order).
    const oneTime = await t.orders.list({ profileId: USER, customerId, filter: 'one-time', refresh: true });
    expect(oneTime.orders.some((order) => order.id === notListedYet.id && order.justPlaced)).toBe(true);
  });
});

describe('orders offline', () => {
  it('answers from the cache with its age when Partner Center cannot be reached', async () => {
    const own = await startTrack();
    try {
      const online = await own.orders.list({ profileId: USER, customerId, filter: 'all' });
      await own.sandbox.close();
      const offline = await own.orders.list({ profileId: USER, customerId, filter: 'all', refresh: true });
      expect(offline.offline).toBe(true);
      expect(offline.fetchedAt).toBe(online.fetchedAt);
      expect(offline.orders.map((order) => order.id)).toEqual(online.orders.map((order) => order.id));
      const detail = await own.orders.detail({ profileId: USER, customerId, orderId: online.orders[0]!.id });
      expect(detail.offline).toBe(true);
      expect(detail.fetchedAt).toBe(online.fetchedAt);
      expect(detail.provisioning.available).toBe(false);
    } finally {
      await own.close().catch(() => undefined);
    }
  });
});
