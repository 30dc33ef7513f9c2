/**
 * Orders and their provisioning status (contract §4.13–4.17, §5, §6).
 */
import { z } from 'zod';
import {
  attributeMap,
  billingCycleSchema,
  currencyFields,
  type Lenient,
  lenientEnum,
  lenientNumber,
  lenientString,
  linksSchema,
  list,
  opt,
  pricingSchema,
  resourceFields,
} from './common';

/** Order statuses (contract §6). */
export const orderStatusValues = [
  'unknown',
  'completed',
  'pending',
  'cancelled',
  'suspended',
  'pending review',
  'pending po upload',
  'po upload complete',
  'po review rejected',
  'partial success',
  'error',
] as const;
/** An order's status. */
export type OrderStatus = Lenient<(typeof orderStatusValues)[number]>;

/** Order transaction types. */
export const orderTransactionTypeValues = ['UserPurchase', 'SystemPurchase', 'SystemBilling'] as const;

/** One line of an order. */
export const orderLineItemSchema = z.object({
  lineItemNumber: lenientNumber,
  offerId: opt(z.string()),
  subscriptionId: opt(z.string()),
  parentSubscriptionId: opt(z.string()),
  termDuration: opt(z.string()),
  transactionType: opt(z.string()),
  friendlyName: opt(z.string()),
  quantity: opt(lenientNumber),
  partnerIdOnRecord: opt(lenientString),
  provisioningContext: attributeMap,
  pricing: opt(pricingSchema),
  links: linksSchema,
});
/** One line of an order. */
export type OrderLineItem = z.output<typeof orderLineItemSchema>;

/** An order: one per order group of a checked-out cart. */
export const orderSchema = z.object({
  id: z.string(),
  alternateId: opt(lenientString),
  referenceCustomerId: opt(z.string()),
  billingCycle: opt(billingCycleSchema),
  ...currencyFields,
  lineItems: list(orderLineItemSchema),
  creationDate: opt(z.string()),
  status: opt(lenientEnum(orderStatusValues)),
  transactionType: opt(lenientEnum(orderTransactionTypeValues)),
  totalPrice: opt(lenientNumber),
  ...resourceFields,
});
/** An order. */
export type Order = z.output<typeof orderSchema>;

/** Provisioning statuses of an order line (contract §4.17). */
export const provisioningStatusValues = ['Fulfilled', 'Unfulfilled', 'PrefulfillmentPending'] as const;
/** A provisioning status. */
export type ProvisioningStatus = Lenient<(typeof provisioningStatusValues)[number]>;

/** Provisioning status of one order line. */
export const lineItemProvisioningStatusSchema = z.object({
  lineItemNumber: opt(lenientNumber),
  orderLineItemId: opt(lenientNumber),
  status: opt(lenientEnum(provisioningStatusValues)),
  quantityProvisioningInformation: list(
    z.object({ quantity: opt(lenientNumber), status: opt(lenientEnum(provisioningStatusValues)) }),
  ),
});
/** Provisioning status of one order line. */
export type LineItemProvisioningStatus = z.output<typeof lineItemProvisioningStatusSchema>;
