/** Partner Center's resource (audience of its access tokens). */
export const PARTNER_CENTER_RESOURCE = 'https://api.partnercenter.microsoft.com';
/** App-only (client credentials) scope. */
export const PARTNER_CENTER_APP_SCOPES: readonly string[] = [`${PARTNER_CENTER_RESOURCE}/.default`];
/** App+User (delegated) scopes; `offline_access` asks for the refresh token that keeps the user signed in. */
export const PARTNER_CENTER_USER_SCOPES: readonly string[] = [
  `${PARTNER_CENTER_RESOURCE}/user_impersonation`,
  'offline_access',
];
/** Microsoft Entra ID's global sign-in host. */
export const GLOBAL_LOGIN_HOST = 'login.microsoftonline.com';

/** Keychain key of a profile's app secret. */
export function clientSecretKey(profileId: string): string {
  return `profile:${profileId}:client-secret`;
}

/** Keychain key of a profile's MSAL token cache. */
export function tokenCacheKey(profileId: string): string {
  return `profile:${profileId}:token-cache`;
}
