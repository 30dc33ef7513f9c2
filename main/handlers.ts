/**
 * Every handler of the contract, wired to the capabilities that implement them.
 * Both entry points (Electron and the web build) serve exactly this object.
 */
import type { BillingCalls } from './billing/billing-calls';
import type { BillingFolderService } from './billing/billing-folders';
import type { StatementViewer } from './billing/statement-viewer';
import type { BuyService } from './buy/buy-service';
import type { CatalogService } from './catalog/catalog-service';
import type { ConnectService } from './connect/connect-service';
import type { CurrentCustomerService } from './customers/current-customer-service';
import type { CustomerService } from './customers/customer-service';
import type { KeychainStatus } from '../preload/contract';
import type { Handlers } from './ipc/dispatcher';
import type { OrderService } from './orders/orders-service';
import { staleAfterMinutes, withAutoRefresh } from './preferences/auto-refresh';
import type { PreferencesService } from './preferences/preferences-service';
import type { ReservationService } from './reservations/reservations-service';
import type { RegistrationService } from './registration/registration-service';
import { appInfo, type RuntimeFacts } from './system/app-info';
import type { TaskEngine } from './tasks';

export interface Services {
  readonly facts: RuntimeFacts;
  readonly connect: ConnectService;
  readonly catalog: CatalogService;
  readonly customers: CustomerService;
  readonly currentCustomer: CurrentCustomerService;
  readonly preferences: PreferencesService;
  /** The keychain check made at start. */
  readonly keychain: () => Promise<KeychainStatus>;
  readonly buy: BuyService;
  readonly registration: RegistrationService;
  readonly tasks: TaskEngine;
  readonly orders: OrderService;
  readonly reservations: ReservationService;
  readonly billing: BillingCalls;
  readonly billingFolders: BillingFolderService;
  readonly statementViewer: StatementViewer;
}

