/**
 * Serves the `orders.*` calls: a customer's orders (all, or one-time only) with lines, status, date
 * and total price; an order's detail with provisioning status per line (App+User only); watching a
 * pending order until Partner Center completes it (a task with backoff); and orders placed from this
 * app, shown at once as "just placed" while Partner Center's list still lags (contract §4.13–4.17).
 * Everything is cached per profile, so the screen answers offline with the data's age.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  OrderDetailAnswer,
  OrdersAnswer,
  OrdersFilter,
  OrderView,
  ProvisioningView,
  TrackTaskStarted,
} from '../../preload/contract';
import { isOfflineError } from '../catalog/sync';
import { isPartnerCenterError, type Order, type PartnerCenterClient } from '../partner-center';
import type { OrderStore } from './store';
import type { CachedCapabilityOptions } from '../tasks';

/** A list younger than this is answered from the cache unless asked to refresh. */
const FRESH_MS = 2 * 60_000;
/** Waits between two reads of a pending order: doubling, then every 30 s. */
const DEFAULT_WATCH_DELAYS_MS: ReadonlyArray<number> = [2_000, 4_000, 8_000, 16_000, 30_000];

/** The sentence an App-only profile gets instead of provisioning status. */
export const APP_ONLY_PROVISIONING =
  'Provisioning status can only be read by a profile that signs in as a user (App+User). This profile signs in as an app only.';

export interface OrderServiceOptions extends CachedCapabilityOptions<OrderStore> {
  /** Waits between reads of a pending order (tests shorten them). */
  readonly watchDelaysMs?: ReadonlyArray<number>;
}

export interface OrderService {
  list(input: {
    profileId: string;
    customerId: string;
    filter: OrdersFilter;
    refresh?: boolean | undefined;
  }): Promise<OrdersAnswer>;
  detail(input: { profileId: string; customerId: string; orderId: string }): Promise<OrderDetailAnswer>;
  /** Watches a pending order until it is no longer pending; joins a watch already running. */
  watch(input: { profileId: string; customerId: string; orderId: string }): TrackTaskStarted;
  /** An order the checkout just placed: shown at once, marked, and watched while pending. */
  noteJustPlaced(profileId: string, customerId: string, order: Order): void;
  removeProfileData(profileId: string): void;
}

/** True while Partner Center is still working on an order (`pending`, `pending review`…). */
export function isPendingStatus(status: string | null): boolean {
  return status === null || /pending|unknown/i.test(status);
}

/** An order as the screen shows it. */
export function toOrderView(customerId: string, order: Order, justPlaced = false): OrderView {
  const lines = order.lineItems.map((line) => ({
    lineItemNumber: line.lineItemNumber,
    friendlyName: line.friendlyName ?? null,
    offerId: line.offerId ?? null,
    quantity: line.quantity ?? null,
    termDuration: line.termDuration ?? null,
    subscriptionId: line.subscriptionId ?? null,
    price: line.pricing?.extendedPrice ?? line.pricing?.price ?? null,
  }));
  const linePrices = lines.map((line) => line.price);
  const summed =
    linePrices.every((price) => price !== null) && lines.length > 0
      ? linePrices.reduce<number>((sum, price) => sum + (price ?? 0), 0)
      : null;
  const created = order.creationDate === undefined ? Number.NaN : Date.parse(order.creationDate);
  return {
    id: order.id,
    customerId: order.referenceCustomerId ?? customerId,
    billingCycle: order.billingCycle ?? null,
    status: order.status ?? null,
    creationDate: Number.isNaN(created) ? null : new Date(created).toISOString(),
    totalPrice: order.totalPrice ?? summed,
    currencyCode: order.currencyCode ?? null,
    lines,
    justPlaced,
  };
}

