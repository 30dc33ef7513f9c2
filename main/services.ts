/**
 * Builds every capability from the data folder and the OS keychain. Both entry points call this;
 * only what differs between them (how to open a browser, which keychain service) is passed in.
 */
import type { KeychainStatus } from '../preload/contract';
import { createAuthService } from './auth';
import { createBillingCalls } from './billing/billing-calls';
import { createBillingFolders } from './billing/billing-folders';
import { createBillingService } from './billing/billing-service';
import { createStatementViewer } from './billing/statement-viewer';
import { createBuyService } from './buy/buy-service';
import { BuyStore } from './buy/store';
import { cachedSkuFacts } from './catalog/cached-sku';
import { createCatalogService } from './catalog/catalog-service';
import { startCatalogSearchThread } from './catalog/search-thread';
import { startWorkerSkuWriter, type SkuWorkerUrls } from './catalog/sku-writer';
import { CatalogStore } from './catalog/store';
import { createConnectService } from './connect/connect-service';
import { createCloudDirectory, standInFromEnvironment, type CloudStandIn } from './connect/cloud-directory';
import { createEmbeddedSandbox, type EmbeddedSandbox } from './connect/embedded-sandbox';
import { profileEndpoints, requireProfile } from './connect/profile-endpoint';
import { createCurrentCustomerService } from './customers/current-customer-service';
import { createCustomerService } from './customers/customer-service';
import { openDatabase, openDurableConnection } from './database';
import { explainError } from './failures';
import { DeskFailure } from './ipc/failure';
import { createHandlers } from './handlers';
import { createDispatcher, type Dispatcher, type ErrorSink } from './ipc/dispatcher';
import { createEventHub, type EventHub } from './ipc/event-hub';
import { createOrderService } from './orders/orders-service';
import { OrderStore } from './orders/store';
import { createPreferencesService } from './preferences/preferences-service';
import { createClientRegistry } from './partner-center/client-registry';
import { missingServiceNote } from './partner-center/clouds';
import { ReconciliationClient } from './partner-center/reconciliation';
import { createProfileLifecycle, type ProfileOwner } from './profiles/lifecycle';
import { createRegistrationService } from './registration/registration-service';
import { RegistrationStore } from './registration/registration-store';
import { createReservationService } from './reservations/reservations-service';
import { ReservationStore } from './reservations/store';
import type { SandboxOptions } from './sandbox';
import { createSettingsStore, currentCustomerOf, findProfile } from './settings';
import type { RuntimeFacts } from './system/app-info';
import type { DesktopShell } from './system/desktop-shell';
import { DEMO_PROFILE_ID } from './settings';
import { createGuardedSecretStore, type KeychainCheck } from './vault';
import { createTaskEngine } from './tasks';
import type { SecretStore } from './vault/secret-store';

export interface AppOptions {
  readonly facts: RuntimeFacts;
  /** The OS keychain; its `probe`, when it has one, is run once at start. */
  readonly secrets: SecretStore & { probe?: () => Promise<void> };
  readonly openBrowser?: (url: string) => Promise<void>;
  /** Overrides for the demo sandbox (tests use a small catalog). */
  readonly sandbox?: SandboxOptions;
  /** Where unexpected errors are logged; stderr by default. */
  readonly onUnexpected?: ErrorSink;
  /**
   * The catalog's SKU reader and writer thread scripts, for a bundled build (see
   * `electron.vite.config.ts`); the TypeScript sources next to `sku-writer.ts` otherwise.
   */
  readonly skuWorkerUrls?: SkuWorkerUrls;
  /**
   * A sandbox started with `--cloud usgov|china` that profiles of that cloud talk to instead of
   * Microsoft (tests); `RESERVATION_DESK_CLOUD_SANDBOX` by default (see main/connect/cloud-directory.ts).
   */
  readonly cloudStandIn?: CloudStandIn;
  /** The desktop app's native folder dialog and system viewer; the web build has none. */
  readonly desktop?: DesktopShell;
}

export interface AppCore {
  readonly dispatcher: Dispatcher;
  readonly events: EventHub;
  readonly sandbox: EmbeddedSandbox;
  readonly close: () => Promise<void>;
}

function logUnexpected(what: string, error: unknown): void {
  console.error(`[desk] ${what} failed unexpectedly:`, error);
}

/** What the demo can still do without a keychain: said once at start, and in the Connect screen. */
const DEMO_IN_MEMORY =
  'The demo profile works without it: its sign-in is kept in memory until you close the app.';

/** The demo profile's secrets are worthless: without a keychain they may live in memory for one run. */
const isDemoSecret = (key: string): boolean => key.startsWith(`profile:${DEMO_PROFILE_ID}:`);

