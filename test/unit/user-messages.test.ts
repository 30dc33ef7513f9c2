/**
 * Messages are sentences a person can act on: whatever failed, the words that reach the screen never
 * name an internal operation (`getProducts`, `syncCatalog`, a keychain call) and never end a sentence
 * twice. The details stay in the log line (`String(error)`), which this test also checks.
 */
import { describe, expect, it } from 'vitest';
import { AuthFailure, type AuthFailureCode } from '../../main/auth';
import { syncMessage } from '../../main/catalog/catalog-service';
import type { CatalogSyncResult } from '../../main/catalog/sync';
import { explainError, userMessageOf } from '../../main/failures';
import {
  PartnerCenterClient,
  PartnerCenterError,
  partnerCenterCodeMessages,
  type PartnerCenterErrorKind,
} from '../../main/partner-center';
import { KeychainUnavailableError, VaultError } from '../../main/vault/secret-store';
import { httpFailure } from '../integration/partner-center/support/http-failure';

/** Every operation name the client can put on an error: its methods, and the sync's own. */
const operations = [
  ...Object.getOwnPropertyNames(PartnerCenterClient.prototype).filter((name) => name !== 'constructor'),
  'syncCatalog',
  'checkInventoryByResourceType',
];

const kinds: ReadonlyArray<PartnerCenterErrorKind> = [
  'http',
  'throttled',
  'network',
  'offline',
  'timeout',
  'cancelled',
  'malformed-response',
  'auth',
  'invalid-request',
];
const statuses = [undefined, 400, 401, 403, 404, 408, 409, 412, 417, 429, 500, 503];
const codes = [undefined, ...Object.keys(partnerCenterCodeMessages), '71001', 'PC-17'];
const descriptions = [
  undefined,
  'The partner is not in the AdminAgents groups.',
  'The partner is not in the AdminAgents groups..',
  'no full stop at the end',
  'Quotes &#39;here&#39; &amp; <b>markup</b>.',
];

const anyOperation = new RegExp(`\\b(${operations.join('|')})\\b`);

function problems(message: string): string[] {
  const found: string[] = [];
  const operation = anyOperation.exec(message)?.[1];
  if (operation !== undefined) found.push(`names ${operation}`);
  if (/\.\s*\./.test(message)) found.push('has a double full stop');
  if (/HTTP \d{3}/.test(message)) found.push('quotes an HTTP status');
  if (message.trim() === '' || !/[.!?…]$/.test(message.trim())) found.push('is not a sentence');
  return found;
}

function syncResult(outcome: CatalogSyncResult['outcome'], reason: string): CatalogSyncResult {
  return {
    catalog: { profileId: 'p', country: 'US', scope: 'AzurePlan', segment: 'commercial' },
    outcome,
    reason,
    error: { kind: 'http', message: 'Partner Center getSkus failed: HTTP 403 (code 1): groups.' },
    resumed: false,
    productsDone: 3,
    productsTotal: 9,
    skuCount: 120,
    requests: 4,
    durationMs: 10,
    generationId: 2,
  };
}

describe('messages people read', () => {
  it('never name an operation nor end twice, for every kind, status, code and description', () => {
    const bad: string[] = [];
    let checked = 0;
    // The words never depend on the operation, so one name stands for all of them here.
    for (const operation of ['getProducts']) {
      for (const kind of kinds) {
        for (const status of statuses) {
          for (const code of codes) {
            for (const description of descriptions) {
              const error = new PartnerCenterError({
                kind,
                operation,
                retryable: false,
                correlationId: '7c1f3a52-0b8e-4c36-9d0a-2f1e9a4b6c11',
                ...(status === undefined ? {} : { status }),
                ...(code === undefined ? {} : { code }),
                ...(description === undefined ? {} : { description }),
              });
              const shown = [
                error.userMessage,
                explainError(error)!.message,
                userMessageOf(error, 'Fallback.'),
                ...(['failed', 'offline', 'cancelled'] as const).flatMap((outcome) => [
                  syncMessage(syncResult(outcome, error.userMessage), { skuCount: 1200, syncedAt: 1 }),
                  syncMessage(syncResult(outcome, error.userMessage), { skuCount: 0, syncedAt: undefined }),
                ]),
              ];
              for (const message of shown) {
                checked += 1;
                for (const problem of problems(message)) bad.push(`${problem}: ${message}`);
              }
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50_000);
    expect([...new Set(bad)].slice(0, 10)).toEqual([]);
  });

  it('keep the operation and status in the log line instead', () => {
    const error = httpFailure({
      operation: 'getProducts',
      status: 403,
      code: '71001',
      description: 'The partner is not in the AdminAgents groups.',
    });
    expect(String(error)).toMatch(/getProducts · HTTP 403 · code 71001/);
    expect(explainError(error)!.details).not.toHaveProperty('operation');
  });

  it('never quote a keychain call or the keychain library', () => {
    const failures = [
      new KeychainUnavailableError('get failed: Platform secure storage failure: DBus error'),
      new VaultError('keychain-failure', 'The OS keychain could not set a secret: os error 5'),
    ];
    for (const failure of failures) {
      const message = explainError(failure)!.message;
      expect(problems(message)).toEqual([]);
      expect(message).not.toMatch(/get failed|set a secret|DBus|os error/);
    }
  });

  it('give every sign-in failure its own sentence', () => {
    const codes: ReadonlyArray<AuthFailureCode> = [
      'sign-in-required',
      'secret-missing',
      'invalid-credentials',
      'access-denied',
      'cancelled',
      'timed-out',
      'network',
      'keychain-unavailable',
      'configuration',
      'unexpected',
    ];
    for (const code of codes) {
      const failure = explainError(new AuthFailure(code, 'Sign in again to continue.'))!;
      expect(problems(failure.message)).toEqual([]);
    }
  });

  it('name the data folder, not a system call, when the disk is full', () => {
    const enospc = Object.assign(new Error("ENOSPC: no space left on device, open 'x'"), { code: 'ENOSPC' });
    const message = userMessageOf(enospc, 'Fallback.', '/data/Reservation Desk');
    expect(message).toContain('(/data/Reservation Desk)');
    expect(problems(message)).toEqual([]);
    expect(message).not.toMatch(/ENOSPC|open '/);
  });
});
