/**
 * Microsoft's clouds that run Partner Center, in one table: where each signs in, where its Partner
 * Center API lives, and which optional services it has (`partner-center-api.md` §1.1, §2.2, §14.2,
 * §16). Everything that depends on a profile's cloud reads it from here; the sandbox reads the same
 * table when it pretends to be a cloud (`npm run sandbox -- --cloud usgov`).
 */
import { CLOUD_LABELS, type Cloud, type PartnerCloud } from '../../preload/contract';

/** Where one cloud's reconciliation v2 export lives (§14.2), when the cloud has it. */
export interface GraphReconciliationEndpoints {
  readonly graphBaseUrl: string;
  /** The only blob origin (and path prefix) export files are read from (§14.5). */
  readonly blobBaseUrl: string;
}

/** One cloud's row of the table. */
export interface CloudEndpoints {
  readonly cloud: PartnerCloud;
  /** What people call it ("US Government"). */
  readonly label: string;
  /** Microsoft Entra ID's sign-in host of the cloud. */
  readonly authorityHost: string;
  /** Partner Center API base (the API is under `/v1`). */
  readonly partnerCenterApi: string;
  /** Audience of Partner Center tokens in this cloud (China's API is its own resource, §2.2). */
  readonly partnerCenterResource: string;
  /** Optional services: `null` where the cloud does not offer them. */
  readonly services: {
    /** Microsoft Graph reconciliation v2: global only (§14.2). */
    readonly graphReconciliation: GraphReconciliationEndpoints | null;
    /** The partner price sheet's origin (§16); only the global host is documented. */
    readonly priceSheet: string | null;
  };
}

/** The optional services a cloud may lack. */
export type CloudService = keyof CloudEndpoints['services'];

const GLOBAL_PARTNER_CENTER = 'https://api.partnercenter.microsoft.com';

/** The table. US Government uses the global Partner Center URL with its own authority (§1.1). */
export const CLOUDS: Readonly<Record<PartnerCloud, CloudEndpoints>> = {
  global: {
    cloud: 'global',
    label: CLOUD_LABELS.global,
    authorityHost: 'login.microsoftonline.com',
    partnerCenterApi: GLOBAL_PARTNER_CENTER,
    partnerCenterResource: GLOBAL_PARTNER_CENTER,
    services: {
      graphReconciliation: {
        graphBaseUrl: 'https://graph.microsoft.com/v1.0',
        blobBaseUrl: 'https://*.blob.core.windows.net',
      },
      priceSheet: 'https://api.partner.microsoft.com',
    },
  },
  usgov: {
    cloud: 'usgov',
    label: CLOUD_LABELS.usgov,
    authorityHost: 'login.microsoftonline.us',
    partnerCenterApi: GLOBAL_PARTNER_CENTER,
    partnerCenterResource: GLOBAL_PARTNER_CENTER,
    services: { graphReconciliation: null, priceSheet: null },
  },
  china: {
    cloud: 'china',
    label: CLOUD_LABELS.china,
    authorityHost: 'login.chinacloudapi.cn',
    partnerCenterApi: 'https://partner.partnercenterapi.microsoftonline.cn',
    partnerCenterResource: 'https://partner.partnercenterapi.microsoftonline.cn',
    services: { graphReconciliation: null, priceSheet: null },
  },
};

/** Whether a profile's cloud is one of Microsoft's (not the built-in sandbox). */
export function isPartnerCloud(cloud: string): cloud is PartnerCloud {
  return Object.hasOwn(CLOUDS, cloud);
}

/** The table row of a cloud; the demo sandbox behaves like the global cloud. */
export function cloudEndpoints(cloud: Cloud): CloudEndpoints {
  return CLOUDS[cloud === 'sandbox' ? 'global' : cloud];
}

/** The Entra ID authority of a tenant in a cloud, e.g. `https://login.microsoftonline.us/{tenant}`. */
export function authorityUrl(cloud: PartnerCloud, tenantId: string): string {
  return `https://${CLOUDS[cloud].authorityHost}/${tenantId}`;
}

/** The scopes of a Partner Center token in a cloud: App-only (`.default`) or delegated. */
export function partnerCenterScopes(cloud: Cloud, mode: 'app-only' | 'app-user'): string[] {
  const resource = cloudEndpoints(cloud).partnerCenterResource;
  return mode === 'app-only'
    ? [`${resource}/.default`]
    : [`${resource}/user_impersonation`, 'offline_access'];
}

/** What the app does instead when a cloud lacks a service, in words a person can act on. */
const INSTEAD: Readonly<Record<CloudService, { readonly name: string; readonly instead: string }>> = {
  graphReconciliation: {
    name: 'Microsoft Graph reconciliation',
    instead: "so line items come from Partner Center's invoice line items (v1), page by page",
  },
  priceSheet: {
    name: "Partner Center's price sheet",
    instead: 'so the review shows no partner prices: the price of each order is shown once it is placed',
  },
};

/**
 * Why a service is missing in a cloud and what the app uses instead, e.g. "Microsoft Graph
 * reconciliation is not offered in the US Government cloud, so line items come from …"; `null`
 * when the cloud has the service.
 */
export function missingServiceNote(cloud: Cloud, service: CloudService): string | null {
  const row = cloudEndpoints(cloud);
  if (row.services[service] !== null) return null;
  const { name, instead } = INSTEAD[service];
  return `${name} is not offered in the ${row.label} cloud, ${instead}.`;
}
