/**
 * Schemas of the Track step: a customer's orders with their provisioning status, and reservations
 * (entitlements) with the expiry radar across every customer (contract §4.14–4.19, §17).
 */
import { z } from 'zod';
import { Named } from './common';

const Id = z.string().trim().min(1, 'must not be empty').max(100, 'is too long');
const ProfileIdField = z.string().min(1).max(100);
const IsoDate = z.string();

/** Which orders: all of them, or one-time (reservation) orders only (`billingType=OneTime`). */
export const OrdersFilter = z.enum(['all', 'one-time']);
export type OrdersFilter = z.infer<typeof OrdersFilter>;

/** One line of an order. */
export const OrderLineView = z.object({
  lineItemNumber: z.number(),
  friendlyName: z.string().nullable(),
  offerId: z.string().nullable(),
  quantity: z.number().nullable(),
  termDuration: z.string().nullable(),
  /** Set by Partner Center once the line is provisioned. */
  subscriptionId: z.string().nullable(),
  /** The line's extended price, when Partner Center gave prices. */
  price: z.number().nullable(),
});
export type OrderLineView = z.infer<typeof OrderLineView>;

/** An order as the Orders screen shows it. */
export const OrderView = z.object({
  id: z.string(),
  customerId: z.string(),
  /** `one_time`, `monthly`… as Partner Center says it (read leniently). */
  billingCycle: z.string().nullable(),
  /** `pending`, `completed`, `cancelled`… or whatever new value Partner Center sends. */
  status: z.string().nullable(),
  creationDate: IsoDate.nullable(),
  totalPrice: z.number().nullable(),
  currencyCode: z.string().nullable(),
  lines: z.array(OrderLineView),
  /** Placed from this app and not yet in Partner Center's order list (which lags up to 15 minutes). */
  justPlaced: z.boolean(),
});
export type OrderView = z.infer<typeof OrderView>;

/** How fresh a cached answer is: when it was read, and whether Partner Center could not be reached now. */
export const Freshness = z.object({
  /** When the data was last read from Partner Center; null when never. */
  fetchedAt: IsoDate.nullable(),
  /** True when this answer comes from the cache because Partner Center could not be reached. */
  offline: z.boolean(),
});
export type Freshness = z.infer<typeof Freshness>;

export const OrdersInput = z.strictObject({
  profileId: ProfileIdField,
  customerId: Id,
  filter: OrdersFilter.default('all'),
  /** Read Partner Center now; otherwise a cache younger than a few minutes is answered as is. */
  refresh: z.boolean().optional(),
});
export const OrdersAnswer = Freshness.extend({ orders: z.array(OrderView) });
export type OrdersAnswer = z.infer<typeof OrdersAnswer>;

export const OrderInput = z.strictObject({ profileId: ProfileIdField, customerId: Id, orderId: Id });
export type OrderInput = z.infer<typeof OrderInput>;

/** Provisioning status of one order line. */
export const LineProvisioning = z.object({
  lineItemNumber: z.number().nullable(),
  status: z.string().nullable(),
  quantities: z.array(z.object({ quantity: z.number().nullable(), status: z.string().nullable() })),
});
export type LineProvisioning = z.infer<typeof LineProvisioning>;

/** Provisioning status, or one sentence saying why it cannot be shown (App-only profile, offline). */
export const ProvisioningView = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true), lines: z.array(LineProvisioning) }),
  z.object({ available: z.literal(false), reason: z.string() }),
]);
export type ProvisioningView = z.infer<typeof ProvisioningView>;

export const OrderDetailAnswer = Freshness.extend({ order: OrderView, provisioning: ProvisioningView });
export type OrderDetailAnswer = z.infer<typeof OrderDetailAnswer>;

/** Radar buckets: expired, within 30, 60 or 90 days, or later. */
export const ExpiryBucket = z.enum(['expired', 'within30', 'within60', 'within90', 'later']);
export type ExpiryBucket = z.infer<typeof ExpiryBucket>;

