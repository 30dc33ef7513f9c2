/**
 * Carts and checkout (contract §4.10–4.13, §5, §10).
 */
import { z } from 'zod';
import {
  attributeMap,
  type BillingCycle,
  billingCycleSchema,
  type Lenient,
  lenientEnum,
  lenientNumber,
  lenientString,
  list,
  opt,
  pricingSchema,
  resourceFields,
} from './common';
import { orderSchema } from './orders';

/** A problem Partner Center reports on one cart line (`errorCode` is a CartErrorCode, §10). */
export const cartErrorSchema = z.object({
  errorCode: lenientNumber,
  errorDescription: opt(z.string()),
  additionalInformation: attributeMap,
});
/** A problem on one cart line. */
export type CartError = z.output<typeof cartErrorSchema>;

/** One line of a cart. */
export const cartLineItemSchema = z.object({
  id: lenientNumber,
  catalogItemId: z.string(),
  friendlyName: opt(z.string()),
  quantity: lenientNumber,
  currencyCode: opt(z.string()),
  billingCycle: opt(billingCycleSchema),
  termDuration: opt(z.string()),
  provisioningContext: attributeMap,
  orderGroup: opt(lenientString),
  error: opt(cartErrorSchema),
  pricing: opt(pricingSchema),
});
/** One line of a cart. */
export type CartLineItem = z.output<typeof cartLineItemSchema>;

/** Cart statuses. */
export const cartStatusValues = ['Active', 'Ordered'] as const;
/** A cart's status. */
export type CartStatus = Lenient<(typeof cartStatusValues)[number]>;

/** A cart as Partner Center returns it. */
export const cartSchema = z.object({
  id: z.string(),
  creationTimestamp: opt(z.string()),
  lastModifiedTimestamp: opt(z.string()),
  expirationTimestamp: opt(z.string()),
  lastModifiedUser: opt(z.string()),
  status: opt(lenientEnum(cartStatusValues)),
  lineItems: list(cartLineItemSchema),
  ...resourceFields,
});
/** A cart. */
export type Cart = z.output<typeof cartSchema>;

/** A line to put in a cart. */
export interface CartLineItemInput {
  /** Client-chosen line number, 0..n-1. */
  readonly id: number;
  /** The availability's `catalogItemId` (`product:sku:availability`). */
  readonly catalogItemId: string;
  readonly quantity: number;
  readonly billingCycle: BillingCycle;
  /** `P1Y` / `P3Y` for Azure plan reservations. */
  readonly termDuration?: string;
  readonly friendlyName?: string;
  /** Keys from the SKU's `provisioningVariables`, e.g. `subscriptionId`, `scope`, `duration`. */
  readonly provisioningContext?: Readonly<Record<string, string>>;
  /** Savings plans only (§15): the fixed amount per hour, in the customer's currency (lower case). */
  readonly purchaseCommitment?: {
    readonly amount: number;
    readonly grain: 'hourly';
    readonly currency: string;
  };
}

/** What to create or replace a cart with. */
export interface CartInput {
  readonly lineItems: ReadonlyArray<CartLineItemInput>;
}

/** An order group that failed at checkout. */
export const orderErrorSchema = z.object({
  orderGroupId: opt(lenientString),
  code: opt(lenientString),
  description: opt(z.string()),
});
/** An order group that failed at checkout. */
export type OrderError = z.output<typeof orderErrorSchema>;

/** The result of a checkout: orders created and order groups that failed. */
export const cartCheckoutResultSchema = z.object({
  orders: list(orderSchema),
  orderErrors: list(orderErrorSchema),
});
/** The result of a checkout. */
export type CartCheckoutResult = z.output<typeof cartCheckoutResultSchema>;
