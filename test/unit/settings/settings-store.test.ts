import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore, SettingsSchema } from '../../../main/settings';
import { APP, SECRET, storedProfile, TENANT } from './fixtures';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-settings-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function allFilesText(folder: string): string {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe('settings store (conf + zod)', () => {
  it('starts with defaults and persists profiles as schema-valid JSON in the data folder', () => {
    const store = createSettingsStore({ cwd: dir });
    expect(store.path).toBe(path.join(dir, 'settings.json'));
    expect(store.read().profiles).toEqual([]);
    const added = store.addProfile({ name: 'Contoso', tenantId: TENANT, appId: APP, authMode: 'app-only' });
    expect(added.ok).toBe(true);

    const onDisk: unknown = JSON.parse(fs.readFileSync(store.path, 'utf8'));
    expect(SettingsSchema.parse(onDisk).profiles[0]?.name).toBe('Contoso');
    // A second store (another process, or the next run) sees the same state.
    expect(createSettingsStore({ cwd: dir }).listProfiles()).toHaveLength(1);
    if (process.platform !== 'win32') expect(fs.statSync(store.path).mode & 0o077).toBe(0);
  });

  it('never writes a secret, whatever the caller passes', () => {
    const store = createSettingsStore({ cwd: dir });
    const withSecret = store.addProfile({
      name: 'Contoso',
      tenantId: TENANT,
      appId: APP,
      authMode: 'app-only',
      clientSecret: SECRET,
    });
    expect(withSecret).toMatchObject({
      ok: false,
      fieldErrors: { clientSecret: 'Secrets are never stored in settings: they go to the OS keychain.' },
    });
    const added = store.addProfile({ name: 'Contoso', tenantId: TENANT, appId: APP, authMode: 'app-only' });
    if (!added.ok) throw new Error('add failed');
    expect(store.updateProfile(added.profile.id, { secret: SECRET }).ok).toBe(false);
    expect(() =>
      store.update((settings) => ({
        ...settings,
        profiles: settings.profiles.map((p) => ({ ...p, clientSecret: SECRET })),
      })),
    ).toThrow();
    expect(() => store.update((settings) => ({ ...settings, token: SECRET }))).toThrow();
    expect(store.setUiPreferences({ password: SECRET }).ok).toBe(false);
    expect(allFilesText(dir)).not.toContain(SECRET);
  });

  it('drops fields that are not in the schema when a hand-edited file is read back', () => {
    const file = path.join(dir, 'settings.json');
    const profile = storedProfile({ name: 'Hand edited', cloud: 'global' });
    fs.writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        profiles: [
          { ...profile, clientSecret: SECRET },
          { id: 'bad', name: '' },
        ],
        activeProfileId: 'bad',
        ui: { theme: 'dark', apiKey: SECRET },
      }),
    );
    const store = createSettingsStore({ cwd: dir });
    const settings = store.read();
    expect(settings.profiles).toEqual([profile]);
    expect(settings.activeProfileId).toBe('p1');
    expect(settings.ui.theme).toBe('dark');
    expect(store.notices.length).toBeGreaterThan(0);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(SECRET);
  });

  it('moves an unreadable file aside instead of crashing or wiping it silently', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), '{ not json');
    const store = createSettingsStore({ cwd: dir });
    expect(store.read().profiles).toEqual([]);
    expect(store.notices[0]).toMatch(/moved to/);
    expect(fs.readdirSync(dir).some((name) => name.startsWith('settings.unreadable-'))).toBe(true);
  });

  it('requires an absolute data folder', () => {
    expect(() => createSettingsStore({ cwd: 'relative' })).toThrow(/absolute/);
  });

  it('keeps UI preferences and the download folder', () => {
    const store = createSettingsStore({ cwd: dir });
    expect(store.setUiPreferences({ density: 'compact' }).ok).toBe(true);
    expect(store.setDownloadFolder(path.join(dir, 'pdfs')).ok).toBe(true);
    const again = createSettingsStore({ cwd: dir }).read();
    expect(again.ui).toEqual({ theme: 'system', density: 'compact', reduceMotion: false });
    expect(again.downloadFolder).toBe(path.join(dir, 'pdfs'));
  });
});
