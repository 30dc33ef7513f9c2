/**
 * One MSAL client per profile for the life of the app: Partner Center calls reuse the discovered
 * metadata, the access token in memory and the keychain entry read once. Counted at the sandbox's
 * identity endpoints (every request it receives) and at the secret store (every read).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  clientSecretKey,
  createAuthService,
  tokenCacheKey,
  type AuthProfile,
  type AuthService,
} from '../../../main/auth';
import { RequestBudget, type PartnerCenterClient } from '../../../main/partner-center';
import { startSandbox, type RunningSandbox, type SandboxRequest } from '../../../main/sandbox';
import { createMemorySecretStore } from '../../../main/vault/memory-secret-store';
import { testClient } from '../partner-center/support/client';
import { countingStore, sandboxProfile, signInOptions, type CountingStore } from './helpers';

let sandbox: RunningSandbox;
const received: SandboxRequest[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    catalog: 'small',
    autoApprove: true,
    onRequest: (request) => received.push(request),
  });
});
afterAll(async () => {
  await sandbox?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** What the identity provider was asked since `from` (the API under `/v1` is not identity). */
function identityCounts(from: number): { metadata: number; token: number; other: number } {
  const asked = received.slice(from).filter((request) => !request.path.startsWith('/v1'));
  const metadata = asked.filter((request) => request.path.endsWith('/.well-known/openid-configuration'));
  const token = asked.filter((request) => /\/oauth2\/(v2\.0\/)?token$/.test(request.path));
  return {
    metadata: metadata.length,
    token: token.length,
    other: asked.length - metadata.length - token.length,
  };
}

/** A Partner Center client that asks `auth` for its token on every call, as the app's clients do. */
function apiClient(auth: AuthService, profile: AuthProfile): PartnerCenterClient {
  return testClient(sandbox.baseUrl, {
    budget: new RequestBudget({ maxConcurrency: 8, requestsPerMinute: 100_000 }),
    getAccessToken: async () => (await auth.getAccessToken(profile)).accessToken,
  });
}

async function callApi(client: PartnerCenterClient): Promise<void> {
  const page = await client.listCustomers({ size: 1 }).pages().next();
  expect(page.done).toBe(false);
}

/** A profile signed in by an earlier run of the app: its secrets are in the store, nothing in memory. */
async function signedInEarlier(
  id: string,
  authMode: AuthProfile['authMode'],
): Promise<{ profile: AuthProfile; secrets: CountingStore }> {
  const store = createMemorySecretStore();
  const profile = sandboxProfile(sandbox, id, authMode);
  const earlier = createAuthService({ secrets: store, sandboxAuthority: () => sandbox.authority });
  await earlier.signIn(profile, signInOptions(sandbox, authMode));
  return { profile, secrets: countingStore(store) };
}

describe('one MSAL client per profile, tokens from memory', () => {
  for (const authMode of ['app-only', 'app-user'] as const) {
    it(`${authMode}: 50 API calls in a row cost at most one metadata fetch, one token request and one keychain read`, async () => {
      const { profile, secrets } = await signedInEarlier(`row-${authMode}`, authMode);
      const auth = createAuthService({ secrets, sandboxAuthority: () => sandbox.authority });
      const client = apiClient(auth, profile);
      const from = received.length;

      for (let call = 0; call < 50; call += 1) await callApi(client);

      expect(identityCounts(from)).toEqual({
        metadata: 1,
        token: expect.any(Number) as number,
        other: 0,
      });
      expect(identityCounts(from).token).toBeLessThanOrEqual(1);
      expect(received.slice(from).filter((request) => request.path.startsWith('/v1/customers'))).toHaveLength(
        50,
      );
      // The keychain is read once per entry, not once per call.
      expect(secrets.reads.get(tokenCacheKey(profile.id)) ?? 0).toBeLessThanOrEqual(1);
      expect(secrets.reads.get(clientSecretKey(profile.id)) ?? 0).toBeLessThanOrEqual(1);
    });
  }

  it('50 calls at once share one discovery and one token request', async () => {
    const { profile, secrets } = await signedInEarlier('burst', 'app-only');
    // A fresh store entry without the cached token: this run must ask for one.
    await secrets.delete(tokenCacheKey(profile.id));
    const auth = createAuthService({ secrets, sandboxAuthority: () => sandbox.authority });
    const client = apiClient(auth, profile);
    const from = received.length;

    await Promise.all(Array.from({ length: 50 }, () => callApi(client)));

    expect(identityCounts(from)).toEqual({ metadata: 1, token: 1, other: 0 });
  });

  it('refreshes the access token once it is within five minutes of expiry, and only then', async () => {
    // Signed in by this very client, whose memory then holds the cache the renewal needs.
    const secrets = createMemorySecretStore();
    const profile = sandboxProfile(sandbox, 'near-expiry', 'app-user');
    const auth = createAuthService({ secrets, sandboxAuthority: () => sandbox.authority });
    await auth.signIn(profile, { method: 'device-code', onDeviceCode: () => undefined });
    const first = await auth.getAccessToken(profile);
    const expiresAt = first.expiresOn?.getTime() ?? 0;
    expect(expiresAt).toBeGreaterThan(Date.now() + 50 * 60_000);

    // Only the clock is faked: the sandbox, MSAL and the service all see the same "later".
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(expiresAt - 6 * 60_000);
    let from = received.length;
    expect((await auth.getAccessToken(profile)).accessToken).toBe(first.accessToken);
    expect(identityCounts(from)).toEqual({ metadata: 0, token: 0, other: 0 });

    vi.setSystemTime(expiresAt - 4 * 60_000);
    from = received.length;
    const renewed = await auth.getAccessToken(profile);
    expect(renewed.accessToken).not.toBe(first.accessToken);
    expect(renewed.expiresOn?.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    for (let call = 0; call < 10; call += 1)
      expect((await auth.getAccessToken(profile)).accessToken).toBe(renewed.accessToken);
    expect(identityCounts(from)).toEqual({ metadata: 0, token: 1, other: 0 });

    // The renewed cache was written back to the keychain, so the next start has it too.
    expect(await secrets.get(tokenCacheKey(profile.id))).toContain(renewed.accessToken);
  });

  it('discovers again after a sign-out or a change of the settings sign-in depends on', async () => {
    const { profile, secrets } = await signedInEarlier('dropped', 'app-only');
    const auth = createAuthService({ secrets, sandboxAuthority: () => sandbox.authority });
    await auth.getAccessToken(profile);

    let from = received.length;
    await auth.signOut(profile);
    await auth.signIn(profile);
    await auth.getAccessToken(profile);
    expect(identityCounts(from)).toMatchObject({ metadata: 1, token: 1 });

    // Another app registration: a new client (its own discovery), never the old client's token.
    from = received.length;
    const before = await auth.getAccessToken(profile);
    const changed = { ...profile, appId: '00000000-0000-4000-8000-000000000001' };
    await expect(auth.getAccessToken(changed)).rejects.toMatchObject({ code: 'invalid-credentials' });
    expect(identityCounts(from).metadata).toBe(1);
    // Back to the first registration: a new client again, served from the keychain's cache.
    from = received.length;
    expect((await auth.getAccessToken(profile)).accessToken).toBe(before.accessToken);
    expect(identityCounts(from)).toEqual({ metadata: 1, token: 0, other: 0 });
  });
});
