/**
 * Schemas of the `registration.*` calls: whether a customer's subscriptions are registered for
 * reservation purchases (contract §4.1–4.2, §8), and registering one.
 */
import { z } from 'zod';
import { CatalogScope } from './catalog';

const Id = z.string().trim().min(1, 'must not be empty').max(64, 'is too long');

/** Partner Center's registration status, compared case-insensitively on the wire. */
export const RegistrationState = z.enum(['Registered', 'Registering', 'NotRegistered']);
export type RegistrationState = z.infer<typeof RegistrationState>;

/** One subscription of a customer and whether it can buy reservations now. */
export const SubscriptionRegistration = z.object({
  subscriptionId: z.string(),
  name: z.string(),
  offerId: z.string().nullable(),
  /** Partner Center's subscription status (`active`, `suspended`, …), or null when it gave none. */
  subscriptionStatus: z.string().nullable(),
  /** The catalog it buys from (Azure plan or MS-AZR-0145P), or null: it cannot hold reservations. */
  scope: CatalogScope.nullable(),
  /** Null when the subscription cannot hold reservations, or its status could not be read yet. */
  registration: RegistrationState.nullable(),
  /** When this status was read from Partner Center (ISO 8601), or null when never. */
  checkedAt: z.iso.datetime().nullable(),
  /** The task watching a registration in progress, if one runs in this app now. */
  watchTaskId: z.string().nullable(),
});
export type SubscriptionRegistration = z.infer<typeof SubscriptionRegistration>;

/** `registration.status`: a customer's subscriptions, read now or, when that cannot be, from the cache. */
export const RegistrationStatusInput = z.strictObject({
  profileId: Id,
  customerId: Id,
  /** `cache`: only what is stored (no network, instant); `network` (default): read Partner Center first. */
  source: z.enum(['network', 'cache']).default('network'),
});
export type RegistrationStatusInput = z.input<typeof RegistrationStatusInput>;

export const RegistrationList = z.object({
  customerId: z.string(),
  subscriptions: z.array(SubscriptionRegistration),
  /** When the subscription list was last read from Partner Center, or null when never. */
  readAt: z.iso.datetime().nullable(),
  /** True when Partner Center could not be reached and this is the cache, with its age. */
  fromCache: z.boolean(),
  /** Why the cache is shown, in one sentence, when it is. */
  cacheReason: z.string().nullable(),
});
export type RegistrationList = z.infer<typeof RegistrationList>;

/** `registration.register`: registers one subscription and watches it until `Registered`. */
export const RegisterInput = z.strictObject({
  profileId: Id,
  customerId: Id,
  subscriptionId: Id,
});
export type RegisterInput = z.input<typeof RegisterInput>;
