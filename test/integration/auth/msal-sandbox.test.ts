import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthFailure,
  clientSecretKey,
  SignInRequiredError,
  tokenCacheKey,
  type DeviceCodeInfo,
} from '../../../main/auth';
import type { RunningSandbox } from '../../../main/sandbox';
import { createMemorySecretStore } from '../../../main/vault/memory-secret-store';
import {
  authFor,
  cachedSecrets,
  editTokenCache,
  jwtPayload,
  launchChromium,
  sandboxProfile,
  startIdentitySandbox,
} from './helpers';

const PC = 'https://api.partnercenter.microsoft.com';

let sandbox: RunningSandbox;
let manual: RunningSandbox;
let browser: Browser;

beforeAll(async () => {
  [sandbox, manual, browser] = await Promise.all([
    startIdentitySandbox({ autoApprove: true }),
    startIdentitySandbox({ autoApprove: false }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await Promise.all([sandbox?.close(), manual?.close(), browser?.close()]);
});

describe('App-only: client credentials against the sandbox', () => {
  it('signs in with the app secret, stores it only once accepted, and reuses the cached token', async () => {
    const secrets = createMemorySecretStore();
    const { auth, requests } = authFor(sandbox, secrets);
    const profile = sandboxProfile(sandbox, 'app', 'app-only');

    const wrong = 'wrong~secret-value-1234567890';
    const failure: unknown = await auth
      .signIn(profile, { clientSecret: wrong })
      .catch((caught: unknown) => caught);
    expect(failure).toMatchObject({ code: 'invalid-credentials' });
    expect(JSON.stringify(failure) + String(failure)).not.toContain(wrong);
    expect(secrets.entries.has(clientSecretKey('app'))).toBe(false);

    const result = await auth.signIn(profile, { clientSecret: sandbox.clientSecret });
    expect(result).toMatchObject({ profileId: 'app', method: 'client-credentials' });
    expect(secrets.entries.get(clientSecretKey('app'))).toBe(sandbox.clientSecret);
    expect(await auth.status(profile)).toMatchObject({ state: 'signed-in', hasClientSecret: true });

    const token = await auth.getAccessToken(profile);
    expect(jwtPayload(token.accessToken)).toMatchObject({ aud: PC, tid: sandbox.tenantId, idtyp: 'app' });
    const before = requests.length;
    const again = await auth.getAccessToken(profile);
    expect(again.accessToken).toBe(token.accessToken);
    expect(requests.length).toBe(before); // served from the keychain-backed cache

    // The API accepts the token (the sandbox checks signature, issuer, audience and expiry).
    const api = await fetch(`${sandbox.baseUrl}/v1/products?country=US&targetView=AzureReservations`, {
      headers: { authorization: `Bearer ${token.accessToken}` },
    });
    expect(api.status).toBe(200);

    // Every MSAL request went to the sandbox: nothing reached (or tried to reach) the internet.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((request) => request.allowed && request.url.startsWith(sandbox.baseUrl))).toBe(
      true,
    );
  });
});

describe('App+User: device code', () => {
  it('reports the code and URL, waits, and signs the demo user in (auto-approve)', async () => {
    const secrets = createMemorySecretStore();
    const { auth, requests } = authFor(sandbox, secrets);
    const profile = sandboxProfile(sandbox, 'dc', 'app-user');
    const codes: DeviceCodeInfo[] = [];
    const result = await auth.signIn(profile, {
      method: 'device-code',
      onDeviceCode: (info) => codes.push(info),
    });
    expect(codes).toHaveLength(1);
    expect(codes[0]?.userCode).toMatch(/^[A-Z0-9]{6,}$/);
    expect(codes[0]?.verificationUri.startsWith(sandbox.baseUrl)).toBe(true);
    expect(result).toMatchObject({
      method: 'device-code',
      account: { username: sandbox.user, tenantId: sandbox.tenantId },
    });

    const token = await auth.getAccessToken(profile);
    expect(jwtPayload(token.accessToken)).toMatchObject({
      aud: PC,
      scp: 'user_impersonation',
      idtyp: 'user',
    });
    expect(await auth.status(profile)).toMatchObject({
      state: 'signed-in',
      account: { username: sandbox.user },
    });
    expect(requests.every((request) => request.allowed)).toBe(true);
  });

  it('waits until the user enters the code (approved on the sandbox like a user would)', async () => {
    const { auth } = authFor(manual, createMemorySecretStore());
    const profile = sandboxProfile(manual, 'dc2', 'app-user');
    const started = Date.now();
    const result = await auth.signIn(profile, {
      method: 'device-code',
      onDeviceCode: (info) => {
        setTimeout(() => manual.approveDeviceCode(info.userCode), 1_500);
      },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(result.account?.username).toBe(manual.user);
  });

  it('stops waiting at once when cancelled', async () => {
    const { auth } = authFor(manual, createMemorySecretStore());
    const controller = new AbortController();
    let cancelledAt = 0;
    const failure: unknown = await auth
      .signIn(sandboxProfile(manual, 'dc3', 'app-user'), {
        method: 'device-code',
        signal: controller.signal,
        onDeviceCode: () => {
          setTimeout(() => {
            cancelledAt = Date.now();
            controller.abort();
          }, 300);
        },
      })
      .catch((caught: unknown) => caught);
    expect(failure).toMatchObject({ code: 'cancelled', message: 'Sign-in was cancelled.' });
    expect(Date.now() - cancelledAt).toBeLessThan(500);
  });
});

describe('App+User: system browser with loopback redirect and PKCE (Playwright)', () => {
  it('signs in through the sandbox sign-in page', async () => {
    const secrets = createMemorySecretStore();
    const { auth, requests } = authFor(manual, secrets);
    const profile = sandboxProfile(manual, 'web', 'app-user');
    const page = await browser.newPage();
    let opened: URL | undefined;
    try {
      const result = await auth.signIn(profile, {
        method: 'browser',
        openBrowser: async (url) => {
          opened = new URL(url);
          await page.goto(url);
          // The user clicks; the page form-posts the code to the app's loopback server.
          void page.getByTestId('sandbox-sign-in').click();
        },
      });
      expect(result).toMatchObject({ method: 'browser', account: { username: manual.user } });
      expect(opened?.origin).toBe(manual.baseUrl);
      expect(opened?.searchParams.get('code_challenge_method')).toBe('S256');
      expect(opened?.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(opened?.searchParams.get('response_mode')).toBe('form_post');
      expect(new URL(opened?.searchParams.get('redirect_uri') ?? '').hostname).toBe('localhost');
      expect(opened?.searchParams.get('scope')).toContain(`${PC}/user_impersonation`);
      await expect
        .poll(() => page.textContent('body'), { timeout: 30_000 })
        .toContain('You are signed in to Reservation Desk');

      const token = await auth.getAccessToken(profile);
      expect(jwtPayload(token.accessToken)).toMatchObject({ aud: PC, idtyp: 'user', amr: ['pwd', 'mfa'] });
      expect(requests.every((request) => request.allowed)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('cancels a pending browser sign-in and closes the loopback server', async () => {
    const { auth } = authFor(manual, createMemorySecretStore());
    const controller = new AbortController();
    let redirectUri = '';
    const pending = auth.signIn(sandboxProfile(manual, 'web2', 'app-user'), {
      method: 'browser',
      signal: controller.signal,
      openBrowser: (url) => {
        redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
        setTimeout(() => controller.abort(), 200);
        return Promise.resolve();
      },
    });
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(redirectUri).toMatch(/^http:\/\/localhost:\d+/);
    await expect
      .poll(
        () =>
          fetch(redirectUri).then(
            () => 'open',
            () => 'closed',
          ),
        { timeout: 5_000 },
      )
      .toBe('closed');
  });

  it('ends the wait when the user declines on the sign-in page', async () => {
    const { auth } = authFor(manual, createMemorySecretStore());
    const page = await browser.newPage();
    try {
      const failure: unknown = await auth
        .signIn(sandboxProfile(manual, 'web3', 'app-user'), {
          method: 'browser',
          openBrowser: async (url) => {
            await page.goto(url);
            void page.getByRole('button', { name: 'Cancel' }).click();
          },
        })
        .catch((caught: unknown) => caught);
      // Entra ID form-posts `error=access_denied` to the loopback, like it posts a code.
      expect(failure).toBeInstanceOf(AuthFailure);
      expect((failure as AuthFailure).code).toBe('access-denied');
    } finally {
      await page.close();
    }
  });

  it('falls back to the device code when no browser can be opened', async () => {
    const { auth } = authFor(sandbox, createMemorySecretStore());
    const codes: DeviceCodeInfo[] = [];
    const result = await auth.signIn(sandboxProfile(sandbox, 'fallback', 'app-user'), {
      openBrowser: () => Promise.reject(new Error('no browser here')),
      onDeviceCode: (info) => codes.push(info),
    });
    expect(result.method).toBe('device-code');
    expect(codes).toHaveLength(1);
  });
});

describe('App+User: silent refresh and "sign in again"', () => {
  it('refreshes an expired access token silently with the refresh token', async () => {
    const secrets = createMemorySecretStore();
    const earlier = authFor(sandbox, secrets).auth;
    const profile = sandboxProfile(sandbox, 'refresh', 'app-user');
    await earlier.signIn(profile, { method: 'device-code', onDeviceCode: () => undefined });
    const first = await earlier.getAccessToken(profile);

    // The app starts again an hour later: the access token in the keychain has expired.
    const past = String(Math.floor(Date.now() / 1000) - 60);
    await editTokenCache(secrets, 'refresh', (cache) => {
      for (const entry of Object.values(cache.AccessToken ?? {})) {
        entry.expires_on = past;
        entry.extended_expires_on = past;
      }
    });
    const { auth, requests } = authFor(sandbox, secrets);
    const before = requests.length;
    const second = await auth.getAccessToken(profile);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(requests.slice(before).map((request) => request.url)).toEqual([
      `${sandbox.authority}/oauth2/v2.0/token`,
    ]);
    expect(second.expiresOn?.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    // The new token was written back to the keychain entry.
    expect(await cachedSecrets(secrets, 'refresh', 'AccessToken')).toContain(second.accessToken);

    const forced = await auth.getAccessToken(profile, { forceRefresh: true });
    expect(forced.accessToken).not.toBe(second.accessToken);
  });

  it('turns a revoked refresh token into SignInRequiredError, then signs out cleanly', async () => {
    const secrets = createMemorySecretStore();
    const profile = sandboxProfile(sandbox, 'revoked', 'app-user');
    await authFor(sandbox, secrets).auth.signIn(profile, {
      method: 'device-code',
      onDeviceCode: () => undefined,
    });
    const [refreshToken] = await cachedSecrets(secrets, 'revoked', 'RefreshToken');
    // Revoked while the app was closed: the next start finds a refresh token Entra ID refuses.
    await editTokenCache(secrets, 'revoked', (cache) => {
      for (const entry of Object.values(cache.RefreshToken ?? {}))
        entry.secret = '0.SBX.revoked-refresh-token';
    });
    const { auth } = authFor(sandbox, secrets);

    const failure: unknown = await auth
      .getAccessToken(profile, { forceRefresh: true })
      .catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(SignInRequiredError);
    expect((failure as Error).message).toBe(
      `Your sign-in for "${profile.name}" has expired. Sign in again to continue.`,
    );
    expect(JSON.stringify(failure) + String(failure)).not.toContain('revoked-refresh-token');
    expect(JSON.stringify(failure) + String(failure)).not.toContain(refreshToken);
    expect(await auth.status(profile)).toMatchObject({ state: 'sign-in-required' });

    await auth.signOut(profile);
    expect(secrets.entries.has(tokenCacheKey('revoked'))).toBe(false);
    expect(await auth.status(profile)).toMatchObject({ state: 'signed-out' });
    await expect(auth.getAccessToken(profile)).rejects.toBeInstanceOf(SignInRequiredError);

    // Signing in again recovers.
    await auth.signIn(profile, { method: 'device-code', onDeviceCode: () => undefined });
    expect(await auth.status(profile)).toMatchObject({ state: 'signed-in' });
  });
});
