/**
 * Cart drafts: adding, changing and removing lines, checked locally with messages that say what to
 * do. A rejected change throws before anything is written, so the draft stays as it was.
 */
import { randomUUID } from 'node:crypto';
import type {
  CartLineChanges,
  CartRef,
  LineProblem,
  ReservationLineInput,
  SavingsPlanLineInput,
  SubscriptionSummary,
} from '../../preload/contract';
import {
  ReservationLineInput as ReservationLineSchema,
  SavingsPlanLineInput as SavingsPlanSchema,
} from '../../preload/contract';
import { DeskFailure } from '../ipc/failure';
import { marketName, reservationsSoldIn } from '../markets';
import { isUnreachable, type BuyContext, type CustomerFacts } from './context';
import {
  emptyDraft,
  type LineFields,
  type ReservationFields,
  type SavingsPlanFields,
  type StoredDraft,
  type StoredLine,
} from './model';
import { remoteSkuFacts, type SkuFacts } from './sku-facts';
import { defaultFriendlyName, localProblems, MIN_HOURLY_COMMITMENT } from './validation';

/** Reads a SKU's facts from the cached catalog (wired in services; absent in some tests). */
export type CachedSkuLookup = (
  profileId: string,
  country: string,
  scope: ReservationFields['catalogScope'],
  productId: string,
  skuId: string,
) => SkuFacts | undefined;

const SAVINGS_PLAN_TITLES: Readonly<Record<string, string>> = {
  P1Y: 'Compute savings plan, 1 Year',
  P3Y: 'Compute savings plan, 3 Years',
};
const SAVINGS_PLAN_SKU: Readonly<Record<string, string>> = { P1Y: '0001', P3Y: '0002' };

function invalid(problem: LineProblem | string, fix: LineProblem['fix'] = null): DeskFailure {
  const message = typeof problem === 'string' ? problem : problem.message;
  return new DeskFailure('INVALID_INPUT', `${message} Your cart is unchanged.`, {
    fix: typeof problem === 'string' ? fix : problem.fix,
    ...(typeof problem === 'string' ? {} : { problem: problem.code }),
  });
}

/** The App+User rule for savings plans (§15) and price sheets (§16). */
export function requireAppUser(ctx: BuyContext, profileId: string, what: string): void {
  if (ctx.authModeOf(profileId) !== 'app-user') {
    throw new DeskFailure(
      'FORBIDDEN',
      `${what} needs a user sign-in (App+User); this profile signs in as an app only. Use an App+User profile.`,
      { fix: 'sign-in-as-user' },
    );
  }
}

/** Checks a subscription against the customer's list, when Partner Center can be asked. */
function checkSubscription(
  subscriptions: ReadonlyArray<SubscriptionSummary> | undefined,
  subscriptionId: string,
  customer: CustomerFacts,
  wanted: 'AzurePlan' | 'MS-AZR-0145P',
): void {
  if (subscriptions === undefined) return; // Offline: Partner Center checks it at review.
  const found = subscriptions.find((s) => s.id.toLowerCase() === subscriptionId.toLowerCase());
  if (!found) {
    throw invalid(
      `That subscription does not belong to ${customer.name}. Choose one of theirs.`,
      'choose-subscription',
    );
  }
  if (found.scope !== wanted) {
    const kind = wanted === 'AzurePlan' ? 'an Azure plan' : 'a legacy Azure subscription (MS-AZR-0145P)';
    throw invalid(
      `“${found.name}” cannot buy this: it needs ${kind}. Choose another subscription.`,
      'choose-subscription',
    );
  }
}

export interface DraftOps {
  addReservation(ref: CartRef, input: ReservationLineInput): Promise<StoredDraft>;
  addSavingsPlan(ref: CartRef, input: SavingsPlanLineInput): Promise<StoredDraft>;
  updateLine(ref: CartRef, lineId: string, changes: CartLineChanges): Promise<StoredDraft>;
  removeLine(ref: CartRef, lineId: string): StoredDraft;
  /** Saves a draft's new lines; any change invalidates the last review. */
  saveLines(draft: StoredDraft, lines: ReadonlyArray<StoredLine>): StoredDraft;
}

