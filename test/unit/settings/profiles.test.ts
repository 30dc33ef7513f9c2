import { describe, expect, it } from 'vitest';
import {
  addProfile,
  defaultSettings,
  DEMO_PROFILE_ID,
  ensureDemoProfile,
  removeProfile,
  setActiveProfile,
  setDownloadFolder,
  setUiPreferences,
  updateProfile,
  validateProfileInput,
  type ProfileResult,
  type Settings,
} from '../../../main/settings';

const TENANT = '72F988BF-86F1-41AF-91AB-2D7CD011DB47';
const APP = '1950a258-227b-4e31-a9cf-717495945fc2';
const now = new Date('2026-01-02T03:04:05.000Z');

const input = (overrides: Record<string, unknown> = {}) => ({
  name: 'Contoso CSP',
  tenantId: TENANT,
  appId: APP,
  authMode: 'app-user',
  ...overrides,
});

function ok(result: ProfileResult): Extract<ProfileResult, { ok: true }> {
  if (!result.ok)
    throw new Error(`expected success, got ${result.code}: ${JSON.stringify(result.fieldErrors)}`);
  return result;
}

describe('profile validation', () => {
  it('normalizes GUIDs, country and locale and applies defaults', () => {
    const result = validateProfileInput(
      input({ defaults: { country: 'gb', segment: 'education', locale: 'en-gb' } }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Contoso CSP',
        tenantId: TENANT.toLowerCase(),
        appId: APP,
        authMode: 'app-user',
        cloud: 'global',
        defaults: { country: 'GB', segment: 'education', locale: 'en-GB' },
      },
    });
  });

  it('gives one plain message per bad field', () => {
    const result = validateProfileInput({
      name: '  ',
      tenantId: 'contoso.onmicrosoft.com',
      appId: '1950a258-227b-4e31-a9cf-71749594',
      authMode: 'user',
      cloud: 'germany',
      defaults: { country: 'USA', segment: 'retail', locale: 'english' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('invalid');
    expect(result.fieldErrors).toEqual({
      name: 'Name is required.',
      tenantId: 'Tenant ID must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.',
      appId: 'App ID must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.',
      authMode: 'Sign-in mode must be "app-only" or "app-user".',
      cloud: 'Cloud must be Global, US Government or China (21Vianet).',
      'defaults.country': 'Country must be a two-letter ISO 3166 code such as US.',
      'defaults.segment': 'Segment must be commercial, education, government or nonprofit.',
      'defaults.locale': 'Locale must look like en-US.',
    });
    expect(result.message).toBe('Name is required.');
  });

  it("accepts each of Microsoft's clouds, Global when none is chosen", () => {
    for (const cloud of ['global', 'usgov', 'china'] as const) {
      const result = validateProfileInput(input({ cloud }));
      expect(result).toMatchObject({ ok: true, value: { cloud } });
    }
    expect(validateProfileInput(input())).toMatchObject({ ok: true, value: { cloud: 'global' } });
    expect(validateProfileInput(input({ cloud: 'USGov' }))).toMatchObject({
      ok: false,
      fieldErrors: { cloud: 'Cloud must be Global, US Government or China (21Vianet).' },
    });
  });

  it('reports missing required fields', () => {
    const result = validateProfileInput({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(['appId', 'authMode', 'name', 'tenantId']);
    expect(result.fieldErrors.tenantId).toBe('Tenant ID is required.');
  });

  it('refuses a secret in a profile, saying where secrets go', () => {
    const result = validateProfileInput(input({ clientSecret: 'S3cr3t', refresh_token: 'rt' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.clientSecret).toBe(
      'Secrets are never stored in settings: they go to the OS keychain.',
    );
    expect(result.fieldErrors.refresh_token).toMatch(/OS keychain/);
    expect(JSON.stringify(result)).not.toContain('S3cr3t');
  });
});

describe('profile CRUD (pure)', () => {
  it('adds a profile, stamps it and makes the first one active', () => {
    const first = ok(addProfile(defaultSettings(), input(), { id: 'p1', now }));
    expect(first.profile).toMatchObject({
      id: 'p1',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    expect(first.settings.activeProfileId).toBe('p1');
    const second = ok(addProfile(first.settings, input({ name: 'Fabrikam' }), { id: 'p2', now }));
    expect(second.settings.profiles.map((profile) => profile.id)).toEqual(['p1', 'p2']);
    expect(second.settings.activeProfileId).toBe('p1');
  });

  it('does not mutate the state it is given', () => {
    const settings = defaultSettings();
    const snapshot = structuredClone(settings);
    ok(addProfile(settings, input(), { id: 'p1' }));
    expect(settings).toEqual(snapshot);
  });

  it('refuses duplicate names (case-insensitive) and duplicate ids', () => {
    const { settings } = ok(addProfile(defaultSettings(), input(), { id: 'p1' }));
    const byName = addProfile(settings, input({ name: ' contoso csp ' }));
    expect(byName).toMatchObject({
      ok: false,
      code: 'duplicate-name',
      fieldErrors: { name: 'A profile with this name already exists.' },
    });
    const byId = addProfile(settings, input({ name: 'Other' }), { id: 'p1' });
    expect(byId).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('updates only the given fields, defaults included', () => {
    const added = ok(
      addProfile(
        defaultSettings(),
        input({ cloud: 'sandbox', defaults: { country: 'GB', segment: 'education', locale: 'en-GB' } }),
        { id: 'p1', now },
      ),
    );
    const later = new Date('2026-02-01T00:00:00.000Z');
    const updated = ok(
      updateProfile(added.settings, 'p1', { name: 'Renamed', defaults: { country: 'se' } }, { now: later }),
    );
    expect(updated.profile).toMatchObject({
      name: 'Renamed',
      cloud: 'sandbox',
      authMode: 'app-user',
      defaults: { country: 'SE', segment: 'education', locale: 'en-GB' },
      createdAt: now.toISOString(),
      updatedAt: later.toISOString(),
    });
    expect(updated.settings.profiles).toHaveLength(1);
  });

  it('validates updates and refuses unknown profiles and secrets', () => {
    const { settings } = ok(addProfile(defaultSettings(), input(), { id: 'p1' }));
    expect(updateProfile(settings, 'p1', { tenantId: 'nope' })).toMatchObject({
      ok: false,
      fieldErrors: { tenantId: 'Tenant ID must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.' },
    });
    expect(updateProfile(settings, 'p1', { clientSecret: 'x' })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(updateProfile(settings, 'missing', { name: 'x' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(updateProfile(settings, 'p1', { id: 'p2' })).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('removes a profile and moves the active one along', () => {
    let settings: Settings = ok(addProfile(defaultSettings(), input(), { id: 'p1' })).settings;
    settings = ok(addProfile(settings, input({ name: 'B' }), { id: 'p2' })).settings;
    settings = ok(setActiveProfile(settings, 'p1')).settings;
    const removed = ok(removeProfile(settings, 'p1'));
    expect(removed.settings.profiles.map((profile) => profile.id)).toEqual(['p2']);
    expect(removed.settings.activeProfileId).toBe('p2');
    const none = ok(removeProfile(removed.settings, 'p2'));
    expect(none.settings.activeProfileId).toBeNull();
    expect(removeProfile(none.settings, 'p2')).toMatchObject({ ok: false, code: 'not-found' });
    expect(setActiveProfile(none.settings, 'p2')).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('creates and re-points the demo profile', () => {
    const sandbox = { tenantId: TENANT, clientId: APP };
    const created = ok(ensureDemoProfile(defaultSettings(), sandbox));
    expect(created.profile).toMatchObject({ id: DEMO_PROFILE_ID, cloud: 'sandbox', authMode: 'app-user' });
    const same = ok(ensureDemoProfile(created.settings, sandbox));
    expect(same.settings).toBe(created.settings);
    const moved = ok(
      ensureDemoProfile(created.settings, {
        tenantId: '00000000-0000-0000-0000-000000000001',
        clientId: APP,
      }),
    );
    expect(moved.profile.tenantId).toBe('00000000-0000-0000-0000-000000000001');
    expect(moved.settings.profiles).toHaveLength(1);
  });

  it('sets the download folder and UI preferences with validation', () => {
    const folder = setDownloadFolder(defaultSettings(), '/home/me/Statements');
    expect(folder).toMatchObject({ ok: true, settings: { downloadFolder: '/home/me/Statements' } });
    expect(setDownloadFolder(defaultSettings(), 'C:\\Users\\me\\Statements').ok).toBe(true);
    expect(setDownloadFolder(defaultSettings(), 'relative/path')).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    const ui = setUiPreferences(defaultSettings(), { theme: 'dark' });
    expect(ui).toMatchObject({
      ok: true,
      settings: { ui: { theme: 'dark', density: 'comfortable', reduceMotion: false } },
    });
    expect(setUiPreferences(defaultSettings(), { theme: 'neon' })).toMatchObject({ ok: false });
    expect(setUiPreferences(defaultSettings(), { token: 'x' })).toMatchObject({ ok: false });
  });
});