export function createOrderService(options: OrderServiceOptions): OrderService {
  const { store, clientFor } = options;
  const now = options.now ?? Date.now;
  const delays = options.watchDelaysMs ?? DEFAULT_WATCH_DELAYS_MS;
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

  const provisioning = async (
    client: PartnerCenterClient,
    profileId: string,
    customerId: string,
    orderId: string,
  ): Promise<ProvisioningView> => {
    if (options.authModeOf(profileId) === 'app-only')
      return { available: false, reason: APP_ONLY_PROVISIONING };
    try {
      const lines = await client.getProvisioningStatus(customerId, orderId);
      return {
        available: true,
        lines: lines.map((line) => ({
          lineItemNumber: line.lineItemNumber ?? line.orderLineItemId ?? null,
          status: line.status ?? null,
          quantities: line.quantityProvisioningInformation.map((q) => ({
            quantity: q.quantity ?? null,
            status: q.status ?? null,
          })),
        })),
      };
    } catch (error) {
      if (isPartnerCenterError(error) && error.status === 404) {
        return {
          available: false,
          reason:
            'Partner Center has no provisioning information for this order yet. Try again in a few minutes.',
        };
      }
      if (isOfflineError(error)) {
        return {
          available: false,
          reason: 'Partner Center cannot be reached, so provisioning status is not shown.',
        };
      }
      throw error;
    }
  };

  const service: OrderService = {
    async list({ profileId, customerId, filter, refresh }) {
      const readAt = store.readAt(profileId, customerId, filter);
      const cached = (offline: boolean, at: number | undefined): OrdersAnswer => ({
        orders: store.list(profileId, customerId, filter),
        fetchedAt: iso(at),
        offline,
      });
      if (refresh !== true && readAt !== undefined && now() - readAt < FRESH_MS) return cached(false, readAt);
      try {
        const client = await clientFor(profileId);
        const query = { includePrice: true };
        const orders =
          filter === 'one-time'
            ? await client.listOrdersByBillingType(customerId, 'OneTime', query)
            : await client.listOrders(customerId, query);
        const at = now();
        store.replaceList(
          profileId,
          customerId,
          filter,
          orders.map((order) => toOrderView(customerId, order)),
          at,
        );
        return cached(false, at);
      } catch (error) {
        if (
          isOfflineError(error) &&
          (readAt !== undefined || store.list(profileId, customerId, filter).length > 0)
        ) {
          return cached(true, readAt);
        }
        throw error;
      }
    },

    async detail({ profileId, customerId, orderId }) {
      const cachedOrder = store.get(profileId, customerId, orderId);
      let client: PartnerCenterClient;
      let order: Order;
      try {
        client = await clientFor(profileId);
        order = await client.getOrder(customerId, orderId, { includePrice: true });
      } catch (error) {
        if (isOfflineError(error) && cachedOrder !== undefined) {
          return {
            order: cachedOrder,
            provisioning: {
              available: false,
              reason: 'Partner Center cannot be reached, so provisioning status is not shown.',
            },
            fetchedAt: iso(store.fetchedAt(profileId, customerId, orderId)),
            offline: true,
          };
        }
        if (isPartnerCenterError(error) && error.status === 404 && cachedOrder?.justPlaced) {
          // Just placed: not even readable by id yet on some services; show what the checkout returned.
          return {
            order: cachedOrder,
            provisioning: { available: false, reason: 'Partner Center is still creating this order.' },
            fetchedAt: null,
            offline: false,
          };
        }
        throw error;
      }
      const at = now();
      store.upsert(profileId, customerId, toOrderView(customerId, order), at);
      return {
        order: store.get(profileId, customerId, orderId) ?? toOrderView(customerId, order),
        provisioning: await provisioning(client, profileId, customerId, orderId),
        fetchedAt: iso(at),
        offline: false,
      };
    },

    watch({ profileId, customerId, orderId }) {
      return options.tasks.start({
        kind: 'orders.watch',
        key: `${profileId}|${customerId}|${orderId}`,
        profileId,
        label: `Waiting for order ${orderId} to complete`,
        message: ({ outcome, summary }) =>
          outcome === 'completed'
            ? `Order ${orderId} is ${String(summary?.status ?? 'no longer pending')}.`
            : outcome === 'cancelled'
              ? 'Stopped watching the order.'
              : outcome === 'offline'
                ? 'Partner Center cannot be reached; the order’s status will be checked again when you open it.'
                : 'The order’s status could not be read. Open the order to try again.',
        run: async ({ signal, progress }) => {
          const client = await clientFor(profileId);
          for (let attempt = 0; ; attempt += 1) {
            progress({
              done: 0,
              total: 1,
              phase: attempt === 0 ? 'Reading the order…' : 'Still pending; checking again…',
            });
            const order = await client.getOrder(
              customerId,
              orderId,
              { includePrice: true },
              { signal, priority: 'background' },
            );
            const view = toOrderView(customerId, order);
            store.upsert(profileId, customerId, view, now());
            if (!isPendingStatus(view.status)) {
              progress({ done: 1, total: 1 });
              return { orderId, status: view.status ?? 'unknown', checks: attempt + 1 };
            }
            const delay = delays[Math.min(attempt, delays.length - 1)] ?? 30_000;
            await sleep(delay, undefined, { signal });
          }
        },
      });
    },

    noteJustPlaced(profileId, customerId, order) {
      const view = toOrderView(customerId, order, true);
      store.upsert(profileId, customerId, view, now(), now());
      if (isPendingStatus(view.status)) service.watch({ profileId, customerId, orderId: order.id });
    },

    removeProfileData: (profileId) => store.removeProfileData(profileId),
  };
  return service;
}
