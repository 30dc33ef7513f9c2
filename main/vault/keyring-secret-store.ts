import { AsyncEntry, findCredentialsAsync, type EntryOptions, type LinuxStore } from '@napi-rs/keyring';
import {
  assertValidSecretKey,
  assertValidSecretValue,
  KeychainUnavailableError,
  VaultError,
  type SecretStore,
} from './secret-store';

/** Keychain service name for packaged builds. */
export const PACKAGED_SERVICE_NAME = 'reservation-desk';
/** Keychain service name for development and tests, so they never touch a packaged build's secrets. */
export const DEVELOPMENT_SERVICE_NAME = 'reservation-desk-dev';

/** Picks the keychain service name from how the app runs (the caller knows; this module never asks Electron). */
export function vaultServiceName(options: { packaged: boolean }): string {
  return options.packaged ? PACKAGED_SERVICE_NAME : DEVELOPMENT_SERVICE_NAME;
}

/** Options of {@link createKeyringSecretStore}. */
export interface KeyringSecretStoreOptions {
  /** Keychain service name, e.g. {@link vaultServiceName}`({ packaged })`. */
  service: string;
  /**
   * Linux only: which store to require. Default `secret-service` (GNOME Keyring, KWallet): it persists
   * across reboots. `keyutils` (kernel keyring, lost at logout) must be chosen explicitly, because silently
   * falling back to it would make secrets vanish after a reboot.
   */
  linuxStore?: LinuxStore;
  /**
   * Longest value stored in one keychain entry; longer values are split over several entries. Windows
   * Credential Manager holds at most 2,560 bytes (1,280 UTF-16 characters) per credential, and an MSAL
   * token cache is usually larger, hence the default of 1,200 there and no split elsewhere.
   */
  maxEntryChars?: number;
  /** Platform override for tests. */
  platform?: NodeJS.Platform;
}

/** A SecretStore in the OS keychain, with a probe to check the keychain works before relying on it. */
export interface KeyringSecretStore extends SecretStore {
  /** Writes, reads and deletes a probe entry; throws {@link KeychainUnavailableError} when that fails. */
  probe(): Promise<void>;
}

// A value too long for one entry is stored as this marker plus `key#partN` entries.
const CHUNK_MARKER = '\u0001reservation-desk-chunked:v1:';
const PART_SEPARATOR = '#part';

/** Creates a SecretStore backed by the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service). */
export function createKeyringSecretStore(options: KeyringSecretStoreOptions): KeyringSecretStore {
  const service = options.service.trim();
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(service)) {
    throw new VaultError(
      'invalid-key',
      `Invalid keychain service name ${JSON.stringify(service.slice(0, 40))}.`,
    );
  }
  const platform = options.platform ?? process.platform;
  const maxEntryChars = options.maxEntryChars ?? (platform === 'win32' ? 1200 : Number.POSITIVE_INFINITY);
  const entryOptions: EntryOptions | undefined =
    platform === 'linux' ? { linux: { store: options.linuxStore ?? 'secret-service' } } : undefined;

  const entry = (account: string): AsyncEntry => {
    try {
      return new AsyncEntry(service, account, entryOptions);
    } catch (error) {
      throw translateKeyringError(error, 'open');
    }
  };

  const call = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw translateKeyringError(error, operation);
    }
  };

  const readRaw = (account: string): Promise<string | null> =>
    call('read', () => entry(account).getPassword());
  const writeRaw = (account: string, value: string): Promise<void> =>
    call('write', () => entry(account).setPassword(value));
  const deleteRaw = (account: string): Promise<boolean> =>
    call('delete', () => entry(account).deleteCredential());

  const partCount = (stored: string | null): number => {
    if (stored === null || !stored.startsWith(CHUNK_MARKER)) return 0;
    const count = Number(stored.slice(CHUNK_MARKER.length));
    return Number.isInteger(count) && count > 0 ? count : 0;
  };

  const deleteParts = async (key: string, from: number, to: number): Promise<void> => {
    for (let index = from; index <= to; index += 1) await deleteRaw(`${key}${PART_SEPARATOR}${index}`);
  };

  const store: KeyringSecretStore = {
    description: `os-keychain:${service}`,

    async get(key) {
      assertValidSecretKey(key);
      const stored = await readRaw(key);
      const count = partCount(stored);
      if (count === 0) return stored;
      const parts: string[] = [];
      for (let index = 1; index <= count; index += 1) {
        const part = await readRaw(`${key}${PART_SEPARATOR}${index}`);
        if (part === null) {
          throw new VaultError(
            'keychain-failure',
            `The keychain entry "${key}" is incomplete (part ${index} is missing).`,
          );
        }
        parts.push(part);
      }
      return parts.join('');
    },

    async set(key, value) {
      assertValidSecretKey(key);
      assertValidSecretValue(value);
      const previousParts = partCount(await readRaw(key));
      if (value.length <= maxEntryChars && !value.startsWith(CHUNK_MARKER)) {
        await writeRaw(key, value);
        await deleteParts(key, 1, previousParts);
        return;
      }
      const size = Number.isFinite(maxEntryChars) ? maxEntryChars : value.length;
      const parts: string[] = [];
      for (let offset = 0; offset < value.length; offset += size)
        parts.push(value.slice(offset, offset + size));
      // Parts first, then the marker: a reader never sees a marker pointing at parts not yet written.
      for (const [index, part] of parts.entries())
        await writeRaw(`${key}${PART_SEPARATOR}${index + 1}`, part);
      await writeRaw(key, `${CHUNK_MARKER}${parts.length}`);
      await deleteParts(key, parts.length + 1, previousParts);
    },

    async delete(key) {
      assertValidSecretKey(key);
      const count = partCount(await readRaw(key));
      const removed = await deleteRaw(key);
      await deleteParts(key, 1, count);
      return removed;
    },

    async list() {
      const credentials = await call('list', () => findCredentialsAsync(service));
      const keys = credentials
        .map((credential) => credential.account)
        .filter((key) => !key.includes(PART_SEPARATOR));
      return [...new Set(keys)].sort();
    },

    async probe() {
      const key = `probe.${process.pid}.${Date.now()}`;
      await store.set(key, 'probe');
      const read = await store.get(key);
      await store.delete(key);
      if (read !== 'probe') {
        // Seen with a keychain unlocked with the wrong password: writes succeed, reads return nothing.
        throw new KeychainUnavailableError(
          'the keychain accepted a value but did not return it (is it locked?)',
        );
      }
    },
  };
  return store;
}

/** Maps a @napi-rs/keyring error to a VaultError; keyring messages name the failure, never the secret. */
function translateKeyringError(error: unknown, operation: string): VaultError {
  if (error instanceof VaultError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const detail = raw.split('\n')[0]?.trim() || 'unknown error';
  const unavailable =
    /platform (failure|storage)|no ?storage ?access|dbus|secret service|not available|unavailable|locked|access ?denied/i.test(
      raw,
    );
  if (unavailable) return new KeychainUnavailableError(`${operation} failed: ${detail}`, { cause: error });
  return new VaultError('keychain-failure', `The OS keychain could not ${operation} a secret: ${detail}`, {
    cause: error,
  });
}
