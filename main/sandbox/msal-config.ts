/**
 * How to point MSAL Node at the sandbox without it ever going online: MSAL insists on an `https`
 * authority, so the authority it is given is an https alias of the sandbox's host, and the real
 * (http, loopback) endpoints come from `authorityMetadata`; `cloudDiscoveryMetadata` and
 * `knownAuthorities` stop it from calling Azure AD's instance discovery.
 */

/** The OpenID configuration the sandbox serves at `{authority}/v2.0/.well-known/openid-configuration`. */
export function sandboxOpenIdConfiguration(baseUrl: string, tenantId: string): Record<string, unknown> {
  const root = `${baseUrl}/${tenantId}`;
  return {
    token_endpoint: `${root}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${root}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${root}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${root}/openid/userinfo`,
    authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${root}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'oid',
    ],
    tenant_region_scope: 'NA',
    cloud_instance_name: 'sandbox.local',
    cloud_graph_host_name: 'graph.sandbox.local',
    msgraph_host: 'graph.sandbox.local',
  };
}

/** The instance-discovery answer the sandbox serves at `/common/discovery/instance`. */
export function sandboxInstanceDiscovery(baseUrl: string, tenantId: string): Record<string, unknown> {
  const host = new URL(baseUrl).host;
  return {
    tenant_discovery_endpoint: `${baseUrl}/${tenantId}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}

/** MSAL Node `auth` options (minus clientId/secret) that make it talk to the sandbox only. */
export interface SandboxMsalAuthOptions {
  readonly authority: string;
  readonly knownAuthorities: string[];
  readonly authorityMetadata: string;
  readonly cloudDiscoveryMetadata: string;
}

/**
 * Builds the MSAL `auth` options for a sandbox at `baseUrl` (e.g. from the CLI's ready line); for a
 * sandbox playing a sovereign cloud, `baseUrl` carries the cloud's authority path.
 */
export function sandboxMsalAuthOptions(baseUrl: string, tenantId: string): SandboxMsalAuthOptions {
  const url = new URL(baseUrl);
  const host = url.host;
  return {
    authority: `https://${host}${url.pathname.replace(/\/+$/, '')}/${tenantId}`,
    knownAuthorities: [host],
    authorityMetadata: JSON.stringify(sandboxOpenIdConfiguration(baseUrl, tenantId)),
    cloudDiscoveryMetadata: JSON.stringify(sandboxInstanceDiscovery(baseUrl, tenantId)),
  };
}
