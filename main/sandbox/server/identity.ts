/**
 * Enough of Azure AD (Microsoft Entra ID) for MSAL Node to sign in against the sandbox offline:
 * OpenID metadata, instance discovery, JWKS, the v2 (and v1) token endpoint with client credentials,
 * authorization code + PKCE, refresh tokens and the device-code grant, the device-code endpoint and
 * a tiny sign-in page for the browser flow. Access tokens are RS256 JWTs the API verifies (§2).
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual, type webcrypto } from 'node:crypto';
import { errors, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { sandboxInstanceDiscovery, sandboxOpenIdConfiguration } from '../msal-config';
import type { Caller, Reply, Route, RouteContext } from './router';

type CryptoKey = webcrypto.CryptoKey;

/** Audience of Partner Center API tokens (§2.2). */
export const PARTNER_CENTER_RESOURCE = 'https://api.partnercenter.microsoft.com';
/** The delegated scope Partner Center defines (§2.2). */
export const USER_IMPERSONATION = `${PARTNER_CENTER_RESOURCE}/user_impersonation`;
/** Audience of Microsoft Graph tokens (§14.2). */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
/** Audience of partner API tokens: the price sheet takes these, not Partner Center's (§16). */
export const PARTNER_API_RESOURCE = 'https://api.partner.microsoft.com';
/** The Graph permission the reconciliation exports need (§14.2). */
export const PARTNER_BILLING_READ = 'PartnerBilling.Read.All';

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const DEVICE_CODE_GRANTS = new Set(['device_code', 'urn:ietf:params:oauth:grant-type:device_code']);

/** The sandbox's fixed identities (deterministic from the seed). */
export interface IdentityConfig {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** UPN of the demo user. */
  readonly user: string;
  readonly userObjectId: string;
  readonly userDisplayName: string;
  /** Device codes and browser sign-ins approve themselves. */
  readonly autoApprove: boolean;
  readonly accessTokenLifetimeSeconds: number;
  /** An administrator granted `PartnerBilling.Read.All` (§14.2); without it Graph tokens are refused. */
  readonly graphConsent: boolean;
  /**
   * Where the identity routes live: `''` (the root, the demo), or the sovereign cloud's authority
   * host as a path (`/login.microsoftonline.us`), so only clients that use that cloud's authority sign in.
   */
  readonly authorityPath: string;
  /** The audience Partner Center tokens must carry (China's API is its own resource, §2.2). */
  readonly partnerCenterResource: string;
}

/** What identity keeps across restarts when the sandbox has a data dir. */
export interface IdentityPersisted {
  signingKey?: JWK;
  /** Keyed by `refreshTokenKey(token)`: the file never holds a token a client could use. */
  refreshTokens: Record<string, RefreshGrant>;
}

const REFRESH_TOKEN_PREFIX = '0.SBX.';

/** What a refresh token is stored under: its SHA-256, so a copy of the state file signs no one in. */
export function refreshTokenKey(token: string): string {
  return `sha256:${createHash('sha256').update(token).digest('base64url')}`;
}

/** What a refresh token stands for. */
export interface RefreshGrant {
  readonly clientId: string;
  readonly scopes: ReadonlyArray<string>;
}

/** Options of a token minted directly (tests, tooling). */
export interface TokenRequest {
  /** App-only (client credentials) token when true; App+User otherwise. */
  readonly appOnly?: boolean;
  readonly audience?: string;
  /** Seconds until expiry; negative for an already expired token. */
  readonly expiresInSeconds?: number;
  readonly tenantId?: string;
  readonly scopes?: ReadonlyArray<string>;
}

/** The claims the API reads from a verified token. */
interface VerifiedToken {
  readonly caller: Caller;
  readonly audience: string;
  /** Delegated scopes (`scp`) and application roles (`roles`). */
  readonly permissions: ReadonlyArray<string>;
  readonly expiresAtMs: number;
}

/** Why a token was refused. */
export type TokenCheck =
  | { readonly ok: true; readonly caller: Caller }
  | { readonly ok: false; readonly reason: 'missing' | 'invalid' | 'expired' | 'audience' | 'permission' };

interface DeviceCodeEntry {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly clientId: string;
  readonly scopes: ReadonlyArray<string>;
  readonly expiresAtMs: number;
  approved: boolean;
  redeemed: boolean;
}

interface AuthCodeEntry {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: ReadonlyArray<string>;
  readonly codeChallenge?: string;
  readonly codeChallengeMethod?: string;
  readonly nonce?: string;
  readonly expiresAtMs: number;
}

