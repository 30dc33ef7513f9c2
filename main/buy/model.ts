/**
 * What the Buy store keeps: draft lines as chosen, and checkout journal entries.
 */
import type {
  BenefitScope,
  BillingPlan,
  CatalogScope,
  CheckoutGroupError,
  CheckoutOrder,
  CheckoutState,
  DeskError,
  LinePrice,
  LineProblem,
  TermDuration,
} from '../../preload/contract';

/** What a person chose on a reservation line, plus the SKU facts it was checked against. */
export interface ReservationFields {
  readonly kind: 'reservation';
  readonly catalogScope: CatalogScope;
  readonly country: string;
  readonly productId: string;
  readonly skuId: string;
  readonly availabilityId: string | null;
  readonly termDuration: TermDuration;
  readonly billingPlan: BillingPlan;
  readonly quantity: number;
  readonly scope: BenefitScope;
  readonly subscriptionId: string;
  readonly friendlyName: string;
  readonly title: string;
  readonly minimumQuantity: number | null;
  readonly maximumQuantity: number | null;
  readonly armRegionName: string | null;
}

/** What a person chose on a savings plan line (§15). */
export interface SavingsPlanFields {
  readonly kind: 'savings-plan';
  readonly skuId: string;
  readonly termDuration: TermDuration;
  readonly billingPlan: BillingPlan;
  readonly hourlyCommitment: number;
  readonly scope: BenefitScope;
  readonly subscriptionId: string;
  readonly friendlyName: string;
  readonly title: string;
  readonly currency: string | null;
  readonly minimumHourlyCommitment: number | null;
}

export type LineFields = ReservationFields | SavingsPlanFields;

/** A draft line as stored. */
export interface StoredLine {
  readonly lineId: string;
  readonly position: number;
  readonly fields: LineFields;
  readonly problems: ReadonlyArray<LineProblem>;
  readonly price: LinePrice | null;
  readonly priceNote: string | null;
  readonly catalogItemId: string | null;
}

/** A cart draft as stored. */
export interface StoredDraft {
  readonly id: string;
  readonly profileId: string;
  readonly customerId: string;
  readonly status: 'active' | 'checked-out';
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly reviewedAt: number | null;
  readonly reviewId: string | null;
  readonly reviewDuplicates: number;
  readonly remoteCartId: string | null;
  readonly remoteExpiresAt: number | null;
  readonly fromCheckoutId: string | null;
  readonly lines: ReadonlyArray<StoredLine>;
}

/**
 * A new, empty active draft of a customer's cart; `fromCheckoutId` names the checkout whose failed
 * lines it takes back, if any.
 */
export function emptyDraft(
  id: string,
  owner: { readonly profileId: string; readonly customerId: string },
  now: number,
  fromCheckoutId: string | null = null,
): StoredDraft {
  return {
    id,
    profileId: owner.profileId,
    customerId: owner.customerId,
    status: 'active',
    createdAt: now,
    updatedAt: now,
    reviewedAt: null,
    reviewId: null,
    reviewDuplicates: 0,
    remoteCartId: null,
    remoteExpiresAt: null,
    fromCheckoutId,
    lines: [],
  };
}

/** A line as a checkout bought it: enough for the duplicate guard and to map orders back. */
export interface JournalLine {
  readonly lineId: string;
  readonly kind: LineFields['kind'];
  readonly productId: string;
  readonly skuId: string;
  readonly quantity: number;
  readonly subscriptionId: string;
  readonly termDuration: string;
  readonly hourlyCommitment: number | null;
  readonly catalogItemId: string;
  /** Partner Center's line number in the cart (0..n-1) and its order group. */
  readonly cartLineNumber: number;
  readonly orderGroup: string | null;
  readonly title: string;
}

/** What an answered checkout produced. */
export interface JournalResult {
  readonly orders: ReadonlyArray<CheckoutOrder>;
  readonly groupErrors: ReadonlyArray<CheckoutGroupError>;
}

/** A checkout journal entry. */
export interface JournalEntry {
  readonly id: string;
  readonly profileId: string;
  readonly customerId: string;
  readonly draftId: string;
  readonly reviewId: string;
  readonly cartId: string;
  readonly requestId: string;
  readonly state: CheckoutState;
  readonly lines: ReadonlyArray<JournalLine>;
  readonly summary: string;
  readonly message: string;
  readonly result: JournalResult | null;
  readonly error: DeskError | null;
  readonly newDraftId: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}
