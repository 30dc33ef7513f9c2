import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { z } from 'zod';
import { AuthFailure } from './errors';
import type { PartnerCloud } from '../../preload/contract';
import { authorityUrl, CLOUDS } from '../partner-center/clouds';
import { GLOBAL_LOGIN_HOST } from './constants';

/** What MSAL needs to know about where to sign in. */
export interface AuthorityConfig {
  /** The authority MSAL is configured with (always `https:`, as MSAL requires). */
  readonly authority: string;
  readonly knownAuthorities: string[];
  /** OpenID configuration as JSON, so MSAL does no discovery request. */
  readonly authorityMetadata?: string;
  /** Instance-discovery answer as JSON, so MSAL never calls login.microsoftonline.com for it. */
  readonly cloudDiscoveryMetadata?: string;
  /** When set, MSAL may reach only these origins (offline guarantee for the sandbox). */
  readonly allowedOrigins?: readonly string[];
}

/** The global Microsoft Entra ID authority of a tenant. */
export function globalAuthority(tenantId: string): AuthorityConfig {
  return { authority: `https://${GLOBAL_LOGIN_HOST}/${tenantId}`, knownAuthorities: [] };
}

/**
 * A tenant's authority in one of Microsoft's clouds. Global keeps MSAL's defaults (its built-in
 * instance metadata knows every alias). A sovereign cloud's host is named in `knownAuthorities`, as
 * MSAL documents for national clouds: MSAL then trusts that host as its own instance, skips the
 * instance-discovery call, and never falls back to the global `login.microsoftonline.com`.
 */
export function cloudAuthority(cloud: PartnerCloud, tenantId: string): AuthorityConfig {
  if (cloud === 'global') return globalAuthority(tenantId);
  return { authority: authorityUrl(cloud, tenantId), knownAuthorities: [CLOUDS[cloud].authorityHost] };
}

const OpenIdConfigurationSchema = z.looseObject({
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  issuer: z.string().min(1),
  jwks_uri: z.url().optional(),
  end_session_endpoint: z.url().optional(),
});

/**
 * The authority of the built-in sandbox (e.g. `http://127.0.0.1:PORT/{tenant}`), set up so MSAL works
 * offline: its OpenID configuration is fetched from the sandbox itself and handed to MSAL as
 * `authorityMetadata`, instance discovery is built (`cloudDiscoveryMetadata`, `knownAuthorities`), and
 * a network guard refuses any request to another origin.
 *
 * MSAL refuses `http:` authorities (`authority_uri_insecure`) even on loopback, so the authority MSAL
 * sees is the same URL with `https:`. It is only an identifier: every request goes to the endpoints
 * of the metadata, which keep the sandbox's real `http://127.0.0.1` URLs.
 */
export async function sandboxAuthority(
  authorityUrl: string,
  options: { fetch?: typeof fetch; signal?: AbortSignal } = {},
): Promise<AuthorityConfig> {
  let url: URL;
  try {
    url = new URL(authorityUrl.replace(/\/+$/, ''));
  } catch {
    throw new AuthFailure('configuration', 'The sandbox authority is not a valid URL.');
  }
  const doFetch = options.fetch ?? fetch;
  const base = url.toString().replace(/\/+$/, '');
  let metadata: z.infer<typeof OpenIdConfigurationSchema> | undefined;
  for (const candidate of [
    `${base}/v2.0/.well-known/openid-configuration`,
    `${base}/.well-known/openid-configuration`,
  ]) {
    try {
      const response = await doFetch(candidate, {
        headers: { accept: 'application/json' },
        ...(options.signal ? { signal: options.signal } : {}),
      });
      if (!response.ok) continue;
      const parsed = OpenIdConfigurationSchema.safeParse(await response.json());
      if (parsed.success) {
        metadata = parsed.data;
        break;
      }
    } catch (error) {
      if (options.signal?.aborted) throw new AuthFailure('cancelled', 'Sign-in was cancelled.');
      throw new AuthFailure(
        'network',
        'The built-in sandbox is not reachable. Restart the app and try again.',
        {
          retryable: true,
          detail: error instanceof Error ? error.message.split('\n')[0] : undefined,
        },
      );
    }
  }
  if (!metadata) {
    throw new AuthFailure('configuration', 'The built-in sandbox did not publish its OpenID configuration.');
  }
  const host = url.host;
  const origins = new Set([url.origin]);
  for (const endpoint of [metadata.authorization_endpoint, metadata.token_endpoint])
    origins.add(new URL(endpoint).origin);
  const httpsAuthority = new URL(url.toString());
  httpsAuthority.protocol = 'https:';
  return {
    authority: httpsAuthority.toString().replace(/\/+$/, ''),
    knownAuthorities: [host],
    authorityMetadata: JSON.stringify(metadata),
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: `${base}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }),
    allowedOrigins: [...origins],
  };
}

/** A request MSAL made, as the network guard saw it (for tests and diagnostics; no bodies). */
export interface MsalRequestRecord {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly allowed: boolean;
}

/**
 * MSAL's HTTP client, on `fetch`, that refuses every origin not in `allowedOrigins`.
 * `onRequest` sees method and URL only (never headers or bodies, which carry secrets).
 */
export function createGuardedNetworkClient(options: {
  allowedOrigins: readonly string[];
  fetch?: typeof fetch;
  timeoutMs?: number;
  onRequest?: (record: MsalRequestRecord) => void;
}): INetworkModule {
  const doFetch = options.fetch ?? fetch;
  const allowed = new Set(options.allowedOrigins.map((origin) => new URL(origin).origin));
  const timeoutMs = options.timeoutMs ?? 30_000;

  const send = async <T>(
    method: 'GET' | 'POST',
    url: string,
    request?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> => {
    const origin = safeOrigin(url);
    const isAllowed = origin !== undefined && allowed.has(origin);
    options.onRequest?.({ method, url: url.split('?')[0] ?? url, allowed: isAllowed });
    if (!isAllowed) {
      const error = new Error(
        `Blocked a sign-in request to ${origin ?? 'an invalid URL'}: only the sandbox may be contacted.`,
      );
      error.name = 'NetworkError';
      throw error;
    }
    const response = await doFetch(url, {
      method,
      headers: request?.headers ?? {},
      ...(method === 'POST' ? { body: request?.body ?? '' } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const text = await response.text();
    let body: T;
    try {
      body = JSON.parse(text) as T;
    } catch {
      const error = new Error(
        `The sign-in service answered ${response.status} with a body that is not JSON.`,
      );
      error.name = 'NetworkError';
      throw error;
    }
    return { headers, body, status: response.status };
  };

  return {
    sendGetRequestAsync: <T>(url: string, request?: NetworkRequestOptions) => send<T>('GET', url, request),
    sendPostRequestAsync: <T>(url: string, request?: NetworkRequestOptions) => send<T>('POST', url, request),
  };
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
