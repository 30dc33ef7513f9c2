/**
 * The vault: every secret the app holds (app secrets, token caches) lives in the OS keychain through
 * {@link SecretStore}. Plain Node: no Electron, so the web build uses it too.
 */
export {
  assertValidSecretKey,
  assertValidSecretValue,
  KeychainUnavailableError,
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
// The in-memory store is for unit tests only; they import it from './memory-secret-store' directly.
