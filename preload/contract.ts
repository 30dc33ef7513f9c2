/**
 * The bridge contract: every renderer→main call and every main→renderer event, declared once.
 *
 * Both sides are typed from these declarations: the renderer's `window.desk` (see `desk-api.ts`) and
 * main's handlers (see `main/ipc/dispatcher.ts`). Main validates every input against its schema before
 * a handler runs, and every failure travels back as data with a stable code.
 *
 * This file is imported by the renderer, the preload scripts and main, so it may depend on zod only.
 */
import { z } from 'zod';
import { AppInfo, KeychainStatus } from './schemas/app';
import {
  AuthStatus,
  ConnectionCheck,
  ProfileDraft,
  ProfileId,
  ProfileList,
  ProfileView,
  SignInMethod,
  SignInOutcome,
} from './schemas/connect';

import {
  AvailabilitiesInput,
  AvailabilitiesResult,
  CatalogKey,
  CatalogSearchInput,
  CatalogSearchResult,
  CatalogStatus,
  CustomerSummary,
  InventoryCheckInput,
  InventoryCheckResult,
  Market,
  SubscriptionSummary,
} from './schemas/catalog';
import {
  CartLineChanges,
  CartRef,
  CartReview,
  CartView,
  CheckoutConfirmInput,
  CheckoutRecord,
  CheckoutRef,
  ReservationLineInput,
  SavingsPlanLineInput,
} from './schemas/buy';
import {
  BillingFolders,
  BillingOverview,
  BulkStatementsInput,
  ChooseBillingFolderInput,
  SetBillingFolderInput,
  StatementChunk,
  StatementChunkInput,
  StatementOpened,
  InvoiceList,
  InvoiceListInput,
  LineItemExportInput,
  LineItemPage,
  LineItemQuery,
  StatementInput,
  StatementLibrary,
} from './schemas/billing';
import { CurrentCustomerAnswer } from './schemas/customers';
import type { DeskError } from './schemas/errors';
import { Preferences, PreferencesPatch } from './schemas/preferences';
import { RegisterInput, RegistrationList, RegistrationStatusInput } from './schemas/registration';
import {
  CustomerReservationsAnswer,
  CustomerReservationsInput,
  OrderDetailAnswer,
  OrderInput,
  OrdersAnswer,
  OrdersInput,
  RadarAnswer,
  RadarCount,
  RadarInput,
  TrackTaskStarted,
} from './schemas/track';
import { TaskFinished, TaskProgress, TaskStarted } from './schemas/tasks';

export * from './schemas/app';
export * from './schemas/billing';
export * from './schemas/buy';
export * from './schemas/catalog';
export * from './schemas/connect';
export * from './schemas/customers';
export * from './schemas/errors';
export * from './schemas/preferences';
export * from './schemas/registration';
export * from './schemas/track';
export * from './schemas/tasks';

/** What every call resolves to: it never rejects. */
export type DeskResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DeskError };

/** A renderer→main call: what it accepts, what it returns, and one line on what it is for. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly summary: string;
}

function call<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
): CallSpec<I, O> {
  return { input, output, summary };
}

/** For calls that take nothing: `undefined` or an empty object, and nothing else. */
const NoInput = z.strictObject({}).optional();

