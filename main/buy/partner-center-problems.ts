/**
 * Partner Center's cart line errors (CartErrorCode, §10) and checkout order errors (§1.7) in plain
 * words, each with the action that fixes it.
 */
import type { FixAction, LineProblem } from '../../preload/contract';

interface Explained {
  readonly message: string;
  readonly fix: FixAction | null;
}

/** CartErrorCode → what it means for the person, and what fixes it. */
const cartErrors: Readonly<Record<number, Explained>> = {
  10000: { message: 'This item cannot be bought in the customer’s currency.', fix: 'choose-another-sku' },
  10001: {
    message: 'The catalog item has changed since it was added. Refresh it and review again.',
    fix: 'refresh-availability',
  },
  10002: {
    message: 'Partner Center cannot supply this quantity. Lower the quantity.',
    fix: 'change-quantity',
  },
  10003: {
    message: 'This size is out of capacity in its region for now. Pick another SKU or region.',
    fix: 'choose-another-sku',
  },
  10004: { message: 'This item cannot be bought through your partner account.', fix: 'remove-line' },
  10006: {
    message: 'Partner Center could not process this line. Review again in a few minutes.',
    fix: 'retry-later',
  },
  10007: {
    message: 'The subscription is not an active Azure subscription of this customer. Choose another one.',
    fix: 'choose-subscription',
  },
  10008: {
    message:
      'The subscription cannot buy this kind of reservation (Azure plan and legacy catalogs differ). Choose another one.',
    fix: 'choose-subscription',
  },
  10009: {
    message: 'The integration sandbox’s purchase limit is reached for this item.',
    fix: 'remove-line',
  },
  10010: {
    message: 'Partner Center did not accept this line as it is. Check its term, quantity and scope.',
    fix: 'change-quantity',
  },
  10011: {
    message: 'Subscription not registered for reservations. Register it, then review again.',
    fix: 'register-subscription',
  },
  10012: {
    message: 'The customer has not accepted the required attestation for this item.',
    fix: 'remove-line',
  },
  10013: {
    message: 'This billing plan is not offered for this item. Choose another billing plan.',
    fix: 'change-billing-plan',
  },
  10015: {
    message: 'The quantity is above what one subscription may hold. Lower the quantity.',
    fix: 'change-quantity',
  },
  500600: {
    message: 'This legacy offer can no longer be bought. Pick the Azure plan SKU instead.',
    fix: 'choose-another-sku',
  },
};

/** A cart line's error as a problem on its line. */
export function cartLineProblem(errorCode: number, description: string | undefined): LineProblem {
  const known = cartErrors[errorCode];
  return {
    code: `cart-error-${errorCode}`,
    message:
      known?.message ?? 'Partner Center reported a problem with this line. Review again, or remove it.',
    fix: known?.fix ?? 'retry-later',
    source: 'partner-center',
    partnerCenterCode: errorCode,
    ...(description ? { detail: description } : {}),
  };
}

/** Checkout order errors (§1.7) → plain words and a fix. */
const orderErrors: Readonly<Record<number, Explained>> = {
  800009: {
    message: 'A line of this order group has a problem. Review the cart again.',
    fix: 'refresh-availability',
  },
  800010: {
    message: 'Out of capacity for this item right now. Pick another SKU or region.',
    fix: 'choose-another-sku',
  },
  800011: {
    message: 'The subscription is not a valid Azure subscription. Choose another one.',
    fix: 'choose-subscription',
  },
  800012: { message: 'The subscription is not active. Choose an active one.', fix: 'choose-subscription' },
  800013: {
    message: 'The subscription cannot buy reservations. Choose another one.',
    fix: 'choose-subscription',
  },
  800017: { message: 'This quantity is not available. Lower the quantity.', fix: 'change-quantity' },
  800030: {
    message: 'Subscription not registered for reservations. Register it, then review again.',
    fix: 'register-subscription',
  },
  800069: {
    message: 'Microsoft’s risk check declined this order. Contact Partner Center support.',
    fix: null,
  },
  900121: { message: 'The customer’s credit limit is too low for this order.', fix: null },
  400019: {
    message: 'An item’s availability changed. Review the cart again to refresh it.',
    fix: 'refresh-availability',
  },
};

/** An order group's error in plain words. */
export function orderErrorExplained(code: number | null, description: string | undefined): Explained {
  const known = code === null ? undefined : orderErrors[code];
  return (
    known ?? {
      message: description
        ? `Partner Center did not place this order: ${description}`
        : 'Partner Center did not place this order.',
      fix: null,
    }
  );
}
