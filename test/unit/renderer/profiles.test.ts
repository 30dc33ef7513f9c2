import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../preload/contract';
import {
  activityFailed,
  activityStarted,
  connectionChecked,
  deviceCodeShown,
  fieldErrors,
  activeProfileIdOf,
  demoFailed,
  initialProfilesState,
  listRequested,
  listSettled,
  profileRemoved,
  profilesAnswered,
  profileSaved,
  profilesOf,
  screenErrorOf,
  statusLoaded,
} from '../../../renderer/src/state/profiles';

const profile = (id: string, name = id): ProfileView => ({
  id,
  name,
  tenantId: '8f3c2a1e-5b6d-4c7e-9f80-1a2b3c4d5e6f',
  appId: '0d1e2f30-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  authMode: 'app-user',
  cloud: 'global',
  defaults: { country: 'US', segment: 'commercial', locale: 'en-US' },
  isDemo: false,
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
});

const loaded = listSettled(listRequested(initialProfilesState), {
  ok: true,
  value: { profiles: [profile('a'), profile('b')], activeProfileId: 'a' },
});
const offline = { code: 'OFFLINE', message: 'x' } as const;

/** `loaded` while a profile signs in with a device code, its prompt on screen. */
const showingDeviceCode = (profileId: string) =>
  deviceCodeShown(activityStarted(loaded, profileId, 'signing-in'), {
    profileId,
    userCode: 'ABCD-EFGH',
    verificationUri: 'https://microsoft.com/devicelogin',
    message: 'Go there',
    expiresAt: '2026-11-23T10:15:00.000Z',
  });

describe('profiles state', () => {
  it('an edited profile replaces the old copy in place and forgets its old connection check', () => {
    const checked = connectionChecked(loaded, {
      profileId: 'a',
      roundTripMs: 12,
      identity: { kind: 'app', name: 'App', tenantId: 't' },
      checkedAt: '2026-11-23T10:00:00.000Z',
    });
    const saved = profileSaved(checked, profile('a', 'Renamed'));
    expect(profilesOf(saved).map((p) => p.name)).toEqual(['Renamed', 'b']);
    expect(saved.checks.a).toBeUndefined();
  });

  it('a new profile goes last and becomes active when none was', () => {
    const empty = listSettled(initialProfilesState, {
      ok: true,
      value: { profiles: [], activeProfileId: null },
    });
    const saved = profileSaved(empty, profile('n'));
    expect(activeProfileIdOf(saved)).toBe('n');
    expect(profilesOf(profileSaved(loaded, profile('c'))).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('a failure ends the activity, is kept per profile, and closes that profile’s device-code prompt', () => {
    const waiting = showingDeviceCode('a');
    const failed = activityFailed(waiting, 'a', { code: 'CANCELLED', message: 'Sign-in was cancelled.' });
    expect(failed.activity.a).toBeUndefined();
    expect(failed.errors.a?.code).toBe('CANCELLED');
    expect(failed.deviceCode).toBeNull();
    // Starting something new clears the old error.
    expect(activityStarted(failed, 'a', 'signing-in').errors.a).toBeUndefined();
  });

  it('a status answer ends the activity and the prompt', () => {
    const signingIn = showingDeviceCode('b');
    const done = statusLoaded(signingIn, { profileId: 'b', state: 'signed-in', message: 'Signed in.' });
    expect(done.activity.b).toBeUndefined();
    expect(done.deviceCode).toBeNull();
    expect(done.statuses.b?.state).toBe('signed-in');
  });

  it('removing the active profile makes the next one active and forgets everything about it', () => {
    const removed = profileRemoved(activityFailed(loaded, 'a', offline), 'a');
    expect(profilesOf(removed).map((p) => p.id)).toEqual(['b']);
    expect(activeProfileIdOf(removed)).toBe('b');
    expect(removed.errors.a).toBeUndefined();
  });

  it('waits for main’s first answer, then keeps the profiles while they are read again or that fails', () => {
    const asking = listRequested(initialProfilesState);
    expect(profilesAnswered(asking)).toBe(false);
    expect(profilesOf(asking)).toEqual([]);
    const failedFirst = listSettled(asking, { ok: false, error: offline });
    expect(profilesAnswered(failedFirst)).toBe(true);
    expect(screenErrorOf(failedFirst)).toEqual(offline);
    const failedAgain = listSettled(listRequested(loaded), { ok: false, error: offline });
    expect(profilesOf(failedAgain).map((p) => p.id)).toEqual(['a', 'b']);
    expect(screenErrorOf(failedAgain)).toEqual(offline);
  });

  it('says why the demo did not start until the profiles are read again', () => {
    const failed = demoFailed(loaded, offline);
    expect(screenErrorOf(failed)).toEqual(offline);
    expect(profilesOf(failed)).toHaveLength(2);
    const reread = listSettled(failed, { ok: true, value: { profiles: [], activeProfileId: null } });
    expect(screenErrorOf(reread)).toBeNull();
  });

  it('reads field messages from INVALID_INPUT, flattening nested names', () => {
    expect(
      fieldErrors({
        code: 'INVALID_INPUT',
        message: 'x',
        details: { fields: { tenantId: 'Tenant ID must be a GUID.', 'defaults.country': 'Two letters.' } },
      }),
    ).toEqual({ tenantId: 'Tenant ID must be a GUID.', country: 'Two letters.' });
    expect(
      fieldErrors({ code: 'CONFLICT', message: 'taken', details: { fields: { name: 'taken' } } }),
    ).toEqual({});
    expect(fieldErrors(null)).toEqual({});
  });
});