/** Every renderer→main call, grouped by capability. The channel name is `namespace.method`. */
export const calls = {
  app: {
    info: call(NoInput, AppInfo, 'Facts about the running app: version, transport, data folder.'),
  },
  keychain: {
    status: call(
      NoInput,
      KeychainStatus,
      'Whether the OS keychain can hold secrets (checked at start), and what to do when it cannot.',
    ),
  },
  profiles: {
    list: call(NoInput, ProfileList, 'Every partner profile (never a secret), and the active one.'),
    create: call(
      ProfileDraft,
      ProfileView,
      'Adds a profile; its app secret, if any, goes to the OS keychain.',
    ),
    update: call(
      z.strictObject({ profileId: ProfileId.shape.profileId, changes: ProfileDraft.partial() }),
      ProfileView,
      'Edits a profile; a new app secret replaces the one in the keychain.',
    ),
    remove: call(
      ProfileId,
      z.object({ removed: z.literal(true) }),
      'Deletes a profile and its keychain entries.',
    ),
    activate: call(ProfileId, ProfileList, 'Makes a profile the one the app works with.'),
    demo: call(
      NoInput,
      ProfileView,
      'The built-in demo profile, backed by the embedded sandbox (created on first use).',
    ),
  },
  auth: {
    status: call(ProfileId, AuthStatus, 'Whether a profile is signed in (keychain only, no network).'),
    signIn: call(
      z.strictObject({
        profileId: ProfileId.shape.profileId,
        method: SignInMethod.optional(),
        appSecret: z.string().min(1).max(2048).optional(),
      }),
      SignInOutcome,
      'Signs a profile in; device-code sign-ins announce their code with the auth.deviceCode event.',
    ),
    cancelSignIn: call(
      ProfileId,
      z.object({ cancelled: z.boolean() }),
      'Stops a sign-in that is waiting for the user.',
    ),
    signOut: call(
      z.strictObject({ profileId: ProfileId.shape.profileId, forgetSecret: z.boolean().optional() }),
      AuthStatus,
      'Signs out: clears the token cache, and the app secret when asked.',
    ),
    testConnection: call(
      ProfileId,
      ConnectionCheck,
      'Calls Partner Center once: who you are, and the round trip.',
    ),
  },
  customers: {
    list: call(
      ProfileId,
      z.object({ customers: z.array(CustomerSummary).readonly() }),
      'The partner’s customers, with their billing countries.',
    ),
    subscriptions: call(
      z.strictObject({ profileId: ProfileId.shape.profileId, customerId: z.string().min(1).max(64) }),
      z.object({ subscriptions: z.array(SubscriptionSummary).readonly() }),
      'A customer’s subscriptions, marked with the reservation scope they can buy for.',
    ),
    current: call(
      ProfileId,
      CurrentCustomerAnswer,
      'The customer a profile works for now (remembered in settings, no network), or null.',
    ),
    choose: call(
      z.strictObject({
        profileId: ProfileId.shape.profileId,
        customerId: z.string().trim().min(1, 'must not be empty').max(64, 'is too long').nullable(),
      }),
      CurrentCustomerAnswer,
      'Makes a customer the current one (its billing country read from Partner Center), or clears it with null.',
    ),
  },
  registration: {
    status: call(
      RegistrationStatusInput,
      RegistrationList,
      'A customer’s subscriptions and whether each is registered for reservations (cached, with its age, offline).',
    ),
    register: call(
      RegisterInput,
      TaskStarted,
      'Registers a subscription for reservations and watches it until Registered, as a task.',
    ),
  },
  preferences: {
    get: call(NoInput, Preferences, 'The app’s preferences, e.g. how old the catalog may get.'),
    update: call(
      PreferencesPatch,
      Preferences,
      'Changes some preferences; the answer is all of them, as saved.',
    ),
  },
  tasks: {
    list: call(
      NoInput,
      z.object({ tasks: z.array(TaskProgress).readonly() }),
      'The long jobs running now (syncs, checkouts, exports), with their progress.',
    ),
    cancel: call(
      z.strictObject({ taskId: z.string().min(1).max(100) }),
      z.object({ cancelled: z.boolean() }),
      'Asks a running task to stop; it ends with task.finished (cancelled). False when it is not running.',
    ),
  },
  catalog: {
    markets: call(
      NoInput,
      z.object({ markets: z.array(Market).readonly() }),
      'Every market, and whether reservations are sold there.',
    ),
    status: call(CatalogKey, CatalogStatus, 'How old the cached catalog is, and whether it is refreshing.'),
    probe: call(
      CatalogKey,
      CatalogStatus,
      'For a catalog marked offline: asks Partner Center once whether it can be reached again (any answer counts) and clears the mark when it can. The status after.',
    ),
    open: call(
      z.strictObject({ catalog: CatalogKey, maxAgeMinutes: z.number().int().min(0).max(100_000).optional() }),
      CatalogStatus,
      'The cached catalog’s status, refreshing it in the background when it is older than maxAgeMinutes (default: the preference).',
    ),
    search: call(
      CatalogSearchInput,
      CatalogSearchResult,
      'Searches the cached catalog: filters, text, sort, page.',
    ),
    sync: call(
      CatalogKey,
      TaskStarted,
      'Refreshes a catalog in the background, as a task (task.progress, then task.finished).',
    ),
    availabilities: call(
      AvailabilitiesInput,
      AvailabilitiesResult,
      'A SKU’s availabilities (terms, catalog item IDs).',
    ),
    checkInventory: call(
      InventoryCheckInput,
      InventoryCheckResult,
      'Whether a SKU can be bought in a region for a subscription.',
    ),
  },
  cart: {
    get: call(CartRef, CartView, 'The customer’s cart draft (kept locally, also offline); empty when none.'),
    addReservation: call(
      z.strictObject({ ...CartRef.shape, line: ReservationLineInput }),
      CartView,
      'Adds a reservation SKU to the draft; quantity, name and subscription are checked with a message that says what to do.',
    ),
    addSavingsPlan: call(
      z.strictObject({ ...CartRef.shape, line: SavingsPlanLineInput }),
      CartView,
      'Adds a savings plan (hourly commitment, term, scope) to the draft.',
    ),
    updateLine: call(
      z.strictObject({ ...CartRef.shape, lineId: z.string().min(1).max(64), changes: CartLineChanges }),
      CartView,
      'Changes one line of the draft; a rejected change leaves the line as it was.',
    ),
    removeLine: call(
      z.strictObject({ ...CartRef.shape, lineId: z.string().min(1).max(64) }),
      CartView,
      'Removes one line from the draft.',
    ),
    review: call(
      CartRef,
      CartReview,
      'Sends the draft to Partner Center (fresh catalog item IDs), and returns each line’s price and problems, the total and a review id.',
    ),
  },
  checkout: {
    confirm: call(
      CheckoutConfirmInput,
      CheckoutRecord,
      'Buys a reviewed cart exactly once; a repeat with the same review id returns the same checkout.',
    ),
    status: call(CheckoutRef, CheckoutRecord, 'One checkout as its journal records it.'),
    inDoubt: call(
      z.strictObject({ profileId: CartRef.shape.profileId }),
      z.object({ checkouts: z.array(CheckoutRecord).readonly() }),
      'Checkouts running or whose answer was lost, to show prominently until resolved.',
    ),
    resolve: call(
      CheckoutRef,
      CheckoutRecord,
      'Asks Partner Center what became of a checkout in doubt (same request id, the cart, the orders); never buys again.',
    ),
    recent: call(
      CartRef,
      z.object({ checkouts: z.array(CheckoutRecord).readonly() }),
      'The customer’s checkouts of the last 30 days, newest first.',
    ),
  },
  orders: {
    list: call(
      OrdersInput,
      OrdersAnswer,
      'A customer’s orders (all or one-time), cached per profile; offline, the cache with its age.',
    ),
    detail: call(
      OrderInput,
      OrderDetailAnswer,
      'One order with its provisioning status per line (App+User only; App-only gets a sentence instead).',
    ),
    watch: call(
      OrderInput,
      TrackTaskStarted,
      'Watches a pending order until it completes, as a task (task.progress, task.finished; tasks.cancel stops it).',
    ),
  },
  reservations: {
    ofCustomer: call(
      CustomerReservationsInput,
      CustomerReservationsAnswer,
      'A customer’s reservations with the details behind each entitlement, cached per profile.',
    ),
    radar: call(
      RadarInput,
      RadarAnswer,
      'The expiry radar across every customer, from the cache: filtered, bucketed, sorted by date.',
    ),
    count: call(
      z.strictObject({
        profileId: z.string().min(1).max(100),
        timeZone: z.string().min(1).max(64).optional(),
      }),
      RadarCount,
      'How many cached reservations expire within 90 days, and how many have expired.',
    ),
    refresh: call(
      z.strictObject({ profileId: z.string().min(1).max(100) }),
      TrackTaskStarted,
      'Reads every customer’s reservations as one task (tasks.cancel stops it); the next refresh resumes where it stopped.',
    ),
  },
  billing: {
    overview: call(
      z.strictObject({ profileId: z.string().min(1).max(64), refresh: z.boolean().optional() }),
      BillingOverview,
      'The balance in the default currency and the per-currency summaries, cached per profile with their age.',
    ),
    invoices: call(
      InvoiceListInput,
      InvoiceList,
      'A page of invoices with their amendments (filter by period, type, currency; search by number), cached with its age.',
    ),
    exportLineItems: call(
      LineItemExportInput,
      TrackTaskStarted,
      'Reads an invoice’s line items from the right source into the app and a CSV file, as a task (tasks.cancel stops it; it resumes).',
    ),
    lineItems: call(
      LineItemQuery,
      LineItemPage,
      'The exported line items of an invoice, filtered, with totals per customer and currency.',
    ),
    downloadStatement: call(
      StatementInput,
      TrackTaskStarted,
      'Downloads an invoice’s statement PDF to the statements folder, as a task.',
    ),
    downloadStatements: call(
      BulkStatementsInput,
      TrackTaskStarted,
      'Downloads every statement of a period or a currency, as one task; statements already saved are skipped.',
    ),
    library: call(
      z.strictObject({ profileId: z.string().min(1).max(64) }),
      StatementLibrary,
      'Every statement downloaded, with its file shown as missing when it was moved or deleted (offline).',
    ),
    folders: call(
      z.strictObject({ profileId: z.string().min(1).max(64) }),
      BillingFolders,
      'Where the profile’s statements and CSV exports go, and whether a native folder dialog can choose them.',
    ),
    setFolder: call(
      SetBillingFolderInput,
      BillingFolders,
      'Sets a typed folder for statements or exports (checked: exists or can be created, writable); null restores the default.',
    ),
    chooseFolder: call(
      ChooseBillingFolderInput,
      BillingFolders,
      'Chooses the folder with the native dialog (desktop app); a cancelled dialog changes nothing.',
    ),
    openStatement: call(
      StatementInput,
      StatementOpened,
      'Opens a saved statement offline: in the system viewer (desktop app), or says to show it in the page.',
    ),
    statementChunk: call(
      StatementChunkInput,
      StatementChunk,
      'A slice (at most 512 KiB, base64) of a saved statement file, for the in-page viewer.',
    ),
  },
} as const;

