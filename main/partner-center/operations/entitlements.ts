/**
 * Entitlements and the reservation details behind them (contract §4.18–4.19).
 */
import { PartnerCenterError } from '../errors';
import type { CallOptions, HttpPipeline } from '../http';
import type { Link } from '../models/common';
import {
  entitlementSchema,
  reservationDetailsSchema,
  type EntitlementType,
  type ReservationDetails,
} from '../models/entitlements';
import { list, named, type Query } from './define';

/** Filters of an entitlement listing. */
export interface EntitlementQuery {
  /** `reservedInstance` for reservations; omit for all types. */
  readonly entitlementType?: EntitlementType;
  /** Adds `expiryDate` where applicable. */
  readonly showExpiry?: boolean;
}

/** Calls of a customer's entitlements. */
export const entitlementCalls = named({
  /** Lists a customer's entitlements (App+User only). */
  listEntitlements: list(
    '/customers/{customerId}/entitlements',
    entitlementSchema,
    (query: EntitlementQuery): Query => ({
      entitlementType: query.entitlementType,
      showExpiry: query.showExpiry === true ? true : undefined,
    }),
  ),
});

/**
 * Follows a reserved-instance artifact's link to its reservation details. Only links to a customer's
 * artifacts are followed: the link comes from a response, and we will not send the token anywhere
 * a response tells us to.
 */
export async function getReservationDetails(
  http: HttpPipeline,
  artifactLink: Link | string,
  options?: CallOptions,
): Promise<ReservationDetails> {
  const operation = 'getReservationDetails';
  const uri = typeof artifactLink === 'string' ? artifactLink : artifactLink.uri;
  const relative = uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, '').replace(/^\/v1(?=\/)/i, '');
  if (!/^\/customers\/[^/]+\/artifacts\//i.test(relative)) {
    throw new PartnerCenterError({
      kind: 'invalid-request',
      operation,
      retryable: false,
      description: 'the link is not a customer artifact link',
    });
  }
  return (await http.json({ operation, method: 'GET', path: uri }, reservationDetailsSchema, options)).data;
}