function keychainStatus(check: KeychainCheck): KeychainStatus {
  return check.available
    ? { available: true }
    : { available: false, message: check.message, demoNote: DEMO_IN_MEMORY };
}

export function createAppCore(options: AppOptions): AppCore {
  const events = createEventHub();
  const tasks = createTaskEngine({
    events,
    explain: (error) => explainError(error, options.facts.dataDir),
    onUnexpected: options.onUnexpected ?? logUnexpected,
  });
  const sandbox = createEmbeddedSandbox(options.facts.dataDir, options.sandbox);
  const settings = createSettingsStore({ cwd: options.facts.dataDir });
  const secrets = createGuardedSecretStore({
    keychain: options.secrets,
    mayLiveInMemory: isDemoSecret,
    onUnavailable: (check) => console.warn(`[desk] ${check.message} ${DEMO_IN_MEMORY}`),
  });
  // Each profile's cloud: its endpoints and optional services (main/partner-center/clouds.ts).
  const standIn = options.cloudStandIn ?? standInFromEnvironment();
  const clouds = createCloudDirectory({ sandbox, ...(standIn ? { standIn } : {}) });
  const cloudOf = (profileId: string) => requireProfile(settings, profileId).cloud;
  const auth = createAuthService({
    secrets,
    sandboxAuthority: async () => (await sandbox.ensure()).authority,
    standInAuthority: async (cloud) => {
      const resolved = await clouds.resolve(cloud);
      return resolved.onSandbox ? resolved.authorityBase : undefined;
    },
  });
  // One Partner Center client per profile, for every capability (see main/partner-center/client-registry.ts).
  const clients = createClientRegistry(profileEndpoints({ settings, auth, clouds }));
  const lifecycle = createProfileLifecycle();
  const connect = createConnectService({
    settings,
    auth,
    sandbox,
    clients,
    lifecycle,
    ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}),
  });
  const db = openDatabase({ dataDir: options.facts.dataDir });
  const catalog = createCatalogService({
    store: new CatalogStore(db),
    tasks,
    clientFor: clients.clientFor,
    startWriter: () =>
      startWorkerSkuWriter({
        file: db.name,
        ...(options.skuWorkerUrls ? { workerUrls: options.skuWorkerUrls } : {}),
      }),
    onWriterFailure: (error) =>
      (options.onUnexpected ?? logUnexpected)(
        'catalog.sync (SKU writer threads; syncing on the main thread instead)',
        error,
      ),
    startSearchThread: () =>
      startCatalogSearchThread({
        file: db.name,
        ...(options.skuWorkerUrls ? { workerUrl: options.skuWorkerUrls.search } : {}),
      }),
    onSearchThreadFailure: (error) =>
      (options.onUnexpected ?? logUnexpected)(
        'catalog.search (search thread; searching on the main thread instead)',
        error,
      ),
  });
  const customers = createCustomerService(clients.clientFor);
  // Enable: subscriptions' reservation registration, cached in SQLite, watched as tasks (main/registration/).
  const registration = createRegistrationService({
    store: new RegistrationStore(db),
    tasks,
    clientFor: clients.clientFor,
  });
  // Track (orders, reservations): App-only profiles get a sentence where Partner Center needs a user.
  const authModeOf = (profileId: string) =>
    connect.listProfiles().profiles.find((profile) => profile.id === profileId)?.authMode;
  const orders = createOrderService({
    store: new OrderStore(db),
    clientFor: clients.clientFor,
    tasks,
    authModeOf,
  });
  const reservations = createReservationService({
    store: new ReservationStore(db),
    clientFor: clients.clientFor,
    tasks,
    authModeOf,
  });
  // Billing (main/billing/): the reconciliation client points at the sandbox for the demo profile;
  // a cloud without Graph reconciliation never asks for it (its line items come from v1).
  const reconciliationFor = async (profileId: string) => {
    const cloud = cloudOf(profileId);
    const urls = (await clouds.resolve(cloud)).graphReconciliation;
    if (!urls) throw new DeskFailure('NOT_FOUND', missingServiceNote(cloud, 'graphReconciliation') ?? '');
    return new ReconciliationClient({
      graphBaseUrl: urls.graphBaseUrl,
      blobBaseUrl: urls.blobBaseUrl,
      getGraphToken: async () =>
        (await auth.getGraphAccessToken(requireProfile(settings, profileId))).accessToken,
    });
  };
  // Statements and CSV exports go to the folders chosen per profile (default: under the data folder).
  const billingFolders = createBillingFolders({
    settings,
    dataDir: options.facts.dataDir,
    desktop: options.desktop,
  });
  const statementFolder = (profileId: string) => billingFolders.folderOf(profileId, 'statements');
  const billingService = createBillingService({
    db,
    clientFor: clients.clientFor,
    reconciliationFor,
    statementFolder,
    exportFolder: (profileId) => billingFolders.folderOf(profileId, 'exports'),
  });
  const billing = createBillingCalls({
    billing: billingService,
    tasks,
    statementFolder,
    graphMissingNote: (profileId) => missingServiceNote(cloudOf(profileId), 'graphReconciliation'),
  });
  const statementViewer = createStatementViewer({
    library: (profileId) => billingService.library(profileId),
    desktop: options.desktop,
  });
  // Buy: cart drafts, review and checkout journal (main/buy/). The journal writes through its own
  // connection with synchronous = FULL (main/database/README.md).
  const journalDb = openDurableConnection(db.name);
  const buy = createBuyService({
    store: new BuyStore(db, journalDb),
    clientFor: clients.clientFor,
    customers,
    rememberedCustomer: (profileId) => currentCustomerOf(settings.read(), profileId),
    authModeOf: (profileId) => findProfile(settings.read(), profileId)?.authMode ?? 'app-only',
    // The price sheet has its own host and token audience (§16), minted from the profile's sign-in.
    priceSheet: async (profileId) => {
      const origin = (await clouds.resolve(cloudOf(profileId))).priceSheetOrigin;
      if (!origin) throw new DeskFailure('NOT_FOUND', 'The price sheet is not offered in this cloud.');
      return {
        origin,
        getAccessToken: async () =>
          (await auth.getPriceSheetAccessToken(requireProfile(settings, profileId))).accessToken,
      };
    },
    priceSheetMissing: (profileId) => missingServiceNote(cloudOf(profileId), 'priceSheet'),
    cachedSku: (...args) => cachedSkuFacts(db, ...args),
    events,
    onEventError: (error) => (options.onUnexpected ?? logUnexpected)('checkout.changed', error),
    onOrdersPlaced: (profileId, customerId, placed) => {
      for (const order of placed) orders.noteJustPlaced(profileId, customerId, order);
    },
  });
  void buy
    .resumeJournal()
    .catch((error: unknown) => (options.onUnexpected ?? logUnexpected)('buy.resumeJournal', error));
  // What each capability keeps for a profile, removed in this order when the profile is (the profile
  // itself, in settings, goes last: see connect.removeProfile). A new capability adds itself here.
  const owners: ReadonlyArray<readonly [name: string, forget: ProfileOwner['forget']]> = [
    ['running tasks', (profileId) => tasks.cancelWhere((task) => task.profileId === profileId)],
    ['catalog rows', (profileId) => catalog.forgetProfile(profileId)],
    ['customers read', (profileId) => customers.forgetProfile(profileId)],
    ['cached orders', (profileId) => orders.removeProfileData(profileId)],
    ['cached reservations and radar progress', (profileId) => reservations.removeProfileData(profileId)],
    [
      'billing caches, exports and statement library',
      (profileId) => billingService.removeProfileData(profileId),
    ],
    ['Partner Center client', (profileId) => clients.forget(profileId)],
    ['keychain entries (app secret, token cache)', (profileId) => auth.forgetProfile(profileId)],
    ['carts and checkout journal', (profileId) => buy.removeProfileData(profileId)],
    ['subscription registrations', (profileId) => registration.forgetProfile(profileId)],
  ];
  for (const [name, forget] of owners) lifecycle.register({ name, forget });
  const handlers = createHandlers({
    facts: options.facts,
    connect,
    catalog,
    customers,
    currentCustomer: createCurrentCustomerService(settings, customers),
    preferences: createPreferencesService(settings),
    keychain: async () => keychainStatus(await secrets.check()),
    buy,
    tasks,
    orders,
    reservations,
    registration,
    billing,
    billingFolders,
    statementViewer,
  });
  const dispatcher = createDispatcher(handlers, {
    explain: (error) => explainError(error, options.facts.dataDir),
    // The operation, status and ids a message leaves out (secrets are already redacted from them).
    onExplained: (channel, error) => console.warn(`[desk] ${channel}: ${String(error)}`),
    ...(options.onUnexpected ? { onUnexpected: options.onUnexpected } : {}),
  });
  return {
    dispatcher,
    events,
    sandbox,
    close: async () => {
      await tasks.close();
      await catalog.close();
      await buy.close();
      await sandbox.close();
      journalDb.close();
      db.close();
    },
  };
}
