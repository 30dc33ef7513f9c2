import type { ISerializableTokenCache, TokenCacheContext } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { createKeychainCachePlugin, isEmptyCache } from '../../../main/auth';
import { createMemorySecretStore } from '../../../main/vault/memory-secret-store';

const KEY = 'profile:p1:token-cache';
const FULL = JSON.stringify({
  Account: { a: { username: 'u' } },
  AccessToken: { t: { secret: 'access' } },
  RefreshToken: { r: { secret: 'refresh' } },
  IdToken: {},
  AppMetadata: {},
});

/** A stand-in for MSAL's cache that records what the plugin loads. */
function fakeContext(serialized: string, changed: boolean): TokenCacheContext & { loaded: string[] } {
  const loaded: string[] = [];
  const tokenCache: ISerializableTokenCache = {
    deserialize: (cache: string) => {
      loaded.push(cache);
    },
    serialize: () => serialized,
  };
  return {
    tokenCache,
    cacheHasChanged: changed,
    hasChanged: changed,
    loaded,
  } as unknown as TokenCacheContext & {
    loaded: string[];
  };
}

describe('keychain token cache plugin', () => {
  it('loads the profile entry before each access, and an empty cache when there is none', async () => {
    const secrets = createMemorySecretStore({ [KEY]: FULL });
    const plugin = createKeychainCachePlugin(secrets, KEY);
    const withEntry = fakeContext('', false);
    await plugin.beforeCacheAccess(withEntry);
    expect(withEntry.loaded).toEqual([FULL]);

    await secrets.delete(KEY);
    const without = fakeContext('', false);
    await plugin.beforeCacheAccess(without);
    // Deserializing '{}' clears MSAL's memory, so a sign-out elsewhere is honoured.
    expect(without.loaded).toEqual(['{}']);
  });

  it('treats a corrupt entry as signed out', async () => {
    const secrets = createMemorySecretStore({ [KEY]: 'not json' });
    const context = fakeContext('', false);
    await createKeychainCachePlugin(secrets, KEY).beforeCacheAccess(context);
    expect(context.loaded).toEqual(['{}']);
  });

  it('writes back only when the cache changed, and deletes the entry once it is empty', async () => {
    const secrets = createMemorySecretStore();
    const plugin = createKeychainCachePlugin(secrets, KEY);
    await plugin.afterCacheAccess(fakeContext(FULL, false));
    expect(secrets.entries.size).toBe(0);
    await plugin.afterCacheAccess(fakeContext(FULL, true));
    expect(secrets.entries.get(KEY)).toBe(FULL);
    const empty = JSON.stringify({
      Account: {},
      AccessToken: {},
      RefreshToken: {},
      IdToken: {},
      AppMetadata: { m: {} },
    });
    await plugin.afterCacheAccess(fakeContext(empty, true));
    expect(secrets.entries.has(KEY)).toBe(false);
  });

  it('recognizes empty caches', () => {
    expect(isEmptyCache('{}')).toBe(true);
    expect(isEmptyCache('garbage')).toBe(true);
    expect(isEmptyCache(FULL)).toBe(false);
    expect(isEmptyCache(JSON.stringify({ AccessToken: { t: {} } }))).toBe(false);
  });
});
