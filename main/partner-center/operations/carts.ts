/**
 * Carts and checkout (contract §4.10–4.13).
 *
 * A checkout buys something that cannot simply be undone, so callers should journal a request id
 * before calling `checkoutCart` and pass it as `requestId`: a retry, even after an app restart, then
 * carries the same `MS-RequestId` and Partner Center returns the original result instead of buying twice.
 */
import { cartCheckoutResultSchema, cartSchema, type CartInput } from '../models/carts';
import { named, one, send } from './define';

const carts = '/customers/{customerId}/carts';
const cart = `${carts}/{cartId}` as const;

/** What a cart is created or replaced with. */
interface CartContent {
  readonly cart: CartInput;
}

/** Calls of a customer's carts. */
export const cartCalls = named({
  /** Creates a cart for a customer (201 Created). */
  createCart: send('POST', carts, cartSchema, (input: CartContent) => cartBody(input.cart)),
  /** Gets a cart. */
  getCart: one(cart, cartSchema),
  /** Replaces a cart's line items (Partner Center answers 200 or 201). */
  updateCart: send('PUT', cart, cartSchema, (input: CartContent & { readonly cartId: string }) => ({
    id: input.cartId,
    ...cartBody(input.cart),
  })),
  /** Checks out a cart: one order per order group, failed groups in `orderErrors`. */
  checkoutCart: send('POST', `${cart}/checkout`, cartCheckoutResultSchema),
});

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
