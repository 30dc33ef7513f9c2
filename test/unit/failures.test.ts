import { describe, expect, it } from 'vitest';
import { AuthFailure, SignInRequiredError } from '../../main/auth';
import { explainError } from '../../main/failures';
import { PartnerCenterError } from '../../main/partner-center';
import { KeychainUnavailableError } from '../../main/vault';
import { httpFailure } from '../integration/partner-center/support/http-failure';

describe('explaining capability errors to the renderer', () => {
  it('turns an expired sign-in into UNAUTHENTICATED with the plain “sign in again” message', () => {
    const failure = explainError(new SignInRequiredError('Contoso'))!;
    expect(failure.code).toBe('UNAUTHENTICATED');
    expect(failure.message).toContain('Sign in again');
  });

  it('keeps Partner Center’s ids for support and its message for people', () => {
    const failure = explainError(
      httpFailure({
        operation: 'createCart',
        status: 409,
        code: '800030',
        requestId: '11111111-1111-1111-1111-111111111111',
        correlationId: '22222222-2222-2222-2222-222222222222',
      }),
    )!;
    expect(failure.code).toBe('CONFLICT');
    expect(failure.details).toMatchObject({
      partnerCenterCode: '800030',
      requestId: '11111111-1111-1111-1111-111111111111',
      status: 409,
    });
    expect(failure.message.length).toBeGreaterThan(10);
  });

  it('reports a sign-in failure hidden inside a Partner Center call as the sign-in failure', () => {
    const inner = new SignInRequiredError('Contoso');
    const failure = explainError(
      new PartnerCenterError({ kind: 'auth', operation: 'listCustomers', retryable: false, cause: inner }),
    )!;
    expect(failure.code).toBe('UNAUTHENTICATED');
    expect(failure.message).toBe(inner.message);
  });

  it('maps cancelled, offline and keychain trouble to their own codes', () => {
    expect(explainError(new AuthFailure('cancelled', 'Sign-in was cancelled.'))!.code).toBe('CANCELLED');
    expect(explainError(new AuthFailure('network', 'No network.'))!.code).toBe('OFFLINE');
    expect(explainError(new KeychainUnavailableError('no Secret Service'))!.code).toBe(
      'KEYCHAIN_UNAVAILABLE',
    );
  });

  it('leaves unknown errors to be reported as INTERNAL', () => {
    expect(explainError(new Error('boom'))).toBeUndefined();
    expect(explainError('a string')).toBeUndefined();
  });
});
