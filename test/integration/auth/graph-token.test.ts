/**
 * The second token (§14.2): a Microsoft Graph token with PartnerBilling.Read.All, minted by MSAL from
 * the same account (App+User) or the same app secret (App-only); where an administrator never granted
 * the permission, a message that says exactly what to grant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthFailure } from '../../../main/auth';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox';
import { jwtPayload, signedIn } from './helpers';

describe('Graph token for reconciliation exports', () => {
  let sandbox: RunningSandbox;
  let noConsent: RunningSandbox;
  beforeAll(async () => {
    [sandbox, noConsent] = await Promise.all([
      startSandbox({ catalog: 'small', lineItems: 10, autoApprove: true }),
      startSandbox({ catalog: 'small', lineItems: 10, autoApprove: true, graphConsent: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([sandbox?.close(), noConsent?.close()]);
  });

  it('gets a Graph token for the signed-in user from the same sign-in', async () => {
    const { auth, profile } = await signedIn(sandbox, 'graph-user', 'app-user');
    const graph = await auth.getGraphAccessToken(profile);
    expect(jwtPayload(graph.accessToken)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      scp: 'PartnerBilling.Read.All',
      upn: sandbox.user,
    });
    // The Partner Center token is unchanged beside it.
    expect(jwtPayload((await auth.getAccessToken(profile)).accessToken)).toMatchObject({
      aud: 'https://api.partnercenter.microsoft.com',
    });
  });

  it('gets an app-only Graph token with the billing role from the app secret', async () => {
    const { auth, profile } = await signedIn(sandbox, 'graph-app', 'app-only');
    const graph = await auth.getGraphAccessToken(profile);
    expect(jwtPayload(graph.accessToken)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      roles: ['PartnerBilling.Read.All'],
    });
  });

  it('says exactly what an administrator must grant when consent is missing', async () => {
    const { auth, profile } = await signedIn(noConsent, 'graph-none', 'app-user');
    const error = await auth.getGraphAccessToken(profile).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthFailure);
    expect((error as AuthFailure).code).toBe('access-denied');
    expect((error as AuthFailure).message).toContain('PartnerBilling.Read.All');
    expect((error as AuthFailure).message).toMatch(/administrator/);
    expect((error as AuthFailure).message).not.toMatch(/AADSTS|eyJ/);
  });
});
