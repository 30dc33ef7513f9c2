/**
 * Entitlements and the reservation details behind their artifact links, turned into one cached row
 * per reservation. The client already reads the documented wire variants (§4.18–4.19: the list under
 * `reservations` or `virtualMachineReservations`, `dynamicAttributes` on the entitlement or the
 * artifact, any enum casing); this keeps what the screens need, and never fails on a value it does
 * not know: unknown values are kept as they came.
 */
import {
  enumKey,
  type Artifact,
  type Entitlement,
  type Reservation,
  type ReservationDetails,
} from '../partner-center';
import type { ReservationRecord } from './radar';

/** Who the rows belong to. */
export interface CustomerRef {
  readonly id: string;
  readonly name: string;
}

/** Region and display name of a SKU, when something (the cached catalog) knows them. */
export type SkuFacts = (productId: string, skuId: string) => { readonly region: string | null } | undefined;

function text(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** `Shared`/`Single` whatever the casing; anything else as it came. */
function scopeLabel(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const key = enumKey(value);
  if (key === 'shared') return 'Shared';
  if (key === 'single') return 'Single';
  return value;
}

/** `succeeded` reads as `Succeeded`, as the other casing does; unknown values keep their words. */
function stateLabel(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  return value === value.toLowerCase() ? value.charAt(0).toUpperCase() + value.slice(1) : value;
}

function isoOrNull(value: string | undefined): string | null {
  if (value === undefined || value.startsWith('0001-01-01')) return null;
  // Partner Center sometimes omits the zone (`2019-02-23T00:00:00`): those dates are UTC.
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function regionOf(attributes: Readonly<Record<string, unknown>>): string | null {
  return text(attributes.armRegionName) ?? text(attributes.region) ?? text(attributes.location);
}

/** The rows of one artifact: one per reservation behind it, or one from the entitlement alone. */
export function reservationRecords(
  customer: CustomerRef,
  entitlement: Entitlement,
  artifact: Artifact | undefined,
  details: ReservationDetails | undefined,
  skuFacts?: SkuFacts,
): ReservationRecord[] {
  const attributes = artifact?.dynamicAttributes ?? entitlement.dynamicAttributes;
  const productId = entitlement.productId ?? null;
  const skuId = entitlement.skuId ?? null;
  const region =
    regionOf(attributes) ??
    (productId !== null && skuId !== null ? (skuFacts?.(productId, skuId)?.region ?? null) : null);
  const reservationOrderId = artifact?.resourceId ?? null;
  const base = {
    customerId: customer.id,
    customerName: customer.name,
    reservationType: text(attributes.reservationType)?.toLowerCase() ?? null,
    productId,
    skuId,
    region,
    orderId: entitlement.referenceOrder?.id ?? null,
    reservationOrderId,
  };
  const reservations: ReadonlyArray<Reservation | undefined> =
    details && details.reservations.length > 0 ? details.reservations : [undefined];
  return reservations.map((reservation, index): ReservationRecord => {
    const reservationId = reservation?.reservationId ?? null;
    return {
      ...base,
      key: `${reservationOrderId ?? entitlement.referenceOrder?.id ?? 'entitlement'}|${reservationId ?? index}`,
      displayName: reservation?.displayName ?? null,
      scopeType: scopeLabel(reservation?.scopeType),
      appliedScopes: [...(reservation?.appliedScopes ?? [])],
      quantity: reservation?.quantity ?? entitlement.quantity ?? null,
      effectiveDate: isoOrNull(reservation?.effectiveDateTime),
      expiryDate: isoOrNull(reservation?.expiryDateTime) ?? isoOrNull(entitlement.expiryDate),
      provisioningState: stateLabel(reservation?.provisioningState),
      reservationId,
    };
  });
}