interface PendingSignIn {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: ReadonlyArray<string>;
  readonly state?: string;
  readonly codeChallenge?: string;
  readonly codeChallengeMethod?: string;
  readonly nonce?: string;
  readonly responseMode: string;
}

/** Azure AD's answer to a client id that is not the sandbox's app registration. */
function unknownClient(clientId: string | undefined): Reply {
  return oauthError(
    400,
    'unauthorized_client',
    `Application with identifier '${clientId ?? ''}' was not found in the directory.`,
    700016,
  );
}

/** Azure AD's error body, as MSAL reads it. */
function oauthError(status: number, error: string, description: string, code: number): Reply {
  return {
    status,
    json: {
      error,
      error_description: `AADSTS${code}: ${description}`,
      error_codes: [code],
      timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    },
    headers: { 'Cache-Control': 'no-store' },
  };
}

/** The identity provider: keys, grants, and its route table. */
export class IdentityProvider {
  private privateKey!: CryptoKey;
  private publicJwk!: JWK;
  private readonly keyId: string;
  private readonly deviceCodes = new Map<string, DeviceCodeEntry>();
  private readonly authCodes = new Map<string, AuthCodeEntry>();
  private readonly pendingSignIns = new Map<string, PendingSignIn>();
  // Verifying RS256 on every API call would dominate the catalog benchmark; a verified token is
  // immutable, so remember it until it expires.
  private readonly verified = new Map<string, VerifiedToken>();
  private baseUrl = '';

  private constructor(
    private readonly config: IdentityConfig,
    private readonly persisted: IdentityPersisted,
    private readonly persist: () => void,
  ) {
    this.keyId = createHash('sha256').update(config.tenantId).digest('base64url').slice(0, 27);
  }

