import {
  ConfidentialClientApplication,
  LogLevel,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type DeviceCodeRequest,
} from '@azure/msal-node';
import type { PartnerCloud } from '../../preload/contract';
import type { AuthMode, Cloud } from '../settings/schema';
import type { SecretStore } from '../vault/secret-store';
import {
  createGuardedNetworkClient,
  cloudAuthority,
  sandboxAuthority,
  type AuthorityConfig,
  type MsalRequestRecord,
} from './authority';
import {
  clientSecretKey,
  GRAPH_APP_SCOPES,
  GRAPH_USER_SCOPES,
  PARTNER_BILLING_PERMISSION,
  PRICE_SHEET_SCOPES,
  tokenCacheKey,
} from './constants';
import { raceAbort } from '../partner-center/clock';
import { isPartnerCloud, partnerCenterScopes } from '../partner-center/clouds';
import { AuthFailure, scrub, SignInRequiredError, toAuthFailure } from './errors';
import { ProfileSessions, usableToken, type ProfileSession } from './profile-sessions';
import { createKeychainCachePlugin } from './token-cache-plugin';

/** The profile fields sign-in needs (a settings `Profile` fits). */
export interface AuthProfile {
  readonly id: string;
  readonly name: string;
  readonly tenantId: string;
  readonly appId: string;
  readonly authMode: AuthMode;
  readonly cloud: Cloud;
}

/** What the UI shows while a device-code sign-in waits for the user. */
export interface DeviceCodeInfo {
  readonly userCode: string;
  readonly verificationUri: string;
  /** Entra ID's own sentence ("To sign in, use a web browser to open ..."). */
  readonly message: string;
  readonly expiresAt: string;
}

/** How to sign in; App-only profiles ignore everything but `clientSecret` and `signal`. */
export interface SignInOptions {
  /** `browser` (system browser, loopback redirect, PKCE), `device-code`, or `auto` (default): browser when
   * `openBrowser` is given, device code when the browser cannot be opened or `openBrowser` is absent. */
  readonly method?: 'auto' | 'browser' | 'device-code';
  /** Opens the sign-in URL in the system browser (`shell.openExternal` in the app, Playwright in tests). */
  readonly openBrowser?: (url: string) => Promise<void>;
  /** Receives the device code to show; the sign-in then waits until the user finishes or `signal` aborts. */
  readonly onDeviceCode?: (info: DeviceCodeInfo) => void;
  /** Cancels the sign-in. */
  readonly signal?: AbortSignal;
  /** App-only: a new app secret to try; it is saved in the keychain only if Entra ID accepts it. */
  readonly clientSecret?: string;
  /** App+User: pre-fills the user name on the sign-in page. */
  readonly loginHint?: string;
}

/** The signed-in user of an App+User profile (no tokens). */
export interface SignedInAccount {
  readonly username: string;
  readonly name?: string;
  readonly tenantId: string;
}

/** Result of a successful sign-in. */
export interface SignInResult {
  readonly profileId: string;
  readonly method: 'client-credentials' | 'browser' | 'device-code';
  readonly account?: SignedInAccount;
  readonly expiresOn: string | null;
}

/** An access token for Partner Center calls: the only place a token leaves this module. */
export interface AccessTokenResult {
  readonly accessToken: string;
  readonly expiresOn: Date | null;
  readonly account?: SignedInAccount;
}

/** Where a profile stands, from the keychain only (no network). */
export interface AuthStatus {
  readonly profileId: string;
  readonly authMode: AuthMode;
  readonly state: 'signed-in' | 'signed-out' | 'sign-in-required' | 'secret-missing';
  readonly message: string;
  readonly account?: SignedInAccount;
  readonly hasClientSecret?: boolean;
}

