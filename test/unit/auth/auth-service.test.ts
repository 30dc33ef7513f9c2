import { describe, expect, it } from 'vitest';
import {
  clientSecretKey,
  createAuthService,
  isSignInRequired,
  SignInRequiredError,
  tokenCacheKey,
  type AuthProfile,
} from '../../../main/auth';
import { createMemorySecretStore } from '../../../main/vault/memory-secret-store';

const appOnly: AuthProfile = {
  id: 'p1',
  name: 'Contoso',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  appId: '1950a258-227b-4e31-a9cf-717495945fc2',
  authMode: 'app-only',
  cloud: 'global',
};
const appUser: AuthProfile = { ...appOnly, id: 'p2', authMode: 'app-user' };

// Any network use in these tests is a bug: they exercise the logic that needs no identity server.
const noNetwork = (() => Promise.reject(new Error('network used in a unit test'))) as typeof fetch;

describe('auth service (logic, no identity server)', () => {
  it('asks for the app secret when an App-only profile has none', async () => {
    const auth = createAuthService({ secrets: createMemorySecretStore(), fetch: noNetwork });
    await expect(auth.signIn(appOnly)).rejects.toMatchObject({ code: 'secret-missing' });
    await expect(auth.getAccessToken(appOnly)).rejects.toMatchObject({ code: 'secret-missing' });
    expect(await auth.status(appOnly)).toMatchObject({ state: 'secret-missing', hasClientSecret: false });
  });

  it('stores, trims and reports the app secret, and refuses an empty one', async () => {
    const secrets = createMemorySecretStore();
    const auth = createAuthService({ secrets, fetch: noNetwork });
    await auth.setClientSecret(appOnly, '  s3cret  ');
    expect(secrets.entries.get(clientSecretKey('p1'))).toBe('s3cret');
    expect(await auth.hasClientSecret(appOnly)).toBe(true);
    expect(await auth.status(appOnly)).toMatchObject({ state: 'signed-in', hasClientSecret: true });
    await expect(auth.setClientSecret(appOnly, '   ')).rejects.toMatchObject({ code: 'secret-missing' });
  });

  it('says "not signed in yet", never "expired", when an App+User profile never signed in', async () => {
    const auth = createAuthService({ secrets: createMemorySecretStore(), fetch: noNetwork });
    const error: unknown = await auth.getAccessToken(appUser).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(isSignInRequired(error)).toBe(true);
    expect((error as Error).message).toBe(
      '"Contoso" is not signed in yet. Sign in on the Connect screen to continue.',
    );
    expect(await auth.status(appUser)).toMatchObject({ state: 'signed-out' });
  });

  it('refuses sandbox profiles when no sandbox is running, and sign-ins with no way to show anything', async () => {
    const auth = createAuthService({ secrets: createMemorySecretStore(), fetch: noNetwork });
    await expect(
      auth.signIn({ ...appUser, cloud: 'sandbox' }, { onDeviceCode: () => undefined }),
    ).rejects.toMatchObject({
      code: 'configuration',
    });
    await expect(auth.signIn(appUser, {})).rejects.toMatchObject({ code: 'configuration' });
    await expect(
      auth.signIn(appUser, { method: 'browser', onDeviceCode: () => undefined }),
    ).rejects.toMatchObject({
      code: 'configuration',
    });
  });

  it('honours a signal that is already aborted', async () => {
    const auth = createAuthService({ secrets: createMemorySecretStore(), fetch: noNetwork });
    await expect(
      auth.signIn(appUser, { onDeviceCode: () => undefined, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('signs out by deleting the token cache, and the secret only when asked', async () => {
    const secrets = createMemorySecretStore({
      [clientSecretKey('p1')]: 's3cret',
      [tokenCacheKey('p1')]: '{"AccessToken":{"x":{}}}',
    });
    const auth = createAuthService({ secrets, fetch: noNetwork });
    await auth.signOut(appOnly);
    expect([...secrets.entries.keys()]).toEqual([clientSecretKey('p1')]);
    await auth.signOut(appOnly, { forgetSecret: true });
    expect(secrets.entries.size).toBe(0);
  });

  it('forgets every keychain entry of a deleted profile and nothing else', async () => {
    const secrets = createMemorySecretStore({
      [clientSecretKey('p1')]: 'a',
      [tokenCacheKey('p1')]: '{}',
      [tokenCacheKey('p2')]: '{}',
    });
    await createAuthService({ secrets, fetch: noNetwork }).forgetProfile('p1');
    expect([...secrets.entries.keys()]).toEqual([tokenCacheKey('p2')]);
  });
});
