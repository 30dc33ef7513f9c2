/**
 * Builds every capability from the data folder and the OS keychain. Both entry points call this;
 * only what differs between them (how to open a browser, which keychain service) is passed in.
 */
import { createAuthService } from './auth';
import { createCatalogService } from './catalog/catalog-service';
import { CatalogStore } from './catalog/store';
import { createConnectService } from './connect/connect-service';
import { createEmbeddedSandbox, type EmbeddedSandbox } from './connect/embedded-sandbox';
import { createCustomerService } from './customers/customer-service';
import { openDatabase } from './database';
import { explainError } from './failures';
import { createHandlers } from './handlers';
import { createDispatcher, type Dispatcher, type ErrorSink } from './ipc/dispatcher';
import { createEventHub, type EventHub } from './ipc/event-hub';
import type { SandboxOptions } from './sandbox';
import { createSettingsStore } from './settings';
import type { RuntimeFacts } from './system/app-info';
import type { SecretStore } from './vault/secret-store';

export interface AppOptions {
  readonly facts: RuntimeFacts;
  readonly secrets: SecretStore;
  readonly openBrowser?: (url: string) => Promise<void>;
  /** Overrides for the demo sandbox (tests use a small catalog). */
  readonly sandbox?: SandboxOptions;
  /** Where unexpected errors are logged; stderr by default. */
  readonly onUnexpected?: ErrorSink;
}

export interface AppCore {
  readonly dispatcher: Dispatcher;
  readonly events: EventHub;
  readonly sandbox: EmbeddedSandbox;
  readonly close: () => Promise<void>;
}

export function createAppCore(options: AppOptions): AppCore {
  const events = createEventHub();
  const sandbox = createEmbeddedSandbox(options.facts.dataDir, options.sandbox);
  const settings = createSettingsStore({ cwd: options.facts.dataDir });
  const auth = createAuthService({
    secrets: options.secrets,
    sandboxAuthority: async () => (await sandbox.ensure()).authority,
  });
  const connect = createConnectService({
    settings,
    auth,
    sandbox,
    ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}),
  });
  const db = openDatabase({ dataDir: options.facts.dataDir });
  const catalog = createCatalogService({ store: new CatalogStore(db), events, clientFor: connect.clientFor });
  const customers = createCustomerService(connect.clientFor);
  const handlers = createHandlers({ facts: options.facts, connect, catalog, customers });
  const dispatcher = createDispatcher(handlers, {
    explain: explainError,
    ...(options.onUnexpected ? { onUnexpected: options.onUnexpected } : {}),
  });
  return {
    dispatcher,
    events,
    sandbox,
    close: async () => {
      catalog.stopAll();
      await sandbox.close();
      db.close();
    },
  };
}
