import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { VaultError, type SecretStore } from '../vault/secret-store';

/** An empty MSAL cache document: deserializing it clears what MSAL holds in memory. */
const EMPTY_CACHE = '{}';

/**
 * MSAL token cache persisted into the OS keychain (one entry per profile) and nowhere else: no file,
 * no settings. Before each cache access the keychain entry is loaded (it is the source of truth, so a
 * sign-out elsewhere is seen); after a change it is written back, or deleted once the cache is empty.
 */
export function createKeychainCachePlugin(secrets: SecretStore, key: string): ICachePlugin {
  // Writes to one entry are serialized so a chunked write never interleaves with another.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
      let stored: string | null;
      try {
        stored = await serialized(() => secrets.get(key));
      } catch (error) {
        // An incomplete or corrupt entry is treated as "signed out"; no keychain at all is a real error.
        if (error instanceof VaultError && error.code !== 'keychain-unavailable') stored = null;
        else throw error;
      }
      context.tokenCache.deserialize(stored && isJsonObject(stored) ? stored : EMPTY_CACHE);
    },

    async afterCacheAccess(context: TokenCacheContext): Promise<void> {
      if (!context.cacheHasChanged) return;
      const serializedCache = context.tokenCache.serialize();
      await serialized(async () => {
        if (isEmptyCache(serializedCache)) await secrets.delete(key);
        else await secrets.set(key, serializedCache);
      });
    },
  };
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

const CREDENTIAL_SECTIONS = ['Account', 'AccessToken', 'RefreshToken', 'IdToken'];

/** True when the serialized cache holds no account and no token (app metadata alone does not count). */
export function isEmptyCache(serializedCache: string): boolean {
  try {
    const value: unknown = JSON.parse(serializedCache);
    if (typeof value !== 'object' || value === null) return true;
    const record = value as Record<string, unknown>;
    return CREDENTIAL_SECTIONS.every((name) => {
      const section = record[name];
      return typeof section !== 'object' || section === null || Object.keys(section).length === 0;
    });
  } catch {
    return true;
  }
}
