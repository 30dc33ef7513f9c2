import { InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { AuthFailure, isSignInRequired, scrub, SignInRequiredError, toAuthFailure } from '../../../main/auth';
import { KeychainUnavailableError, keychainMissingMessage, VaultError } from '../../../main/vault';

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL2FwaS5wYXJ0bmVyY2VudGVyLm1pY3Jvc29mdC5jb20ifQ.c2lnbmF0dXJlLXBhcnQtMTIz';
const REFRESH = '0.SBX.kR3m9TqZ8vYxWp2LcD7hJ4nB6sF1gA5eU0oIiQrTtYyUuPpLlKkMmNn';
const SECRET = 'abc~Q8x.secretvalue';
const context = { profileName: 'Contoso' };
const CORRELATION = '0b5f8c2e-1a2b-4c3d-8e9f-001122334455';

describe('scrub', () => {
  it('removes JWTs, refresh tokens and known secrets, keeps GUIDs and error codes', () => {
    const text = `token ${JWT} refresh=${REFRESH} secret ${SECRET} id 72f988bf-86f1-41af-91ab-2d7cd011db47 code loopback_server_query_response_not_supported`;
    const clean = scrub(text, [SECRET]);
    expect(clean).not.toContain(JWT.slice(0, 30));
    expect(clean).not.toContain(REFRESH.slice(6));
    expect(clean).not.toContain(SECRET);
    expect(clean).toContain('72f988bf-86f1-41af-91ab-2d7cd011db47');
    expect(clean).toContain('loopback_server_query_response_not_supported');
  });
});

describe('toAuthFailure', () => {
  it('turns an expired or revoked refresh token into a plain "sign in again"', () => {
    const error = new InteractionRequiredAuthError(
      'invalid_grant',
      CORRELATION,
      `AADSTS70000: The refresh token is invalid or has been revoked. ${REFRESH}`,
    );
    const failure = toAuthFailure(error, context);
    expect(failure).toBeInstanceOf(SignInRequiredError);
    expect(isSignInRequired(failure)).toBe(true);
    expect(failure.message).toBe('Your sign-in for "Contoso" has expired. Sign in again to continue.');
    expect(failure.detail).toBe('invalid_grant AADSTS70000');
    expect(failure.correlationId).toBe(CORRELATION);
    expect(JSON.stringify(failure)).not.toContain(REFRESH);
  });

  it('maps a rejected app secret without repeating it', () => {
    const error = new ServerError(
      'invalid_client',
      CORRELATION,
      `AADSTS7000215: Invalid client secret provided: ${SECRET}`,
    );
    const failure = toAuthFailure(error, { ...context, knownSecrets: [SECRET] });
    expect(failure.code).toBe('invalid-credentials');
    expect(failure.message).toMatch(/rejected the app ID or app secret/);
    expect(`${failure.message} ${failure.detail ?? ''} ${JSON.stringify(failure)}`).not.toContain(SECRET);
    expect('cause' in failure).toBe(false);
  });

  it('keeps a correlation id only when it is a GUID', () => {
    const failure = toAuthFailure(
      new ServerError('invalid_client', `leak ${SECRET}`, 'AADSTS7000215: bad'),
      context,
    );
    expect(failure.correlationId).toBeUndefined();
    expect(JSON.stringify(failure)).not.toContain(SECRET);
  });

  it('says when the app is unknown in the tenant', () => {
    const failure = toAuthFailure(
      new ServerError('unauthorized_client', CORRELATION, 'AADSTS700016: Application not found'),
      context,
    );
    expect(failure).toMatchObject({
      code: 'invalid-credentials',
      detail: 'unauthorized_client AADSTS700016',
    });
    expect(failure.message).toMatch(/does not know this app ID/);
  });

  it('maps cancellation, denial, expiry, network and keychain trouble', () => {
    const aborted = AbortSignal.abort();
    expect(toAuthFailure(new Error('whatever'), { ...context, signal: aborted }).code).toBe('cancelled');
    expect(toAuthFailure({ errorCode: 'device_code_polling_cancelled' }, context).code).toBe('cancelled');
    expect(
      toAuthFailure(new ServerError('access_denied', CORRELATION, 'AADSTS65004: declined'), context).code,
    ).toBe('access-denied');
    const expired = toAuthFailure(
      new ServerError('expired_token', CORRELATION, 'AADSTS70019: expired'),
      context,
    );
    expect(expired).toMatchObject({ code: 'timed-out', retryable: true });
    expect(toAuthFailure(new TypeError('fetch failed'), context)).toMatchObject({
      code: 'network',
      retryable: true,
    });
    expect(toAuthFailure(new KeychainUnavailableError('no D-Bus'), context)).toMatchObject({
      code: 'keychain-unavailable',
      message: keychainMissingMessage(),
    });
    expect(toAuthFailure(new VaultError('keychain-failure', 'boom'), context).code).toBe('unexpected');
    expect(
      toAuthFailure(new ServerError('invalid_tenant', CORRELATION, 'AADSTS90002: Tenant not found'), context)
        .code,
    ).toBe('configuration');
    expect(toAuthFailure('odd', context).code).toBe('unexpected');
  });

  it('passes its own failures through and serializes as data', () => {
    const own = new AuthFailure('secret-missing', 'Enter the app secret.', {
      detail: 'x',
      correlationId: 'c',
    });
    expect(toAuthFailure(own, context)).toBe(own);
    expect(JSON.parse(JSON.stringify(own))).toEqual({
      code: 'secret-missing',
      message: 'Enter the app secret.',
      retryable: false,
      detail: 'x',
      correlationId: 'c',
    });
  });
});
