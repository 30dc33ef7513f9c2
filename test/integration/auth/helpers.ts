/**
 * Shared pieces of the MSAL-against-sandbox tests: a sandbox, the auth service wired to it with a
 * recorder of every MSAL request, profiles, Chromium, and helpers that edit the cached tokens.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import {
  createAuthService,
  tokenCacheKey,
  type AuthProfile,
  type AuthService,
  type MsalRequestRecord,
  type SignInOptions,
} from '../../../main/auth';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox';
import type { SecretStore } from '../../../main/vault';
import { createMemorySecretStore } from '../../../main/vault/memory-secret-store';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium';

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: apt-get install -y chromium (never \`npx playwright install\`).`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', ...CHROMIUM_ARGS] });
}

/** A sandbox with the small catalog. */
export function startIdentitySandbox(
  options: { autoApprove?: boolean; tokenLifetimeSeconds?: number } = {},
): Promise<RunningSandbox> {
  return startSandbox({ port: 0, catalog: 'small', autoApprove: options.autoApprove ?? false, ...options });
}

/** The auth service pointed at `sandbox`, recording MSAL's requests. */
export function authFor(
  sandbox: RunningSandbox,
  secrets: SecretStore,
): { auth: AuthService; requests: MsalRequestRecord[] } {
  const requests: MsalRequestRecord[] = [];
  const auth = createAuthService({
    secrets,
    sandboxAuthority: () => sandbox.authority,
    onMsalRequest: (record) => requests.push(record),
  });
  return { auth, requests };
}

/** A profile of the sandbox's tenant and app; `cloud` is the one the sandbox stands in for, if any. */
export function sandboxProfile(
  sandbox: RunningSandbox,
  id: string,
  authMode: AuthProfile['authMode'],
  cloud: AuthProfile['cloud'] = 'sandbox',
): AuthProfile {
  return {
    id,
    name: `Sandbox ${id}`,
    tenantId: sandbox.tenantId,
    appId: sandbox.clientId,
    authMode,
    cloud,
  };
}

/** How a test signs in: with the app secret (App-only) or a device code the sandbox approves (App+User). */
export function signInOptions(sandbox: RunningSandbox, authMode: AuthProfile['authMode']): SignInOptions {
  return authMode === 'app-only'
    ? { clientSecret: sandbox.clientSecret }
    : { method: 'device-code', onDeviceCode: () => undefined };
}

/** A profile of `sandbox` signed in with a new auth service (secrets in memory), as most tests begin. */
export async function signedIn(
  sandbox: RunningSandbox,
  id: string,
  authMode: AuthProfile['authMode'],
): Promise<{ auth: AuthService; requests: MsalRequestRecord[]; profile: AuthProfile }> {
  const { auth, requests } = authFor(sandbox, createMemorySecretStore());
  const profile = sandboxProfile(sandbox, id, authMode);
  await auth.signIn(profile, signInOptions(sandbox, authMode));
  return { auth, requests, profile };
}

type CacheSections = Record<string, Record<string, Record<string, unknown>>>;

/** Rewrites a profile's cached MSAL entries (as an expired token or a revoked refresh token would look). */
export async function editTokenCache(
  secrets: SecretStore,
  profileId: string,
  edit: (cache: CacheSections) => void,
): Promise<void> {
  const text = await secrets.get(tokenCacheKey(profileId));
  if (!text) throw new Error('no token cache');
  const cache = JSON.parse(text) as CacheSections;
  edit(cache);
  await secrets.set(tokenCacheKey(profileId), JSON.stringify(cache));
}

/** The secrets (token strings) of one cache section. */
export async function cachedSecrets(
  secrets: SecretStore,
  profileId: string,
  section: string,
): Promise<string[]> {
  const text = await secrets.get(tokenCacheKey(profileId));
  const cache = JSON.parse(text ?? '{}') as CacheSections;
  return Object.values(cache[section] ?? {}).map((entry) => String(entry.secret));
}

/** The payload of a JWT (no verification: the sandbox verified it when it issued it). */
export function jwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A secret store that counts its reads, per key. */
export type CountingStore = SecretStore & { readonly reads: Map<string, number> };

/** Wraps `inner`, counting every `get` per key. */
export function countingStore(inner: SecretStore): CountingStore {
  const reads = new Map<string, number>();
  return {
    description: inner.description,
    reads,
    get: (key) => {
      reads.set(key, (reads.get(key) ?? 0) + 1);
      return inner.get(key);
    },
    set: (key, value) => inner.set(key, value),
    delete: (key) => inner.delete(key),
    list: () => inner.list(),
  };
}
