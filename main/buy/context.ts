/**
 * What the Buy capability depends on, and small helpers shared by its parts (drafts, review,
 * checkout).
 */
import type {
  AuthMode,
  CartLine,
  CartView,
  CheckoutRecord,
  CurrentCustomer,
  DeskError,
  SubscriptionSummary,
} from '../../preload/contract';
import type { CustomerService } from '../customers/customer-service';
import { explainError } from '../failures';
import type { EventHub } from '../ipc/event-hub';
import { DeskFailure } from '../ipc/failure';
import {
  PartnerCenterError,
  type Order,
  type OriginCredential,
  type PartnerCenterClient,
  type RetryPolicy,
} from '../partner-center';
import type { JournalEntry, StoredDraft, StoredLine } from './model';
import type { BuyStore } from './store';

/** How the checkout request itself is sent (tests and the benchmark shorten these). */
export interface CheckoutTransport {
  /** Retries of one checkout call before its answer counts as lost (same request id each time). */
  readonly retry?: Partial<RetryPolicy>;
  /** Timeout of each attempt. */
  readonly timeoutMs?: number;
}

export interface BuyServiceOptions {
  readonly store: BuyStore;
  readonly clientFor: (profileId: string) => Promise<PartnerCenterClient>;
  readonly customers: Pick<CustomerService, 'get' | 'subscriptions'>;
  /** The customer as remembered in settings (works offline), when it is the profile's current one. */
  readonly rememberedCustomer?: (profileId: string) => CurrentCustomer | null;
  /** How a profile signs in; price sheets and savings plans need App+User. */
  readonly authModeOf: (profileId: string) => AuthMode;
  /**
   * Where the partner price sheet lives for a profile and the token it takes (§16: its own host and
   * audience, `https://api.partner.microsoft.com`; the sandbox serves its own).
   */
  readonly priceSheet: (profileId: string) => Promise<OriginCredential>;
  /** Why the profile's cloud has no price sheet (main/partner-center/clouds.ts), or null where it has one. */
  readonly priceSheetMissing?: (profileId: string) => string | null;
  readonly events?: Pick<EventHub, 'emit'>;
  /** Where a failed notification is reported (it never stops a checkout). */
  readonly onEventError?: (error: unknown) => void;
  /** Told of the orders a checkout placed, as Partner Center returned them (the Orders screen shows them at once). */
  readonly onOrdersPlaced?: (profileId: string, customerId: string, orders: ReadonlyArray<Order>) => void;
  readonly checkout?: CheckoutTransport;
  readonly now?: () => number;
}

/** The customer a cart is for. */
export interface CustomerFacts {
  readonly id: string;
  readonly name: string;
  readonly country: string | null;
}

/** The shared dependencies, resolved. */
export interface BuyContext extends BuyServiceOptions {
  readonly now: () => number;
  customer(profileId: string, customerId: string): Promise<CustomerFacts>;
  /** The customer's subscriptions, or undefined when Partner Center cannot be reached. */
  subscriptions(profileId: string, customerId: string): Promise<SubscriptionSummary[] | undefined>;
  emitChanged(entry: JournalEntry): void;
  notifyOrdersPlaced(entry: JournalEntry, orders: ReadonlyArray<Order>): void;
}

/** How long a customer's subscription list is trusted for checking new lines (review re-checks). */
const SUBSCRIPTIONS_TTL_MS = 5 * 60 * 1000;

