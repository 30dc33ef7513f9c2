/**
 * The vault: every secret the app holds (app secrets, token caches) lives in the OS keychain through
 * {@link SecretStore}. Plain Node: no Electron, so the web build uses it too.
 */
export {
  assertValidSecretKey,
  assertValidSecretValue,
  KeychainUnavailableError,
  keychainMissingMessage,
  VaultError,
  type SecretStore,
  type VaultErrorCode,
} from './secret-store';
export {
  createKeyringSecretStore,
  DEVELOPMENT_SERVICE_NAME,
  PACKAGED_SERVICE_NAME,
  vaultServiceName,
  type KeyringSecretStore,
  type KeyringSecretStoreOptions,
} from './keyring-secret-store';
export {
  createGuardedSecretStore,
  type GuardedSecretStore,
  type GuardedSecretStoreOptions,
  type KeychainCheck,
} from './keychain-guard';
// The in-memory store is used through the guard only (the demo's secrets without a keychain); unit
// tests import it from './memory-secret-store' directly.
