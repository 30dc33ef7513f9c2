/** The preferences store: the pure changes in `preferences.ts`, bound to zustand and the bridge. */
import { create } from 'zustand';
import type { PreferencesPatch } from '../../../preload/contract';
import { getDesk } from '../bridge';
import {
  initialPreferencesState,
  preferencesLoaded,
  preferencesRequested,
  preferencesSaved,
  type PreferencesState,
} from './preferences';

interface PreferencesActions {
  readonly load: () => Promise<void>;
  /** Saves a change; main refuses a value that is not one of the choices. */
  readonly update: (patch: PreferencesPatch) => Promise<void>;
}

export const usePreferences = create<PreferencesState & PreferencesActions>((set) => {
  const apply = (change: (state: PreferencesState) => PreferencesState) => set((state) => change(state));
  return {
    ...initialPreferencesState,
    async load() {
      apply(preferencesRequested);
      const result = await getDesk().preferences.get();
      apply((s) => preferencesLoaded(s, result));
    },
    async update(patch) {
      apply(preferencesRequested);
      const result = await getDesk().preferences.update(patch);
      apply((s) => preferencesSaved(s, result));
    },
  };
});