export function createContext(options: BuyServiceOptions): BuyContext {
  const now = options.now ?? Date.now;
  const customers = new Map<string, CustomerFacts>();
  const subscriptionLists = new Map<string, { at: number; list: SubscriptionSummary[] }>();
  return {
    ...options,
    now,
    async customer(profileId, customerId) {
      const key = `${profileId}|${customerId}`;
      const cached = customers.get(key);
      if (cached) return cached;
      const remembered = options.rememberedCustomer?.(profileId);
      try {
        const read = await options.customers.get(profileId, customerId);
        const facts = { id: read.id, name: read.name, country: read.country?.toUpperCase() ?? null };
        customers.set(key, facts);
        return facts;
      } catch (error) {
        if (remembered?.id === customerId) return remembered;
        throw error;
      }
    },
    async subscriptions(profileId, customerId) {
      const key = `${profileId}|${customerId}`;
      const cached = subscriptionLists.get(key);
      if (cached && now() - cached.at < SUBSCRIPTIONS_TTL_MS) return cached.list;
      try {
        const list = await options.customers.subscriptions(profileId, customerId);
        subscriptionLists.set(key, { at: now(), list });
        return list;
      } catch (error) {
        if (isUnreachable(error)) return undefined;
        throw error;
      }
    },
    notifyOrdersPlaced(entry, orders) {
      // Like the event: the journal already holds the result, so a listener's failure changes nothing.
      try {
        if (orders.length > 0) options.onOrdersPlaced?.(entry.profileId, entry.customerId, orders);
      } catch (error) {
        options.onEventError?.(error);
      }
    },
    emitChanged(entry) {
      // A notification must never break the money path: the journal already holds the state.
      try {
        options.events?.emit('checkout.changed', toRecord(entry));
      } catch (error) {
        options.onEventError?.(error);
      }
    },
  };
}

/** Whether an error means Partner Center could not be reached (nothing was answered). */
export function isUnreachable(error: unknown): boolean {
  return (
    error instanceof PartnerCenterError &&
    (error.kind === 'offline' || error.kind === 'network' || error.kind === 'timeout')
  );
}

/** An error as the bridge would show it (never a stack or a secret). */
export function toDeskError(error: unknown): DeskError {
  if (error instanceof DeskFailure) return error.toError();
  return (
    explainError(error)?.toError() ?? {
      code: 'INTERNAL',
      message: 'Something unexpected went wrong. Try again; if it keeps happening, restart the app.',
    }
  );
}

/** A draft line as the screen shows it. */
export function toCartLine(line: StoredLine): CartLine {
  const f = line.fields;
  const common = {
    lineId: line.lineId,
    title: f.title,
    termDuration: f.termDuration,
    billingPlan: f.billingPlan,
    scope: f.scope,
    subscriptionId: f.subscriptionId,
    friendlyName: f.friendlyName,
    problems: line.problems,
    price: line.price,
    priceNote: line.priceNote,
  };
  if (f.kind === 'reservation') {
    return {
      kind: 'reservation',
      ...common,
      catalogScope: f.catalogScope,
      productId: f.productId,
      skuId: f.skuId,
      availabilityId: f.availabilityId,
      catalogItemId: line.catalogItemId,
      quantity: f.quantity,
      minimumQuantity: f.minimumQuantity,
      maximumQuantity: f.maximumQuantity,
      armRegionName: f.armRegionName,
    };
  }
  return {
    kind: 'savings-plan',
    ...common,
    hourlyCommitment: f.hourlyCommitment,
    minimumHourlyCommitment: f.minimumHourlyCommitment,
    currency: f.currency,
  };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A checkout journal entry as the screen shows it. */
export function toRecord(entry: JournalEntry): CheckoutRecord {
  return {
    checkoutId: entry.id,
    profileId: entry.profileId,
    customerId: entry.customerId,
    draftId: entry.draftId,
    cartId: entry.cartId,
    requestId: entry.requestId,
    state: entry.state,
    message: entry.message,
    orders: entry.result?.orders ?? [],
    groupErrors: entry.result?.groupErrors ?? [],
    newDraftId: entry.newDraftId,
    summary: entry.summary,
    createdAt: iso(entry.createdAt),
    updatedAt: iso(entry.updatedAt),
    error: entry.error,
  };
}

/** A draft as the screen shows it, with a checkout of it that is still open. */
export function toCartView(
  profileId: string,
  customerId: string,
  draft: StoredDraft | undefined,
  pending: JournalEntry | undefined,
  now: number,
): CartView {
  return {
    profileId,
    customerId,
    draftId: draft?.id ?? '',
    lines: (draft?.lines ?? []).map(toCartLine),
    createdAt: iso(draft?.createdAt ?? now),
    updatedAt: iso(draft?.updatedAt ?? now),
    reviewedAt: draft?.reviewedAt ? iso(draft.reviewedAt) : null,
    pendingCheckout: pending ? toRecord(pending) : null,
  };
}
