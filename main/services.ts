/**
 * Builds every capability from the data folder and the OS keychain. Both entry points call this;
 * only what differs between them (how to open a browser, which keychain service) is passed in.
 */
import { createAuthService } from './auth';
import { createBuyService } from './buy/buy-service';
import { cachedSkuFacts } from './buy/sku-facts';
import { BuyStore } from './buy/store';
import { createCatalogService } from './catalog/catalog-service';
import { startWorkerSkuWriter, type SkuWorkerUrls } from './catalog/sku-writer';
import { CatalogStore } from './catalog/store';
import { createConnectService } from './connect/connect-service';
import { createEmbeddedSandbox, type EmbeddedSandbox } from './connect/embedded-sandbox';
import { profileEndpoints } from './connect/profile-endpoint';
import { createCurrentCustomerService } from './customers/current-customer-service';
import { createCustomerService } from './customers/customer-service';
import { openDatabase, openDurableConnection } from './database';
import { explainError } from './failures';
import { createHandlers } from './handlers';
import { createDispatcher, type Dispatcher, type ErrorSink } from './ipc/dispatcher';
import { createEventHub, type EventHub } from './ipc/event-hub';
import { createPreferencesService } from './preferences/preferences-service';
import { createClientRegistry } from './partner-center/client-registry';
import { createProfileLifecycle } from './profiles/lifecycle';
import { createRegistrationService } from './registration/registration-service';
import { RegistrationStore } from './registration/registration-store';
import type { SandboxOptions } from './sandbox';
import { createSettingsStore, currentCustomerOf, findProfile } from './settings';
import type { RuntimeFacts } from './system/app-info';
import { createTaskEngine } from './tasks';
import type { SecretStore } from './vault/secret-store';

export interface AppOptions {
  readonly facts: RuntimeFacts;
  readonly secrets: SecretStore;
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
}

export interface AppCore {
  readonly dispatcher: Dispatcher;
  readonly events: EventHub;
  readonly sandbox: EmbeddedSandbox;
  readonly close: () => Promise<void>;
}

/** The partner price sheet's host (§16), apart from the Partner Center API's. */
const PRICE_SHEET_ORIGIN = 'https://api.partner.microsoft.com';

function logUnexpected(what: string, error: unknown): void {
  console.error(`[desk] ${what} failed unexpectedly:`, error);
}

export function createAppCore(options: AppOptions): AppCore {
  const events = createEventHub();
  const tasks = createTaskEngine({
    events,
    explain: explainError,
    onUnexpected: options.onUnexpected ?? logUnexpected,
  });
  const sandbox = createEmbeddedSandbox(options.facts.dataDir, options.sandbox);
  const settings = createSettingsStore({ cwd: options.facts.dataDir });
  const auth = createAuthService({
    secrets: options.secrets,
    sandboxAuthority: async () => (await sandbox.ensure()).authority,
  });
  // One Partner Center client per profile, for every capability (see main/partner-center/client-registry.ts).
  const clients = createClientRegistry(profileEndpoints({ settings, auth, sandbox }));
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
  });
  const customers = createCustomerService(clients.clientFor);
  // Buy: cart drafts, review and checkout journal (main/buy/). The journal writes through its own
  // connection with synchronous = FULL (main/database/README.md).
  const journalDb = openDurableConnection(db.name);
  const buy = createBuyService({
    store: new BuyStore(db, journalDb),
    clientFor: clients.clientFor,
    customers,
    rememberedCustomer: (profileId) => currentCustomerOf(settings.read(), profileId),
    authModeOf: (profileId) => findProfile(settings.read(), profileId)?.authMode ?? 'app-only',
    priceSheetOrigin: async (profileId) =>
      findProfile(settings.read(), profileId)?.cloud === 'sandbox'
        ? (await sandbox.ensure()).baseUrl
        : PRICE_SHEET_ORIGIN,
    cachedSku: (...args) => cachedSkuFacts(db, ...args),
    events,
    onEventError: (error) => (options.onUnexpected ?? logUnexpected)('checkout.changed', error),
  });
  void buy
    .resumeJournal()
    .catch((error: unknown) => (options.onUnexpected ?? logUnexpected)('buy.resumeJournal', error));
  // Enable: subscriptions' reservation registration, cached in SQLite, watched as tasks (main/registration/).
  const registration = createRegistrationService({
    store: new RegistrationStore(db),
    tasks,
    clientFor: clients.clientFor,
  });
  // What each capability keeps for a profile, removed in this order when the profile is (the profile
  // itself, in settings, goes last: see connect.removeProfile). A new capability registers here.
  lifecycle.register({
    name: 'running tasks',
    forget: (profileId) => tasks.cancelWhere((task) => task.profileId === profileId),
  });
  lifecycle.register({ name: 'catalog rows', forget: (profileId) => catalog.forgetProfile(profileId) });
  lifecycle.register({ name: 'customers read', forget: (profileId) => customers.forgetProfile(profileId) });
  lifecycle.register({ name: 'Partner Center client', forget: (profileId) => clients.forget(profileId) });
  lifecycle.register({
    name: 'keychain entries (app secret, token cache)',
    forget: (profileId) => auth.forgetProfile(profileId),
  });
  lifecycle.register({
    name: 'subscription registrations',
    forget: (profileId) => registration.forgetProfile(profileId),
  });
  const handlers = createHandlers({
    facts: options.facts,
    connect,
    catalog,
    customers,
    currentCustomer: createCurrentCustomerService(settings, customers),
    preferences: createPreferencesService(settings),
    buy,
    registration,
    tasks,
  });
  const dispatcher = createDispatcher(handlers, {
    explain: explainError,
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
