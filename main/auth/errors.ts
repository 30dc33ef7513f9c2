import { VaultError } from '../vault/secret-store';

/** Why signing in or getting a token failed; the bridge shows a message per code. */
export type AuthFailureCode =
  /** The refresh token expired or was revoked, or there is no signed-in user: sign in again. */
  | 'sign-in-required'
  /** App-only profile without an app secret in the keychain. */
  | 'secret-missing'
  /** Entra ID rejected the app ID or secret. */
  | 'invalid-credentials'
  /** The user declined, or the tenant refused consent. */
  | 'access-denied'
  /** The caller cancelled (AbortSignal). */
  | 'cancelled'
  /** The device code or browser sign-in expired before the user finished. */
  | 'timed-out'
  /** The identity endpoint could not be reached. */
  | 'network'
  /** No OS keychain (secrets cannot be stored or read). */
  | 'keychain-unavailable'
  /** The profile or authority is not usable (bad tenant, sandbox not running, ...). */
  | 'configuration'
  /** Anything else. */
  | 'unexpected';

/**
 * An auth failure with a stable code and a plain message. Messages and details are built by us and
 * scrubbed, and the original MSAL error is deliberately not kept as `cause`, so nothing here can carry
 * a secret or a token into a log or across the bridge.
 */
export class AuthFailure extends Error {
  override readonly name: string = 'AuthFailure';
  readonly code: AuthFailureCode;
  /** Whether trying the same thing again later may help (network trouble, timeouts). */
  readonly retryable: boolean;
  /** MSAL / Entra ID error code (e.g. `invalid_grant`, `AADSTS7000215`), for support. */
  readonly detail?: string;
  /** Entra ID correlation id, for support. */
  readonly correlationId?: string;

  constructor(
    code: AuthFailureCode,
    message: string,
    options: { retryable?: boolean; detail?: string; correlationId?: string } = {},
  ) {
    super(message);
    this.code = code;
    this.retryable = options.retryable ?? false;
    if (options.detail !== undefined) this.detail = options.detail;
    if (options.correlationId !== undefined) this.correlationId = options.correlationId;
  }

  /** A plain object for the bridge (errors as data). */
  toJSON(): {
    code: AuthFailureCode;
    message: string;
    retryable: boolean;
    detail?: string;
    correlationId?: string;
  } {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
      ...(this.correlationId !== undefined ? { correlationId: this.correlationId } : {}),
    };
  }
}

/** The user must sign in (again): an expired or revoked refresh token, or no sign-in ever. */
export class SignInRequiredError extends AuthFailure {
  override readonly name = 'SignInRequiredError';

  constructor(
    profileName: string,
    options: { detail?: string; correlationId?: string; neverSignedIn?: boolean } = {},
  ) {
    const { neverSignedIn, ...rest } = options;
    super(
      'sign-in-required',
      // A profile that never signed in has nothing that could have expired.
      neverSignedIn
        ? `"${profileName}" is not signed in yet. Sign in on the Connect screen to continue.`
        : `Your sign-in for "${profileName}" has expired. Sign in again to continue.`,
      rest,
    );
  }
}

/** True for a {@link SignInRequiredError} (works across bundles, where instanceof may not). */
export function isSignInRequired(error: unknown): error is SignInRequiredError {
  return error instanceof AuthFailure && error.code === 'sign-in-required';
}

