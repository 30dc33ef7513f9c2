/** Serves the `preferences.*` calls: the app's preferences, kept in settings and checked by their schema. */
import type { Preferences, PreferencesPatch } from '../../preload/contract';
import { settingsFailure } from '../failures';
import type { SettingsStore } from '../settings';

export interface PreferencesService {
  get(): Preferences;
  /** Saves a change; refuses a value outside the allowed choices with INVALID_INPUT. */
  update(patch: PreferencesPatch): Preferences;
  /** How old the catalog may get before opening it refreshes it; null when automatic refresh is off. */
  catalogMaxAgeMinutes(): number | null;
}

export function createPreferencesService(settings: SettingsStore): PreferencesService {
  return {
    get: () => ({ ...settings.read().preferences }),
    update(patch) {
      const result = settings.setPreferences(patch);
      if (!result.ok) throw settingsFailure(result);
      return { ...result.preferences };
    },
    catalogMaxAgeMinutes: () => settings.read().preferences.catalogMaxAgeMinutes,
  };
}