/** Every main→renderer event and its payload. */
export const events = {
  /** A running task moved on (at most about ten a second per task; the last one always arrives). */
  'task.progress': TaskProgress,
  /** A task ended: completed (with its summary), cancelled, offline or failed (with the DeskError). */
  'task.finished': TaskFinished,
  /** A device-code sign-in is waiting: show the code and the address to enter it at. */
  'auth.deviceCode': z.object({
    profileId: z.string(),
    userCode: z.string(),
    verificationUri: z.string(),
    message: z.string(),
    expiresAt: z.string(),
  }),
  /** A checkout changed state (sent, in doubt, resolved): refresh the cart and the in-doubt banner. */
  'checkout.changed': CheckoutRecord,
} as const;

export type Calls = typeof calls;
export type Namespace = keyof Calls;
export type Method<N extends Namespace> = keyof Calls[N] & string;
export type Spec<N extends Namespace, M extends Method<N>> = Calls[N][M] extends CallSpec
  ? Calls[N][M]
  : never;
/** What the caller passes (before defaults and coercion). */
export type CallInput<N extends Namespace, M extends Method<N>> = z.input<Spec<N, M>['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<N extends Namespace, M extends Method<N>> = z.output<Spec<N, M>['input']>;
export type CallOutput<N extends Namespace, M extends Method<N>> = z.output<Spec<N, M>['output']>;

export type ChannelName = {
  [N in Namespace]: `${N}.${Method<N>}`;
}[Namespace];

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** Every channel in the contract, e.g. `app.info`. */
export function channelNames(): ChannelName[] {
  return Object.entries(calls).flatMap(([namespace, methods]) =>
    Object.keys(methods).map((method) => `${namespace}.${method}` as ChannelName),
  );
}

/** The spec for a channel name, or undefined when the contract has no such channel. */
export function findCall(channel: string): CallSpec | undefined {
  const dot = channel.indexOf('.');
  if (dot <= 0) return undefined;
  const namespace = channel.slice(0, dot);
  const method = channel.slice(dot + 1);
  if (!Object.hasOwn(calls, namespace)) return undefined;
  const methods: Record<string, CallSpec> = calls[namespace as Namespace];
  return Object.hasOwn(methods, method) ? methods[method] : undefined;
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
