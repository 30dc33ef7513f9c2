/**
 * The error model: a user message for every contract error code, stable kinds, and no secrets in any
 * text an error can produce.
 */
import { describe, expect, it } from 'vitest';
import {
  PartnerCenterError,
  cartErrorMessage,
  isPartnerCenterError,
  isRetryableStatus,
  parseRetryAfter,
  partnerCenterCodeMessages,
  redactSecrets,
} from '../../../main/partner-center';
import { httpFailure } from './support/http-failure';

/** Every code in the contract's §1.7 table. */
const contractCodes = [
  400, 800001, 400030, 400036, 400013, 400018, 400019, 400072, 2030, 2085, 800020, 20002, 20003, 20000, 3000,
  800002, 800003, 800004, 800005, 800007, 800008, 800009, 800010, 800011, 800012, 800013, 800017, 800018,
  800030, 800060, 800064, 800065, 800069, 800070, 900121, 900169, 900192, 800036,
];

describe('user messages', () => {
  it('has a message for every error code the contract lists', () => {
    for (const code of contractCodes) {
      expect(partnerCenterCodeMessages[String(code)], `code ${code}`).toBeTruthy();
      const error = httpFailure({ code: String(code) });
      expect(error.userMessage).toBe(partnerCenterCodeMessages[String(code)]);
    }
  });

  it('says what to do for 800030', () => {
    const error = httpFailure({ operation: 'checkoutCart', code: '800030' });
    expect(error.userMessage).toBe(
      "This subscription isn't registered for reservations yet: register it on the Customers screen.",
    );
    expect(isPartnerCenterError(error, 800030)).toBe(true);
    expect(isPartnerCenterError(error, '800031')).toBe(false);
  });

  it.each([
    ['network', /connection/],
    ['offline', /internet connection/],
    ['timeout', /in time/],
    ['cancelled', /cancelled/],
    ['malformed-response', /could not read/],
    ['auth', /Sign in again/],
  ] as const)('has a message for %s failures', (kind, pattern) => {
    expect(new PartnerCenterError({ kind, operation: 'op', retryable: false }).userMessage).toMatch(pattern);
  });

  it('falls back to the HTTP status for unknown codes', () => {
    const error = httpFailure({ status: 503, code: '123456', retryable: true });
    expect(error.userMessage).toMatch(/Try again/);
    expect(error.deskErrorCode).toBe('PARTNER_CENTER');
  });

  it('has messages for cart line error codes', () => {
    expect(cartErrorMessage(10011)).toMatch(/register it on the Customers screen/);
    expect(cartErrorMessage('10003')).toMatch(/capacity/);
    expect(cartErrorMessage(10017)).toMatch(/custom term/);
    expect(cartErrorMessage(99999)).toMatch(/99999/);
  });
});

describe('no secrets', () => {
  it('redacts bearer tokens, JWTs, known secrets and token-bearing query values', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.abcDEF123';
    expect(redactSecrets(`Authorization: Bearer abc.def-ghi`)).toBe('Authorization: Bearer [redacted]');
    expect(redactSecrets(`token ${jwt} here`)).toBe('token [redacted-jwt] here');
    expect(redactSecrets('client_secret=s3cr3t&x=1')).toBe('client_secret=[redacted]&x=1');
    expect(redactSecrets('the secret is hunter22-and-more', 'hunter22-and-more')).toBe(
      'the secret is [redacted]',
    );
  });

  it('keeps secrets out of message, toString, JSON and stack', () => {
    const secret = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.abcDEF123';
    const error = httpFailure({
      operation: 'getBalance',
      status: 401,
      code: '800001',
      description: `bad token Bearer ${secret}`,
      requestId: 'r',
      correlationId: 'c',
      cause: new Error(`fetch failed for Bearer ${secret}`),
    });
    const texts = [
      error.message,
      error.toString(),
      JSON.stringify(error),
      error.stack ?? '',
      String((error.cause as Error).message),
    ];
    for (const text of texts) expect(text).not.toContain(secret);
    expect(error.toString()).toMatch(/HTTP 401 · code 800001 · request r · correlation c/);
  });
});

describe('retry rules and Retry-After', () => {
  it('retries only 408, 429 and 5xx', () => {
    expect([400, 401, 403, 404, 409, 417].map(isRetryableStatus)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([408, 429, 500, 502, 503, 504].map(isRetryableStatus)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
