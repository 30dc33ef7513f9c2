import { PreferencesPatch } from '../../preload/contract';
import { invalid, type SettingsFailure } from './profiles';
import type { AppPreferences, Settings } from './schema';

/** Changes some app preferences (a pure change over the settings state, like the profile functions). */
export function setPreferences(
  settings: Settings,
  patch: unknown,
): { ok: true; settings: Settings; preferences: AppPreferences } | SettingsFailure {
  const parsed = PreferencesPatch.safeParse(patch);
  if (!parsed.success) return invalid(parsed.error);
  const preferences: AppPreferences = { ...settings.preferences };
  // `null` is a real choice here (never refresh), so only an omitted field keeps its value.
  if (parsed.data.catalogMaxAgeMinutes !== undefined) {
    preferences.catalogMaxAgeMinutes = parsed.data.catalogMaxAgeMinutes;
  }
  return { ok: true, preferences, settings: { ...settings, preferences } };
}
