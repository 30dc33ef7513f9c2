import type { ISerializableTokenCache, TokenCacheContext } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { createKeychainCachePlugin, isEmptyCache } from '../../../main/auth';
import { KeychainUnavailableError } from '../../../main/vault';
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
  it('reads the profile entry once, then hands MSAL the copy it holds (also after its own writes)', async () => {
    const secrets = createMemorySecretStore({ [KEY]: FULL });
    let reads = 0;
    const counted = {
      ...secrets,
      get: (key: string) => {
        reads += 1;
        return secrets.get(key);
      },
    };
    const plugin = createKeychainCachePlugin(counted, KEY);
    const first = fakeContext('', false);
    await plugin.beforeCacheAccess(first);
    expect(first.loaded).toEqual([FULL]);
    // MSAL clears its memory before a silent lookup and reloads it from the plugin: same state, no read.
    const later = fakeContext('', false);
    await plugin.beforeCacheAccess(later);
    expect(later.loaded).toEqual([FULL]);

    const renewed = FULL.replace('access', 'renewed');
    await plugin.afterCacheAccess(fakeContext(renewed, true));
    const afterWrite = fakeContext('', false);
    await plugin.beforeCacheAccess(afterWrite);
    expect(afterWrite.loaded).toEqual([renewed]);
    expect(reads).toBe(1);
    expect(secrets.entries.get(KEY)).toBe(renewed);
  });

  it('loads an empty cache when there is no entry, and reads again after a failed read', async () => {
    const secrets = createMemorySecretStore();
    let failing = true;
    const flaky = {
      ...secrets,
      get: (key: string) =>
        failing ? Promise.reject(new KeychainUnavailableError('locked')) : secrets.get(key),
    };
    const plugin = createKeychainCachePlugin(flaky, KEY);
    await expect(plugin.beforeCacheAccess(fakeContext('', false))).rejects.toBeInstanceOf(
      KeychainUnavailableError,
    );
    failing = false;
    const context = fakeContext('', false);
    await plugin.beforeCacheAccess(context);
    expect(context.loaded).toEqual(['{}']);
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
