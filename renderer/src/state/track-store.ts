/** The Orders and Reservations stores: the pure changes in `track.ts`, bound to zustand and the bridge. */
import { create } from 'zustand';
import type { OrdersFilter } from '../../../preload/contract';
import { getDesk } from '../bridge';
import { alreadyOpen } from './load';
import { onTaskFinished } from './tasks-store';
import { once } from './once';
import {
  countSettled,
  initialOrdersState,
  initialReservationsState,
  orderDetailSettled,
  ordersFilterChanged,
  orderSelected,
  ordersRequested,
  ordersSettled,
  ordersTargeted,
  radarFiltersChanged,
  radarRequested,
  radarSettled,
  refreshStarted,
  reservationSelected,
  reservationsTargeted,
  unwatchedPending,
  watchEnded,
  watchStarted,
  type OrdersState,
  type RadarFilters,
  type ReservationsState,
} from './track';

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

interface OrdersActions {
  /** Shows this profile's and customer's orders (from the cache at once, then Partner Center). */
  readonly open: (profileId: string, customerId: string) => Promise<void>;
  readonly setFilter: (filter: OrdersFilter) => Promise<void>;
  readonly refresh: () => Promise<void>;
  readonly select: (orderId: string | null) => Promise<void>;
}

export const useOrders = create<OrdersState & OrdersActions>((set, get) => {
  const apply = (change: (state: OrdersState) => OrdersState) => set((state) => change(state));

  const read = async (refresh: boolean) => {
    const { profileId, customerId, filter } = get();
    if (profileId === null || customerId === null) return;
    apply(ordersRequested);
    const result = await getDesk().orders.list({ profileId, customerId, filter, refresh });
    if (get().profileId !== profileId || get().customerId !== customerId || get().filter !== filter) return;
    apply((s) => ordersSettled(s, result));
    // Pending orders are watched while the screen shows them.
    for (const orderId of unwatchedPending(get())) {
      const started = await getDesk().orders.watch({ profileId, customerId, orderId });
      if (started.ok) apply((s) => watchStarted(s, orderId, started.value.taskId));
    }
  };

  const listen = once(() => {
    onTaskFinished('orders.watch', (finished) => {
      if (!Object.values(get().watching).includes(finished.taskId)) return;
      apply((s) => watchEnded(s, finished.taskId));
      void read(false);
      const selected = get().selectedOrderId;
      if (selected !== null) void get().select(selected);
    });
  });

  return {
    ...initialOrdersState,
    async open(profileId, customerId) {
      listen();
      const before = get();
      apply((s) => ordersTargeted(s, profileId, customerId));
      if (alreadyOpen(before, { profileId, customerId }, before.list)) return;
      await read(false);
    },
    async setFilter(filter) {
      apply((s) => ordersFilterChanged(s, filter));
      await read(false);
    },
    refresh: () => read(true),
    async select(orderId) {
      const { profileId, customerId } = get();
      apply((s) => orderSelected(s, orderId));
      if (orderId === null || profileId === null || customerId === null) return;
      const result = await getDesk().orders.detail({ profileId, customerId, orderId });
      apply((s) => orderDetailSettled(s, orderId, result));
    },
  };
});

interface ReservationsActions {
  readonly open: (profileId: string) => Promise<void>;
  readonly setFilters: (filters: Partial<RadarFilters>) => Promise<void>;
  readonly select: (key: string | null) => void;
  /** Reads every customer's reservations (as one task; a stopped one resumes). */
  readonly refresh: () => Promise<void>;
  readonly cancelRefresh: () => Promise<void>;
  readonly loadCount: (profileId: string) => Promise<void>;
}

export const useReservations = create<ReservationsState & ReservationsActions>((set, get) => {
  const apply = (change: (state: ReservationsState) => ReservationsState) => set((state) => change(state));

  const query = async () => {
    const { profileId, filters } = get();
    if (profileId === null) return;
    apply(radarRequested);
    const result = await getDesk().reservations.radar({
      profileId,
      timeZone: timeZone(),
      customerIds: [...filters.customerIds],
      reservationTypes: [...filters.reservationTypes],
      regions: [...filters.regions],
      buckets: [...filters.buckets],
    });
    if (get().profileId === profileId && get().filters === filters) apply((s) => radarSettled(s, result));
  };

  const listen = once(() => {
    onTaskFinished('reservations.refresh', (finished) => {
      if (finished.taskId !== get().refreshTaskId) return;
      apply((s) => refreshStarted(s, null));
      void query();
      const profileId = get().profileId;
      if (profileId !== null) void get().loadCount(profileId);
    });
  });

  return {
    ...initialReservationsState,
    async open(profileId) {
      listen();
      apply((s) => reservationsTargeted(s, profileId));
      await query();
    },
    async setFilters(filters) {
      apply((s) => radarFiltersChanged(s, filters));
      await query();
    },
    select: (key) => apply((s) => reservationSelected(s, key)),
    async refresh() {
      const profileId = get().profileId;
      if (profileId === null) return;
      listen();
      const started = await getDesk().reservations.refresh({ profileId });
      if (started.ok) apply((s) => refreshStarted(s, started.value.taskId));
      else apply((s) => radarSettled(s, started));
    },
    async cancelRefresh() {
      const taskId = get().refreshTaskId;
      if (taskId !== null) await getDesk().tasks.cancel({ taskId });
    },
    async loadCount(profileId) {
      const result = await getDesk().reservations.count({ profileId, timeZone: timeZone() });
      apply((s) => countSettled(s, result));
    },
  };
});
