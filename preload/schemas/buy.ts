/**
 * Schemas of the Buy journey: the cart (a local draft per profile and customer), its review against
 * Partner Center with prices, and a checkout that happens exactly once.
 *
 * Input schemas are deliberately loose about values a person types (quantity, friendly name,
 * commitment): main checks those itself and answers with a sentence that says what to do, rather
 * than a field path. The draft is kept whatever the answer.
 */
import { z } from 'zod';
import { Named } from './common';
import { CatalogScope } from './catalog';
import { DeskError } from './errors';

const Id = z.string().trim().min(1, 'must not be empty').max(128, 'is too long');
const Iso = z.iso.datetime();

/** Which draft: one active cart per profile and customer. */
export const CartRef = z.strictObject({ profileId: Id, customerId: Id });
export type CartRef = z.input<typeof CartRef>;

/** ISO 8601 term of a reservation or savings plan. */
export const TermDuration = z.enum(['P1Y', 'P3Y', 'P5Y']);
export type TermDuration = z.infer<typeof TermDuration>;

/** How a purchase is paid: all at once, or monthly where the SKU lists it. */
export const BillingPlan = z.enum(['one_time', 'monthly']);
export type BillingPlan = z.infer<typeof BillingPlan>;

/** Where the benefit applies: every subscription of the billing context, or one subscription. */
export const BenefitScope = z.enum(['shared', 'single']);
export type BenefitScope = z.infer<typeof BenefitScope>;

/** The two kinds of cart line. */
export const CartLineKind = z.enum(['reservation', 'savings-plan']);
export type CartLineKind = z.infer<typeof CartLineKind>;

/**
 * The choices both kinds of line have: the term, how it is paid (the default differs by kind), where
 * the benefit applies, the subscription and a name.
 */
const lineChoices = {
  termDuration: TermDuration,
  billingPlan: BillingPlan,
  scope: BenefitScope,
  /**
   * A reservation: the subscription it is bought for (and applies to, when the scope is single).
   * A savings plan, shared scope: the Azure plan's id; single scope: the subscription it applies to.
   */
  subscriptionId: Id,
  /** Empty or absent: a name is made from the SKU and term. */
  friendlyName: z.string().max(1000).optional(),
};

/** The fields a person chooses on a reservation line (quantity and name are checked in main). */
const reservationFields = {
  /** The catalog the SKU was picked from (its market and scope). */
  catalogScope: CatalogScope,
  productId: Id,
  skuId: Id,
  /** Chosen availability; its catalog item ID is fetched again before the line goes to Partner Center. */
  availabilityId: Id.optional(),
  ...lineChoices,
  billingPlan: BillingPlan.default('one_time'),
  quantity: z.number().finite(),
};

/** A reservation SKU to add to the cart. */
export const ReservationLineInput = z.strictObject(reservationFields);
export type ReservationLineInput = z.input<typeof ReservationLineInput>;

/** The fields of a savings plan line (§15): a fixed hourly commitment for a term. */
const savingsPlanFields = {
  ...lineChoices,
  billingPlan: BillingPlan.default('monthly'),
  /** Amount per hour in the customer's currency, e.g. 0.05. */
  hourlyCommitment: z.number().finite(),
};

/** A savings plan to add to the cart. */
export const SavingsPlanLineInput = z.strictObject(savingsPlanFields);
export type SavingsPlanLineInput = z.input<typeof SavingsPlanLineInput>;

/** Changes to one line; only the fields of the line's kind apply. */
export const CartLineChanges = z
  .strictObject({
    ...lineChoices,
    quantity: z.number().finite(),
    hourlyCommitment: z.number().finite(),
    availabilityId: Id,
  })
  .partial();
export type CartLineChanges = z.input<typeof CartLineChanges>;

/**
 * What fixes a line's problem, for the button next to it. The screen maps each to a control:
 * register the subscription (Customers), pick another subscription, change the quantity, etc.
 */
export const FixAction = z.enum([
  'register-subscription',
  'choose-subscription',
  'change-scope',
  'change-quantity',
  'change-commitment',
  'change-term',
  'change-billing-plan',
  'change-friendly-name',
  'refresh-availability',
  'choose-another-sku',
  'remove-line',
  'sign-in-as-user',
  'retry-later',
]);
export type FixAction = z.infer<typeof FixAction>;