  /** Creates the provider, reusing a persisted signing key so tokens survive a restart. */
  static async create(
    config: IdentityConfig,
    persisted: IdentityPersisted,
    persist: () => void,
  ): Promise<IdentityProvider> {
    const provider = new IdentityProvider(config, persisted, persist);
    // Older versions stored refresh tokens whole: keep them valid, stored as hashes from now on.
    const whole = Object.keys(persisted.refreshTokens).filter((key) => key.startsWith(REFRESH_TOKEN_PREFIX));
    for (const token of whole) {
      persisted.refreshTokens[refreshTokenKey(token)] = persisted.refreshTokens[token]!;
      delete persisted.refreshTokens[token];
    }
    if (whole.length > 0) persist();
    if (persisted.signingKey) {
      provider.privateKey = (await importJWK(persisted.signingKey, 'RS256')) as CryptoKey;
      const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicPart } = persisted.signingKey;
      provider.publicJwk = publicPart;
    } else {
      const pair = await generateKeyPair('RS256', { extractable: true });
      provider.privateKey = pair.privateKey;
      provider.publicJwk = await exportJWK(pair.publicKey);
      persisted.signingKey = await exportJWK(pair.privateKey);
      persist();
    }
    return provider;
  }

  /** Called once the port is known. */
  setBaseUrl(baseUrl: string): void {
    this.baseUrl = baseUrl;
  }

  /** The authority URL: `{baseUrl}{authorityPath}/{tenantId}`. */
  get authority(): string {
    return `${this.authorityBase}/${this.config.tenantId}`;
  }

  /** The sandbox's URL plus the cloud's authority path: where the tenants' endpoints are. */
  get authorityBase(): string {
    return `${this.baseUrl}${this.config.authorityPath}`;
  }

  /** The `iss` of every token: the v2 issuer of the sandbox tenant. */
  get issuer(): string {
    return `${this.authority}/v2.0`;
  }

  /** OpenID configuration, in the shape of Azure AD's v2 document. */
  openIdConfiguration(): Record<string, unknown> {
    return sandboxOpenIdConfiguration(this.authorityBase, this.config.tenantId);
  }

  /** Instance-discovery answer (`/common/discovery/instance`): the sandbox host is its own cloud. */
  instanceDiscovery(): Record<string, unknown> {
    return sandboxInstanceDiscovery(this.authorityBase, this.config.tenantId);
  }

  /** Mints an access token directly, e.g. an expired or wrong-audience one for tests. */
  async issueToken(request: TokenRequest = {}): Promise<string> {
    const appOnly = request.appOnly ?? false;
    return this.signAccessToken({
      appOnly,
      clientId: this.config.clientId,
      audience: request.audience ?? PARTNER_CENTER_RESOURCE,
      scopes: request.scopes ?? (appOnly ? [] : ['user_impersonation']),
      expiresInSeconds: request.expiresInSeconds ?? this.config.accessTokenLifetimeSeconds,
      tenantId: request.tenantId ?? this.config.tenantId,
    });
  }

  /** Approves a pending device code by its user code (what the user does in the browser). */
  approveDeviceCode(userCode: string): boolean {
    for (const entry of this.deviceCodes.values()) {
      if (entry.userCode.toUpperCase() === userCode.trim().toUpperCase() && entry.expiresAtMs > Date.now()) {
        entry.approved = true;
        return true;
      }
    }
    return false;
  }

  /** Checks a bearer token for the API: signature, issuer, expiry, audience (§2). */
  check(authorization: string | undefined): TokenCheck | Promise<TokenCheck> {
    return this.checkFor(authorization, (verified) => this.judge(verified));
  }

  /** Checks a bearer token for the Graph-like routes: Graph audience and `PartnerBilling.Read.All` (§14.2). */
  checkGraph(authorization: string | undefined): TokenCheck | Promise<TokenCheck> {
    return this.checkFor(authorization, (verified) => this.judgeGraph(verified));
  }

  /** Checks a bearer token for the price sheet: the partner API audience only (§16). */
  checkPriceSheet(authorization: string | undefined): TokenCheck | Promise<TokenCheck> {
    return this.checkFor(authorization, (verified) => this.judgePriceSheet(verified));
  }

  private checkFor(
    authorization: string | undefined,
    judge: (verified: VerifiedToken) => TokenCheck,
  ): TokenCheck | Promise<TokenCheck> {
    if (!authorization || authorization.length < 8 || authorization.slice(0, 7).toLowerCase() !== 'bearer ') {
      return { ok: false, reason: 'missing' };
    }
    const token = authorization.slice(7).trim();
    if (token === '') return { ok: false, reason: 'missing' };
    // Cached tokens are judged synchronously: this is the hot path of every API call.
    const verified = this.verified.get(token);
    return verified ? judge(verified) : this.verifyAndJudge(token, judge);
  }

  private async verifyAndJudge(
    token: string,
    judge: (verified: VerifiedToken) => TokenCheck,
  ): Promise<TokenCheck> {
    let verified: VerifiedToken;
    try {
      const { payload } = await jwtVerify(token, await this.verificationKey(), { algorithms: ['RS256'] });
      // The issuer names the sandbox's URL, whose port may change between runs that share a data dir
      // (and so a signing key): accept this tenant's issuer on any loopback port.
      const path = this.config.authorityPath.replace(/\./g, '\\.');
      const issuerPattern = new RegExp(
        `^http://127\\.0\\.0\\.1:\\d+${path}/${this.config.tenantId}/v2\\.0$`,
        'i',
      );
      if (payload.iss !== this.issuer && !issuerPattern.test(payload.iss ?? '')) {
        return { ok: false, reason: 'invalid' };
      }
      const audience = Array.isArray(payload.aud) ? String(payload.aud[0]) : String(payload.aud ?? '');
      const tenantId = typeof payload.tid === 'string' ? payload.tid : '';
      const appOnly = payload.idtyp === 'app';
      const userId = typeof payload.oid === 'string' && !appOnly ? payload.oid : undefined;
      const scp = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : [];
      verified = {
        caller: { tenantId, appOnly, ...(userId ? { userId } : {}) },
        audience,
        permissions: [...scp, ...roles],
        expiresAtMs: (payload.exp ?? 0) * 1000,
      };
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
    if (this.verified.size > 10_000) this.verified.clear();
    this.verified.set(token, verified);
    return judge(verified);
  }

  private judgeGraph(verified: VerifiedToken): TokenCheck {
    if (verified.expiresAtMs <= Date.now()) return { ok: false, reason: 'expired' };
    if (verified.audience.replace(/\/+$/, '').toLowerCase() !== GRAPH_RESOURCE) {
      return { ok: false, reason: 'audience' };
    }
    if (verified.caller.tenantId !== this.config.tenantId) return { ok: false, reason: 'invalid' };
    if (!verified.permissions.some((p) => p.toLowerCase() === PARTNER_BILLING_READ.toLowerCase())) {
      return { ok: false, reason: 'permission' };
    }
    return { ok: true, caller: verified.caller };
  }

  private judgePriceSheet(verified: VerifiedToken): TokenCheck {
    if (verified.expiresAtMs <= Date.now()) return { ok: false, reason: 'expired' };
    if (verified.audience.replace(/\/+$/, '').toLowerCase() !== PARTNER_API_RESOURCE) {
      return { ok: false, reason: 'audience' };
    }
    if (verified.caller.tenantId !== this.config.tenantId) return { ok: false, reason: 'invalid' };
    return { ok: true, caller: verified.caller };
  }

  private judge(verified: VerifiedToken): TokenCheck {
    if (verified.expiresAtMs <= Date.now()) return { ok: false, reason: 'expired' };
    // Partner Center accepts its own resource; graph.windows.net tokens were retired in 2025 (§2.2).
    const audience = verified.audience.replace(/\/+$/, '').toLowerCase();
    const expected = this.config.partnerCenterResource.toLowerCase();
    if (audience !== expected && audience !== 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd') {
      return { ok: false, reason: 'audience' };
    }
    if (verified.caller.tenantId !== this.config.tenantId) return { ok: false, reason: 'invalid' };
    return { ok: true, caller: verified.caller };
  }

  private publicKey: CryptoKey | undefined;

  private async verificationKey(): Promise<CryptoKey> {
    this.publicKey ??= (await importJWK(this.publicJwk, 'RS256')) as CryptoKey;
    return this.publicKey;
  }

  /** The identity route table. `:tenant` accepts the tenant id, `common` and `organizations`. */
  routes(): Route[] {
    const openId = (ctx: RouteContext): Reply =>
      this.unknownTenant(ctx) ?? { status: 200, json: this.openIdConfiguration() };
    const base = { auth: 'none' as const };
    const routes: Route[] = [
      { ...base, method: 'GET', path: '/:tenant/v2.0/.well-known/openid-configuration', handler: openId },
      { ...base, method: 'GET', path: '/:tenant/.well-known/openid-configuration', handler: openId },
      {
        ...base,
        method: 'GET',
        path: '/common/discovery/instance',
        handler: () => ({ status: 200, json: this.instanceDiscovery() }),
      },
      {
        ...base,
        method: 'GET',
        path: '/:tenant/discovery/v2.0/keys',
        handler: () => ({
          status: 200,
          json: { keys: [{ ...this.publicJwk, kid: this.keyId, use: 'sig', alg: 'RS256' }] },
        }),
      },
      {
        ...base,
        method: 'POST',
        path: '/:tenant/oauth2/v2.0/token',
        handler: (ctx) => this.token(ctx, 'v2'),
      },
      { ...base, method: 'POST', path: '/:tenant/oauth2/token', handler: (ctx) => this.token(ctx, 'v1') },
      {
        ...base,
        method: 'POST',
        path: '/:tenant/oauth2/v2.0/devicecode',
        handler: (ctx) => this.deviceCode(ctx),
      },
      {
        ...base,
        method: 'GET',
        path: '/:tenant/oauth2/v2.0/authorize',
        handler: (ctx) => this.authorize(ctx),
      },
      {
        ...base,
        method: 'POST',
        path: '/:tenant/oauth2/v2.0/authorize',
        handler: (ctx) => this.authorizeSubmit(ctx),
      },
      { ...base, method: 'GET', path: '/:tenant/oauth2/deviceauth', handler: (ctx) => this.devicePage(ctx) },
      {
        ...base,
        method: 'POST',
        path: '/:tenant/oauth2/deviceauth',
        handler: (ctx) => this.devicePageSubmit(ctx),
      },
      {
        ...base,
        method: 'GET',
        path: '/:tenant/oauth2/v2.0/logout',
        handler: (ctx) => {
          const redirect = ctx.query.get('post_logout_redirect_uri');
          return redirect && isLoopbackUri(redirect)
            ? { status: 302, headers: { Location: redirect } }
            : html(200, page('Signed out', '<p>You have signed out of the Partner Center sandbox.</p>'));
        },
      },
    ];
    // A sovereign cloud's authority lives under its own path; nothing answers at the root then.
    return routes.map((route) => ({ ...route, path: `${this.config.authorityPath}${route.path}` }));
  }

  /** Azure AD's answer to a tenant in the path that is not this one (nor `common`/`organizations`). */
  private unknownTenant(ctx: RouteContext): Reply | undefined {
    const tenant = ctx.params.tenant ?? '';
    const lower = tenant.toLowerCase();
    if (lower === this.config.tenantId.toLowerCase() || lower === 'common' || lower === 'organizations') {
      return undefined;
    }
    return oauthError(400, 'invalid_tenant', `Tenant '${tenant}' not found.`, 90002);
  }

  /** True for the client id of this sandbox's app registration. */
  private isOurClient(clientId: string | undefined): clientId is string {
    return clientId === this.config.clientId;
  }

  private async token(ctx: RouteContext, version: 'v1' | 'v2'): Promise<Reply> {
    const wrongTenant = this.unknownTenant(ctx);
    if (wrongTenant) return wrongTenant;
    const form = formParams(ctx);
    const basic = basicCredentials(ctx.header('authorization'));
    const clientId = form.get('client_id') ?? basic?.id;
    const clientSecret = form.get('client_secret') ?? basic?.secret;
    if (!this.isOurClient(clientId)) return unknownClient(clientId);
    if (clientSecret !== undefined && !safeEqual(clientSecret, this.config.clientSecret)) {
      return oauthError(401, 'invalid_client', 'Invalid client secret provided.', 7000215);
    }
    const grantType = form.get('grant_type') ?? '';
    const requestedScopes = requestScopes(form, version);
    switch (grantType) {
      case 'client_credentials': {
        if (clientSecret === undefined) {
          return oauthError(
            401,
            'invalid_client',
            "The request body must contain 'client_secret' or 'client_assertion'.",
            7000218,
          );
        }
        const resource = requestedScopes.find((scope) => !OIDC_SCOPES.has(scope));
        if (!resource || (version === 'v2' && !resource.endsWith('/.default'))) {
          return oauthError(
            400,
            'invalid_scope',
            'The scope provided must end with /.default for client credentials.',
            1002012,
          );
        }
        return this.tokenReply(version, { appOnly: true, clientId, scopes: [resource], refresh: false });
      }
      case 'authorization_code': {
        const code = form.get('code') ?? '';
        const entry = this.authCodes.get(code);
        this.authCodes.delete(code);
        if (!entry || entry.expiresAtMs < Date.now() || entry.clientId !== clientId) {
          return oauthError(
            400,
            'invalid_grant',
            'The provided authorization code is invalid or has expired.',
            70008,
          );
        }
        if ((form.get('redirect_uri') ?? '') !== entry.redirectUri) {
          return oauthError(
            400,
            'invalid_grant',
            'The reply URL does not match the one used for the authorization code.',
            50148,
          );
        }
        if (entry.codeChallenge) {
          const verifier = form.get('code_verifier');
          if (!verifier)
            return oauthError(400, 'invalid_request', "The request must contain 'code_verifier'.", 501481);
          const computed =
            (entry.codeChallengeMethod ?? 'plain').toUpperCase() === 'S256'
              ? createHash('sha256').update(verifier).digest('base64url')
              : verifier;
          if (computed !== entry.codeChallenge) {
            return oauthError(
              400,
              'invalid_grant',
              'The code_verifier does not match the code_challenge.',
              501481,
            );
          }
        }
        return this.tokenReply(version, {
          appOnly: false,
          clientId,
          scopes: entry.scopes,
          refresh: true,
          ...(entry.nonce ? { nonce: entry.nonce } : {}),
        });
      }
      case 'refresh_token': {
        const grant = this.persisted.refreshTokens[refreshTokenKey(form.get('refresh_token') ?? '')];
        if (!grant || grant.clientId !== clientId) {
          return oauthError(400, 'invalid_grant', 'The refresh token is invalid or has been revoked.', 70000);
        }
        const scopes = requestedScopes.some((scope) => !OIDC_SCOPES.has(scope))
          ? requestedScopes
          : grant.scopes;
        return this.tokenReply(version, { appOnly: false, clientId, scopes, refresh: true });
      }
      default: {
        if (DEVICE_CODE_GRANTS.has(grantType)) {
          const entry = this.deviceCodes.get(form.get('device_code') ?? '');
          if (!entry || entry.clientId !== clientId || entry.redeemed) {
            return oauthError(400, 'invalid_grant', 'The device code is invalid.', 70000);
          }
          if (entry.expiresAtMs < Date.now())
            return oauthError(400, 'expired_token', 'The device code has expired.', 70019);
          if (!entry.approved) {
            return oauthError(
              400,
              'authorization_pending',
              'The user has not yet completed authorization.',
              70016,
            );
          }
          entry.redeemed = true;
          return this.tokenReply(version, { appOnly: false, clientId, scopes: entry.scopes, refresh: true });
        }
        return oauthError(
          400,
          'unsupported_grant_type',
          `The grant type '${grantType}' is not supported.`,
          70003,
        );
      }
    }
  }

  private async tokenReply(
    version: 'v1' | 'v2',
    grant: {
      appOnly: boolean;
      clientId: string;
      scopes: ReadonlyArray<string>;
      refresh: boolean;
      nonce?: string;
    },
  ): Promise<Reply> {
    const resourceScopes = grant.scopes.filter((scope) => !OIDC_SCOPES.has(scope));
    const first = resourceScopes[0] ?? USER_IMPERSONATION;
    const audience = resourceOf(first);
    const isGraph = audience.replace(/\/+$/, '').toLowerCase() === GRAPH_RESOURCE;
    if (isGraph && !this.config.graphConsent) {
      // What Entra ID answers when the admin never consented to the permission (AADSTS65001).
      return oauthError(
        400,
        'invalid_grant',
        `The user or administrator has not consented to use the application with ID '${grant.clientId}'. ` +
          `An administrator must grant ${PARTNER_BILLING_READ} (Microsoft Graph) for this tenant.`,
        65001,
      );
    }
    const named = resourceScopes
      .filter((scope) => resourceOf(scope) === audience)
      .map((scope) => scope.slice(audience.length + 1))
      .filter((scope) => scope !== '' && scope !== '.default');
    // Graph's `.default` means "what the admin consented to": the billing permission here.
    const scp = isGraph && named.length === 0 ? [PARTNER_BILLING_READ] : named;
    const lifetime = this.config.accessTokenLifetimeSeconds;
    const accessToken = await this.signAccessToken({
      appOnly: grant.appOnly,
      clientId: grant.clientId,
      audience,
      scopes: grant.appOnly
        ? isGraph
          ? [PARTNER_BILLING_READ]
          : []
        : scp.length > 0
          ? scp
          : ['user_impersonation'],
      expiresInSeconds: lifetime,
      tenantId: this.config.tenantId,
    });
    const nowSeconds = Math.floor(Date.now() / 1000);
    const body: Record<string, unknown> = { token_type: 'Bearer' };
    if (version === 'v1') {
      Object.assign(body, {
        expires_in: String(lifetime),
        ext_expires_in: String(lifetime),
        expires_on: String(nowSeconds + lifetime),
        not_before: String(nowSeconds),
        resource: audience,
      });
      if (!grant.appOnly) body.scope = scp.join(' ') || 'user_impersonation';
    } else {
      Object.assign(body, { expires_in: lifetime, ext_expires_in: lifetime });
      if (!grant.appOnly) {
        body.scope = [
          ...resourceScopes.map((scope) =>
            scope.endsWith('/.default') ? `${audience}/user_impersonation` : scope,
          ),
          'openid',
          'profile',
          'offline_access',
        ].join(' ');
      }
    }
    body.access_token = accessToken;
    if (!grant.appOnly) {
      body.id_token = await this.signIdToken(grant.clientId, grant.nonce);
      body.client_info = Buffer.from(
        JSON.stringify({ uid: this.config.userObjectId, utid: this.config.tenantId }),
      ).toString('base64url');
      if (grant.refresh) {
        const refreshToken = `${REFRESH_TOKEN_PREFIX}${randomBytes(48).toString('base64url')}`;
        this.persisted.refreshTokens[refreshTokenKey(refreshToken)] = {
          clientId: grant.clientId,
          scopes: grant.scopes,
        };
        this.persist();
        body.refresh_token = refreshToken;
      }
    }
    return { status: 200, json: body, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } };
  }

  private async signAccessToken(input: {
    appOnly: boolean;
    clientId: string;
    audience: string;
    scopes: ReadonlyArray<string>;
    expiresInSeconds: number;
    tenantId: string;
  }): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      tid: input.tenantId,
      azp: input.clientId,
      appid: input.clientId,
      ver: '2.0',
      idtyp: input.appOnly ? 'app' : 'user',
      uti: randomBytes(16).toString('base64url'),
    };
    if (input.appOnly) {
      // Client-credentials tokens name the app's service principal and carry app roles, not scopes.
      claims.oid = input.clientId;
      claims.roles = input.scopes;
    } else {
      Object.assign(claims, {
        oid: this.config.userObjectId,
        upn: this.config.user,
        preferred_username: this.config.user,
        name: this.config.userDisplayName,
        scp: input.scopes.join(' '),
        // Partner Center requires MFA for App+User calls (§2.2); the demo user always "did" MFA.
        amr: ['pwd', 'mfa'],
      });
    }
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.keyId })
      .setIssuer(this.issuer)
      .setSubject(input.appOnly ? input.clientId : this.config.userObjectId)
      .setAudience(input.audience)
      .setIssuedAt(now)
      .setNotBefore(now - 300)
      .setExpirationTime(now + input.expiresInSeconds)
      .sign(this.privateKey);
  }

  private async signIdToken(clientId: string, nonce: string | undefined): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      tid: this.config.tenantId,
      oid: this.config.userObjectId,
      preferred_username: this.config.user,
      name: this.config.userDisplayName,
      ver: '2.0',
    };
    if (nonce) claims.nonce = nonce;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.keyId })
      .setIssuer(this.issuer)
      .setSubject(this.config.userObjectId)
      .setAudience(clientId)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 3600)
      .sign(this.privateKey);
  }

  private deviceCode(ctx: RouteContext): Reply {
    const wrongTenant = this.unknownTenant(ctx);
    if (wrongTenant) return wrongTenant;
    const form = formParams(ctx);
    const clientId = form.get('client_id');
    if (!this.isOurClient(clientId)) return unknownClient(clientId);
    const scopes = requestScopes(form, 'v2');
    const deviceCode = randomBytes(32).toString('base64url');
    const userCode = randomUserCode();
    const expiresIn = 900;
    this.deviceCodes.set(deviceCode, {
      deviceCode,
      userCode,
      clientId,
      scopes,
      expiresAtMs: Date.now() + expiresIn * 1000,
      approved: this.config.autoApprove,
      redeemed: false,
    });
    const verificationUri = `${this.authority}/oauth2/deviceauth`;
    return {
      status: 200,
      json: {
        user_code: userCode,
        device_code: deviceCode,
        verification_uri: verificationUri,
        expires_in: expiresIn,
        // Azure AD says 5 s; the sandbox polls every second so device-code sign-ins are quick in tests.
        interval: 1,
        message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
      },
    };
  }

  private devicePage(ctx: RouteContext): Reply {
    const action = `${this.authority}/oauth2/deviceauth`;
    const code = escapeHtml(ctx.query.get('user_code') ?? '');
    return html(
      200,
      page(
        'Enter code',
        `<p>Enter the code shown by the application to sign in as <b>${escapeHtml(this.config.user)}</b>.</p>
<form method="post" action="${escapeHtml(action)}">
<input name="user_code" value="${code}" autofocus autocomplete="off" aria-label="Code">
<button type="submit">Sign in as the demo user</button></form>`,
      ),
    );
  }

  private devicePageSubmit(ctx: RouteContext): Reply {
    const form = formParams(ctx);
    const approved = this.approveDeviceCode(form.get('user_code') ?? '');
    return approved
      ? html(
          200,
          page(
            'Signed in',
            '<p>You have signed in. You can close this window and return to the application.</p>',
          ),
        )
      : html(400, page('Code not recognised', '<p>That code is not valid or has expired. Try again.</p>'));
  }

  private authorize(ctx: RouteContext): Reply {
    const q = ctx.query;
    const clientId = q.get('client_id') ?? '';
    const redirectUri = q.get('redirect_uri') ?? '';
    if (clientId !== this.config.clientId) {
      return html(
        400,
        page('Sign-in error', `<p>AADSTS700016: Application '${escapeHtml(clientId)}' was not found.</p>`),
      );
    }
    if (!isLoopbackUri(redirectUri)) {
      return html(
        400,
        page('Sign-in error', '<p>AADSTS50011: The redirect URI must be a loopback address.</p>'),
      );
    }
    const state = q.get('state');
    const codeChallenge = q.get('code_challenge');
    const codeChallengeMethod = q.get('code_challenge_method');
    const nonce = q.get('nonce');
    const pending: PendingSignIn = {
      clientId,
      redirectUri,
      scopes: (q.get('scope') ?? '').split(/\s+/).filter(Boolean),
      responseMode: q.get('response_mode') ?? 'query',
      ...(state !== undefined ? { state } : {}),
      ...(codeChallenge !== undefined ? { codeChallenge } : {}),
      ...(codeChallengeMethod !== undefined ? { codeChallengeMethod } : {}),
      ...(nonce !== undefined ? { nonce } : {}),
    };
    if (this.config.autoApprove) return this.completeSignIn(pending);
    const requestId = randomBytes(16).toString('base64url');
    this.pendingSignIns.set(requestId, pending);
    const action = `${this.authority}/oauth2/v2.0/authorize`;
    return html(
      200,
      page(
        'Sign in',
        `<p>The application is asking to sign in to the Partner Center sandbox.</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="request" value="${requestId}">
<button type="submit" name="action" value="approve" data-testid="sandbox-sign-in">Sign in as the demo user</button>
<button type="submit" name="action" value="deny">Cancel</button>
</form><p class="muted">${escapeHtml(this.config.user)}</p>`,
      ),
    );
  }

  private authorizeSubmit(ctx: RouteContext): Reply {
    const form = formParams(ctx);
    const id = form.get('request') ?? '';
    const pending = this.pendingSignIns.get(id);
    this.pendingSignIns.delete(id);
    if (!pending)
      return html(400, page('Sign-in error', '<p>This sign-in request has expired. Start again.</p>'));
    if (form.get('action') === 'deny') {
      const params = new URLSearchParams({
        error: 'access_denied',
        error_description: 'AADSTS65004: The user declined to sign in.',
      });
      if (pending.state !== undefined) params.set('state', pending.state);
      return respondToClient(pending, params);
    }
    return this.completeSignIn(pending);
  }

  private completeSignIn(pending: PendingSignIn): Reply {
    const code = randomBytes(32).toString('base64url');
    this.authCodes.set(code, {
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      scopes: pending.scopes,
      expiresAtMs: Date.now() + 10 * 60_000,
      ...(pending.codeChallenge !== undefined ? { codeChallenge: pending.codeChallenge } : {}),
      ...(pending.codeChallengeMethod !== undefined
        ? { codeChallengeMethod: pending.codeChallengeMethod }
        : {}),
      ...(pending.nonce !== undefined ? { nonce: pending.nonce } : {}),
    });
    const params = new URLSearchParams({ code });
    if (pending.state !== undefined) params.set('state', pending.state);
    params.set(
      'client_info',
      Buffer.from(JSON.stringify({ uid: this.config.userObjectId, utid: this.config.tenantId })).toString(
        'base64url',
      ),
    );
    params.set('session_state', randomUUID());
    return respondToClient(pending, params);
  }
}

