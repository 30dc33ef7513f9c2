/** The Connect screen's state: pure changes, so they can be tested without React or a bridge. */
import type {
  AuthStatus,
  ConnectionCheck,
  DeskError,
  ProfileList,
  ProfileView,
} from '../../../preload/contract';

/** What a profile is busy with right now (one thing at a time). */
export type ProfileActivity = 'signing-in' | 'signing-out' | 'testing' | 'removing';

export interface DeviceCodePrompt {
  readonly profileId: string;
  readonly userCode: string;
  readonly verificationUri: string;
  readonly message: string;
  readonly expiresAt: string;
}

export interface ProfilesState {
  readonly loaded: boolean;
  readonly profiles: ReadonlyArray<ProfileView>;
  readonly activeProfileId: string | null;
  readonly statuses: Readonly<Record<string, AuthStatus>>;
  readonly activity: Readonly<Record<string, ProfileActivity>>;
  readonly checks: Readonly<Record<string, ConnectionCheck>>;
  readonly errors: Readonly<Record<string, DeskError>>;
  readonly deviceCode: DeviceCodePrompt | null;
  /** An error not tied to one profile (the list failed to load, the demo failed to start). */
  readonly screenError: DeskError | null;
}

export const initialProfilesState: ProfilesState = {
  loaded: false,
  profiles: [],
  activeProfileId: null,
  statuses: {},
  activity: {},
  checks: {},
  errors: {},
  deviceCode: null,
  screenError: null,
};

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

export function listLoaded(state: ProfilesState, list: ProfileList): ProfilesState {
  const ids = new Set(list.profiles.map((p) => p.id));
  const keep = <T>(record: Readonly<Record<string, T>>) =>
    Object.fromEntries(Object.entries(record).filter(([id]) => ids.has(id)));
  return {
    ...state,
    loaded: true,
    profiles: list.profiles,
    activeProfileId: list.activeProfileId,
    statuses: keep(state.statuses),
    checks: keep(state.checks),
    errors: keep(state.errors),
    screenError: null,
  };
}

/** A new or edited profile replaces the old copy in place (new ones go last). */
export function profileSaved(state: ProfilesState, profile: ProfileView): ProfilesState {
  const exists = state.profiles.some((p) => p.id === profile.id);
  return {
    ...state,
    profiles: exists
      ? state.profiles.map((p) => (p.id === profile.id ? profile : p))
      : [...state.profiles, profile],
    activeProfileId: state.activeProfileId ?? profile.id,
    // Changed credentials make an earlier connection check meaningless.
    checks: without(state.checks, profile.id),
    errors: without(state.errors, profile.id),
  };
}

export function activityStarted(
  state: ProfilesState,
  profileId: string,
  activity: ProfileActivity,
): ProfilesState {
  return {
    ...state,
    activity: { ...state.activity, [profileId]: activity },
    errors: without(state.errors, profileId),
  };
}

export function activityFailed(state: ProfilesState, profileId: string, error: DeskError): ProfilesState {
  return {
    ...state,
    activity: without(state.activity, profileId),
    errors: { ...state.errors, [profileId]: error },
    deviceCode: state.deviceCode?.profileId === profileId ? null : state.deviceCode,
  };
}

export function statusLoaded(state: ProfilesState, status: AuthStatus): ProfilesState {
  return {
    ...state,
    activity: without(state.activity, status.profileId),
    statuses: { ...state.statuses, [status.profileId]: status },
    deviceCode: state.deviceCode?.profileId === status.profileId ? null : state.deviceCode,
  };
}

export function connectionChecked(state: ProfilesState, check: ConnectionCheck): ProfilesState {
  return {
    ...state,
    activity: without(state.activity, check.profileId),
    checks: { ...state.checks, [check.profileId]: check },
  };
}

export function profileRemoved(state: ProfilesState, profileId: string): ProfilesState {
  const profiles = state.profiles.filter((p) => p.id !== profileId);
  return {
    ...state,
    profiles,
    activeProfileId: state.activeProfileId === profileId ? (profiles[0]?.id ?? null) : state.activeProfileId,
    statuses: without(state.statuses, profileId),
    activity: without(state.activity, profileId),
    checks: without(state.checks, profileId),
    errors: without(state.errors, profileId),
  };
}

export function deviceCodeShown(state: ProfilesState, prompt: DeviceCodePrompt): ProfilesState {
  return { ...state, deviceCode: prompt };
}

export function screenFailed(state: ProfilesState, error: DeskError): ProfilesState {
  return { ...state, loaded: true, screenError: error };
}

/** Field-by-field messages from an INVALID_INPUT answer, for the form. */
export function fieldErrors(error: DeskError | null | undefined): Record<string, string> {
  if (!error || error.code !== 'INVALID_INPUT') return {};
  const fields = error.details?.fields;
  if (fields && typeof fields === 'object') {
    // Main names nested fields with dots (`defaults.country`); the form's fields are flat.
    return Object.fromEntries(
      Object.entries(fields as Record<string, unknown>)
        .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
        .map(([key, message]) => [key.split('.').pop() ?? key, message]),
    );
  }
  const field = error.details?.field;
  return typeof field === 'string' ? { [field.split('.').pop() ?? field]: error.message } : {};
}
