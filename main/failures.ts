/**
 * Turns the capabilities' own error types into failures the renderer can act on: a stable code, the
 * message the capability wrote for people (already scrubbed of secrets), and ids for support.
 */
import type { ErrorCode } from '../preload/contract';
import { AuthFailure, type AuthFailureCode } from './auth';
import { DeskFailure } from './ipc/failure';
import { PartnerCenterError } from './partner-center';
import type { SettingsFailure } from './settings';
import { diskFullMessage, isDiskFull } from './system/disk-full';
import { VaultError } from './vault/secret-store';

const keychainFailedMessage =
  "The OS keychain couldn't read or store a secret. Try again; if it keeps failing, restart the keychain or sign out and in again.";

const authCodes: Record<AuthFailureCode, ErrorCode> = {
  'sign-in-required': 'UNAUTHENTICATED',
  'secret-missing': 'UNAUTHENTICATED',
  'invalid-credentials': 'UNAUTHENTICATED',
  'access-denied': 'FORBIDDEN',
  cancelled: 'CANCELLED',
  'timed-out': 'TIMEOUT',
  network: 'OFFLINE',
  'keychain-unavailable': 'KEYCHAIN_UNAVAILABLE',
  configuration: 'MISCONFIGURED',
  unexpected: 'INTERNAL',
};

function fromAuth(error: AuthFailure): DeskFailure {
  return new DeskFailure(authCodes[error.code], error.message, {
    reason: error.code,
    retryable: error.retryable,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(error.correlationId ? { correlationId: error.correlationId } : {}),
  });
}

/** Settings failures become INVALID_INPUT (with each field's message), NOT_FOUND or CONFLICT. */
export function settingsFailure(failure: SettingsFailure): DeskFailure {
  const code =
    failure.code === 'not-found'
      ? 'NOT_FOUND'
      : failure.code === 'duplicate-name'
        ? 'CONFLICT'
        : 'INVALID_INPUT';
  const fields = failure.fieldErrors;
  const first = Object.keys(fields)[0];
  return new DeskFailure(code, failure.message, {
    fields,
    ...(code === 'INVALID_INPUT' && first ? { field: first } : {}),
  });
}

/**
 * A DeskFailure for errors we know, or undefined for the unexpected (reported as INTERNAL). Its
 * message is for people; the operation, status and raw text stay in the log (`toString`).
 * `dataDir` is named when the disk is full.
 */
export function explainError(error: unknown, dataDir?: string): DeskFailure | undefined {
  if (isDiskFull(error)) return new DeskFailure('DISK_FULL', diskFullMessage(dataDir), { retryable: true });
  if (error instanceof AuthFailure) return fromAuth(error);
  if (error instanceof PartnerCenterError) {
    if (error.kind === 'auth' && error.cause instanceof AuthFailure) return fromAuth(error.cause);
    return new DeskFailure(error.deskErrorCode, error.userMessage, {
      retryable: error.retryable,
      ...(error.status !== undefined ? { status: error.status } : {}),
      ...(error.code !== undefined ? { partnerCenterCode: error.code } : {}),
      ...(error.requestId ? { requestId: error.requestId } : {}),
      ...(error.correlationId ? { correlationId: error.correlationId } : {}),
    });
  }
  if (error instanceof VaultError) {
    // A missing keychain has its own plain words (what to install); other vault errors may quote the
    // keychain library, which is for the log.
    return error.code === 'keychain-unavailable'
      ? new DeskFailure('KEYCHAIN_UNAVAILABLE', error.message, { reason: error.code })
      : new DeskFailure('INTERNAL', keychainFailedMessage, { reason: error.code });
  }
  return undefined;
}

/**
 * The words for a person about any failure: the explained message when we know the error, `fallback`
 * otherwise. Never an error's own `message`, which is written for the log.
 */
export function userMessageOf(error: unknown, fallback: string, dataDir?: string): string {
  if (error instanceof DeskFailure) return error.message;
  return explainError(error, dataDir)?.message ?? fallback;
}
