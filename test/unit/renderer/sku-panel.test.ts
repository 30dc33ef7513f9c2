import { describe, expect, it } from 'vitest';
import type { DeskError, InventoryCheckResult, SubscriptionSummary } from '../../../preload/contract';
import {
  availabilitiesSettled,
  customerPicked,
  initialSkuPanelState,
  inventoryCheckRequest,
  inventoryCheckRequested,
  inventoryCheckSettled,
  inventoryCheckStarted,
  preferredCustomer,
  skuClosed,
  skuOpened,
  subscriptionPicked,
  subscriptionsArrived,
  usableSubscriptions,
  type OpenSku,
} from '../../../renderer/src/state/sku-panel';

const us = { profileId: 'demo', country: 'US', scope: 'AzurePlan' } as const;
const d4s: OpenSku = { catalog: us, productId: 'DZH318Z0BQ3Q', skuId: '0001' };
const e4s: OpenSku = { catalog: us, productId: 'DZH318Z0BQ3Q', skuId: '0002' };
const offline: DeskError = { code: 'OFFLINE', message: 'Partner Center cannot be reached.' };
const availabilities = { availabilities: [], fetchedAt: null, fromCache: false };
const available: InventoryCheckResult = {
  restricted: false,
  restrictions: [],
  checkedAt: '2026-11-29T20:00:00.000Z',
};
const subscription = (id: string, scope: SubscriptionSummary['scope']): SubscriptionSummary => ({
  id,
  name: `Subscription ${id}`,
  offerId: null,
  status: 'active',
  scope,
});

/** The panel open on D4s, checking for Contoso's only Azure plan. */
const readyToCheck = subscriptionsArrived(
  customerPicked(inventoryCheckStarted(skuOpened(initialSkuPanelState, d4s)), 'contoso'),
  'contoso',
  [subscription('s1', 'AzurePlan')],
);

describe('SKU panel: availabilities', () => {
  it('asks for the availabilities of a SKU when it opens, and keeps them when it opens again', () => {
    const opened = skuOpened(initialSkuPanelState, d4s);
    expect(opened.availabilities).toEqual({ status: 'loading' });
    const loaded = availabilitiesSettled(opened, d4s, { ok: true, value: availabilities });
    expect(loaded.availabilities).toEqual({ status: 'ready', value: availabilities });
    expect(skuOpened(loaded, { ...d4s, catalog: { ...us } })).toBe(loaded);
  });

  it('ignores an answer about a SKU that is no longer open', () => {
    const moved = skuOpened(skuOpened(initialSkuPanelState, d4s), e4s);
    expect(availabilitiesSettled(moved, d4s, { ok: true, value: availabilities })).toBe(moved);
    const otherMarket = { ...e4s, catalog: { ...us, country: 'DE' } };
    expect(availabilitiesSettled(moved, otherMarket, { ok: false, error: offline })).toBe(moved);
    expect(availabilitiesSettled(moved, e4s, { ok: false, error: offline }).availabilities).toEqual({
      status: 'error',
      error: offline,
    });
  });

  it('forgets everything when the panel closes', () => {
    expect(skuClosed()).toEqual(initialSkuPanelState);
  });
});

describe('SKU panel: inventory check', () => {
  it('picks the only subscription of the catalog’s scope, never one of several', () => {
    expect(readyToCheck.inventory).toMatchObject({
      started: true,
      customerId: 'contoso',
      subscriptionId: 's1',
    });
    const two = subscriptionsArrived(customerPicked(readyToCheck, 'northwind'), 'northwind', [
      subscription('s2', 'AzurePlan'),
      subscription('s3', 'AzurePlan'),
    ]);
    expect(two.inventory.subscriptionId).toBeNull();
  });

  it('ignores subscriptions of a customer the user has moved away from', () => {
    const moved = customerPicked(readyToCheck, 'northwind');
    expect(subscriptionsArrived(moved, 'contoso', [subscription('s1', 'AzurePlan')])).toBe(moved);
  });

  it('offers only subscriptions that buy reservations of the catalog’s scope, also while reloading', () => {
    const all = [
      subscription('s1', 'AzurePlan'),
      subscription('s2', 'MS-AZR-0145P'),
      subscription('s3', null),
    ];
    expect(usableSubscriptions({ status: 'ready', value: all }, 'MS-AZR-0145P')).toEqual({
      status: 'ready',
      value: [all[1]],
    });
    expect(usableSubscriptions({ status: 'loading', previous: all }, 'AzurePlan')).toEqual({
      status: 'loading',
      previous: [all[0]],
    });
    expect(usableSubscriptions(undefined, 'AzurePlan')).toEqual({ status: 'idle' });
  });

  it('checks for the current customer first, if the list has it', () => {
    const customers = [{ id: 'contoso', name: 'Contoso Ltd.', country: 'US', domain: null }];
    expect(preferredCustomer(customers, 'contoso')).toBe('contoso');
    expect(preferredCustomer(customers, 'gone')).toBeNull();
    expect(preferredCustomer(customers, null)).toBeNull();
  });

  it('sends a check only with a customer, a subscription and the SKU’s region', () => {
    expect(inventoryCheckRequest(readyToCheck, { armRegionName: 'eastus' })).toEqual({
      catalog: us,
      productId: d4s.productId,
      skuId: d4s.skuId,
      customerId: 'contoso',
      subscriptionId: 's1',
      armRegionName: 'eastus',
    });
    expect(inventoryCheckRequest(readyToCheck, { armRegionName: null })).toBeNull();
    expect(
      inventoryCheckRequest(subscriptionPicked(readyToCheck, null), { armRegionName: 'eastus' }),
    ).toBeNull();
  });

  it('shows the answer for what was asked, and drops it when the subscription changes', () => {
    const request = inventoryCheckRequest(readyToCheck, { armRegionName: 'eastus' })!;
    const asked = inventoryCheckRequested(readyToCheck);
    expect(asked.inventory.result.status).toBe('loading');
    const answered = inventoryCheckSettled(asked, request, { ok: true, value: available });
    expect(answered.inventory.result).toEqual({ status: 'ready', value: available });
    expect(subscriptionPicked(answered, 's9').inventory.result).toEqual({ status: 'idle' });
  });

  it('ignores a late answer for another customer or SKU', () => {
    const request = inventoryCheckRequest(readyToCheck, { armRegionName: 'eastus' })!;
    const asked = inventoryCheckRequested(readyToCheck);
    const otherCustomer = customerPicked(asked, 'northwind');
    expect(inventoryCheckSettled(otherCustomer, request, { ok: true, value: available })).toBe(otherCustomer);
    const otherSku = skuOpened(asked, e4s);
    expect(inventoryCheckSettled(otherSku, request, { ok: true, value: available })).toBe(otherSku);
  });

  it('keeps who to check for across SKUs of one profile and scope, never the answer', () => {
    const answered = inventoryCheckSettled(
      inventoryCheckRequested(readyToCheck),
      inventoryCheckRequest(readyToCheck, { armRegionName: 'eastus' })!,
      { ok: true, value: available },
    );
    const next = skuOpened(answered, e4s);
    expect(next.inventory).toEqual({
      started: true,
      customerId: 'contoso',
      subscriptionId: 's1',
      result: { status: 'idle' },
    });
    const legacy = skuOpened(answered, { ...e4s, catalog: { ...us, scope: 'MS-AZR-0145P' } });
    expect(legacy.inventory).toEqual(initialSkuPanelState.inventory);
  });
});
