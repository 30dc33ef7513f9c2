/**
 * Connect: partner profiles (settings), their secrets and sign-in (vault + MSAL), the connection test,
 * and the one-click demo profile. Serves the `profiles.*` and `auth.*` calls of the contract.
 */
import { performance } from 'node:perf_hooks';
import type {
  AuthStatus as AuthStatusView,
  ConnectionCheck,
  ProfileDraft,
  ProfileList,
  ProfileView,
  SignInOutcome,
} from '../../preload/contract';
import type { AuthService, AuthStatus } from '../auth';
import type { EventHub } from '../ipc/event-hub';
import { settingsFailure } from '../failures';
import { DeskFailure } from '../ipc/failure';
import type { ClientRegistry } from '../partner-center/client-registry';
import type { ProfileLifecycle } from '../profiles/lifecycle';
import { DEMO_PROFILE_ID, ensureDemoProfile, type Profile, type SettingsStore } from '../settings';
import type { EmbeddedSandbox } from './embedded-sandbox';
import { requireProfile } from './profile-endpoint';

/** Said next to the secret field when an App-only profile would be saved without one. */
const SECRET_REQUIRED = 'Enter the app secret: an App-only profile signs in with it.';

/** What a new profile browses and buys with until the user says otherwise. */
const NEW_PROFILE_DEFAULTS = { country: 'US', segment: 'commercial', locale: 'en-US' } as const;

export interface ConnectServiceOptions {
  readonly settings: SettingsStore;
  readonly auth: AuthService;
  readonly sandbox: EmbeddedSandbox;
  /** The profiles' Partner Center clients (the connection test uses them; sign-out drops them). */
  readonly clients: ClientRegistry;
  /** What the other capabilities keep for a profile; removing the profile removes it first. */
  readonly lifecycle: ProfileLifecycle;
  /** Opens a sign-in page in the system browser; without it, App+User sign-in uses a device code. */
  readonly openBrowser?: (url: string) => Promise<void>;
}

export interface ConnectService {
  listProfiles(): ProfileList;
  createProfile(draft: ProfileDraft): Promise<ProfileView>;
  updateProfile(profileId: string, changes: Partial<ProfileDraft>): Promise<ProfileView>;
  removeProfile(profileId: string): Promise<void>;
  activateProfile(profileId: string): ProfileList;
  demoProfile(): Promise<ProfileView>;
  status(profileId: string): Promise<AuthStatusView>;
  signIn(
    profileId: string,
    options: { method?: 'auto' | 'browser' | 'device-code'; appSecret?: string },
    events: EventHub,
  ): Promise<SignInOutcome>;
  cancelSignIn(profileId: string): boolean;
  signOut(profileId: string, forgetSecret: boolean): Promise<AuthStatusView>;
  testConnection(profileId: string): Promise<ConnectionCheck>;
}