/**
 * Sends the sign-in's answer (a code, or an error) back to the app the way it asked for it: a
 * self-submitting form for `form_post` (what MSAL Node uses), else a redirect with a query or fragment.
 */
function respondToClient(pending: PendingSignIn, params: URLSearchParams): Reply {
  if (pending.responseMode === 'form_post') {
    const inputs = [...params]
      .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
      .join('');
    return html(
      200,
      `<!doctype html><html><body onload="document.forms[0].submit()"><form method="post" action="${escapeHtml(pending.redirectUri)}">${inputs}<noscript><button>Continue</button></noscript></form></body></html>`,
    );
  }
  const url = new URL(pending.redirectUri);
  for (const [key, value] of params) url.searchParams.set(key, value);
  const location =
    pending.responseMode === 'fragment' ? `${pending.redirectUri}#${params.toString()}` : url.toString();
  return { status: 302, headers: { Location: location } };
}

function resourceOf(scope: string): string {
  // `https://api.partnercenter.microsoft.com/user_impersonation` → `https://api.partnercenter.microsoft.com`.
  const match = /^(.*)\/[^/]*$/.exec(scope);
  return match && match[1]!.includes('://') ? match[1]! : scope;
}

function requestScopes(form: ReadonlyMap<string, string>, version: 'v1' | 'v2'): string[] {
  const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
  const resource = form.get('resource');
  // v1 requests name the resource instead of a scope (§2.2); treat it as `{resource}/.default`.
  if (resource && (version === 'v1' || !scopes.some((scope) => !OIDC_SCOPES.has(scope)))) {
    scopes.unshift(`${resource.replace(/\/+$/, '')}/.default`);
  }
  return scopes;
}

function formParams(ctx: RouteContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(ctx.rawBody)) out.set(key, value);
  return out;
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header ? /^Basic\s+(.+)$/i.exec(header) : null;
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Only loopback redirect URIs are allowed: the sandbox is for desktop apps on this machine. */
function isLoopbackUri(uri: string): boolean {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

function randomUserCode(): string {
  const alphabet = 'BCDFGHJKLMNPQRSTVWXZ23456789';
  const bytes = randomBytes(9);
  return [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function html(status: number, body: string): Reply {
  return {
    status,
    body,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action *; script-src 'unsafe-inline'",
      'Cache-Control': 'no-store',
    },
  };
}

function page(title: string, content: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Partner Center sandbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}button{font-size:1rem;padding:.5rem 1rem;margin:.5rem .5rem 0 0}input{font-size:1rem;padding:.4rem}.muted{color:#666}</style>
</head><body><h1>${escapeHtml(title)}</h1>${content}</body></html>`;
}
