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

/**
 * What is missing and how to get it, in plain words: the one message people see when there is no
 * usable keychain (never the keychain library's own text, which names D-Bus internals).
 */
export function keychainMissingMessage(platform: NodeJS.Platform = process.platform): string {
  const consequence = 'so Reservation Desk cannot keep app secrets or sign-ins';
  switch (platform) {
    case 'darwin':
      return `The macOS Keychain is not available, ${consequence}: unlock your login keychain in Keychain Access, then restart the app.`;
    case 'win32':
      return `Windows Credential Manager is not available, ${consequence}: sign in to Windows with your own user account, then restart the app.`;
    default:
      return `No OS keychain is available, ${consequence}: install a Secret Service such as gnome-keyring, make sure it runs unlocked in your desktop session, then restart the app.`;
  }
}

/**
 * Thrown when there is no usable OS keychain (no Secret Service on Linux, locked keychain, ...). Its
 * message is {@link keychainMissingMessage}; the library's own text stays in `detail`, for diagnostics.
 */
export class KeychainUnavailableError extends VaultError {
  override readonly name = 'KeychainUnavailableError';
  /** What the keychain library said (may name D-Bus internals): not for people. */
  readonly detail: string;

  constructor(detail: string, options?: { cause?: unknown; platform?: NodeJS.Platform }) {
    super('keychain-unavailable', keychainMissingMessage(options?.platform), options);
    this.detail = detail;
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
