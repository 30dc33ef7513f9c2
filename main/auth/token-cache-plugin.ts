import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { VaultError, type SecretStore } from '../vault/secret-store';

/** An empty MSAL cache document. */
const EMPTY_CACHE = '{}';

/**
 * MSAL token cache persisted into the OS keychain (one entry per profile) and nowhere else: no file,
 * no settings. The plugin belongs to the profile's one MSAL client, so it reads the keychain entry
 * once (again only after a failed read) and from then on hands MSAL the copy it holds: MSAL clears its
 * memory and reloads from the plugin before every silent token lookup. After an access that changed
 * the cache, the entry is written back, or deleted once the cache is empty. Sign-out and a removed
 * profile drop the client, so the next client reads the keychain afresh.
 */
export function createKeychainCachePlugin(secrets: SecretStore, key: string): ICachePlugin {
  // The serialized cache as last read from or written to the keychain; undefined until read.
  let known: string | undefined;
  // Writes to one entry are serialized so a chunked write never interleaves with another.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
      if (known === undefined) {
        let stored: string | null;
        try {
          stored = await serialized(() => secrets.get(key));
        } catch (error) {
          // An incomplete or corrupt entry is treated as "signed out"; no keychain at all is a real error.
          if (error instanceof VaultError && error.code !== 'keychain-unavailable') stored = null;
          else throw error;
        }
        known = stored && isJsonObject(stored) ? stored : EMPTY_CACHE;
      }
      context.tokenCache.deserialize(known);
    },

    async afterCacheAccess(context: TokenCacheContext): Promise<void> {
      if (!context.cacheHasChanged) return;
      const serializedCache = context.tokenCache.serialize();
      if (serializedCache === known) return;
      // Remembered before the write: MSAL's memory holds this state whether or not the write succeeds.
      known = serializedCache;
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
