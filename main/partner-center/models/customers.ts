/**
 * Customers, their subscriptions and reservation registration (contract §4.1–4.2, §13).
 */
import { z } from 'zod';
import {
  billingCycleSchema,
  type Lenient,
  lenientBoolean,
  lenientEnum,
  lenientNumber,
  lenientString,
  list,
  opt,
  resourceAttributesSchema,
  resourceFields,
} from './common';

/** A postal address. */
export const addressSchema = z.object({
  country: opt(z.string()),
  region: opt(z.string()),
  state: opt(z.string()),
  city: opt(z.string()),
  addressLine1: opt(z.string()),
  addressLine2: opt(z.string()),
  postalCode: opt(lenientString),
  phoneNumber: opt(lenientString),
  firstName: opt(z.string()),
  lastName: opt(z.string()),
});

/** A customer of the partner. List items carry only the company profile; by id adds billing. */
export const customerSchema = z.object({
  id: z.string(),
  commerceId: opt(z.string()),
  companyProfile: opt(
    z.object({
      tenantId: opt(z.string()),
      domain: opt(z.string()),
      companyName: opt(z.string()),
      email: opt(z.string()),
      address: opt(addressSchema),
    }),
  ),
  billingProfile: opt(
    z.object({
      id: opt(z.string()),
      firstName: opt(z.string()),
      lastName: opt(z.string()),
      email: opt(z.string()),
      culture: opt(z.string()),
      language: opt(z.string()),
      companyName: opt(z.string()),
      defaultAddress: opt(addressSchema),
    }),
  ),
  relationshipToPartner: opt(z.string()),
  allowDelegatedAccess: opt(lenientBoolean),
  customDomains: list(z.string()),
  ...resourceFields,
});
/** A customer. */
export type Customer = z.output<typeof customerSchema>;

/** Subscription statuses. */
export const subscriptionStatusValues = ['active', 'suspended', 'deleted', 'expired', 'disabled'] as const;
/** A subscription's status. */
export type SubscriptionStatus = Lenient<(typeof subscriptionStatusValues)[number]>;

/** A customer's subscription; Azure plans and MS-AZR-0145P ones can hold reservations. */
export const subscriptionSchema = z.object({
  id: z.string(),
  offerId: opt(z.string()),
  offerName: opt(z.string()),
  friendlyName: opt(z.string()),
  productType: opt(z.object({ id: opt(z.string()), displayName: opt(z.string()) })),
  quantity: opt(lenientNumber),
  unitType: opt(z.string()),
  hasPurchasableAddons: opt(lenientBoolean),
  creationDate: opt(z.string()),
  effectiveStartDate: opt(z.string()),
  commitmentEndDate: opt(z.string()),
  status: opt(lenientEnum(subscriptionStatusValues)),
  autoRenewEnabled: opt(lenientBoolean),
  isTrial: opt(lenientBoolean),
  billingType: opt(lenientEnum(['license', 'usage', 'none'] as const)),
  billingCycle: opt(billingCycleSchema),
  termDuration: opt(z.string()),
  contractType: opt(z.string()),
  orderId: opt(z.string()),
  publisherName: opt(z.string()),
  ...resourceFields,
});
/** A customer's subscription. */
export type Subscription = z.output<typeof subscriptionSchema>;

/** Registration statuses for reservations. */
export const registrationStatusValues = ['Registered', 'Registering', 'NotRegistered'] as const;
/** A registration status (compared case-insensitively; `notregistered` reads as `NotRegistered`). */
export type RegistrationStatusValue = Lenient<(typeof registrationStatusValues)[number]>;

/** Whether a subscription is registered for reservations. */
export const registrationStatusSchema = z.object({
  subscriptionId: opt(z.string()),
  status: lenientEnum(registrationStatusValues),
  attributes: resourceAttributesSchema,
});
/** Whether a subscription is registered for reservations. */
export type RegistrationStatus = z.output<typeof registrationStatusSchema>;
