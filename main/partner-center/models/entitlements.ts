/**
 * Entitlements and reservation details (contract §4.18–4.19, §12 items 8 and 9).
 *
 * Two documented inconsistencies are absorbed here so callers never see them:
 * - `dynamicAttributes` sits on the artifact in the models but on the entitlement in the examples;
 *   each artifact's `dynamicAttributes` is the merge of both (the artifact's own keys win).
 * - the reservation list is `reservations`, `virtualMachineReservations` or `reservation` depending on
 *   the source; it is always read into `reservations`.
 */
import { z } from 'zod';
import { lenientEnum, lenientNumber, lenientString, linkSchema, list, opt, type Lenient } from './common';

/** Entitlement types. */
export const entitlementTypeValues = [
  'software',
  'reservedInstance',
  'virtualMachineReservedInstance',
] as const;
/** An entitlement type (`reservedinstance` on the wire reads as `reservedInstance`). */
export type EntitlementType = Lenient<(typeof entitlementTypeValues)[number]>;

const rawArtifactSchema = z.object({
  artifactType: opt(lenientEnum(entitlementTypeValues)),
  dynamicAttributes: opt(z.record(z.string(), z.unknown())),
  resourceId: opt(lenientString),
  link: opt(linkSchema),
});

/** Something an entitlement grants; for reservations it links to the reservation details. */
export interface Artifact {
  readonly artifactType: EntitlementType | undefined;
  /** The artifact's attributes merged with the entitlement's (contract §12 item 9). */
  readonly dynamicAttributes: Readonly<Record<string, unknown>>;
  /** The Azure reservation order or resource id. */
  readonly resourceId: string | undefined;
  /** Follow with `getReservationDetails`. */
  readonly link: z.output<typeof linkSchema> | undefined;
}

/** A product the customer is entitled to, e.g. a reservation. */
export interface Entitlement {
  readonly referenceOrder:
    | {
        readonly id: string | undefined;
        readonly lineItemId: string | undefined;
        readonly alternateId: string | undefined;
      }
    | undefined;
  readonly productId: string | undefined;
  readonly skuId: string | undefined;
  readonly quantity: number | undefined;
  readonly quantityDetails: ReadonlyArray<{
    readonly quantity: number | undefined;
    readonly status: string | undefined;
  }>;
  readonly entitlementType: EntitlementType | undefined;
  readonly fulfillmentState: string | undefined;
  /** The entitlement's own attributes, or the first artifact's when it has none. */
  readonly dynamicAttributes: Readonly<Record<string, unknown>>;
  readonly entitledArtifacts: ReadonlyArray<Artifact>;
  readonly includedEntitlements: ReadonlyArray<Entitlement>;
  readonly expiryDate: string | undefined;
}

/** An entitlement, with `dynamicAttributes` normalised onto both the entitlement and its artifacts. */
export const entitlementSchema: z.ZodType<Entitlement, unknown> = z.lazy(() =>
  z
    .object({
      referenceOrder: opt(
        z.object({ id: opt(lenientString), lineItemId: opt(lenientString), alternateId: opt(lenientString) }),
      ),
      productId: opt(lenientString),
      skuId: opt(lenientString),
      quantity: opt(lenientNumber),
      quantityDetails: list(z.object({ quantity: opt(lenientNumber), status: opt(z.string()) })),
      entitlementType: opt(lenientEnum(entitlementTypeValues)),
      fulfillmentState: opt(z.string()),
      dynamicAttributes: opt(z.record(z.string(), z.unknown())),
      entitledArtifacts: list(rawArtifactSchema),
      includedEntitlements: list(entitlementSchema),
      expiryDate: opt(z.string()),
    })
    .transform((raw): Entitlement => {
      const own = raw.dynamicAttributes ?? {};
      const artifacts = raw.entitledArtifacts.map((artifact): Artifact => ({
        artifactType: artifact.artifactType,
        dynamicAttributes: { ...own, ...(artifact.dynamicAttributes ?? {}) },
        resourceId: artifact.resourceId,
        link: artifact.link,
      }));
      return {
        ...raw,
        dynamicAttributes: raw.dynamicAttributes ?? raw.entitledArtifacts[0]?.dynamicAttributes ?? {},
        entitledArtifacts: artifacts,
      };
    }),
);

/** Reservation scope types. */
export const scopeTypeValues = ['Shared', 'Single'] as const;

/** One Azure reservation behind a reserved-instance artifact. */
export const reservationSchema = z.object({
  reservationId: opt(lenientString),
  displayName: opt(z.string()),
  appliedScopes: list(z.string()),
  scopeType: opt(lenientEnum(scopeTypeValues)),
  quantity: opt(lenientNumber),
  expiryDateTime: opt(z.string()),
  effectiveDateTime: opt(z.string()),
  provisioningState: opt(z.string()),
});
/** One Azure reservation. */
export type Reservation = z.output<typeof reservationSchema>;

const reservationListSchema = z
  .union([z.array(reservationSchema), reservationSchema])
  .nullish()
  .transform((value): Reservation[] | undefined =>
    value === null || value === undefined ? undefined : Array.isArray(value) ? value : [value],
  );

/** Details of a reserved-instance artifact; the list is read from any of its three names. */
export const reservationDetailsSchema = z
  .object({
    type: opt(z.string()),
    reservations: reservationListSchema,
    virtualMachineReservations: reservationListSchema,
    reservation: reservationListSchema,
  })
  .transform((raw) => ({
    type: raw.type,
    reservations: raw.reservations ?? raw.virtualMachineReservations ?? raw.reservation ?? [],
  }));
/** Details of a reserved-instance artifact. */
export type ReservationDetails = z.output<typeof reservationDetailsSchema>;