/** Options of {@link createAuthService}. */
export interface AuthServiceOptions {
  /** The vault (OS keychain in the app; memory in unit tests). */
  readonly secrets: SecretStore;
  /** Authority of the embedded sandbox (`startSandbox().authority`), asked when a sandbox profile signs in. */
  readonly sandboxAuthority?: () => string | Promise<string>;
  /**
   * Where a sandbox standing in for a sovereign cloud signs in (its authority path without the
   * tenant, e.g. `http://127.0.0.1:PORT/login.microsoftonline.us`), or undefined for Microsoft's own.
   */
  readonly standInAuthority?: (cloud: PartnerCloud) => Promise<string | undefined>;
  /** fetch for sandbox discovery and sandbox sign-in requests (tests may wrap it). */
  readonly fetch?: typeof fetch;
  /** Sees every MSAL request of sandbox profiles (method and URL only). */
  readonly onMsalRequest?: (record: MsalRequestRecord) => void;
  /** MSAL's log lines, without personal data, scrubbed. */
  readonly log?: (level: 'error' | 'warning' | 'info', message: string) => void;
  /** Longest wait for a browser sign-in; default 10 minutes. */
  readonly browserTimeoutMs?: number;
  /** Longest wait for a device-code sign-in (Entra ID's own limit is 15 minutes); default 15 minutes. */
  readonly deviceCodeTimeoutMs?: number;
}

/** Sign-in and tokens for partner profiles. */
export interface AuthService {
  /** Signs a profile in: client credentials (App-only), or browser / device code (App+User). */
  signIn(profile: AuthProfile, options?: SignInOptions): Promise<SignInResult>;
  /** A valid access token, refreshed silently; throws {@link SignInRequiredError} when the user must sign in again. */
  getAccessToken(profile: AuthProfile, options?: { forceRefresh?: boolean }): Promise<AccessTokenResult>;
  /**
   * A Microsoft Graph token (`PartnerBilling.Read.All`) for reconciliation exports, from the same
   * account (or app) as the Partner Center token; not cached here (MSAL caches it). Throws
   * `AuthFailure('access-denied')` naming the permission when an administrator has not granted it.
   */
  getGraphAccessToken(profile: AuthProfile): Promise<AccessTokenResult>;
  /**
   * A token for the partner price sheet (§16, audience `https://api.partner.microsoft.com`), silently
   * from the signed-in user of an App+User profile, kept in memory until it nears expiry. App-only
   * profiles get `AuthFailure('access-denied')`: the price sheet serves signed-in users only.
   */
  getPriceSheetAccessToken(profile: AuthProfile): Promise<AccessTokenResult>;
  /** Signs out: deletes the profile's token cache from the keychain, and its app secret with `forgetSecret`. */
  signOut(profile: AuthProfile, options?: { forgetSecret?: boolean }): Promise<void>;
  /** Where the profile stands (keychain only, no network). */
  status(profile: AuthProfile): Promise<AuthStatus>;
  /** Stores an App-only profile's secret in the keychain without testing it. */
  setClientSecret(profile: Pick<AuthProfile, 'id'>, secret: string): Promise<void>;
  /** Whether an App-only profile has a secret in the keychain. */
  hasClientSecret(profile: Pick<AuthProfile, 'id'>): Promise<boolean>;
  /** Deletes every keychain entry of a profile (when the profile itself is deleted). */
  forgetProfile(profileId: string): Promise<void>;
}

const SUCCESS_PAGE = page(
  'Signed in',
  'You are signed in to Reservation Desk. You can close this tab and return to the app.',
);
const ERROR_PAGE = page(
  'Sign-in failed',
  'Sign-in did not complete. Return to Reservation Desk and try again.',
);

function page(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;margin:3rem"><h1>${title}</h1><p>${text}</p></body></html>`;
}

type MsalApp = PublicClientApplication | ConfidentialClientApplication;
type Session = ProfileSession<MsalApp, AccessTokenResult>;

/**
 * Creates the auth service. Plain Node: the app passes `shell.openExternal` as `openBrowser`.
 *
 * Each profile keeps one MSAL client for the life of the service (see `profile-sessions.ts`): the
 * authority is discovered once, the keychain entry is read once, and access tokens are handed out from
 * memory until they near expiry, so a Partner Center call costs no sign-in round trip.
 */
