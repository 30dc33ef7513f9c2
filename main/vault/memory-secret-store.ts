import { assertValidSecretKey, assertValidSecretValue, type SecretStore } from './secret-store';

/**
 * In-memory SecretStore: for unit tests, and for the demo profile's secrets when there is no OS
 * keychain (through `keychain-guard.ts`, for one run only). `entries` lets tests inspect what was stored.
 */
export interface MemorySecretStore extends SecretStore {
  readonly entries: ReadonlyMap<string, string>;
}

/** Creates an empty in-memory SecretStore (tests only). */
export function createMemorySecretStore(initial?: Record<string, string>): MemorySecretStore {
  const entries = new Map<string, string>(Object.entries(initial ?? {}));
  return {
    description: 'memory',
    entries,
    get(key) {
      assertValidSecretKey(key);
      return Promise.resolve(entries.get(key) ?? null);
    },
    set(key, value) {
      assertValidSecretKey(key);
      assertValidSecretValue(value);
      entries.set(key, value);
      return Promise.resolve();
    },
    delete(key) {
      assertValidSecretKey(key);
      return Promise.resolve(entries.delete(key));
    },
    list() {
      return Promise.resolve([...entries.keys()].sort());
    },
  };
}
