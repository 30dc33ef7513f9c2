/**
 * The third token (§16): the partner price sheet takes the audience `https://api.partner.microsoft.com`,
 * minted silently from the same signed-in user as the Partner Center token and kept in memory until
 * it nears expiry; an App-only profile is told that prices need a signed-in user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthFailure } from '../../../main/auth';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox';
import { jwtPayload, signedIn } from './helpers';

describe('price sheet token', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ catalog: 'small', lineItems: 10, autoApprove: true });
  });
  afterAll(() => sandbox?.close());

  it('comes from the same sign-in, for the partner API audience, and is reused from memory', async () => {
    const { auth, requests, profile } = await signedIn(sandbox, 'price-user', 'app-user');
    const first = await auth.getPriceSheetAccessToken(profile);
    expect(jwtPayload(first.accessToken)).toMatchObject({
      aud: 'https://api.partner.microsoft.com',
      upn: sandbox.user,
    });
    const asked = requests.length;
    const second = await auth.getPriceSheetAccessToken(profile);
    expect(second.accessToken).toBe(first.accessToken);
    expect(requests.length).toBe(asked);
    // The Partner Center token beside it keeps its own audience.
    expect(jwtPayload((await auth.getAccessToken(profile)).accessToken)).toMatchObject({
      aud: 'https://api.partnercenter.microsoft.com',
    });
  });

  it('an App-only profile is told that prices need a signed-in user with the role', async () => {
    const { auth, profile } = await signedIn(sandbox, 'price-app', 'app-only');
    const error = await auth.getPriceSheetAccessToken(profile).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthFailure);
    expect((error as AuthFailure).code).toBe('access-denied');
    expect((error as AuthFailure).message).toMatch(
      /signed-in user \(App\+User\).*Admin agent or Sales agent/,
    );
  });
});
