import { createMemorySecretStore } from './memory-secret-store';
import { KeychainUnavailableError, VaultError, type SecretStore } from './secret-store';

/** Whether secrets can be kept in the OS keychain, as checked once at start. */
export type KeychainCheck =
  | { readonly available: true }
  | {
      readonly available: false;
      /** What is missing and how to get it, in plain words. */
      readonly message: string;
    };

/** The app's secret store: the OS keychain, checked once, with the demo's secrets in memory without it. */
export interface GuardedSecretStore extends SecretStore {
  /** The keychain check (started when the store is created; every caller shares its answer). */
  check(): Promise<KeychainCheck>;
}

export interface GuardedSecretStoreOptions {
  /** The OS keychain; its `probe` (when it has one) decides whether it is usable. */
  readonly keychain: SecretStore & { probe?: () => Promise<void> };
  /**
   * Keys whose secrets are worthless outside this run (the demo profile's): kept in memory, for this
   * run only, when there is no keychain. Every other secret goes to the keychain or nowhere.
   */
  readonly mayLiveInMemory: (key: string) => boolean;
  /** Told once, at start, when the keychain is unavailable (the terminal line of the web build). */
  readonly onUnavailable?: (check: Extract<KeychainCheck, { available: false }>) => void;
}

/**
 * Checks the keychain at start and routes secrets accordingly: with a keychain, everything goes there;
 * without one, the demo's secrets stay in memory and every other secret is refused with the plain
 * {@link KeychainUnavailableError} (never written anywhere else).
 */
export function createGuardedSecretStore(options: GuardedSecretStoreOptions): GuardedSecretStore {
  const { keychain, mayLiveInMemory } = options;
  const memory = createMemorySecretStore();

  const checking: Promise<KeychainCheck> = (async (): Promise<KeychainCheck> => {
    try {
      await keychain.probe?.();
      return { available: true };
    } catch (error) {
      // Another kind of keychain failure is not "no keychain": let each call report it as it happens.
      if (!(error instanceof VaultError) || error.code !== 'keychain-unavailable') return { available: true };
      const check = { available: false as const, message: error.message };
      options.onUnavailable?.(check);
      return check;
    }
  })();

  /** The store that holds `key` in this run, or the refusal to store it anywhere. */
  const storeFor = async (key: string): Promise<SecretStore> => {
    if ((await checking).available) return keychain;
    if (mayLiveInMemory(key)) return memory;
    throw new KeychainUnavailableError('checked at start');
  };

  return {
    description: keychain.description,
    check: () => checking,
    get: async (key) => (await storeFor(key)).get(key),
    set: async (key, value) => (await storeFor(key)).set(key, value),
    delete: async (key) => (await storeFor(key)).delete(key),
    list: async () => ((await checking).available ? keychain.list() : memory.list()),
  };
}
