/** Partner Center's resource (audience of its access tokens). */
export const PARTNER_CENTER_RESOURCE = 'https://api.partnercenter.microsoft.com';
/** App-only (client credentials) scope. */
export const PARTNER_CENTER_APP_SCOPES: readonly string[] = [`${PARTNER_CENTER_RESOURCE}/.default`];
/** App+User (delegated) scopes; `offline_access` asks for the refresh token that keeps the user signed in. */
export const PARTNER_CENTER_USER_SCOPES: readonly string[] = [
  `${PARTNER_CENTER_RESOURCE}/user_impersonation`,
  'offline_access',
];
/** Microsoft Graph's resource: reconciliation v2 exports need a token for it (§14.2). */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
/** The Graph permission the reconciliation exports need; an administrator consents to it once. */
export const PARTNER_BILLING_PERMISSION = 'PartnerBilling.Read.All';
/** App-only Graph scope (the consented application permissions). */
export const GRAPH_APP_SCOPES: readonly string[] = [`${GRAPH_RESOURCE}/.default`];
/** App+User Graph scope, minted from the same account and refresh token as Partner Center's. */
export const GRAPH_USER_SCOPES: readonly string[] = [`${GRAPH_RESOURCE}/${PARTNER_BILLING_PERMISSION}`];
/**
 * The partner API's resource: the price sheet (§16) takes a token for this audience, not Partner
 * Center's; App+User only, and the user must be an Admin agent or Sales agent.
 */
export const PARTNER_API_RESOURCE = 'https://api.partner.microsoft.com';
/** Scope of the price sheet token, minted from the same account and refresh token as Partner Center's. */
export const PRICE_SHEET_SCOPES: readonly string[] = [`${PARTNER_API_RESOURCE}/.default`];
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