export function createAuthService(options: AuthServiceOptions): AuthService {
  const { secrets } = options;
  const sessions = new ProfileSessions<MsalApp, AccessTokenResult>();
  // Profiles whose last silent refresh failed for good; status() reports them until the next sign-in.
  const needsSignIn = new Set<string>();

  const sandboxAddress = async (): Promise<string> => {
    if (!options.sandboxAuthority) {
      throw new AuthFailure(
        'configuration',
        'The built-in sandbox is not running, so the demo profile cannot sign in.',
      );
    }
    return options.sandboxAuthority();
  };

  /** A Microsoft cloud's id, or the URL of a sandbox authority (the demo's, or a stand-in's). */
  const authoritySource = async (profile: AuthProfile): Promise<string> => {
    if (profile.cloud === 'sandbox') return sandboxAddress();
    const standIn = await options.standInAuthority?.(profile.cloud);
    return standIn ? `${standIn}/${profile.tenantId}` : profile.cloud;
  };

  /** The session's authority, discovered on first use and again only if the sandbox moved. */
  const authorityFor = async (
    profile: AuthProfile,
    session: Session,
    signal?: AbortSignal,
  ): Promise<AuthorityConfig> => {
    const source = await authoritySource(profile);
    if (session.authority?.source !== source) {
      // A client built for another authority (a restarted sandbox listens elsewhere) is of no use.
      session.client = undefined;
      const config = isPartnerCloud(source)
        ? Promise.resolve(cloudAuthority(source, profile.tenantId))
        : sandboxAuthority(source, options.fetch ? { fetch: options.fetch } : {});
      const entry = { source, config };
      session.authority = entry;
      // A failed discovery is tried again by the next call.
      config.catch(() => {
        if (session.authority === entry) session.authority = undefined;
      });
    }
    return abortable(session.authority.config, signal);
  };

  const msalConfig = (
    profile: AuthProfile,
    authority: AuthorityConfig,
    clientSecret?: string,
  ): Configuration => ({
    auth: {
      clientId: profile.appId,
      authority: authority.authority,
      knownAuthorities: authority.knownAuthorities,
      ...(authority.authorityMetadata ? { authorityMetadata: authority.authorityMetadata } : {}),
      ...(authority.cloudDiscoveryMetadata
        ? { cloudDiscoveryMetadata: authority.cloudDiscoveryMetadata }
        : {}),
      ...(clientSecret ? { clientSecret } : {}),
    },
    cache: { cachePlugin: createKeychainCachePlugin(secrets, tokenCacheKey(profile.id)) },
    system: {
      ...(authority.allowedOrigins
        ? {
            networkClient: createGuardedNetworkClient({
              allowedOrigins: authority.allowedOrigins,
              ...(options.fetch ? { fetch: options.fetch } : {}),
              ...(options.onMsalRequest ? { onRequest: options.onMsalRequest } : {}),
            }),
          }
        : {}),
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii || !options.log) return;
          const mapped = level === LogLevel.Error ? 'error' : level === LogLevel.Warning ? 'warning' : 'info';
          options.log(mapped, scrub(message, clientSecret ? [clientSecret] : []));
        },
      },
    },
  });

  /** The profile's public client (App+User), created once per session. */
  const publicApp = async (profile: AuthProfile, signal?: AbortSignal): Promise<PublicClientApplication> => {
    const session = sessions.of(profile);
    const authority = await authorityFor(profile, session, signal);
    if (session.client?.app instanceof PublicClientApplication) return session.client.app;
    const app = new PublicClientApplication(msalConfig(profile, authority));
    session.client = { app };
    return app;
  };

  /**
   * The profile's confidential client (App-only) for `clientSecret`: the session's one when it was built
   * with that secret, else a new one that the caller keeps (`session.client`) once the secret worked.
   */
  const confidentialApp = async (
    profile: AuthProfile,
    clientSecret: string,
    signal?: AbortSignal,
  ): Promise<ConfidentialClientApplication> => {
    const session = sessions.of(profile);
    const authority = await authorityFor(profile, session, signal);
    const current = session.client;
    if (current?.app instanceof ConfidentialClientApplication && current.secret === clientSecret)
      return current.app;
    return new ConfidentialClientApplication(msalConfig(profile, authority, clientSecret));
  };

  const readSecret = async (profile: Pick<AuthProfile, 'id'>): Promise<string | null> =>
    secrets.get(clientSecretKey(profile.id));

  const pickAccount = async (
    app: PublicClientApplication,
    profile: AuthProfile,
  ): Promise<AccountInfo | undefined> => {
    const accounts = await app.getTokenCache().getAllAccounts();
    return accounts.find((account) => account.tenantId === profile.tenantId) ?? accounts[0];
  };

  const summary = (account: AccountInfo | null | undefined): SignedInAccount | undefined =>
    account
      ? {
          username: account.username,
          tenantId: account.tenantId,
          ...(account.name ? { name: account.name } : {}),
        }
      : undefined;

  const secretMissing = (profile: AuthProfile): AuthFailure =>
    new AuthFailure('secret-missing', `Enter the app secret of "${profile.name}" to sign in.`);

  /** Keeps what a successful token request gave, for the calls that follow. */
  const remember = (profile: AuthProfile, token: AccessTokenResult): AccessTokenResult => {
    sessions.of(profile).token = token;
    needsSignIn.delete(profile.id);
    return token;
  };

  const signInAppOnly = async (profile: AuthProfile, signInOptions: SignInOptions): Promise<SignInResult> => {
    const offered = signInOptions.clientSecret?.trim();
    let secret: string | null = offered || null;
    try {
      secret ??= await readSecret(profile);
      if (!secret) throw secretMissing(profile);
      const app = await confidentialApp(profile, secret, signInOptions.signal);
      // skipCache: signing in must prove the secret works now, not reuse an old token.
      const result = await abortable(
        app.acquireTokenByClientCredential({
          scopes: partnerCenterScopes(profile.cloud, 'app-only'),
          skipCache: true,
        }),
        signInOptions.signal,
      );
      if (!result) throw new AuthFailure('unexpected', 'Sign-in returned no token.');
      if (offered) await secrets.set(clientSecretKey(profile.id), offered);
      sessions.of(profile).client = { app, secret };
      remember(profile, { accessToken: result.accessToken, expiresOn: result.expiresOn });
      return {
        profileId: profile.id,
        method: 'client-credentials',
        expiresOn: result.expiresOn?.toISOString() ?? null,
      };
    } catch (error) {
      throw failure(error, profile, signInOptions.signal, secret ? [secret] : []);
    }
  };

  const signInBrowser = async (
    app: PublicClientApplication,
    scopes: string[],
    signInOptions: SignInOptions,
    openBrowser: (url: string) => Promise<void>,
    markBrowserFailed: () => void,
  ): Promise<AuthenticationResult> => {
    const controller = linkedController(signInOptions.signal, options.browserTimeoutMs ?? 10 * 60_000);
    let redirect: { uri: string; state: string } | undefined;
    const cancelLoopback = (): void => {
      // MSAL's loopback server waits for the browser forever; answering it ourselves ends the wait
      // (with an error MSAL reports, which we turn into "cancelled" or "timed out").
      if (!redirect) return;
      const body = new URLSearchParams({
        error: 'access_denied',
        error_description: 'cancelled',
        state: redirect.state,
      });
      fetch(redirect.uri, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      }).catch(() => undefined);
    };
    controller.signal.addEventListener('abort', cancelLoopback, { once: true });
    try {
      return await abortable(
        app.acquireTokenInteractive({
          scopes,
          ...(signInOptions.loginHint ? { loginHint: signInOptions.loginHint } : {}),
          successTemplate: SUCCESS_PAGE,
          errorTemplate: ERROR_PAGE,
          openBrowser: async (url) => {
            const parsed = new URL(url);
            redirect = {
              uri: parsed.searchParams.get('redirect_uri') ?? '',
              state: parsed.searchParams.get('state') ?? '',
            };
            if (controller.signal.aborted) throw new AuthFailure('cancelled', 'Sign-in was cancelled.');
            try {
              await openBrowser(url);
            } catch (error) {
              markBrowserFailed();
              throw error;
            }
          },
        }),
        controller.signal,
      );
    } catch (error) {
      if (controller.signal.aborted && !signInOptions.signal?.aborted) {
        throw new AuthFailure('timed-out', 'The browser sign-in took too long. Try again.', {
          retryable: true,
        });
      }
      throw error;
    } finally {
      controller.dispose();
    }
  };

  const signInDeviceCode = async (
    app: PublicClientApplication,
    scopes: string[],
    signInOptions: SignInOptions,
    onDeviceCode: (info: DeviceCodeInfo) => void,
  ): Promise<AuthenticationResult> => {
    const timeoutMs = options.deviceCodeTimeoutMs ?? 15 * 60_000;
    const request: DeviceCodeRequest = {
      scopes,
      timeout: Math.ceil(timeoutMs / 1000),
      deviceCodeCallback: (response) => {
        onDeviceCode({
          userCode: response.userCode,
          verificationUri: response.verificationUri,
          message: response.message,
          expiresAt: new Date(Date.now() + response.expiresIn * 1000).toISOString(),
        });
      },
    };
    // MSAL stops polling when `cancel` is set; it checks between polls, so we also stop waiting at once.
    const stop = (): void => {
      request.cancel = true;
    };
    signInOptions.signal?.addEventListener('abort', stop, { once: true });
    try {
      const result = await abortable(app.acquireTokenByDeviceCode(request), signInOptions.signal);
      if (!result) throw new AuthFailure('unexpected', 'Sign-in returned no token.');
      return result;
    } finally {
      signInOptions.signal?.removeEventListener('abort', stop);
    }
  };

  const signInAppUser = async (profile: AuthProfile, signInOptions: SignInOptions): Promise<SignInResult> => {
    const method = signInOptions.method ?? 'auto';
    const { openBrowser, onDeviceCode } = signInOptions;
    try {
      const app = await publicApp(profile, signInOptions.signal);
      const scopes = partnerCenterScopes(profile.cloud, 'app-user');
      let result: AuthenticationResult;
      let used: 'browser' | 'device-code';
      if ((method === 'browser' || method === 'auto') && openBrowser) {
        let browserFailed = false;
        try {
          result = await signInBrowser(app, scopes, signInOptions, openBrowser, () => {
            browserFailed = true;
          });
          used = 'browser';
        } catch (error) {
          // Device code is the fallback when no browser could be opened (remote sessions, locked-down PCs).
          if (!(method === 'auto' && browserFailed && onDeviceCode && !signInOptions.signal?.aborted))
            throw error;
          result = await signInDeviceCode(app, scopes, signInOptions, onDeviceCode);
          used = 'device-code';
        }
      } else if (method !== 'browser' && onDeviceCode) {
        result = await signInDeviceCode(app, scopes, signInOptions, onDeviceCode);
        used = 'device-code';
      } else {
        throw new AuthFailure(
          'configuration',
          method === 'browser'
            ? 'No way to open a browser was given.'
            : 'No way to show a device code was given.',
        );
      }
      // One user per profile: drop any other account left from an earlier sign-in.
      const cache = app.getTokenCache();
      for (const account of await cache.getAllAccounts()) {
        if (result.account && account.homeAccountId !== result.account.homeAccountId)
          await cache.removeAccount(account);
      }
      const account = summary(result.account);
      remember(profile, {
        accessToken: result.accessToken,
        expiresOn: result.expiresOn,
        ...(account ? { account } : {}),
      });
      return {
        profileId: profile.id,
        method: used,
        ...(account ? { account } : {}),
        expiresOn: result.expiresOn?.toISOString() ?? null,
      };
    } catch (error) {
      throw failure(error, profile, signInOptions.signal);
    }
  };

  const failure = (
    error: unknown,
    profile: AuthProfile,
    signal?: AbortSignal,
    knownSecrets: string[] = [],
  ): AuthFailure => {
    const mapped = toAuthFailure(error, {
      profileName: profile.name,
      knownSecrets,
      ...(signal ? { signal } : {}),
    });
    if (mapped.code === 'sign-in-required' || mapped.code === 'invalid-credentials') {
      needsSignIn.add(profile.id);
      sessions.forgetToken(profile.id);
    }
    return mapped;
  };

  /** A new access token for an App-only profile, from the session's client (MSAL's cache first). */
  const acquireAppOnly = async (profile: AuthProfile, forceRefresh: boolean): Promise<AccessTokenResult> => {
    const session = sessions.of(profile);
    let secret = session.client?.secret ?? null;
    try {
      await authorityFor(profile, session);
      secret = session.client?.secret ?? (await readSecret(profile));
      if (!secret) throw secretMissing(profile);
      const app = await confidentialApp(profile, secret);
      session.client = { app, secret };
      const result = await app.acquireTokenByClientCredential({
        scopes: partnerCenterScopes(profile.cloud, 'app-only'),
        ...(forceRefresh ? { skipCache: true } : {}),
      });
      if (!result) throw new AuthFailure('unexpected', 'Sign-in returned no token.');
      return remember(profile, { accessToken: result.accessToken, expiresOn: result.expiresOn });
    } catch (error) {
      throw failure(error, profile, undefined, secret ? [secret] : []);
    }
  };

  /** A new access token for an App+User profile, silently (cached, or renewed with the refresh token). */
  const acquireAppUser = async (profile: AuthProfile, forceRefresh: boolean): Promise<AccessTokenResult> => {
    try {
      const app = await publicApp(profile);
      const account = await pickAccount(app, profile);
      if (!account)
        throw new SignInRequiredError(profile.name, { detail: 'no_account', neverSignedIn: true });
      const result = await app.acquireTokenSilent({
        account,
        scopes: partnerCenterScopes(profile.cloud, 'app-user'),
        ...(forceRefresh ? { forceRefresh: true } : {}),
      });
      const signedIn = summary(result.account ?? account);
      return remember(profile, {
        accessToken: result.accessToken,
        expiresOn: result.expiresOn,
        ...(signedIn ? { account: signedIn } : {}),
      });
    } catch (error) {
      throw failure(error, profile);
    }
  };

  /** Entra ID's "not consented" answer (AADSTS65001) says exactly what an administrator must grant. */
  const consentMissing = (error: unknown): boolean =>
    error instanceof Error && /AADSTS65001|consent_required|not consented/i.test(error.message);

  const acquireGraph = async (profile: AuthProfile): Promise<AccessTokenResult> => {
    try {
      if (profile.authMode === 'app-only') {
        const session = sessions.of(profile);
        await authorityFor(profile, session);
        const secret = session.client?.secret ?? (await readSecret(profile));
        if (!secret) throw secretMissing(profile);
        const app = await confidentialApp(profile, secret);
        const result = await app.acquireTokenByClientCredential({ scopes: [...GRAPH_APP_SCOPES] });
        if (!result) throw new AuthFailure('unexpected', 'Sign-in returned no token.');
        return { accessToken: result.accessToken, expiresOn: result.expiresOn };
      }
      const app = await publicApp(profile);
      const account = await pickAccount(app, profile);
      if (!account)
        throw new SignInRequiredError(profile.name, { detail: 'no_account', neverSignedIn: true });
      const result = await app.acquireTokenSilent({ account, scopes: [...GRAPH_USER_SCOPES] });
      return { accessToken: result.accessToken, expiresOn: result.expiresOn };
    } catch (error) {
      if (consentMissing(error)) {
        throw new AuthFailure(
          'access-denied',
          `Billing exports need the Microsoft Graph permission ${PARTNER_BILLING_PERMISSION}: ask an administrator of your partner tenant to grant admin consent for it to this app, then try again.`,
          { detail: 'AADSTS65001' },
        );
      }
      if (error instanceof AuthFailure) throw error;
      throw failure(error, profile);
    }
  };

  const acquirePriceSheet = async (profile: AuthProfile): Promise<AccessTokenResult> => {
    if (profile.authMode === 'app-only') {
      throw new AuthFailure(
        'access-denied',
        'Partner prices need a signed-in user (App+User) with the Admin agent or Sales agent role; this profile signs in as an app.',
      );
    }
    const session = sessions.of(profile);
    const held = usableToken(session.priceSheetToken, Date.now());
    if (held) return held;
    try {
      const app = await publicApp(profile);
      const account = await pickAccount(app, profile);
      if (!account) throw new SignInRequiredError(profile.name, { detail: 'no_account' });
      const result = await app.acquireTokenSilent({ account, scopes: [...PRICE_SHEET_SCOPES] });
      const token = { accessToken: result.accessToken, expiresOn: result.expiresOn };
      session.priceSheetToken = token;
      return token;
    } catch (error) {
      if (consentMissing(error)) {
        throw new AuthFailure(
          'access-denied',
          'Partner prices need consent for the Microsoft partner API: ask an administrator of your partner tenant to grant admin consent to this app, then review again.',
          { detail: 'AADSTS65001' },
        );
      }
      if (error instanceof AuthFailure) throw error;
      throw failure(error, profile);
    }
  };

  const service: AuthService = {
    getGraphAccessToken: acquireGraph,
    getPriceSheetAccessToken: acquirePriceSheet,

    signIn(profile, signInOptions = {}) {
      if (signInOptions.signal?.aborted)
        return Promise.reject(new AuthFailure('cancelled', 'Sign-in was cancelled.'));
      return profile.authMode === 'app-only'
        ? signInAppOnly(profile, signInOptions)
        : signInAppUser(profile, signInOptions);
    },

    async getAccessToken(profile, tokenOptions = {}) {
      const session = sessions.of(profile);
      const forceRefresh = tokenOptions.forceRefresh ?? false;
      if (!forceRefresh) {
        const held = usableToken(session.token, Date.now());
        if (held) return held;
        // Calls that arrive while a token is being fetched wait for that one instead of asking again.
        if (session.pending) return session.pending;
      }
      const pending =
        profile.authMode === 'app-only'
          ? acquireAppOnly(profile, forceRefresh)
          : acquireAppUser(profile, forceRefresh);
      session.pending = pending;
      try {
        return await pending;
      } finally {
        if (session.pending === pending) session.pending = undefined;
      }
    },

    async signOut(profile, signOutOptions = {}) {
      sessions.drop(profile.id);
      needsSignIn.delete(profile.id);
      try {
        await secrets.delete(tokenCacheKey(profile.id));
        if (signOutOptions.forgetSecret) await secrets.delete(clientSecretKey(profile.id));
      } catch (error) {
        throw failure(error, profile);
      }
    },

    async status(profile) {
      const base = { profileId: profile.id, authMode: profile.authMode };
      const status = (
        state: AuthStatus['state'],
        message: string,
        more: Pick<AuthStatus, 'account' | 'hasClientSecret'> = {},
      ) => ({
        ...base,
        state,
        ...more,
        message,
      });
      try {
        if (profile.authMode === 'app-only') {
          const hasClientSecret = (await readSecret(profile)) !== null;
          if (!hasClientSecret) {
            return status('secret-missing', 'No app secret is stored for this profile.', { hasClientSecret });
          }
          if (needsSignIn.has(profile.id)) {
            return status('sign-in-required', 'The app secret was rejected: enter a new one.', {
              hasClientSecret,
            });
          }
          return status('signed-in', 'Ready: the app secret is in the OS keychain.', { hasClientSecret });
        }
        // Read straight from the keychain entry: no MSAL instance, no discovery, no network.
        const account = accountInCache(await secrets.get(tokenCacheKey(profile.id)), profile.tenantId);
        if (!account) return status('signed-out', 'Not signed in.');
        if (needsSignIn.has(profile.id)) {
          return status('sign-in-required', 'Your sign-in has expired. Sign in again.', { account });
        }
        return status('signed-in', `Signed in as ${account.username}.`, { account });
      } catch (error) {
        throw failure(error, profile);
      }
    },

    async setClientSecret(profile, secret) {
      const trimmed = secret.trim();
      if (!trimmed) throw new AuthFailure('secret-missing', 'The app secret is empty.');
      sessions.drop(profile.id);
      needsSignIn.delete(profile.id);
      await secrets.set(clientSecretKey(profile.id), trimmed);
    },

    async hasClientSecret(profile) {
      return (await readSecret(profile)) !== null;
    },

    async forgetProfile(profileId) {
      sessions.drop(profileId);
      needsSignIn.delete(profileId);
      await secrets.delete(tokenCacheKey(profileId));
      await secrets.delete(clientSecretKey(profileId));
    },
  };
  return service;
}