export function createDraftOps(ctx: BuyContext, cachedSku: CachedSkuLookup | undefined): DraftOps {
  const { store } = ctx;

  const activeOrNew = (ref: CartRef): StoredDraft => {
    const existing = store.activeDraft(ref.profileId, ref.customerId);
    if (existing) return existing;
    const now = ctx.now();
    const draft = emptyDraft(randomUUID(), ref, now);
    store.createDraft(draft);
    return draft;
  };

  const saveLines = (draft: StoredDraft, lines: ReadonlyArray<StoredLine>): StoredDraft => {
    const saved: StoredDraft = {
      ...draft,
      lines: lines.map((line, position) => ({ ...line, position })),
      updatedAt: ctx.now(),
      reviewId: null,
      reviewDuplicates: 0,
    };
    store.saveDraft(saved);
    return saved;
  };

  /** Rejects a line with a local problem; the message says what to change. */
  const checkLocal = (fields: LineFields): void => {
    const problem = localProblems(fields)[0];
    if (problem) throw invalid(problem);
  };

  const skuFacts = async (
    ref: CartRef,
    country: string,
    input: { catalogScope: ReservationFields['catalogScope']; productId: string; skuId: string },
  ): Promise<SkuFacts | undefined> => {
    const cached = cachedSku?.(ref.profileId, country, input.catalogScope, input.productId, input.skuId);
    if (cached) return cached;
    let facts: SkuFacts | undefined;
    try {
      facts = await remoteSkuFacts(
        await ctx.clientFor(ref.profileId),
        country,
        input.catalogScope,
        input.productId,
        input.skuId,
      );
    } catch (error) {
      // Offline and not cached: keep the line; its limits are checked by Partner Center at review.
      if (isUnreachable(error))
        return {
          title: `${input.productId}/${input.skuId}`,
          term: null,
          minimumQuantity: null,
          maximumQuantity: null,
          armRegionName: null,
          billingPlans: [],
        };
      throw error;
    }
    if (!facts) {
      throw invalid(
        `This SKU is not sold in ${marketName(country)}, the customer’s market. Pick it from the ${marketName(country)} catalog.`,
        'choose-another-sku',
      );
    }
    return facts;
  };

  const marketOf = async (ref: CartRef): Promise<{ customer: CustomerFacts; country: string }> => {
    const customer = await ctx.customer(ref.profileId, ref.customerId);
    const country = customer.country;
    if (!country) {
      throw invalid(
        `${customer.name} has no billing country in Partner Center, so its market is unknown. Add one in Partner Center first.`,
      );
    }
    if (!reservationsSoldIn(country)) {
      throw invalid(
        `Azure reservations and savings plans are not sold in ${marketName(country)}, ${customer.name}’s market.`,
      );
    }
    return { customer, country };
  };

  const reservationFields = async (
    ref: CartRef,
    input: ReturnType<typeof ReservationLineSchema.parse>,
  ): Promise<ReservationFields> => {
    const { customer, country } = await marketOf(ref);
    const facts = await skuFacts(ref, country, input);
    if (facts?.term && facts.term !== input.termDuration) {
      throw invalid(
        `This SKU is sold for ${facts.term === 'P3Y' ? '3 years' : '1 year'} only. Choose that term.`,
        'change-term',
      );
    }
    if (
      input.billingPlan === 'monthly' &&
      facts &&
      facts.billingPlans.length > 0 &&
      !facts.billingPlans.includes('monthly')
    ) {
      throw invalid(
        'This SKU is paid up front only. Choose the one-time billing plan.',
        'change-billing-plan',
      );
    }
    const fields: ReservationFields = {
      kind: 'reservation',
      catalogScope: input.catalogScope,
      country,
      productId: input.productId,
      skuId: input.skuId,
      availabilityId: input.availabilityId ?? null,
      termDuration: input.termDuration,
      billingPlan: input.billingPlan,
      quantity: input.quantity,
      scope: input.scope,
      subscriptionId: input.subscriptionId,
      friendlyName:
        input.friendlyName?.trim() || defaultFriendlyName(facts?.title ?? input.skuId, input.termDuration),
      title: facts?.title ?? `${input.productId}/${input.skuId}`,
      minimumQuantity: facts?.minimumQuantity ?? null,
      maximumQuantity: facts?.maximumQuantity ?? null,
      armRegionName: facts?.armRegionName ?? null,
    };
    checkLocal(fields);
    checkSubscription(
      await ctx.subscriptions(ref.profileId, ref.customerId),
      fields.subscriptionId,
      customer,
      input.catalogScope,
    );
    return fields;
  };

  const savingsPlanFields = async (
    ref: CartRef,
    input: ReturnType<typeof SavingsPlanSchema.parse>,
  ): Promise<SavingsPlanFields> => {
    requireAppUser(ctx, ref.profileId, 'Buying a savings plan');
    const { customer } = await marketOf(ref);
    if (input.termDuration === 'P5Y')
      throw invalid('Savings plans run for 1 or 3 years. Choose one of those.', 'change-term');
    const title = SAVINGS_PLAN_TITLES[input.termDuration]!;
    const fields: SavingsPlanFields = {
      kind: 'savings-plan',
      skuId: SAVINGS_PLAN_SKU[input.termDuration]!,
      termDuration: input.termDuration,
      billingPlan: input.billingPlan,
      hourlyCommitment: input.hourlyCommitment,
      scope: input.scope,
      subscriptionId: input.subscriptionId,
      friendlyName:
        input.friendlyName?.trim() ||
        defaultFriendlyName(title.replace(/, \d Years?$/, ''), input.termDuration),
      title,
      currency: null,
      minimumHourlyCommitment: MIN_HOURLY_COMMITMENT,
    };
    checkLocal(fields);
    checkSubscription(
      await ctx.subscriptions(ref.profileId, ref.customerId),
      fields.subscriptionId,
      customer,
      'AzurePlan',
    );
    return fields;
  };

  const newLine = (fields: LineFields): StoredLine => ({
    lineId: randomUUID(),
    position: 0,
    fields,
    problems: [],
    price: null,
    priceNote: null,
    catalogItemId: null,
  });

  const lineOf = (draft: StoredDraft | undefined, lineId: string): StoredLine => {
    const line = draft?.lines.find((l) => l.lineId === lineId);
    if (!line) throw new DeskFailure('NOT_FOUND', 'That line is no longer in the cart. Refresh the cart.');
    return line;
  };

  return {
    saveLines,
    async addReservation(ref, input) {
      const fields = await reservationFields(ref, ReservationLineSchema.parse(input));
      const draft = activeOrNew(ref);
      return saveLines(draft, [...draft.lines, newLine(fields)]);
    },
    async addSavingsPlan(ref, input) {
      const fields = await savingsPlanFields(ref, SavingsPlanSchema.parse(input));
      const draft = activeOrNew(ref);
      return saveLines(draft, [...draft.lines, newLine(fields)]);
    },
    async updateLine(ref, lineId, changes) {
      const draft = store.activeDraft(ref.profileId, ref.customerId);
      const line = lineOf(draft, lineId);
      const f = line.fields;
      // What both kinds of line have: a change replaces it, anything left out stays as it was.
      const kept = {
        termDuration: changes.termDuration ?? f.termDuration,
        billingPlan: changes.billingPlan ?? f.billingPlan,
        scope: changes.scope ?? f.scope,
        subscriptionId: changes.subscriptionId ?? f.subscriptionId,
        friendlyName: changes.friendlyName ?? f.friendlyName,
      };
      const fields: LineFields =
        f.kind === 'reservation'
          ? await reservationFields(ref, {
              catalogScope: f.catalogScope,
              productId: f.productId,
              skuId: f.skuId,
              ...((changes.availabilityId ?? f.availabilityId)
                ? { availabilityId: (changes.availabilityId ?? f.availabilityId)! }
                : {}),
              ...kept,
              quantity: changes.quantity ?? f.quantity,
            })
          : await savingsPlanFields(ref, {
              ...kept,
              hourlyCommitment: changes.hourlyCommitment ?? f.hourlyCommitment,
            });
      const updated: StoredLine = { ...line, fields, problems: [], price: null, priceNote: null };
      return saveLines(
        draft!,
        draft!.lines.map((l) => (l.lineId === lineId ? updated : l)),
      );
    },
    removeLine(ref, lineId) {
      const draft = store.activeDraft(ref.profileId, ref.customerId);
      lineOf(draft, lineId);
      return saveLines(
        draft!,
        draft!.lines.filter((l) => l.lineId !== lineId),
      );
    },
  };
}
