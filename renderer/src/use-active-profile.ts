/**
 * The active profile and its current customer, read once for whichever screen or shell part needs
 * them first. `currentReady` turns true when the current customer of the active profile is known.
 */
import { useEffect } from 'react';
import type { ProfileView } from '../../preload/contract';
import { useCustomers } from './state/customers-store';
import { activeProfileIdOf, profilesAnswered, profilesOf } from './state/profiles';
import { useProfiles } from './state/profiles-store';

// The shell and a screen mount together: one read of the profiles is enough.
let loadingProfiles: Promise<void> | null = null;
function loadProfilesOnce(load: () => Promise<void>): Promise<void> {
  loadingProfiles ??= load().finally(() => {
    loadingProfiles = null;
  });
  return loadingProfiles;
}

export function useActiveProfile(): {
  readonly loaded: boolean;
  readonly profile: ProfileView | undefined;
  readonly currentReady: boolean;
} {
  const loaded = useProfiles(profilesAnswered);
  const profiles = useProfiles(profilesOf);
  const activeProfileId = useProfiles(activeProfileIdOf);
  const load = useProfiles((s) => s.load);
  const selectProfile = useCustomers((s) => s.selectProfile);
  const customersProfileId = useCustomers((s) => s.profileId);
  const currentKnown = useCustomers((s) => s.currentKnown);

  useEffect(() => {
    if (!loaded) void loadProfilesOnce(load);
  }, [loaded, load]);

  useEffect(() => {
    if (activeProfileId) void selectProfile(activeProfileId);
  }, [activeProfileId, selectProfile]);

  const profile = profiles.find((p) => p.id === activeProfileId);
  return {
    loaded,
    profile,
    currentReady: profile !== undefined && customersProfileId === profile.id && currentKnown,
  };
}

/** The active profile for a screen of one profile's data: `open` runs with each profile made active. */
export function useProfileScreen(
  open: (profileId: string) => Promise<void>,
): ReturnType<typeof useActiveProfile> {
  const active = useActiveProfile();
  const { profile } = active;
  useEffect(() => {
    if (profile) void open(profile.id);
  }, [profile, open]);
  return active;
}