/** A problem on one line, found locally or reported by Partner Center (CartErrorCode, §10). */
export const LineProblem = z.object({
  /** Stable, for tests and styling: a local code (`quantity-too-high`) or `cart-error-10011`. */
  code: z.string(),
  /** One sentence a person can act on; Partner Center's own description is in `detail`. */
  message: z.string(),
  fix: FixAction.nullable(),
  source: z.enum(['local', 'partner-center']),
  /** The CartErrorCode or order error code, when Partner Center reported it. */
  partnerCenterCode: z.number().int().optional(),
  /** Partner Center's own words, when given. */
  detail: z.string().optional(),
});
export type LineProblem = z.infer<typeof LineProblem>;

/** A price from the partner price sheet (§16), with where and when it came from. */
export const LinePrice = z.object({
  /** Price of one unit for the whole term (reservations), or the commitment for the term (savings plans). */
  unitPrice: z.number(),
  /** What the line commits to for its whole term: unit price × quantity, or hourly × hours in the term. */
  termTotal: z.number(),
  currency: z.string(),
  /** The price sheet's date (the month it is for), or when the order priced it. */
  asOf: Iso,
  source: z.enum(['price-sheet', 'commitment']),
});
export type LinePrice = z.infer<typeof LinePrice>;

/** Fields every cart line has. */
const lineCommon = {
  /** Local id of the line, stable across edits and reviews. */
  lineId: z.string(),
  /** What the line buys, for a person: "Reserved VM Instance, Standard_D2s_v3, US East, 1 Year". */
  title: z.string(),
  termDuration: TermDuration,
  billingPlan: BillingPlan,
  scope: BenefitScope,
  subscriptionId: z.string(),
  friendlyName: z.string(),
  /** Problems found locally or by the last review; an empty list means none known. */
  problems: z.array(LineProblem).readonly(),
  /** From the last review; null with `priceNote` saying why when there is none. */
  price: LinePrice.nullable(),
  priceNote: z.string().nullable(),
};

/** A reservation line of the draft. */
export const ReservationLine = z.object({
  kind: z.literal('reservation'),
  ...lineCommon,
  catalogScope: CatalogScope,
  productId: z.string(),
  skuId: z.string(),
  availabilityId: z.string().nullable(),
  /** The catalog item ID sent at the last review (refreshed before each). */
  catalogItemId: z.string().nullable(),
  quantity: z.number(),
  /** The SKU's limits, as the catalog knows them. */
  minimumQuantity: z.number().nullable(),
  maximumQuantity: z.number().nullable(),
  armRegionName: z.string().nullable(),
});
export type ReservationLine = z.infer<typeof ReservationLine>;

/** A savings plan line of the draft. */
export const SavingsPlanLine = z.object({
  kind: z.literal('savings-plan'),
  ...lineCommon,
  hourlyCommitment: z.number(),
  /** The smallest hourly commitment the SKU allows, when known. */
  minimumHourlyCommitment: z.number().nullable(),
  currency: z.string().nullable(),
});
export type SavingsPlanLine = z.infer<typeof SavingsPlanLine>;

export const CartLine = z.discriminatedUnion('kind', [ReservationLine, SavingsPlanLine]);
export type CartLine = z.infer<typeof CartLine>;

/** A checkout in progress or whose answer was lost: that cart cannot be checked out again until resolved. */
export const CheckoutState = z.enum([
  /** Journaled, nothing sent yet. */
  'prepared',
  /** Sent; waiting for the answer. */
  'sending',
  /** The answer was lost (timeout, dropped connection, crash): resolved by re-asking, never by buying again. */
  'in-doubt',
  /** Every order group became an order. */
  'ordered',
  /** Some order groups became orders, some failed; failed lines are in a new draft. */
  'partially-ordered',
  /** Nothing was bought. */
  'failed',
]);
export type CheckoutState = z.infer<typeof CheckoutState>;

/** An order a checkout created. */
export const CheckoutOrder = z.object({
  orderId: z.string(),
  status: z.string(),
  orderGroup: z.string().nullable(),
  /** The draft lines it bought. */
  lineIds: z.array(z.string()).readonly(),
  createdAt: z.string().nullable(),
  totalPrice: z.number().nullable(),
  currency: z.string().nullable(),
});
export type CheckoutOrder = z.infer<typeof CheckoutOrder>;

