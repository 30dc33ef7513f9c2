/**
 * The Partner Center client of each profile, made once and shared by every capability (catalog,
 * customers, connect, cart, orders, billing), so that all of a tenant's traffic goes through one
 * client and its tenant's one request budget (`budgetForTenant`).
 */
import { budgetForTenant, type RequestBudget } from './budget';
import { PartnerCenterClient } from './index';

/** Where and as whom a profile talks to Partner Center. */
export interface ClientEndpoint {
  readonly tenantId: string;
  readonly baseUrl: string;
  readonly locale: string;
  /** Changes whenever the profile does (e.g. its `updatedAt`): the next `clientFor` makes a new client. */
  readonly version: string;
}

export interface ClientRegistryOptions {
  /** The profile's endpoint; throws (NOT_FOUND) for a profile that does not exist. */
  readonly endpointFor: (profileId: string) => Promise<ClientEndpoint>;
  /** A Partner Center access token for the profile, asked for on every request. */
  readonly getAccessToken: (profileId: string) => Promise<string>;
  /** The application name sent with every request. */
  readonly appName: string;
  /** The tenant's shared budget; `budgetForTenant` by default (tests pass their own). */
  readonly budgetFor?: (tenantId: string) => RequestBudget;
}

export interface ClientRegistry {
  /** The profile's client, made on first use and again after the profile changed. */
  readonly clientFor: (profileId: string) => Promise<PartnerCenterClient>;
  /** Drops the profile's client (signed out, removed): the next `clientFor` makes a new one. */
  readonly forget: (profileId: string) => void;
}

export function createClientRegistry(options: ClientRegistryOptions): ClientRegistry {
  const budgetFor = options.budgetFor ?? ((tenantId: string) => budgetForTenant(tenantId));
  const clients = new Map<string, { readonly version: string; readonly client: PartnerCenterClient }>();
  return {
    async clientFor(profileId) {
      const endpoint = await options.endpointFor(profileId);
      const version = `${endpoint.version}|${endpoint.baseUrl}`;
      const cached = clients.get(profileId);
      if (cached?.version === version) return cached.client;
      const client = new PartnerCenterClient({
        baseUrl: endpoint.baseUrl,
        locale: endpoint.locale,
        appName: options.appName,
        budget: budgetFor(endpoint.tenantId),
        getAccessToken: () => options.getAccessToken(profileId),
      });
      clients.set(profileId, { version, client });
      return client;
    },
    forget(profileId) {
      clients.delete(profileId);
    },
  };
}
