/**
 * The sandbox's Azure AD: metadata, every grant MSAL uses, and MSAL Node itself signing in against
 * it offline (client credentials, device code).
 */
import { createHash, randomBytes } from 'node:crypto';
import { ConfidentialClientApplication, PublicClientApplication } from '@azure/msal-node';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { at, postForm } from './sandbox-helpers';

const PC = 'https://api.partnercenter.microsoft.com';

describe('sandbox identity (manual approval)', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ catalog: 'small', lineItems: 100 });
  });
  afterAll(() => sandbox.close());

  it('serves OpenID configuration, instance discovery and JWKS', async () => {
    const config = (await (
      await fetch(`${sandbox.authority}/v2.0/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(config.token_endpoint).toBe(`${sandbox.authority}/oauth2/v2.0/token`);
    expect(config.authorization_endpoint).toBe(`${sandbox.authority}/oauth2/v2.0/authorize`);
    expect(config.issuer).toBe(`${sandbox.authority}/v2.0`);
    const discovery: unknown = await (
      await fetch(`${sandbox.baseUrl}/common/discovery/instance?api-version=1.1`)
    ).json();
    expect(at(discovery, 'metadata', 0, 'preferred_cache')).toBe(new URL(sandbox.baseUrl).host);
    const unknownTenant = await fetch(
      `${sandbox.baseUrl}/not-a-tenant/v2.0/.well-known/openid-configuration`,
    );
    expect(unknownTenant.status).toBe(400);
    expect(at(await unknownTenant.json(), 'error')).toBe('invalid_tenant');
    const keys: unknown = await (await fetch(String(config.jwks_uri))).json();
    expect(at(keys, 'keys', 0, 'kty')).toBe('RSA');
    expect(at(keys, 'keys', 0, 'd')).toBeUndefined();
  });

  it('issues app-only tokens for client credentials and refuses a wrong secret or scope', async () => {
    const token = `${sandbox.authority}/oauth2/v2.0/token`;
    const good = await postForm(token, {
      grant_type: 'client_credentials',
      client_id: sandbox.clientId,
      client_secret: sandbox.clientSecret,
      scope: `${PC}/.default`,
    });
    expect(good.status).toBe(200);
    const claims = decodeJwt(String(at(good.json, 'access_token')));
    expect(claims.aud).toBe(PC);
    expect(claims.tid).toBe(sandbox.tenantId);
    expect(claims.idtyp).toBe('app');
    expect(claims.exp! - claims.iat!).toBe(3600);

    const badSecret = await postForm(token, {
      grant_type: 'client_credentials',
      client_id: sandbox.clientId,
      client_secret: 'nope',
      scope: `${PC}/.default`,
    });
    expect(badSecret.status).toBe(401);
    expect(at(badSecret.json, 'error')).toBe('invalid_client');

    const badScope = await postForm(token, {
      grant_type: 'client_credentials',
      client_id: sandbox.clientId,
      client_secret: sandbox.clientSecret,
      scope: `${PC}/user_impersonation`,
    });
    expect(at(badScope.json, 'error')).toBe('invalid_scope');

    const v1 = await postForm(`${sandbox.authority}/oauth2/token`, {
      grant_type: 'client_credentials',
      client_id: sandbox.clientId,
      client_secret: sandbox.clientSecret,
      resource: PC,
    });
    expect(v1.status).toBe(200);
    expect(at(v1.json, 'resource')).toBe(PC);
    expect(at(v1.json, 'expires_in')).toBe('3600');
  });

  it('keeps a device code pending until the user approves it', async () => {
    const start = await postForm(`${sandbox.authority}/oauth2/v2.0/devicecode`, {
      client_id: sandbox.clientId,
      scope: `${PC}/user_impersonation offline_access openid profile`,
    });
    expect(start.status).toBe(200);
    const deviceCode = String(at(start.json, 'device_code'));
    const poll = (): Promise<{ status: number; json: unknown }> =>
      postForm(`${sandbox.authority}/oauth2/v2.0/token`, {
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        client_id: sandbox.clientId,
        device_code: deviceCode,
      });
    const pending = await poll();
    expect(pending.status).toBe(400);
    expect(at(pending.json, 'error')).toBe('authorization_pending');
    expect(sandbox.approveDeviceCode(String(at(start.json, 'user_code')))).toBe(true);
    const done = await poll();
    expect(done.status).toBe(200);
    const claims = decodeJwt(String(at(done.json, 'access_token')));
    expect(claims.scp).toBe('user_impersonation');
    expect(claims.upn).toBe(sandbox.user);
    expect(at(done.json, 'refresh_token')).toEqual(expect.any(String));
    expect(at(done.json, 'id_token')).toEqual(expect.any(String));
    // A device code is single-use.
    expect((await poll()).status).toBe(400);
  });

  it('runs the browser flow: sign-in page, redirect with code and state, PKCE-checked redemption, refresh', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = 'http://localhost:51234/redirect';
    const authorize = new URL(`${sandbox.authority}/oauth2/v2.0/authorize`);
    for (const [key, value] of Object.entries({
      client_id: sandbox.clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: `${PC}/user_impersonation offline_access openid profile`,
      state: 'state-123',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      nonce: 'nonce-1',
    })) {
      authorize.searchParams.set(key, value);
    }
    const page = await fetch(authorize);
    const html = await page.text();
    expect(html).toContain('Sign in as the demo user');
    const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1];
    expect(requestId).toBeDefined();
    const submit = await fetch(authorize.origin + authorize.pathname, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request: requestId!, action: 'approve' }).toString(),
      redirect: 'manual',
    });
    expect(submit.status).toBe(302);
    const location = new URL(submit.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('state-123');
    const code = location.searchParams.get('code')!;

    const token = `${sandbox.authority}/oauth2/v2.0/token`;
    const base = {
      grant_type: 'authorization_code',
      client_id: sandbox.clientId,
      redirect_uri: redirectUri,
      code,
    };
    const wrong = await postForm(token, { ...base, code_verifier: 'wrong-verifier' });
    expect(at(wrong.json, 'error')).toBe('invalid_grant');
    // The failed attempt consumed the code, as Azure AD does: start again with a fresh one.
    const again = await fetch(authorize);
    const id2 = /name="request" value="([^"]+)"/.exec(await again.text())![1]!;
    const submit2 = await fetch(authorize.origin + authorize.pathname, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request: id2, action: 'approve' }).toString(),
      redirect: 'manual',
    });
    const code2 = new URL(submit2.headers.get('location')!).searchParams.get('code')!;
    const good = await postForm(token, { ...base, code: code2, code_verifier: verifier });
    expect(good.status).toBe(200);
    expect(decodeJwt(String(at(good.json, 'id_token'))).nonce).toBe('nonce-1');

    const refreshed = await postForm(token, {
      grant_type: 'refresh_token',
      client_id: sandbox.clientId,
      refresh_token: String(at(good.json, 'refresh_token')),
      scope: `${PC}/user_impersonation offline_access`,
    });
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(String(at(refreshed.json, 'access_token'))).scp).toBe('user_impersonation');
    const badRefresh = await postForm(token, {
      grant_type: 'refresh_token',
      client_id: sandbox.clientId,
      refresh_token: 'not-a-token',
    });
    expect(at(badRefresh.json, 'error')).toBe('invalid_grant');
  });

  it('refuses redirect URIs that are not loopback', async () => {
    const url = new URL(`${sandbox.authority}/oauth2/v2.0/authorize`);
    url.searchParams.set('client_id', sandbox.clientId);
    url.searchParams.set('redirect_uri', 'https://evil.example/cb');
    url.searchParams.set('response_type', 'code');
    expect((await fetch(url)).status).toBe(400);
  });
});

describe('MSAL Node against the sandbox (auto-approve)', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ catalog: 'small', lineItems: 100, autoApprove: true });
  });
  afterAll(() => sandbox.close());

  it('acquires an app-only token with client credentials and the API accepts it', async () => {
    const app = new ConfidentialClientApplication({
      auth: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, ...sandbox.msal },
    });
    const result = await app.acquireTokenByClientCredential({ scopes: [`${PC}/.default`] });
    expect(result?.accessToken).toBeTruthy();
    const response = await fetch(`${sandbox.baseUrl}/v1/products?country=US&targetView=AzureReservations`, {
      headers: { Authorization: `Bearer ${result!.accessToken}` },
    });
    expect(response.status).toBe(200);
  });

  it('signs in interactively through the browser flow (authorize → form_post to the loopback → PKCE token)', async () => {
    const app = new PublicClientApplication({ auth: { clientId: sandbox.clientId, ...sandbox.msal } });
    let opened = '';
    const result = await app.acquireTokenInteractive({
      scopes: [`${PC}/user_impersonation`],
      // The "browser": load the auto-approved sign-in, then submit its form_post page to MSAL's loopback.
      openBrowser: async (url) => {
        opened = url;
        const page = await (await fetch(url)).text();
        const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
        const fields = [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
          ([, name, value]): [string, string] => [
            name!,
            value!.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))),
          ],
        );
        await fetch(
          action!.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))),
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(fields).toString(),
          },
        );
      },
      successTemplate: 'Signed in.',
    });
    expect(new URL(opened).searchParams.get('code_challenge_method')).toBe('S256');
    expect(result.account?.username).toBe(sandbox.user);
    expect(decodeJwt(result.accessToken).scp).toBe('user_impersonation');
  });

  it('signs the demo user in with the device-code flow and refreshes silently', async () => {
    const app = new PublicClientApplication({ auth: { clientId: sandbox.clientId, ...sandbox.msal } });
    let message = '';
    const result = await app.acquireTokenByDeviceCode({
      scopes: [`${PC}/user_impersonation`],
      deviceCodeCallback: (response) => {
        message = response.message;
      },
    });
    expect(message).toContain('/oauth2/deviceauth');
    expect(result?.account?.username).toBe(sandbox.user);
    const claims = decodeJwt(result!.accessToken);
    expect(claims.scp).toBe('user_impersonation');
    const silent = await app.acquireTokenSilent({
      account: result!.account!,
      scopes: [`${PC}/user_impersonation`],
      forceRefresh: true,
    });
    expect(silent.accessToken).toBeTruthy();
    expect(silent.accessToken).not.toBe(result!.accessToken);
    const entitlements = await fetch(
      `${sandbox.baseUrl}/v1/customers/${sandbox.world.customers[0]!.id}/entitlements`,
      {
        headers: { Authorization: `Bearer ${silent.accessToken}` },
      },
    );
    expect(entitlements.status).toBe(200);
  });
});
