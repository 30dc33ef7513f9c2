/**
 * The app preferences (the catalog's age limit) and each profile's current customer in settings:
 * pure changes, the schema's defaults for files written before these fields existed, repair of bad
 * hand edits, and persistence across store instances (the next run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addProfile,
  createSettingsStore,
  currentCustomerOf,
  defaultSettings,
  removeProfile,
  setCurrentCustomer,
  setPreferences,
  SettingsSchema,
  type Settings,
} from '../../../main/settings';
import { APP, SECRET, storedProfile as stored, TENANT } from './fixtures';

const NORTHWIND = {
  id: '4f6c1a52-0c7e-4b59-9a3d-1f0c2b7e5a03',
  name: 'Northwind Traders GmbH',
  country: 'de',
};

function withProfile(id = 'p1'): Settings {
  const added = addProfile(
    defaultSettings(),
    { name: `Profile ${id}`, tenantId: TENANT, appId: APP, authMode: 'app-only' },
    { id },
  );
  if (!added.ok) throw new Error(added.message);
  return added.settings;
}

const storedProfile = stored({ cloud: 'global' });

describe('app preferences', () => {
  it('default to refreshing a catalog older than a day', () => {
    expect(defaultSettings().preferences).toEqual({ catalogMaxAgeMinutes: 24 * 60 });
  });

  it('accept each offered age and null for never, and keep the value when a field is omitted', () => {
    let settings = defaultSettings();
    for (const minutes of [60, 360, 720, 1440, 4320, 10080]) {
      const result = setPreferences(settings, { catalogMaxAgeMinutes: minutes });
      if (!result.ok) throw new Error(result.message);
      expect(result.preferences.catalogMaxAgeMinutes).toBe(minutes);
      settings = result.settings;
    }
    const never = setPreferences(settings, { catalogMaxAgeMinutes: null });
    expect(never).toMatchObject({ ok: true, preferences: { catalogMaxAgeMinutes: null } });
    if (!never.ok) return;
    expect(setPreferences(never.settings, {})).toMatchObject({
      ok: true,
      preferences: { catalogMaxAgeMinutes: null },
    });
  });

  it('refuse ages that are not offered, and unknown or secret-looking fields', () => {
    const settings = defaultSettings();
    for (const bad of [0, 61, -60, 1440.5, '60', Number.POSITIVE_INFINITY]) {
      const result = setPreferences(settings, { catalogMaxAgeMinutes: bad });
      expect(result, String(bad)).toMatchObject({ ok: false, code: 'invalid' });
      if (!result.ok) expect(result.fieldErrors.catalogMaxAgeMinutes).toMatch(/must be one of/);
    }
    expect(setPreferences(settings, { theme: 'dark' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(setPreferences(settings, { apiToken: SECRET })).toMatchObject({
      ok: false,
      fieldErrors: { apiToken: 'Secrets are never stored in settings: they go to the OS keychain.' },
    });
  });
});

describe('current customer', () => {
  it('is none until chosen, then remembered per profile with an upper-case country', () => {
    const settings = withProfile();
    expect(currentCustomerOf(settings, 'p1')).toBeNull();
    const chosen = setCurrentCustomer(settings, 'p1', NORTHWIND);
    if (!chosen.ok) throw new Error(chosen.message);
    expect(chosen.customer).toEqual({ ...NORTHWIND, country: 'DE' });
    expect(currentCustomerOf(chosen.settings, 'p1')).toEqual({ ...NORTHWIND, country: 'DE' });
    expect(currentCustomerOf(chosen.settings, 'p2')).toBeNull();
  });

  it('allows a customer without a billing country, and clears with null', () => {
    const chosen = setCurrentCustomer(withProfile(), 'p1', { ...NORTHWIND, country: null });
    if (!chosen.ok) throw new Error(chosen.message);
    expect(currentCustomerOf(chosen.settings, 'p1')?.country).toBeNull();
    const cleared = setCurrentCustomer(chosen.settings, 'p1', null);
    if (!cleared.ok) throw new Error(cleared.message);
    expect(cleared.settings.currentCustomers).toEqual({});
  });

  it('refuses an unknown profile, a bad country, and anything that is not id, name and country', () => {
    const settings = withProfile();
    expect(setCurrentCustomer(settings, 'nobody', NORTHWIND)).toMatchObject({ ok: false, code: 'not-found' });
    expect(setCurrentCustomer(settings, 'p1', { ...NORTHWIND, country: 'DEU' })).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { country: expect.stringMatching(/two-letter/) as unknown },
    });
    expect(setCurrentCustomer(settings, 'p1', { ...NORTHWIND, name: ' ' })).toMatchObject({ ok: false });
    expect(setCurrentCustomer(settings, 'p1', { ...NORTHWIND, refreshToken: SECRET })).toMatchObject({
      ok: false,
      fieldErrors: { refreshToken: 'Secrets are never stored in settings: they go to the OS keychain.' },
    });
  });

  it('goes away with its profile', () => {
    const chosen = setCurrentCustomer(withProfile(), 'p1', NORTHWIND);
    if (!chosen.ok) throw new Error(chosen.message);
    const removed = removeProfile(chosen.settings, 'p1');
    if (!removed.ok) throw new Error(removed.message);
    expect(removed.settings.currentCustomers).toEqual({});
  });
});

describe('settings file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-settings-prefs-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a file written before preferences and current customers existed, with their defaults', () => {
    const before = { version: 1, profiles: [storedProfile], activeProfileId: 'p1', downloadFolder: null };
    const parsed = SettingsSchema.safeParse(before);
    expect(parsed.success).toBe(true);
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(before));
    const store = createSettingsStore({ cwd: dir });
    const settings = store.read();
    expect(settings.profiles).toHaveLength(1);
    expect(settings.preferences).toEqual({ catalogMaxAgeMinutes: 1440 });
    expect(settings.currentCustomers).toEqual({});
    expect(store.notices).toEqual([]);
  });

  it('keeps the preference and the current customer for the next run', () => {
    const store = createSettingsStore({ cwd: dir });
    const added = store.addProfile(
      { name: 'Contoso', tenantId: TENANT, appId: APP, authMode: 'app-only' },
      { id: 'p1' },
    );
    expect(added.ok).toBe(true);
    expect(store.setPreferences({ catalogMaxAgeMinutes: 360 }).ok).toBe(true);
    expect(store.setCurrentCustomer('p1', NORTHWIND).ok).toBe(true);
    expect(store.setPreferences({ catalogMaxAgeMinutes: 7 }).ok).toBe(false);

    const next = createSettingsStore({ cwd: dir }).read();
    expect(next.preferences.catalogMaxAgeMinutes).toBe(360);
    expect(next.currentCustomers).toEqual({ p1: { ...NORTHWIND, country: 'DE' } });
  });

  it('repairs bad hand edits: an invalid age falls back to the default, stray customers are dropped', () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        profiles: [storedProfile],
        activeProfileId: 'p1',
        preferences: { catalogMaxAgeMinutes: 5, password: SECRET },
        currentCustomers: {
          p1: { ...NORTHWIND, country: 'DE' },
          gone: { ...NORTHWIND, country: 'DE' },
          p2: { ...NORTHWIND, country: 'DE', appSecret: SECRET },
        },
      }),
    );
    const store = createSettingsStore({ cwd: dir });
    const settings = store.read();
    expect(settings.profiles).toHaveLength(1);
    expect(settings.preferences).toEqual({ catalogMaxAgeMinutes: 1440 });
    expect(settings.currentCustomers).toEqual({ p1: { ...NORTHWIND, country: 'DE' } });
    expect(store.notices.length).toBeGreaterThan(0);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(SECRET);
  });

  it('keeps a valid "never" through a repair', () => {
    fs.writeFileSync(
      path.join(dir, 'settings.json'),
      JSON.stringify({
        version: 1,
        profiles: [storedProfile],
        preferences: { catalogMaxAgeMinutes: null },
        junk: 1,
      }),
    );
    expect(createSettingsStore({ cwd: dir }).read().preferences.catalogMaxAgeMinutes).toBeNull();
  });
});
