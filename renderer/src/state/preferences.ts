/**
 * The app's preferences as the Settings screen shows them, and the words for the catalog's automatic
 * refresh. Pure, tested without React or a bridge; main keeps the preferences and checks every value.
 */
import {
  catalogMaxAgeChoices,
  DEFAULT_CATALOG_MAX_AGE_MINUTES,
  type AutoRefresh,
  type CatalogMaxAge,
  type DeskResult,
  type Preferences,
} from '../../../preload/contract';
import { formatSyncedAt } from './catalog';
import { idle, loading, settle, type Load } from './load';

export interface PreferencesState {
  /** Read or saved through main; while a save is on its way it keeps the preferences it had. */
  readonly preferences: Load<Preferences>;
  /** Bumped on every save that succeeded, for a short "Saved" note. */
  readonly saves: number;
}

export const initialPreferencesState: PreferencesState = {
  preferences: idle,
  saves: 0,
};

/** A read or a save is on its way. */
export function preferencesRequested(state: PreferencesState): PreferencesState {
  return { ...state, preferences: loading(state.preferences) };
}

/** Main answered a read; a failure keeps what was shown. */
export function preferencesLoaded(
  state: PreferencesState,
  result: DeskResult<Preferences>,
): PreferencesState {
  return { ...state, preferences: settle(state.preferences, result) };
}

/** Main answered a save: a success counts for the "Saved" note. */
export function preferencesSaved(state: PreferencesState, result: DeskResult<Preferences>): PreferencesState {
  return {
    ...state,
    preferences: settle(state.preferences, result),
    saves: result.ok ? state.saves + 1 : state.saves,
  };
}

/** "1 hour", "6 hours", "1 day", "3 days", "7 days". */
export function durationLabel(minutes: number): string {
  if (minutes % (24 * 60) === 0) {
    const days = minutes / (24 * 60);
    return days === 1 ? '1 day' : `${days} days`;
  }
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** The value of the "never" option in a native select (which holds strings only). */
export const NEVER = 'never';

export interface MaxAgeOption {
  readonly value: string;
  readonly label: string;
}

/** The choices of the Settings screen, in order, the default marked as such. */
export const maxAgeOptions: ReadonlyArray<MaxAgeOption> = [
  ...catalogMaxAgeChoices.map((minutes) => ({
    value: String(minutes),
    label: `When older than ${durationLabel(minutes)}${minutes === DEFAULT_CATALOG_MAX_AGE_MINUTES ? ' (default)' : ''}`,
  })),
  { value: NEVER, label: 'Never: I refresh it myself' },
];

/** A preference as the select's value. */
export function maxAgeToOption(maxAge: CatalogMaxAge): string {
  return maxAge === null ? NEVER : String(maxAge);
}

/** The select's value as a preference; undefined for a value that is not one of the choices. */
export function optionToMaxAge(value: string): CatalogMaxAge | undefined {
  if (value === NEVER) return null;
  return catalogMaxAgeChoices.find((minutes) => String(minutes) === value);
}

/**
 * The catalog's status line about its automatic refresh: "Refreshes itself when older than 1 day ·
 * next after 22 Nov, 14:05", "… · due now", or "Automatic refresh is off".
 */
export function autoRefreshLine(autoRefresh: AutoRefresh, now: number = Date.now()): string {
  if (autoRefresh.maxAgeMinutes === null) return 'Automatic refresh is off';
  const rule = `Refreshes itself when older than ${durationLabel(autoRefresh.maxAgeMinutes)}`;
  if (autoRefresh.dueAt === null) return rule;
  const due = Date.parse(autoRefresh.dueAt);
  return due <= now ? `${rule} · due now` : `${rule} · next after ${formatSyncedAt(autoRefresh.dueAt)}`;
}
