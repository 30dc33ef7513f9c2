/**
 * The vault's contract: a tiny key/value store for secrets (app secrets, MSAL token caches).
 * Settings, logs and the database never hold a secret; everything secret goes through this interface,
 * so the storage backend (OS keychain in the app, memory in unit tests) is swappable.
 */

/** A store for secret strings, keyed by short names such as `profile:<id>:client-secret`. */
export interface SecretStore {
  /** A label for diagnostics, e.g. `os-keychain:reservation-desk-dev`; never includes a secret. */
  readonly description: string;
  /** The stored value, or `null` when there is none. */
  get(key: string): Promise<string | null>;
  /** Stores (or replaces) the value. */
  set(key: string, value: string): Promise<void>;
  /** Removes the value; resolves `true` if something was removed. */
  delete(key: string): Promise<boolean>;
  /** The keys this store holds (values are never listed). */
  list(): Promise<string[]>;
}

/** Why a vault operation failed. */
export type VaultErrorCode = 'keychain-unavailable' | 'invalid-key' | 'invalid-value' | 'keychain-failure';

/** A vault failure with a stable code and a plain message that never contains a secret value. */
export class VaultError extends Error {
  override readonly name: string = 'VaultError';
  readonly code: VaultErrorCode;

  constructor(code: VaultErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Thrown when there is no usable OS keychain (no Secret Service on Linux, locked keychain, ...). */
export class KeychainUnavailableError extends VaultError {
  override readonly name = 'KeychainUnavailableError';

  constructor(detail: string, options?: { cause?: unknown }) {
    super('keychain-unavailable', `No OS keychain is available: ${detail}`, options);
  }
}

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/;

/** Rejects keys that are empty, too long or carry characters the OS stores treat differently. */
export function assertValidSecretKey(key: string): void {
  if (!KEY_PATTERN.test(key)) {
    throw new VaultError(
      'invalid-key',
      `Invalid vault key ${JSON.stringify(key.slice(0, 40))}: use 1-200 letters, digits and . _ : @ -`,
    );
  }
}

/** Rejects values the stores cannot hold (the value itself never appears in the message). */
export function assertValidSecretValue(value: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new VaultError(
      'invalid-value',
      'A vault value must be a non-empty string; use delete() to remove one.',
    );
  }
}