/** The signed-in user recorded in a serialized MSAL cache (the one of `tenantId` first), if any. */
function accountInCache(cacheText: string | null, tenantId: string): SignedInAccount | undefined {
  if (!cacheText) return undefined;
  let accounts: Record<string, unknown>[];
  try {
    const cache = JSON.parse(cacheText) as { Account?: Record<string, Record<string, unknown>> };
    accounts = Object.values(cache.Account ?? {});
  } catch {
    return undefined;
  }
  const chosen = accounts.find((account) => account.realm === tenantId) ?? accounts[0];
  if (!chosen || typeof chosen.username !== 'string') return undefined;
  return {
    username: chosen.username,
    tenantId: typeof chosen.realm === 'string' ? chosen.realm : tenantId,
    ...(typeof chosen.name === 'string' && chosen.name ? { name: chosen.name } : {}),
  };
}

/** Rejects as soon as `signal` aborts (the underlying work is stopped separately). */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return raceAbort(work, signal, () => new AuthFailure('cancelled', 'Sign-in was cancelled.'));
}

/** An AbortController that follows `parent` and aborts itself after `timeoutMs`. */
function linkedController(
  parent: AbortSignal | undefined,
  timeoutMs: number,
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onParent = (): void => controller.abort();
  if (parent?.aborted) controller.abort();
  parent?.addEventListener('abort', onParent, { once: true });
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  timer.unref();
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParent);
    },
  };
}
