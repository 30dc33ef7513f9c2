/**
 * The expiry radar: a pure query over cached reservation rows. Days left are whole calendar days in
 * the user's time zone (a reservation ending at midnight UTC ends "tomorrow" in Tokyo and "today" in
 * New York), so the same rows give the same answer on any machine for the same zone.
 */
import type { ExpiryBucket, RadarAnswer, ReservationView } from '../../preload/contract';

/** A cached reservation: the view without the parts that depend on when and where it is asked. */
export type ReservationRecord = Omit<ReservationView, 'daysLeft' | 'bucket'>;

/** What the radar is asked. */
export interface RadarQuery {
  readonly nowMs: number;
  /** IANA zone; UTC when omitted or unknown. */
  readonly timeZone?: string | undefined;
  readonly customerIds?: ReadonlyArray<string> | undefined;
  readonly reservationTypes?: ReadonlyArray<string> | undefined;
  readonly regions?: ReadonlyArray<string> | undefined;
  readonly buckets?: ReadonlyArray<ExpiryBucket> | undefined;
  readonly limit?: number | undefined;
}

/** Every bucket, nearest first. */
export const expiryBuckets: ReadonlyArray<ExpiryBucket> = [
  'expired',
  'within30',
  'within60',
  'within90',
  'later',
];

const DAY_MS = 86_400_000;
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const fields = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
} as const;

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, ...fields });
    } catch {
      // An unknown zone name must not break the radar: count in UTC instead.
      format = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', ...fields });
    }
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** Zone offsets by zone and half-hour: offsets only change on (half-)hour boundaries. */
const offsets = new Map<string, Map<number, number>>();
const HALF_HOUR_MS = 1_800_000;

/** The zone's offset from UTC at an instant, in ms (Intl is slow, so it is asked once per half-hour). */
function offsetAt(ms: number, timeZone: string): number {
  const slot = Math.floor(ms / HALF_HOUR_MS);
  let zone = offsets.get(timeZone);
  if (zone === undefined || zone.size > 100_000) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let offset = zone.get(slot);
  if (offset === undefined) {
    const at = slot * HALF_HOUR_MS;
    const parts = dayFormat(timeZone).formatToParts(new Date(at));
    const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
    const hour = get('hour') % 24;
    offset = Date.UTC(get('year'), get('month') - 1, get('day'), hour, get('minute')) - at;
    zone.set(slot, offset);
  }
  return offset;
}

/** The calendar day of an instant in a zone, as a day number (days since 1970-01-01). */
function dayNumber(ms: number, timeZone: string): number {
  return Math.floor((ms + offsetAt(ms, timeZone)) / DAY_MS);
}

/** Whole calendar days from `nowMs` to `expiryMs` in `timeZone`: 0 on the last day, -1 the day after. */
export function daysLeft(expiryMs: number, nowMs: number, timeZone = 'UTC'): number {
  return dayNumber(expiryMs, timeZone) - dayNumber(nowMs, timeZone);
}

/** The bucket of a number of days left: expired below 0, then 0–30, 31–60, 61–90, later. */
export function bucketOf(days: number): ExpiryBucket {
  if (days < 0) return 'expired';
  if (days <= 30) return 'within30';
  if (days <= 60) return 'within60';
  if (days <= 90) return 'within90';
  return 'later';
}

/** Expiry instants of cached records, parsed once per record (the store keeps its records). */
const expiryMs = new WeakMap<ReservationRecord, number>();

function expiryOf(record: ReservationRecord): number {
  let ms = expiryMs.get(record);
  if (ms === undefined) {
    ms = record.expiryDate === null ? Number.NaN : Date.parse(record.expiryDate);
    expiryMs.set(record, ms);
  }
  return ms;
}

/** A cached reservation seen from `nowMs` in `timeZone`. */
export function withDaysLeft(record: ReservationRecord, nowMs: number, timeZone?: string): ReservationView {
  const expiry = expiryOf(record);
  if (Number.isNaN(expiry)) return { ...record, daysLeft: null, bucket: null };
  const days = daysLeft(expiry, nowMs, timeZone ?? 'UTC');
  return { ...record, daysLeft: days, bucket: bucketOf(days) };
}

function matches(values: ReadonlyArray<string> | undefined, value: string | null): boolean {
  return values === undefined || values.length === 0 || (value !== null && values.includes(value));
}

/** One collator for every comparison: `localeCompare` builds a new one per call, which is slow. */
const collator = new Intl.Collator('en');

interface Sortable {
  readonly record: ReservationRecord;
  /** The expiry instant; +∞ without a date, so those go last. */
  readonly at: number;
  readonly days: number | null;
}

function byExpiry({ record: a, at: ax }: Sortable, { record: b, at: bx }: Sortable): number {
  // Ties by customer, then name, then key, so the order is stable.
  if (ax !== bx) return ax < bx ? -1 : 1;
  return (
    collator.compare(a.customerName, b.customerName) ||
    collator.compare(a.displayName ?? '', b.displayName ?? '') ||
    collator.compare(a.key, b.key)
  );
}

/** What the radar shows: rows that match, sorted by expiry date; counts; and the values to filter by. */
export type RadarResult = Pick<
  RadarAnswer,
  'rows' | 'counts' | 'total' | 'customers' | 'reservationTypes' | 'regions'
>;

/** Runs the radar over cached rows. */
export function queryRadar(records: ReadonlyArray<ReservationRecord>, query: RadarQuery): RadarResult {
  const counts: Record<ExpiryBucket, number> = {
    expired: 0,
    within30: 0,
    within60: 0,
    within90: 0,
    later: 0,
  };
  const customers = new Map<string, string>();
  const types = new Set<string>();
  const regions = new Set<string>();
  const rows: Sortable[] = [];
  const zone = query.timeZone ?? 'UTC';
  for (const record of records) {
    customers.set(record.customerId, record.customerName);
    if (record.reservationType !== null) types.add(record.reservationType);
    if (record.region !== null) regions.add(record.region);
    if (
      !matches(query.customerIds, record.customerId) ||
      !matches(query.reservationTypes, record.reservationType) ||
      !matches(query.regions, record.region)
    ) {
      continue;
    }
    const at = expiryOf(record);
    const days = Number.isNaN(at) ? null : daysLeft(at, query.nowMs, zone);
    const bucket = days === null ? null : bucketOf(days);
    if (bucket !== null) counts[bucket] += 1;
    if (query.buckets !== undefined && query.buckets.length > 0) {
      if (bucket === null || !query.buckets.includes(bucket)) continue;
    }
    rows.push({ record, at: Number.isNaN(at) ? Number.POSITIVE_INFINITY : at, days });
  }
  rows.sort(byExpiry);
  const limit = query.limit ?? 2_000;
  return {
    // Views are built for the rows returned only.
    rows: (rows.length > limit ? rows.slice(0, limit) : rows).map(({ record, days }): ReservationView => ({
      ...record,
      daysLeft: days,
      bucket: days === null ? null : bucketOf(days),
    })),
    counts,
    total: rows.length,
    customers: [...customers]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    reservationTypes: [...types].sort(),
    regions: [...regions].sort(),
  };
}
