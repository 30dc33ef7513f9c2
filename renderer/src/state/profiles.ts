/** The Connect screen's state: pure changes, so they can be tested without React or a bridge. */
import type {
  AuthStatus,
  ConnectionCheck,
  DeskError,
  DeskResult,
  ProfileList,
  ProfileView,
} from '../../../preload/contract';
import { idle, loading, mapLoad, settle, valueOf, type Load } from './load';

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
  /** The profiles and which one is active, as main keeps them. */
  readonly list: Load<ProfileList>;
  readonly statuses: Readonly<Record<string, AuthStatus>>;
  readonly activity: Readonly<Record<string, ProfileActivity>>;
  readonly checks: Readonly<Record<string, ConnectionCheck>>;
  readonly errors: Readonly<Record<string, DeskError>>;
  readonly deviceCode: DeviceCodePrompt | null;
  /** Why the demo could not start (not tied to one profile: there is none yet). */
  readonly demoError: DeskError | null;
}

export const initialProfilesState: ProfilesState = {
  list: idle,
  statuses: {},
  activity: {},
  checks: {},
  errors: {},
  deviceCode: null,
  demoError: null,
};

const noProfiles: ReadonlyArray<ProfileView> = [];

/** The profiles known so far (also while they are read again, or after that failed). */
export function profilesOf(state: ProfilesState): ReadonlyArray<ProfileView> {
  return valueOf(state.list)?.profiles ?? noProfiles;
}

export function activeProfileIdOf(state: ProfilesState): string | null {
  return valueOf(state.list)?.activeProfileId ?? null;
}

/** Main has answered once, with the profiles or with why it could not read them. */
export function profilesAnswered(state: ProfilesState): boolean {
  return state.list.status === 'ready' || state.list.status === 'error' || valueOf(state.list) !== undefined;
}

/** Why the screen cannot show what it should: the profiles could not be read, or the demo not start. */
export function screenErrorOf(state: ProfilesState): DeskError | null {
  return state.list.status === 'error' ? state.list.error : state.demoError;
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

export function listRequested(state: ProfilesState): ProfilesState {
  return { ...state, list: loading(state.list) };
}

/** Main answered with the profiles (forgetting what was kept about removed ones), or why it could not. */
export function listSettled(state: ProfilesState, result: DeskResult<ProfileList>): ProfilesState {
  if (!result.ok) return { ...state, list: settle(state.list, result) };
  const ids = new Set(result.value.profiles.map((p) => p.id));
  const keep = <T>(record: Readonly<Record<string, T>>) =>
    Object.fromEntries(Object.entries(record).filter(([id]) => ids.has(id)));
  return {
    ...state,
    list: settle(state.list, result),
    statuses: keep(state.statuses),
    checks: keep(state.checks),
    errors: keep(state.errors),
    demoError: null,
  };
}

/** A new or edited profile replaces the old copy in place (new ones go last). */
export function profileSaved(state: ProfilesState, profile: ProfileView): ProfilesState {
  return {
    ...state,
    list: mapLoad(state.list, (list) => ({
      profiles: list.profiles.some((p) => p.id === profile.id)
        ? list.profiles.map((p) => (p.id === profile.id ? profile : p))
        : [...list.profiles, profile],
      activeProfileId: list.activeProfileId ?? profile.id,
    })),
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
  return {
    ...state,
    list: mapLoad(state.list, (list) => {
      const profiles = list.profiles.filter((p) => p.id !== profileId);
      const activeProfileId =
        list.activeProfileId === profileId ? (profiles[0]?.id ?? null) : list.activeProfileId;
      return { profiles, activeProfileId };
    }),
    statuses: without(state.statuses, profileId),
    activity: without(state.activity, profileId),
    checks: without(state.checks, profileId),
    errors: without(state.errors, profileId),
  };
}

export function deviceCodeShown(state: ProfilesState, prompt: DeviceCodePrompt): ProfilesState {
  return { ...state, deviceCode: prompt };
}

export function demoFailed(state: ProfilesState, error: DeskError): ProfilesState {
  return { ...state, demoError: error };
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