/** One reservation (an entitlement with the details behind its artifact link). */
export const ReservationView = z.object({
  /** Stable within a profile: the artifact's resource id and the reservation id. */
  key: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  /** `virtualmachines`, `sqldatabases`… (`dynamicAttributes.reservationType`), or null when not given. */
  reservationType: z.string().nullable(),
  displayName: z.string().nullable(),
  productId: z.string().nullable(),
  skuId: z.string().nullable(),
  /** ARM region name, from the artifact or the cached catalog; null when unknown. */
  region: z.string().nullable(),
  /** `Shared` or `Single` (read case-insensitively), or the raw value. */
  scopeType: z.string().nullable(),
  appliedScopes: z.array(z.string()),
  quantity: z.number().nullable(),
  effectiveDate: IsoDate.nullable(),
  expiryDate: IsoDate.nullable(),
  provisioningState: z.string().nullable(),
  /** The Partner Center order it came from. */
  orderId: z.string().nullable(),
  /** The Azure reservation order (the artifact's resource id): what Azure's exchange and refund act on. */
  reservationOrderId: z.string().nullable(),
  reservationId: z.string().nullable(),
  /** Whole days until expiry in the asker's time zone (negative when expired); null without a date. */
  daysLeft: z.number().nullable(),
  bucket: ExpiryBucket.nullable(),
});
export type ReservationView = z.infer<typeof ReservationView>;

const TimeZone = z.string().min(1).max(64);

export const RadarInput = z.strictObject({
  profileId: ProfileIdField,
  /** The user's IANA time zone: days left are counted in calendar days there. */
  timeZone: TimeZone.optional(),
  customerIds: z.array(Id).max(10_000).optional(),
  reservationTypes: z.array(z.string().max(100)).max(100).optional(),
  regions: z.array(z.string().max(100)).max(500).optional(),
  buckets: z.array(ExpiryBucket).max(5).optional(),
  /** At most this many rows (default 2,000); the counts cover all of them. */
  limit: z.number().int().min(1).max(20_000).optional(),
});
export type RadarInput = z.input<typeof RadarInput>;

/** The radar: matching reservations sorted by expiry, the counts per bucket, and what to filter by. */
export const RadarAnswer = z.object({
  rows: z.array(ReservationView),
  /** Rows matching the other filters, per bucket (the bucket filter itself is not applied here). */
  counts: z.record(ExpiryBucket, z.number()),
  /** How many rows match all filters (rows may be cut at `limit`). */
  total: z.number(),
  customers: z.array(Named),
  reservationTypes: z.array(z.string()),
  regions: z.array(z.string()),
  /** The oldest read of any customer in the radar; null when nothing was read yet. */
  oldestFetchedAt: IsoDate.nullable(),
  customersRead: z.number(),
  /** Customers a refresh knows of (null before the first refresh listed them). */
  customersTotal: z.number().nullable(),
  /** True while a refresh stopped part-way (cancelled, offline): the next one resumes. */
  refreshIncomplete: z.boolean(),
});
export type RadarAnswer = z.infer<typeof RadarAnswer>;

export const CustomerReservationsInput = z.strictObject({
  profileId: ProfileIdField,
  customerId: Id,
  timeZone: TimeZone.optional(),
  refresh: z.boolean().optional(),
});
export const CustomerReservationsAnswer = Freshness.extend({ reservations: z.array(ReservationView) });
export type CustomerReservationsAnswer = z.infer<typeof CustomerReservationsAnswer>;

/** Reservations expiring within 90 days (not yet expired): the number on the navigation item. */
export const RadarCount = z.object({ expiringSoon: z.number(), expired: z.number() });
export type RadarCount = z.infer<typeof RadarCount>;

export const TrackTaskStarted = z.object({ taskId: z.string(), joined: z.boolean() });
export type TrackTaskStarted = z.infer<typeof TrackTaskStarted>;
