import type { AuthMode, Cloud } from '../settings/schema';
import type { AuthorityConfig } from './authority';

/**
 * How long before its expiry an access token is renewed: MSAL's own renewal offset (300 s), so the
 * token kept in memory and MSAL's cache agree on when a token is too old to hand out.
 */
export const TOKEN_REFRESH_MARGIN_SECONDS = 300;

/** The profile settings a profile's MSAL client is built from; when one changes, the client is rebuilt. */
export interface ClientSettings {
  readonly id: string;
  readonly tenantId: string;
  readonly appId: string;
  readonly authMode: AuthMode;
  readonly cloud: Cloud;
}

/** An access token as handed out to Partner Center calls. */
export interface HeldToken {
  readonly expiresOn: Date | null;
}

/**
 * What sign-in keeps for one profile for the life of the app: the authority (discovered once), the
 * MSAL client (whose token cache is read from the keychain once), and the last access token.
 */
export interface ProfileSession<App, Token extends HeldToken> {
  readonly settingsKey: string;
  /** The discovered authority, and the sandbox address it was discovered from (`global` otherwise). */
  authority?: { readonly source: string; readonly config: Promise<AuthorityConfig> };
  /**
   * The MSAL client; for App-only profiles also the app secret it was built with (MSAL holds it in
   * memory anyway), so a token renewal does not read the keychain again.
   */
  client?: { readonly app: App; readonly secret?: string };
  /** The last access token, handed out until it nears its expiry. */
  token?: Token;
  /** The last price sheet token (partner API audience, §16), kept the same way. */
  priceSheetToken?: Token;
  /** A token request in flight, which concurrent callers share. */
  pending?: Promise<Token>;
}

/** One session per profile id, replaced when the settings it was built from change. */
export class ProfileSessions<App, Token extends HeldToken> {
  private readonly sessions = new Map<string, ProfileSession<App, Token>>();

  /** The profile's session: the existing one, or a new one when there is none or its settings changed. */
  of(profile: ClientSettings): ProfileSession<App, Token> {
    const settingsKey = JSON.stringify([profile.tenantId, profile.appId, profile.authMode, profile.cloud]);
    const existing = this.sessions.get(profile.id);
    if (existing?.settingsKey === settingsKey) return existing;
    const created: ProfileSession<App, Token> = { settingsKey };
    this.sessions.set(profile.id, created);
    return created;
  }

  /** Forgets a profile's client, authority and token (sign-out, removed profile, new app secret). */
  drop(profileId: string): void {
    this.sessions.delete(profileId);
  }

  /** Stops handing out the profile's access token (its sign-in was refused). */
  forgetToken(profileId: string): void {
    const session = this.sessions.get(profileId);
    if (session) {
      session.token = undefined;
      session.priceSheetToken = undefined;
    }
  }
}

/** The token if it stays valid for longer than the refresh margin at `nowMs`. */
export function usableToken<Token extends HeldToken>(
  token: Token | undefined,
  nowMs: number,
): Token | undefined {
  if (!token?.expiresOn) return undefined;
  return token.expiresOn.getTime() - nowMs > TOKEN_REFRESH_MARGIN_SECONDS * 1000 ? token : undefined;
}
