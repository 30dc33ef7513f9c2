/**
 * Where a profile's cloud actually is: Microsoft's endpoints from the cloud table
 * (main/partner-center/clouds.ts), the embedded sandbox for the demo profile, or a sandbox standing in
 * for a sovereign cloud (`npm run sandbox -- --cloud usgov`), so a US Government profile can be tried
 * and tested for real without Microsoft's hosts.
 *
 * `RESERVATION_DESK_CLOUD_SANDBOX` may hold the ready line of such a sandbox: profiles of its cloud
 * then talk to it (like `RESERVATION_DESK_DEMO_SANDBOX` does for the demo profile).
 */
import { Cloud, type PartnerCloud } from '../../preload/contract';
import { cloudEndpoints, isPartnerCloud, type GraphReconciliationEndpoints } from '../partner-center/clouds';
import { ReadyLine, type EmbeddedSandbox, type SandboxEndpoint } from './embedded-sandbox';

/** A sandbox that pretends to be one of Microsoft's clouds. */
export interface CloudStandIn {
  readonly cloud: PartnerCloud;
  readonly endpoint: SandboxEndpoint;
}

/** The concrete endpoints of a profile's cloud. */
export interface ResolvedCloud {
  /** Entra ID authority without the tenant: `https://login.microsoftonline.us`, or a sandbox's path. */
  readonly authorityBase: string;
  /** Whether sign-in goes to a sandbox (discovered from it, with MSAL kept offline). */
  readonly onSandbox: boolean;
  readonly apiBaseUrl: string;
  /** `null` where the cloud has no reconciliation v2 (§14.2). */
  readonly graphReconciliation: GraphReconciliationEndpoints | null;
  /** `null` where the cloud has no price sheet (§16). */
  readonly priceSheetOrigin: string | null;
}

/** Resolves a cloud to its endpoints. */
export interface CloudDirectory {
  resolve(cloud: Cloud): Promise<ResolvedCloud>;
}

/** The ready line of a stand-in sandbox: the demo's ready line and the cloud it pretends to be. */
const StandInLine = ReadyLine.extend({ cloud: Cloud });

/** Reads a stand-in from the ready line in `RESERVATION_DESK_CLOUD_SANDBOX`, if any. */
export function standInFromEnvironment(
  line: string | undefined = process.env.RESERVATION_DESK_CLOUD_SANDBOX,
): CloudStandIn | undefined {
  if (!line) return undefined;
  const { cloud, ...endpoint } = StandInLine.parse(JSON.parse(line));
  if (!isPartnerCloud(cloud) || cloud === 'global') {
    throw new Error(
      'RESERVATION_DESK_CLOUD_SANDBOX must be the ready line of a sandbox started with --cloud.',
    );
  }
  return { cloud, endpoint };
}

/**
 * The cloud's table row mapped onto a sandbox: its authority path (`{baseUrl}/{authority host}`),
 * its API, and only those optional services the cloud has.
 */
export function onSandbox(cloud: Cloud, sandbox: SandboxEndpoint): ResolvedCloud {
  const row = cloudEndpoints(cloud);
  return {
    // The demo sandbox signs in at its root; a stand-in under the cloud's authority host.
    authorityBase: cloud === 'sandbox' ? sandbox.baseUrl : `${sandbox.baseUrl}/${row.authorityHost}`,
    onSandbox: true,
    apiBaseUrl: sandbox.baseUrl,
    graphReconciliation: row.services.graphReconciliation
      ? { graphBaseUrl: sandbox.graphBaseUrl, blobBaseUrl: sandbox.blobBaseUrl }
      : null,
    priceSheetOrigin: row.services.priceSheet ? sandbox.baseUrl : null,
  };
}

/** Microsoft's endpoints of a cloud, straight from the table. */
export function ofMicrosoft(cloud: PartnerCloud): ResolvedCloud {
  const row = cloudEndpoints(cloud);
  return {
    authorityBase: `https://${row.authorityHost}`,
    onSandbox: false,
    apiBaseUrl: row.partnerCenterApi,
    graphReconciliation: row.services.graphReconciliation,
    priceSheetOrigin: row.services.priceSheet,
  };
}

/** The directory of the app: the demo sandbox, an optional stand-in, Microsoft's table otherwise. */
export function createCloudDirectory(options: {
  readonly sandbox: EmbeddedSandbox;
  readonly standIn?: CloudStandIn;
}): CloudDirectory {
  return {
    async resolve(cloud) {
      if (cloud === 'sandbox') return onSandbox(cloud, await options.sandbox.ensure());
      if (options.standIn?.cloud === cloud) return onSandbox(cloud, options.standIn.endpoint);
      return ofMicrosoft(cloud);
    },
  };
}
