/**
 * Every handler of the contract, wired to the capabilities that implement them.
 * Both entry points (Electron and the web build) serve exactly this object.
 */
import type { CatalogService } from './catalog/catalog-service';
import type { ConnectService } from './connect/connect-service';
import type { CustomerService } from './customers/customer-service';
import type { Handlers } from './ipc/dispatcher';
import { appInfo, type RuntimeFacts } from './system/app-info';

export interface Services {
  readonly facts: RuntimeFacts;
  readonly connect: ConnectService;
  readonly catalog: CatalogService;
  readonly customers: CustomerService;
}

export function createHandlers(services: Services): Handlers {
  const { connect, catalog, customers } = services;
  return {
    app: {
      info: (_input, context) => appInfo(services.facts, context.transport),
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
    },
    catalog: {
      markets: () => catalog.markets(),
      status: (key) => catalog.status(key),
      open: ({ catalog: key, maxAgeMinutes }) => catalog.open(key, maxAgeMinutes),
      search: (input) => catalog.search(input),
      sync: (key) => catalog.sync(key),
      cancelSync: ({ taskId }) => catalog.cancelSync(taskId),
      availabilities: ({ catalog: key, productId, skuId, refresh }) =>
        catalog.availabilities(key, productId, skuId, refresh),
      checkInventory: (request) => catalog.checkInventory(request),
    },
  };
}
