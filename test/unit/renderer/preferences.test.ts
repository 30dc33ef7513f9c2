import { describe, expect, it } from 'vitest';
import { catalogMaxAgeChoices } from '../../../preload/contract';
import {
  autoRefreshLine,
  durationLabel,
  initialPreferencesState,
  maxAgeOptions,
  maxAgeToOption,
  NEVER,
  optionToMaxAge,
  preferencesLoaded,
  preferencesRequested,
  preferencesSaved,
} from '../../../renderer/src/state/preferences';

describe('preferences state', () => {
  it('loads, saves (counting saves for the "Saved" note) and fails', () => {
    const busy = preferencesRequested(initialPreferencesState);
    expect(busy.preferences.status).toBe('loading');
    const loaded = preferencesLoaded(busy, { ok: true, value: { catalogMaxAgeMinutes: 1440 } });
    expect(loaded).toEqual({
      saves: 0,
      preferences: { status: 'ready', value: { catalogMaxAgeMinutes: 1440 } },
    });
    const saving = preferencesRequested(loaded);
    // While a save is on its way, the screen keeps showing what it had.
    expect(saving.preferences).toEqual({ status: 'loading', previous: { catalogMaxAgeMinutes: 1440 } });
    const saved = preferencesSaved(saving, { ok: true, value: { catalogMaxAgeMinutes: null } });
    expect(saved).toEqual({
      saves: 1,
      preferences: { status: 'ready', value: { catalogMaxAgeMinutes: null } },
    });
    const refused = { code: 'INVALID_INPUT', message: 'no' } as const;
    const failed = preferencesSaved(preferencesRequested(saved), { ok: false, error: refused });
    expect(failed).toEqual({
      saves: 1,
      preferences: { status: 'error', error: refused, previous: { catalogMaxAgeMinutes: null } },
    });
  });
});

describe('catalog age choices', () => {
  it('says durations in words', () => {
    expect(durationLabel(60)).toBe('1 hour');
    expect(durationLabel(360)).toBe('6 hours');
    expect(durationLabel(1440)).toBe('1 day');
    expect(durationLabel(4320)).toBe('3 days');
    expect(durationLabel(10080)).toBe('7 days');
    expect(durationLabel(90)).toBe('90 minutes');
  });

  it('offers every age main accepts, the default marked, and "never" last', () => {
    expect(maxAgeOptions.map((o) => o.value)).toEqual([...catalogMaxAgeChoices.map(String), NEVER]);
    expect(maxAgeOptions.find((o) => o.value === '1440')?.label).toMatch(/1 day \(default\)/);
    expect(maxAgeOptions.at(-1)?.label).toMatch(/^Never/);
  });

  it('turns select values into preferences and back, refusing values that are not choices', () => {
    for (const minutes of catalogMaxAgeChoices) expect(optionToMaxAge(maxAgeToOption(minutes))).toBe(minutes);
    expect(optionToMaxAge(maxAgeToOption(null))).toBeNull();
    expect(optionToMaxAge('61')).toBeUndefined();
    expect(optionToMaxAge('')).toBeUndefined();
  });
});

describe('the catalog’s automatic refresh line', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');

  it('says when the next refresh is due', () => {
    const line = autoRefreshLine({ maxAgeMinutes: 360, dueAt: '2026-11-23T15:00:00.000Z' }, now);
    expect(line).toMatch(/^Refreshes itself when older than 6 hours · next after 23 Nov, \d\d:\d\d$/);
  });

  it('says it is due now when the catalog is already older than the limit', () => {
    expect(autoRefreshLine({ maxAgeMinutes: 60, dueAt: '2026-11-23T09:00:00.000Z' }, now)).toBe(
      'Refreshes itself when older than 1 hour · due now',
    );
  });

  it('gives the rule alone before the first download, and says when it is off', () => {
    expect(autoRefreshLine({ maxAgeMinutes: 1440, dueAt: null }, now)).toBe(
      'Refreshes itself when older than 1 day',
    );
    expect(autoRefreshLine({ maxAgeMinutes: null, dueAt: null }, now)).toBe('Automatic refresh is off');
  });
});
