/**
 * Where each profile's Partner Center client points, and how it gets its tokens: what the client
 * registry (`main/partner-center/client-registry.ts`) needs to know about profiles.
 */
import type { AuthService } from '../auth';
import { DeskFailure } from '../ipc/failure';
import type { ClientRegistryOptions } from '../partner-center/client-registry';
import { findProfile, type Profile, type SettingsStore } from '../settings';
import type { CloudDirectory } from './cloud-directory';

export const APP_NAME = 'Reservation Desk';

/** The stored profile, or NOT_FOUND in words a person can act on. */
export function requireProfile(settings: SettingsStore, profileId: string): Profile {
  const profile = findProfile(settings.read(), profileId);
  if (!profile) throw new DeskFailure('NOT_FOUND', 'This profile no longer exists. Pick another one.');
  return profile;
}

/** The API address of a profile: its cloud's (the embedded sandbox's for the demo). */
export async function apiUrlFor(profile: Profile, clouds: CloudDirectory): Promise<string> {
  return (await clouds.resolve(profile.cloud)).apiBaseUrl;
}

/** The client registry's view of profiles: endpoint from settings, tokens from auth. */
export function profileEndpoints(options: {
  readonly settings: SettingsStore;
  readonly auth: Pick<AuthService, 'getAccessToken'>;
  readonly clouds: CloudDirectory;
}): ClientRegistryOptions {
  const { settings, auth, clouds } = options;
  return {
    appName: APP_NAME,
    async endpointFor(profileId) {
      const profile = requireProfile(settings, profileId);
      return {
        tenantId: profile.tenantId,
        baseUrl: await apiUrlFor(profile, clouds),
        locale: profile.defaults.locale,
        version: profile.updatedAt,
      };
    },
    getAccessToken: async (profileId) =>
      (await auth.getAccessToken(requireProfile(settings, profileId))).accessToken,
  };
}
