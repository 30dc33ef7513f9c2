/**
 * Sign-in for partner profiles with MSAL Node: App-only (client credentials) and App+User (browser with
 * loopback + PKCE, or device code). Token caches and app secrets live only in the OS keychain.
 * Plain Node: no Electron import; the app passes `shell.openExternal` as `openBrowser`.
 */
export * from './constants';
export * from './errors';
export {
  createGuardedNetworkClient,
  globalAuthority,
  sandboxAuthority,
  type AuthorityConfig,
  type MsalRequestRecord,
} from './authority';
export { createKeychainCachePlugin, isEmptyCache } from './token-cache-plugin';
export * from './auth-service';
