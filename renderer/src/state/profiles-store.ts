/** The Connect screen's store: the pure changes in `profiles.ts`, bound to zustand and the bridge. */
import { create } from 'zustand';
import type { DeskResult, ProfileDraft, ProfileView } from '../../../preload/contract';
import { getDesk } from '../bridge';
import { once } from './once';
import {
  activityFailed,
  activityStarted,
  connectionChecked,
  deviceCodeShown,
  demoFailed,
  initialProfilesState,
  listRequested,
  listSettled,
  profileRemoved,
  profileSaved,
  statusLoaded,
  type ProfilesState,
} from './profiles';

interface ProfilesActions {
  readonly load: () => Promise<void>;
  /** Saves a new or edited profile; resolves with the error so the form can show it by field. */
  readonly save: (draft: ProfileDraft, profileId?: string) => Promise<DeskResult<ProfileView>>;
  readonly remove: (profileId: string) => Promise<void>;
  readonly activate: (profileId: string) => Promise<void>;
  readonly signIn: (profileId: string, method?: 'auto' | 'browser' | 'device-code') => Promise<void>;
  readonly cancelSignIn: (profileId: string) => Promise<void>;
  readonly signOut: (profileId: string) => Promise<void>;
  readonly test: (profileId: string) => Promise<void>;
  /** One click to a working app: the demo profile, signed in, connection checked. */
  readonly tryDemo: () => Promise<void>;
}

export const useProfiles = create<ProfilesState & ProfilesActions>((set, get) => {
  const apply = (change: (state: ProfilesState) => ProfilesState) => set((state) => change(state));
  const desk = () => getDesk();

  const refreshStatus = async (profileId: string) => {
    const status = await desk().auth.status({ profileId });
    if (status.ok) apply((s) => statusLoaded(s, status.value));
  };

  const listen = once(() => {
    desk().on('auth.deviceCode', (prompt) => apply((s) => deviceCodeShown(s, prompt)));
  });

  const actions: ProfilesActions = {
    async load() {
      listen();
      apply(listRequested);
      const list = await desk().profiles.list();
      apply((s) => listSettled(s, list));
      if (!list.ok) return;
      await Promise.all(list.value.profiles.map((p) => refreshStatus(p.id)));
    },
    async save(draft, profileId) {
      const result = profileId
        ? await desk().profiles.update({ profileId, changes: draft })
        : await desk().profiles.create(draft);
      if (result.ok) {
        apply((s) => profileSaved(s, result.value));
        await refreshStatus(result.value.id);
      }
      return result;
    },
    async remove(profileId) {
      apply((s) => activityStarted(s, profileId, 'removing'));
      const result = await desk().profiles.remove({ profileId });
      apply((s) => (result.ok ? profileRemoved(s, profileId) : activityFailed(s, profileId, result.error)));
    },
    async activate(profileId) {
      const result = await desk().profiles.activate({ profileId });
      if (result.ok) apply((s) => listSettled(s, result));
      else apply((s) => activityFailed(s, profileId, result.error));
    },
    async signIn(profileId, method) {
      apply((s) => activityStarted(s, profileId, 'signing-in'));
      const result = await desk().auth.signIn(method ? { profileId, method } : { profileId });
      if (!result.ok) return apply((s) => activityFailed(s, profileId, result.error));
      await refreshStatus(profileId);
    },
    async cancelSignIn(profileId) {
      await desk().auth.cancelSignIn({ profileId });
    },
    async signOut(profileId) {
      apply((s) => activityStarted(s, profileId, 'signing-out'));
      const result = await desk().auth.signOut({ profileId });
      apply((s) => (result.ok ? statusLoaded(s, result.value) : activityFailed(s, profileId, result.error)));
    },
    async test(profileId) {
      apply((s) => activityStarted(s, profileId, 'testing'));
      const result = await desk().auth.testConnection({ profileId });
      apply((s) =>
        result.ok ? connectionChecked(s, result.value) : activityFailed(s, profileId, result.error),
      );
    },
    async tryDemo() {
      const demo = await desk().profiles.demo();
      if (!demo.ok) return apply((s) => demoFailed(s, demo.error));
      apply((s) => profileSaved(s, demo.value));
      await get().activate(demo.value.id);
      await get().signIn(demo.value.id);
      if (!get().errors[demo.value.id]) await get().test(demo.value.id);
    },
  };
  return { ...initialProfilesState, ...actions };
});
