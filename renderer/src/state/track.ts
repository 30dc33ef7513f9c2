/**
 * The Orders and Reservations screens' state: pure changes, tested without React or a bridge.
 * Orders belong to one profile and customer; the radar to one profile.
 */
import type {
  DeskResult,
  ExpiryBucket,
  OrderDetailAnswer,
  OrdersAnswer,
  OrdersFilter,
  RadarAnswer,
  RadarCount,
  ReservationView,
} from '../../../preload/contract';
import { idle, loading, settle, type Load } from './load';

export interface OrdersState {
  readonly profileId: string | null;
  readonly customerId: string | null;
  readonly filter: OrdersFilter;
  readonly list: Load<OrdersAnswer>;
  readonly selectedOrderId: string | null;
  readonly detail: Load<OrderDetailAnswer>;
  /** Running watches of pending orders, by order id. */
  readonly watching: Readonly<Record<string, string>>;
}

export const initialOrdersState: OrdersState = {
  profileId: null,
  customerId: null,
  filter: 'all',
  list: idle,
  selectedOrderId: null,
  detail: idle,
  watching: {},
};

/** Works with another profile or customer: what was shown belongs to the previous one. */
export function ordersTargeted(state: OrdersState, profileId: string, customerId: string): OrdersState {
  if (state.profileId === profileId && state.customerId === customerId) return state;
  return { ...initialOrdersState, filter: state.filter, profileId, customerId };
}

export function ordersFilterChanged(state: OrdersState, filter: OrdersFilter): OrdersState {
  return filter === state.filter ? state : { ...state, filter, list: loading(state.list) };
}

export function ordersRequested(state: OrdersState): OrdersState {
  return { ...state, list: loading(state.list) };
}

export function ordersSettled(state: OrdersState, result: DeskResult<OrdersAnswer>): OrdersState {
  return { ...state, list: settle(state.list, result) };
}

export function orderSelected(state: OrdersState, orderId: string | null): OrdersState {
  return { ...state, selectedOrderId: orderId, detail: orderId === null ? idle : { status: 'loading' } };
}

export function orderDetailSettled(
  state: OrdersState,
  orderId: string,
  result: DeskResult<OrderDetailAnswer>,
): OrdersState {
  if (state.selectedOrderId !== orderId) return state;
  return { ...state, detail: settle(state.detail, result) };
}

export function watchStarted(state: OrdersState, orderId: string, taskId: string): OrdersState {
  return { ...state, watching: { ...state.watching, [orderId]: taskId } };
}

export function watchEnded(state: OrdersState, taskId: string): OrdersState {
  const watching = Object.fromEntries(Object.entries(state.watching).filter(([, id]) => id !== taskId));
  return { ...state, watching };
}

/** Pending orders that nobody watches yet. */
export function unwatchedPending(state: OrdersState): string[] {
  if (state.list.status !== 'ready') return [];
  return state.list.value.orders
    .filter((order) => order.status !== null && /pending/i.test(order.status))
    .map((order) => order.id)
    .filter((id) => state.watching[id] === undefined);
}

/** What the radar is filtered by. */
export interface RadarFilters {
  readonly customerIds: ReadonlyArray<string>;
  readonly reservationTypes: ReadonlyArray<string>;
  readonly regions: ReadonlyArray<string>;
  readonly buckets: ReadonlyArray<ExpiryBucket>;
}

export const noRadarFilters: RadarFilters = {
  customerIds: [],
  reservationTypes: [],
  regions: [],
  buckets: [],
};

export interface ReservationsState {
  readonly profileId: string | null;
  readonly filters: RadarFilters;
  readonly radar: Load<RadarAnswer>;
  readonly selectedKey: string | null;
  readonly refreshTaskId: string | null;
  /** The number on the navigation item. */
  readonly count: RadarCount | null;
}

export const initialReservationsState: ReservationsState = {
  profileId: null,
  filters: noRadarFilters,
  radar: idle,
  selectedKey: null,
  refreshTaskId: null,
  count: null,
};

export function reservationsTargeted(state: ReservationsState, profileId: string): ReservationsState {
  return state.profileId === profileId ? state : { ...initialReservationsState, profileId };
}

export function radarFiltersChanged(
  state: ReservationsState,
  filters: Partial<RadarFilters>,
): ReservationsState {
  return { ...state, filters: { ...state.filters, ...filters }, radar: loading(state.radar) };
}

export function radarRequested(state: ReservationsState): ReservationsState {
  return { ...state, radar: loading(state.radar) };
}

export function radarSettled(state: ReservationsState, result: DeskResult<RadarAnswer>): ReservationsState {
  const radar = settle(state.radar, result);
  const keys = radar.status === 'ready' ? new Set(radar.value.rows.map((row) => row.key)) : undefined;
  const selectedKey =
    keys && state.selectedKey !== null && !keys.has(state.selectedKey) ? null : state.selectedKey;
  return { ...state, radar, selectedKey };
}

export function reservationSelected(state: ReservationsState, key: string | null): ReservationsState {
  return { ...state, selectedKey: key };
}

export function refreshStarted(state: ReservationsState, taskId: string | null): ReservationsState {
  return { ...state, refreshTaskId: taskId };
}

export function countSettled(state: ReservationsState, result: DeskResult<RadarCount>): ReservationsState {
  return result.ok ? { ...state, count: result.value } : state;
}

/** The selected reservation, when it is among the rows shown. */
export function selectedReservation(state: ReservationsState): ReservationView | undefined {
  if (state.radar.status !== 'ready' || state.selectedKey === null) return undefined;
  return state.radar.value.rows.find((row) => row.key === state.selectedKey);
}

/** VM reservations bought from 1 February 2027 on cannot be exchanged (contract §17). */
export const EXCHANGE_POLICY_CUTOFF = Date.parse('2027-02-01T00:00:00Z');

export function exchangePolicyApplies(reservation: ReservationView): boolean {
  if (reservation.reservationType !== 'virtualmachines' || reservation.effectiveDate === null) return false;
  return Date.parse(reservation.effectiveDate) >= EXCHANGE_POLICY_CUTOFF;
}

/** How old the data is, in words: "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function ageInWords(iso: string | null, nowMs: number = Date.now()): string {
  if (iso === null) return 'never read';
  const minutes = Math.max(0, Math.round((nowMs - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} days ago`;
}