/** The renderer's view of a stored profile. */
export function toProfileView(profile: Profile): ProfileView {
  return {
    id: profile.id,
    name: profile.name,
    tenantId: profile.tenantId,
    appId: profile.appId,
    authMode: profile.authMode,
    cloud: profile.cloud,
    defaults: profile.defaults,
    isDemo: profile.id === DEMO_PROFILE_ID,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
}

function toStatusView(status: AuthStatus): AuthStatusView {
  return {
    profileId: status.profileId,
    state: status.state,
    message: status.message,
    ...(status.account
      ? {
          account: {
            username: status.account.username,
            ...(status.account.name ? { name: status.account.name } : {}),
          },
        }
      : {}),
    ...(status.hasClientSecret !== undefined ? { hasAppSecret: status.hasClientSecret } : {}),
  };
}

export function createConnectService(options: ConnectServiceOptions): ConnectService {
  const { settings, auth, sandbox, clients, lifecycle } = options;
  const signIns = new Map<string, AbortController>();
  const profileOrThrow = (profileId: string): Profile => requireProfile(settings, profileId);

  const list = (): ProfileList => {
    const state = settings.read();
    return { profiles: state.profiles.map(toProfileView), activeProfileId: state.activeProfileId };
  };

  const saveSecret = async (profile: Profile, appSecret: string | undefined) => {
    if (appSecret === undefined) return;
    if (profile.authMode !== 'app-only') {
      throw new DeskFailure('INVALID_INPUT', 'Only App-only profiles use an app secret.', {
        field: 'appSecret',
        fields: { appSecret: 'Only App-only profiles use an app secret.' },
      });
    }
    await auth.setClientSecret(profile, appSecret);
  };

  return {
    listProfiles: list,

    async createProfile(draft) {
      const { appSecret, ...input } = draft;
      // An App-only profile without its secret could never sign in: refuse it with the other fields.
      const secretMissing = input.authMode === 'app-only' && !appSecret?.trim();
      const result = settings.addProfile({
        ...input,
        defaults: { ...NEW_PROFILE_DEFAULTS, ...input.defaults },
      });
      if (!result.ok) {
        throw settingsFailure(
          secretMissing
            ? { ...result, fieldErrors: { ...result.fieldErrors, appSecret: SECRET_REQUIRED } }
            : result,
        );
      }
      if (secretMissing) {
        settings.removeProfile(result.profile.id);
        throw new DeskFailure('INVALID_INPUT', SECRET_REQUIRED, {
          field: 'appSecret',
          fields: { appSecret: SECRET_REQUIRED },
        });
      }
      try {
        await saveSecret(result.profile, appSecret);
      } catch (error) {
        // Without its secret the new profile would be half made: take it back so the form can be sent again.
        settings.removeProfile(result.profile.id);
        throw error;
      }
      return toProfileView(result.profile);
    },

    async updateProfile(profileId, changes) {
      const { appSecret, ...patch } = changes;
      const existing = profileOrThrow(profileId);
      const becomesAppOnly = (patch.authMode ?? existing.authMode) === 'app-only';
      if (becomesAppOnly && !appSecret?.trim() && !(await auth.hasClientSecret(existing))) {
        throw new DeskFailure('INVALID_INPUT', SECRET_REQUIRED, {
          field: 'appSecret',
          fields: { appSecret: SECRET_REQUIRED },
        });
      }
      const result = settings.updateProfile(profileId, patch);
      if (!result.ok) throw settingsFailure(result);
      // A sign-in belongs to one cloud's authority: a profile moved to another cloud signs in again.
      if (existing.cloud !== result.profile.cloud) await auth.signOut(result.profile);
      await saveSecret(result.profile, appSecret);
      clients.forget(profileId);
      return toProfileView(result.profile);
    },

    async removeProfile(profileId) {
      profileOrThrow(profileId);
      signIns.get(profileId)?.abort();
      // Everything the capabilities keep for it first (rows, keychain entries, tasks): when one of
      // them fails, the profile is still listed and its removal can be tried again.
      await lifecycle.forget(profileId);
      const result = settings.removeProfile(profileId);
      if (!result.ok) throw settingsFailure(result);
    },

    activateProfile(profileId) {
      const result = settings.setActiveProfile(profileId);
      if (!result.ok) throw settingsFailure(result);
      return list();
    },

    async demoProfile() {
      const running = await sandbox.ensure();
      let profile: Profile | undefined;
      settings.update((state) => {
        const result = ensureDemoProfile(state, running);
        if (!result.ok) throw settingsFailure(result);
        profile = result.profile;
        return result.settings;
      });
      return toProfileView(profile!);
    },

    async status(profileId) {
      return toStatusView(await auth.status(profileOrThrow(profileId)));
    },

    async signIn(profileId, request, events) {
      const profile = profileOrThrow(profileId);
      if (profile.cloud === 'sandbox') await sandbox.ensure();
      signIns.get(profileId)?.abort();
      const controller = new AbortController();
      signIns.set(profileId, controller);
      const isDemo = profile.id === DEMO_PROFILE_ID;
      try {
        const result = await auth.signIn(profile, {
          // The demo's sandbox approves sign-ins by itself: a device code needs no browser and no typing.
          method: isDemo ? 'device-code' : (request.method ?? 'auto'),
          signal: controller.signal,
          ...(request.appSecret ? { clientSecret: request.appSecret } : {}),
          ...(options.openBrowser && !isDemo ? { openBrowser: options.openBrowser } : {}),
          onDeviceCode: (info) => {
            if (!isDemo) events.emit('auth.deviceCode', { profileId, ...info });
          },
        });
        clients.forget(profileId);
        return {
          profileId,
          method: result.method,
          expiresOn: result.expiresOn,
          ...(result.account
            ? {
                account: {
                  username: result.account.username,
                  ...(result.account.name ? { name: result.account.name } : {}),
                },
              }
            : {}),
        };
      } finally {
        if (signIns.get(profileId) === controller) signIns.delete(profileId);
      }
    },

    cancelSignIn(profileId) {
      const controller = signIns.get(profileId);
      controller?.abort();
      return controller !== undefined;
    },

    async signOut(profileId, forgetSecret) {
      const profile = profileOrThrow(profileId);
      signIns.get(profileId)?.abort();
      await auth.signOut(profile, { forgetSecret });
      clients.forget(profileId);
      return toStatusView(await auth.status(profile));
    },

    async testConnection(profileId) {
      const profile = profileOrThrow(profileId);
      const token = await auth.getAccessToken(profile);
      const client = await clients.clientFor(profileId);
      const started = performance.now();
      // The cheapest call every profile may make: the first page of one customer.
      await client.listCustomers({ size: 1 }).pages().next();
      const roundTripMs = performance.now() - started;
      return {
        profileId,
        roundTripMs,
        identity: token.account
          ? { kind: 'user', name: token.account.username, tenantId: token.account.tenantId }
          : { kind: 'app', name: `App ${profile.appId}`, tenantId: profile.tenantId },
        checkedAt: new Date().toISOString(),
      };
    },
  };
}
