import { describe, expect, it } from 'vitest';
import {
  currencyForCountry,
  DEMO_CUSTOMERS,
  parseCatalogItemId,
  resolveCatalogItem,
  toMinor,
} from '../../../main/sandbox/data/index';
import type { OrderStatus, ProvisioningStatus } from '../../../main/sandbox/data/model';
import { NOW, smallWorld } from './fixtures';

/** How an order's lines stand in each order status: fulfilled once completed, pending while pending. */
const LINE_STATUS_OF_ORDER: Readonly<Record<OrderStatus, ProvisioningStatus>> = {
  completed: 'fulfilled',
  pending: 'prefulfillmentpending',
  cancelled: 'unfulfilled',
  unknown: 'unfulfilled',
};

describe('orders', () => {
  it('gives the Azure plan demo customer completed and pending reservation orders, newest first', () => {
    const world = smallWorld();
    const orders = world.ordersByCustomer.get(DEMO_CUSTOMERS.azurePlan) ?? [];
    expect(orders.map((order) => order.status)).toEqual(['pending', 'completed', 'completed', 'completed']);
    const dates = orders.map((order) => order.creationDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const order of orders) {
      expect(order.billingCycle).toBe('one_time');
      expect(order.currencyCode).toBe('USD');
      expect(order.attributes.objectType).toBe('Order');
      expect(new Date(order.creationDate).getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('has no orders for customers who cannot buy', () => {
    const world = smallWorld();
    for (const id of [
      DEMO_CUSTOMERS.unregistered,
      DEMO_CUSTOMERS.noAzure,
      DEMO_CUSTOMERS.unavailableMarket,
    ]) {
      expect(world.ordersByCustomer.get(id) ?? []).toEqual([]);
    }
  });

  it('uses catalog items of the subscription scope, priced in the customer currency', () => {
    const world = smallWorld();
    for (const customer of world.customers) {
      const country = customer.billingProfile.defaultAddress.country;
      const currency = currencyForCountry(country);
      for (const order of world.ordersByCustomer.get(customer.id) ?? []) {
        expect(order.currencyCode).toBe(currency.code);
        let sum = 0;
        for (const line of order.lineItems) {
          const resolved = resolveCatalogItem(world, country, line.offerId);
          expect(resolved, line.offerId).toBeDefined();
          expect(line.termDuration).toBe(resolved?.sku.term);
          // Legacy lines carry the duration in their provisioning context (§8).
          expect('duration' in (line.provisioningContext ?? {})).toBe(resolved?.scope === 'Legacy');
          sum += toMinor(line.pricing?.extendedPrice ?? NaN, currency);
        }
        expect(toMinor(order.totalPrice ?? NaN, currency)).toBe(sum);
      }
    }
  });
});

describe('entitlements and reservations', () => {
  it('exist for every line of completed orders only', () => {
    const world = smallWorld();
    for (const customer of world.customers) {
      const orders = world.ordersByCustomer.get(customer.id) ?? [];
      const entitlements = world.entitlementsByCustomer.get(customer.id) ?? [];
      const completedLines = orders
        .filter((order) => order.status === 'completed')
        .reduce((sum, order) => sum + order.lineItems.length, 0);
      expect(entitlements).toHaveLength(completedLines);
      for (const entitlement of entitlements) {
        const order = orders.find((candidate) => candidate.id === entitlement.referenceOrder.id);
        expect(order?.status).toBe('completed');
        const line = order?.lineItems[Number(entitlement.referenceOrder.lineItemId)];
        const parts = parseCatalogItemId(line?.offerId ?? '');
        expect(parts?.productId).toBe(entitlement.productId);
        expect(parts?.skuId).toBe(entitlement.skuId);
        expect(entitlement.quantity).toBe(line?.quantity);
      }
    }
    const demo = world.entitlementsByCustomer.get(DEMO_CUSTOMERS.azurePlan) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(3);
  });

  it('link to reservation details with scope, quantity and term-long validity', () => {
    const world = smallWorld();
    let expired = 0;
    let active = 0;
    for (const [customerId, entitlements] of world.entitlementsByCustomer) {
      for (const entitlement of entitlements) {
        const [artifact] = entitlement.entitledArtifacts;
        expect(artifact?.link.uri).toMatch(
          new RegExp(
            `^/customers/${customerId}/artifacts/reservedinstance/groups/[0-9a-f]{32}/lineitems/[-0-9a-f]{36}/resource/${artifact?.resourceId}$`,
          ),
        );
        const details = world.reservationDetails.get(artifact?.resourceId ?? '');
        const [reservation] = details?.reservations ?? [];
        expect(reservation?.quantity).toBe(entitlement.quantity);
        expect(['Shared', 'Single']).toContain(reservation?.scopeType);
        expect(reservation?.scopeType === 'Single').toBe(reservation?.appliedScopes !== undefined);
        const sku = world.catalog.skusByKey.get(`${entitlement.productId}:${entitlement.skuId}`);
        const effective = new Date(reservation?.effectiveDateTime ?? 0);
        const expiry = new Date(reservation?.expiryDateTime ?? 0);
        expect(expiry.getUTCFullYear() - effective.getUTCFullYear()).toBe(sku?.term === 'P1Y' ? 1 : 3);
        expect(entitlement.expiryDate).toBe(reservation?.expiryDateTime);
        if (expiry.getTime() <= NOW.getTime()) {
          expired++;
          expect(reservation?.provisioningState).toBe('Expired');
        } else {
          active++;
        }
      }
    }
    expect(active).toBeGreaterThan(0);
    expect(expired).toBeGreaterThan(0);
  });

  it('report provisioning per order line', () => {
    const world = smallWorld();
    for (const orders of world.ordersByCustomer.values()) {
      for (const order of orders) {
        const statuses = world.provisioningByOrder.get(order.id) ?? [];
        expect(statuses).toHaveLength(order.lineItems.length);
        const expected = LINE_STATUS_OF_ORDER[order.status];
        expect(statuses.every((status) => status.status === expected)).toBe(true);
      }
    }
  });
});