export function createHandlers(services: Services): Handlers {
  const {
    connect,
    catalog,
    customers,
    currentCustomer,
    preferences,
    buy,
    registration,
    tasks,
    orders,
    reservations,
    billing,
    billingFolders,
    statementViewer,
  } = services;
  return {
    app: {
      info: (_input, context) => appInfo(services.facts, context.transport),
    },
    keychain: {
      status: () => services.keychain(),
    },
    profiles: {
      list: () => connect.listProfiles(),
      create: (draft) => connect.createProfile(draft),
      update: ({ profileId, changes }) => connect.updateProfile(profileId, changes),
      remove: async ({ profileId }) => {
        await connect.removeProfile(profileId);
        return { removed: true as const };
      },
      activate: ({ profileId }) => connect.activateProfile(profileId),
      demo: () => connect.demoProfile(),
    },
    auth: {
      status: ({ profileId }) => connect.status(profileId),
      signIn: ({ profileId, method, appSecret }, context) =>
        connect.signIn(
          profileId,
          { ...(method ? { method } : {}), ...(appSecret ? { appSecret } : {}) },
          context.events,
        ),
      cancelSignIn: ({ profileId }) => ({ cancelled: connect.cancelSignIn(profileId) }),
      signOut: ({ profileId, forgetSecret }) => connect.signOut(profileId, forgetSecret ?? false),
      testConnection: ({ profileId }) => connect.testConnection(profileId),
    },
    customers: {
      list: async ({ profileId }) => ({ customers: await customers.list(profileId) }),
      subscriptions: async ({ profileId, customerId }) => ({
        subscriptions: await customers.subscriptions(profileId, customerId),
      }),
      current: ({ profileId }) => ({ customer: currentCustomer.current(profileId) }),
      choose: async ({ profileId, customerId }) => ({
        customer: await currentCustomer.choose(profileId, customerId),
      }),
    },
    tasks: {
      list: () => ({ tasks: tasks.list() }),
      cancel: ({ taskId }) => ({ cancelled: tasks.cancel(taskId) }),
    },
    registration: {
      status: ({ profileId, customerId, source }) => registration.status(profileId, customerId, source),
      register: ({ profileId, customerId, subscriptionId }) =>
        registration.register(profileId, customerId, subscriptionId),
    },
    preferences: {
      get: () => preferences.get(),
      update: (patch) => preferences.update(patch),
    },
    catalog: {
      markets: () => catalog.markets(),
      status: (key) => {
        const maxAge = preferences.catalogMaxAgeMinutes();
        return withAutoRefresh(catalog.status(key, staleAfterMinutes(maxAge)), maxAge);
      },
      probe: async (key) => {
        const maxAge = preferences.catalogMaxAgeMinutes();
        return withAutoRefresh(await catalog.probe(key, staleAfterMinutes(maxAge)), maxAge);
      },
      // The caller's age wins (tests, benchmarks); the user's preference applies otherwise.
      open: async ({ catalog: key, maxAgeMinutes }) => {
        const maxAge = maxAgeMinutes ?? preferences.catalogMaxAgeMinutes();
        return withAutoRefresh(await catalog.open(key, staleAfterMinutes(maxAge)), maxAge);
      },
      search: (input) => catalog.search(input),
      sync: (key) => catalog.sync(key),
      availabilities: ({ catalog: key, productId, skuId, refresh }) =>
        catalog.availabilities(key, productId, skuId, refresh),
      checkInventory: (request) => catalog.checkInventory(request),
    },
    // Buy (cart drafts, review, checkout exactly once): main/buy/.
    cart: {
      get: (ref) => buy.cart(ref),
      addReservation: ({ line, ...ref }) => buy.addReservation(ref, line),
      addSavingsPlan: ({ line, ...ref }) => buy.addSavingsPlan(ref, line),
      updateLine: ({ lineId, changes, ...ref }) => buy.updateLine(ref, lineId, changes),
      removeLine: ({ lineId, ...ref }) => buy.removeLine(ref, lineId),
      review: (ref) => buy.review(ref),
    },
    checkout: {
      confirm: ({ reviewId, confirmDuplicates, ...ref }) => buy.confirm(ref, reviewId, { confirmDuplicates }),
      status: ({ profileId, checkoutId }) => buy.checkoutStatus(profileId, checkoutId),
      inDoubt: async ({ profileId }) => ({ checkouts: await buy.inDoubt(profileId) }),
      resolve: ({ profileId, checkoutId }) => buy.resolve(profileId, checkoutId),
      recent: async (ref) => ({ checkouts: await buy.recent(ref) }),
    },
    orders: {
      list: (input) => orders.list(input),
      detail: (input) => orders.detail(input),
      watch: (input) => orders.watch(input),
    },
    reservations: {
      ofCustomer: (input) => reservations.ofCustomer(input),
      radar: (input) => reservations.radar(input),
      count: ({ profileId, timeZone }) => reservations.count(profileId, timeZone),
      refresh: ({ profileId }) => reservations.refresh(profileId),
    },
    // Billing (balance, invoices, line-item exports, statements): main/billing/.
    billing: {
      overview: ({ profileId, refresh }) => billing.overview(profileId, refresh ?? false),
      invoices: ({ profileId, refresh, ...filter }) => billing.invoices(profileId, filter, refresh ?? false),
      exportLineItems: ({ profileId, subject }) => billing.exportLineItems(profileId, subject),
      lineItems: ({ profileId, subject, ...filter }) => billing.lineItems(profileId, subject, filter),
      downloadStatement: ({ profileId, invoiceId }) => billing.downloadStatement(profileId, invoiceId),
      downloadStatements: ({ profileId, ...filter }) => billing.downloadStatements(profileId, filter),
      library: ({ profileId }) => billing.library(profileId),
      folders: ({ profileId }) => billingFolders.view(profileId),
      setFolder: ({ profileId, kind, folder }) => billingFolders.set(profileId, kind, folder),
      chooseFolder: ({ profileId, kind }) => billingFolders.choose(profileId, kind),
      openStatement: ({ profileId, invoiceId }) => statementViewer.open(profileId, invoiceId),
      statementChunk: ({ profileId, invoiceId, offset }) =>
        statementViewer.chunk(profileId, invoiceId, offset),
    },
  };
}