/** An order group that failed, in plain words. */
export const CheckoutGroupError = z.object({
  orderGroup: z.string().nullable(),
  lineIds: z.array(z.string()).readonly(),
  message: z.string(),
  fix: FixAction.nullable(),
  partnerCenterCode: z.number().int().nullable(),
  detail: z.string().nullable(),
});
export type CheckoutGroupError = z.infer<typeof CheckoutGroupError>;

/** One checkout, as its journal entry records it. */
export const CheckoutRecord = z.object({
  checkoutId: z.string(),
  profileId: z.string(),
  customerId: z.string(),
  draftId: z.string(),
  /** Partner Center's cart id. */
  cartId: z.string(),
  /** The `MS-RequestId` every attempt of this checkout carries, for support. */
  requestId: z.string(),
  state: CheckoutState,
  /** One sentence on where it stands and what to do. */
  message: z.string(),
  orders: z.array(CheckoutOrder).readonly(),
  groupErrors: z.array(CheckoutGroupError).readonly(),
  /** The draft that now holds the lines of failed groups, or null. */
  newDraftId: z.string().nullable(),
  /** What the lines bought, for the in-doubt banner: "2 × Standard_D2s_v3 (1 year)". */
  summary: z.string(),
  createdAt: Iso,
  updatedAt: Iso,
  /** The last error, when the state is `in-doubt` or `failed`. */
  error: DeskError.nullable(),
});
export type CheckoutRecord = z.infer<typeof CheckoutRecord>;

/** A cart as the Cart screen shows it: the local draft and what the last review learned. */
export const CartView = z.object({
  profileId: z.string(),
  customerId: z.string(),
  draftId: z.string(),
  lines: z.array(CartLine).readonly(),
  createdAt: Iso,
  updatedAt: Iso,
  /** When the draft was last sent to Partner Center, or null. */
  reviewedAt: Iso.nullable(),
  /** A checkout of this cart that is running or in doubt: show it, and do not offer checkout. */
  pendingCheckout: CheckoutRecord.nullable(),
});
export type CartView = z.infer<typeof CartView>;

/** A possible duplicate: the same SKU, quantity and subscription bought for this customer lately. */
export const DuplicateWarning = z.object({
  lineId: z.string(),
  message: z.string(),
  /** The earlier purchase: an order id when known, else the checkout id. */
  orderId: z.string().nullable(),
  checkoutId: z.string().nullable(),
  boughtAt: Iso,
});
export type DuplicateWarning = z.infer<typeof DuplicateWarning>;

/** What the review found: prices, problems, the total, and whether checkout may go ahead. */
export const CartReview = z.object({
  cart: CartView,
  /** Pass to `checkout.confirm`: what was reviewed is what is bought. Null when checkout cannot go ahead. */
  reviewId: z.string().nullable(),
  customer: Named.extend({ country: z.string().nullable() }),
  /** Sum of the lines' term totals, in the customer's currency; null when a price is missing. */
  total: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  /** Why there is no total (e.g. a line has no price), or null. */
  totalNote: z.string().nullable(),
  /** True when no line has a problem and nothing else blocks checkout. */
  canCheckout: z.boolean(),
  /** What stops checkout, in plain words (also when lines are fine, e.g. a checkout in doubt). */
  blockers: z.array(z.string()).readonly(),
  /** What cannot be undone once bought, for the confirmation. */
  irreversible: z.array(z.string()).readonly(),
  /** Lines that look like a recent purchase: confirming them needs `confirmDuplicates: true`. */
  duplicates: z.array(DuplicateWarning).readonly(),
  reviewedAt: Iso,
});
export type CartReview = z.infer<typeof CartReview>;

/** Confirm a reviewed cart. A second confirm with the same review id returns the same checkout. */
export const CheckoutConfirmInput = z.strictObject({
  profileId: Id,
  customerId: Id,
  reviewId: Id,
  /** Must be true when the review listed duplicates: the person confirmed them a second time. */
  confirmDuplicates: z.boolean().default(false),
});
export type CheckoutConfirmInput = z.input<typeof CheckoutConfirmInput>;

export const CheckoutRef = z.strictObject({ profileId: Id, checkoutId: Id });
export type CheckoutRef = z.input<typeof CheckoutRef>;
