import { describe, expect, it } from 'vitest';
import {
  AuthFailure,
  createGuardedNetworkClient,
  globalAuthority,
  sandboxAuthority,
} from '../../../main/auth';

const TENANT = '11111111-2222-4333-8444-555555555555';
const BASE = 'http://127.0.0.1:4567';
const AUTHORITY = `${BASE}/${TENANT}`;
const OPENID = {
  issuer: `${AUTHORITY}/v2.0`,
  authorization_endpoint: `${AUTHORITY}/oauth2/v2.0/authorize`,
  token_endpoint: `${AUTHORITY}/oauth2/v2.0/token`,
  jwks_uri: `${AUTHORITY}/discovery/v2.0/keys`,
};

function fakeFetch(routes: Record<string, unknown>, seen: string[] = []): typeof fetch {
  return (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    seen.push(url);
    const path = url.split('?')[0] ?? url;
    if (path in routes) return Promise.resolve(Response.json(routes[path]));
    return Promise.resolve(new Response('not found', { status: 404 }));
  };
}

describe('authorities', () => {
  it('uses login.microsoftonline.com for global profiles', () => {
    expect(globalAuthority(TENANT)).toEqual({
      authority: `https://login.microsoftonline.com/${TENANT}`,
      knownAuthorities: [],
    });
  });

  it('configures the sandbox so MSAL needs no discovery request and no internet', async () => {
    const seen: string[] = [];
    const config = await sandboxAuthority(AUTHORITY, {
      fetch: fakeFetch({ [`${AUTHORITY}/v2.0/.well-known/openid-configuration`]: OPENID }, seen),
    });
    expect(seen).toEqual([`${AUTHORITY}/v2.0/.well-known/openid-configuration`]);
    // MSAL only accepts https authorities; the endpoints stay the sandbox's real http ones.
    expect(config.authority).toBe(`https://127.0.0.1:4567/${TENANT}`);
    expect(config.knownAuthorities).toEqual(['127.0.0.1:4567']);
    expect(JSON.parse(config.authorityMetadata ?? '{}')).toMatchObject({
      token_endpoint: OPENID.token_endpoint,
    });
    expect(JSON.parse(config.cloudDiscoveryMetadata ?? '{}')).toMatchObject({
      metadata: [{ preferred_network: '127.0.0.1:4567', aliases: ['127.0.0.1:4567'] }],
    });
    expect(config.allowedOrigins).toEqual([BASE]);
  });

  it('falls back to the v1 discovery path and explains failures', async () => {
    const v1 = await sandboxAuthority(AUTHORITY, {
      fetch: fakeFetch({ [`${AUTHORITY}/.well-known/openid-configuration`]: OPENID }),
    });
    expect(v1.authority).toContain('https://');
    await expect(sandboxAuthority(AUTHORITY, { fetch: fakeFetch({}) })).rejects.toMatchObject({
      code: 'configuration',
    });
    const down = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
    const error: unknown = await sandboxAuthority(AUTHORITY, { fetch: down }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AuthFailure);
    expect(error).toMatchObject({ code: 'network', retryable: true });
    await expect(sandboxAuthority('not a url')).rejects.toMatchObject({ code: 'configuration' });
  });
});

describe('guarded network client', () => {
  it('lets MSAL reach only the allowed origins and records method and URL only', async () => {
    const records: unknown[] = [];
    const client = createGuardedNetworkClient({
      allowedOrigins: [BASE],
      fetch: fakeFetch({ [`${AUTHORITY}/oauth2/v2.0/token`]: { access_token: 'x' } }),
      onRequest: (record) => records.push(record),
    });
    const response = await client.sendPostRequestAsync<{ access_token: string }>(
      `${AUTHORITY}/oauth2/v2.0/token?x=1`,
      { body: 'client_secret=hidden' },
    );
    expect(response.status).toBe(200);
    expect(response.body.access_token).toBe('x');
    await expect(
      client.sendGetRequestAsync('https://login.microsoftonline.com/common/discovery/instance'),
    ).rejects.toThrow(/Blocked a sign-in request to https:\/\/login.microsoftonline.com/);
    expect(records).toEqual([
      { method: 'POST', url: `${AUTHORITY}/oauth2/v2.0/token`, allowed: true },
      { method: 'GET', url: 'https://login.microsoftonline.com/common/discovery/instance', allowed: false },
    ]);
    expect(JSON.stringify(records)).not.toContain('hidden');
  });

  it('reports a non-JSON answer as a network problem', async () => {
    const client = createGuardedNetworkClient({
      allowedOrigins: [BASE],
      fetch: () => Promise.resolve(new Response('<html>', { status: 502 })),
    });
    await expect(client.sendGetRequestAsync(`${BASE}/x`)).rejects.toMatchObject({ name: 'NetworkError' });
  });
});
