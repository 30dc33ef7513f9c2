/**
 * Carts and checkout (contract §4.10–4.13).
 *
 * A checkout buys something that cannot simply be undone, so callers should journal a request id
 * before calling `checkoutCart` and pass it as `requestId`: a retry, even after an app restart, then
 * carries the same `MS-RequestId` and Partner Center returns the original result instead of buying twice.
 */
import type { CallOptions, HttpPipeline, WriteOptions } from '../http';
import {
  cartCheckoutResultSchema,
  cartSchema,
  type Cart,
  type CartCheckoutResult,
  type CartInput,
} from '../models/carts';
import { segment } from './path';

/** Creates a cart for a customer (201 Created). */
export async function createCart(
  http: HttpPipeline,
  customerId: string,
  cart: CartInput,
  options?: WriteOptions,
): Promise<Cart> {
  const operation = 'createCart';
  const path = `/customers/${segment(operation, 'customerId', customerId)}/carts`;
  return (await http.json({ operation, method: 'POST', path, body: cartBody(cart) }, cartSchema, options))
    .data;
}

/** Gets a cart. */
export async function getCart(
  http: HttpPipeline,
  customerId: string,
  cartId: string,
  options?: CallOptions,
): Promise<Cart> {
  const operation = 'getCart';
  const path = `/customers/${segment(operation, 'customerId', customerId)}/carts/${segment(operation, 'cartId', cartId)}`;
  return (await http.json({ operation, method: 'GET', path }, cartSchema, options)).data;
}

/** Replaces a cart's line items (Partner Center answers 200 or 201). */
export async function updateCart(
  http: HttpPipeline,
  customerId: string,
  cartId: string,
  cart: CartInput,
  options?: WriteOptions,
): Promise<Cart> {
  const operation = 'updateCart';
  const path = `/customers/${segment(operation, 'customerId', customerId)}/carts/${segment(operation, 'cartId', cartId)}`;
  const body = { id: cartId, ...cartBody(cart) };
  return (await http.json({ operation, method: 'PUT', path, body }, cartSchema, options)).data;
}

/** Checks out a cart: one order per order group, failed groups in `orderErrors`. */
export async function checkoutCart(
  http: HttpPipeline,
  customerId: string,
  cartId: string,
  options?: WriteOptions,
): Promise<CartCheckoutResult> {
  const operation = 'checkoutCart';
  const path = `/customers/${segment(operation, 'customerId', customerId)}/carts/${segment(operation, 'cartId', cartId)}/checkout`;
  return (
    await http.json({ operation, method: 'POST', path, write: true }, cartCheckoutResultSchema, options)
  ).data;
}

/** The wire body of a cart: only the fields a client may set, optional ones left out when absent. */
function cartBody(cart: CartInput): Record<string, unknown> {
  return {
    lineItems: cart.lineItems.map((line) => {
      const out: Record<string, unknown> = {
        id: line.id,
        catalogItemId: line.catalogItemId,
        quantity: line.quantity,
        billingCycle: line.billingCycle,
      };
      if (line.termDuration !== undefined) out.termDuration = line.termDuration;
      if (line.friendlyName !== undefined) out.friendlyName = line.friendlyName;
      if (line.provisioningContext !== undefined) out.provisioningContext = { ...line.provisioningContext };
      if (line.purchaseCommitment !== undefined) out.purchaseCommitment = { ...line.purchaseCommitment };
      return out;
    }),
  };
}