// Long opaque runs (JWTs, refresh tokens, secrets, codes) are replaced. GUIDs (36 chars) and MSAL's
// snake_case error codes (no digits) survive.
const OPAQUE_RUN = /[A-Za-z0-9\-_.~+/=]{40,}/g;
const redactRun = (run: string): string => (/\d/.test(run) || run.length >= 80 ? '[redacted]' : run);
const JWT_LIKE = /eyJ[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+(\.[A-Za-z0-9\-_]*)?/g;

/** Removes anything that may be a credential from a message (and any known secret values). */
export function scrub(text: string, knownSecrets: readonly string[] = []): string {
  let result = text;
  for (const secret of knownSecrets) {
    if (secret.length >= 4) result = result.split(secret).join('[redacted]');
  }
  return result.replace(JWT_LIKE, '[redacted]').replace(OPAQUE_RUN, redactRun);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface MsalLikeError {
  errorCode?: unknown;
  errorMessage?: unknown;
  subError?: unknown;
  correlationId?: unknown;
  errorNo?: unknown;
  name?: unknown;
  message?: unknown;
}

const INTERACTION_REQUIRED = new Set([
  'interaction_required',
  'consent_required',
  'login_required',
  'invalid_grant',
  'bad_token',
  'no_tokens_found',
  'native_account_unavailable',
  'refresh_token_expired',
  'interaction_required_auth_error',
]);

/**
 * Maps whatever MSAL, the keychain or the network threw to an {@link AuthFailure}.
 * `knownSecrets` are scrubbed from the detail text.
 */
export function toAuthFailure(
  error: unknown,
  context: { profileName: string; knownSecrets?: readonly string[]; signal?: AbortSignal },
): AuthFailure {
  if (error instanceof AuthFailure) return error;
  if (context.signal?.aborted) return new AuthFailure('cancelled', 'Sign-in was cancelled.');
  if (error instanceof VaultError) {
    return error.code === 'keychain-unavailable'
      ? new AuthFailure('keychain-unavailable', error.message)
      : // The keychain library's own text is for the log, not for people.
        new AuthFailure(
          'unexpected',
          "The OS keychain couldn't read or store the sign-in. Try again; if it keeps failing, restart the keychain or sign out and in again.",
        );
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as MsalLikeError;
  const code = typeof e.errorCode === 'string' ? e.errorCode : '';
  const rawMessage =
    typeof e.errorMessage === 'string' && e.errorMessage
      ? e.errorMessage
      : typeof e.message === 'string'
        ? e.message
        : String(error);
  const aadsts =
    /AADSTS\d+/.exec(rawMessage)?.[0] ??
    (typeof e.errorNo === 'string' && /^\d+$/.test(e.errorNo) ? `AADSTS${e.errorNo}` : undefined);
  const detail = scrub(
    [code, aadsts].filter(Boolean).join(' ') || rawMessage.split('\n')[0] || '',
    context.knownSecrets,
  );
  const options = {
    detail,
    // Only a GUID is kept: the field is free text on MSAL's errors and must not smuggle anything out.
    ...(typeof e.correlationId === 'string' && GUID.test(e.correlationId)
      ? { correlationId: e.correlationId }
      : {}),
  };
  const name = typeof e.name === 'string' ? e.name : '';

  if (name === 'InteractionRequiredAuthError' || INTERACTION_REQUIRED.has(code)) {
    return new SignInRequiredError(context.profileName, options);
  }
  if (code === 'device_code_polling_cancelled' || name === 'AbortError') {
    return new AuthFailure('cancelled', 'Sign-in was cancelled.', options);
  }
  if (
    code === 'invalid_client' ||
    code === 'unauthorized_client' ||
    aadsts === 'AADSTS7000215' ||
    aadsts === 'AADSTS700016'
  ) {
    return new AuthFailure(
      'invalid-credentials',
      aadsts === 'AADSTS700016'
        ? 'Microsoft Entra ID does not know this app ID in this tenant. Check the tenant ID and app ID.'
        : 'Microsoft Entra ID rejected the app ID or app secret. Check them, or create a new secret.',
      options,
    );
  }
  if (code === 'access_denied' || code === 'user_cancelled' || aadsts === 'AADSTS65004') {
    return new AuthFailure('access-denied', 'Sign-in was declined.', options);
  }
  if (code === 'device_code_expired' || code === 'expired_token' || code === 'user_timeout_reached') {
    return new AuthFailure('timed-out', 'The sign-in code expired before sign-in finished. Try again.', {
      ...options,
      retryable: true,
    });
  }
  if (
    code === 'network_error' ||
    code === 'endpoints_resolution_error' ||
    code === 'openid_config_error' ||
    name === 'NetworkError' ||
    /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|network/i.test(rawMessage)
  ) {
    return new AuthFailure(
      'network',
      'Could not reach the sign-in service. Check the connection and try again.',
      {
        ...options,
        retryable: true,
      },
    );
  }
  if (
    code === 'invalid_tenant' ||
    aadsts === 'AADSTS90002' ||
    name === 'ClientConfigurationError' ||
    code === 'invalid_request' ||
    code === 'invalid_scope'
  ) {
    return new AuthFailure(
      'configuration',
      'The sign-in settings of this profile are not valid: check the tenant ID and app ID.',
      options,
    );
  }
  return new AuthFailure(
    'unexpected',
    'Sign-in failed unexpectedly. Try again; if it keeps failing, contact support.',
    options,
  );
}
