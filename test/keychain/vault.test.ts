import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createKeyringSecretStore,
  DEVELOPMENT_SERVICE_NAME,
  PACKAGED_SERVICE_NAME,
  vaultServiceName,
} from '../../main/vault';

const run = promisify(execFile);

/** What `secret-tool` (libsecret, independent of our code) sees in the Secret Service for a service. */
async function secretToolSearch(service: string): Promise<string> {
  const { stdout, stderr } = await run('secret-tool', ['search', '--all', '--unlock', 'service', service]);
  return `${stdout}\n${stderr}`;
}

const store = createKeyringSecretStore({ service: DEVELOPMENT_SERVICE_NAME });

afterEach(async () => {
  for (const key of await store.list()) await store.delete(key);
});

describe('OS keychain vault (real gnome-keyring)', () => {
  it('runs inside the private keyring session of scripts/with-keyring.sh', () => {
    expect(process.env.KEYRING_TEST_HOME, 'run with `npm run test:keychain`').toBeTruthy();
    expect(process.env.HOME).toBe(process.env.KEYRING_TEST_HOME);
  });

  it('stores, reads, lists and deletes secrets, and they really land in the keyring', async () => {
    await store.probe();
    expect(await store.get('profile:p1:client-secret')).toBeNull();
    await store.set('profile:p1:client-secret', 'S3cr3t~value');
    expect(await store.get('profile:p1:client-secret')).toBe('S3cr3t~value');
    expect(await store.list()).toEqual(['profile:p1:client-secret']);

    const seen = await secretToolSearch(DEVELOPMENT_SERVICE_NAME);
    expect(seen).toContain('profile:p1:client-secret');
    expect(seen).toContain('S3cr3t~value');

    await store.set('profile:p1:client-secret', 'replaced');
    expect(await store.get('profile:p1:client-secret')).toBe('replaced');
    expect(await store.delete('profile:p1:client-secret')).toBe(true);
    expect(await store.delete('profile:p1:client-secret')).toBe(false);
    expect(await store.get('profile:p1:client-secret')).toBeNull();
    expect(await secretToolSearch(DEVELOPMENT_SERVICE_NAME)).not.toContain('profile:p1:client-secret');
  });

  it('splits long values over several entries (Windows limit) and cleans up stale parts', async () => {
    const small = createKeyringSecretStore({ service: DEVELOPMENT_SERVICE_NAME, maxEntryChars: 100 });
    const long = 'x'.repeat(250) + 'ünïcödé' + 'y'.repeat(60);
    await small.set('profile:p2:msal-cache', long);
    expect(await small.get('profile:p2:msal-cache')).toBe(long);
    // The listing hides the parts, but the keyring holds them.
    expect(await small.list()).toEqual(['profile:p2:msal-cache']);
    expect(await secretToolSearch(DEVELOPMENT_SERVICE_NAME)).toContain('profile:p2:msal-cache#part4');

    await small.set('profile:p2:msal-cache', 'short');
    expect(await small.get('profile:p2:msal-cache')).toBe('short');
    expect(await secretToolSearch(DEVELOPMENT_SERVICE_NAME)).not.toContain('#part');

    await small.set('profile:p2:msal-cache', long);
    expect(await small.delete('profile:p2:msal-cache')).toBe(true);
    expect(await secretToolSearch(DEVELOPMENT_SERVICE_NAME)).not.toContain('profile:p2');
  });

  it('keeps development and packaged builds apart by service name', async () => {
    expect(vaultServiceName({ packaged: false })).toBe(DEVELOPMENT_SERVICE_NAME);
    expect(vaultServiceName({ packaged: true })).toBe(PACKAGED_SERVICE_NAME);
    const packaged = createKeyringSecretStore({ service: PACKAGED_SERVICE_NAME });
    await packaged.set('shared-key', 'packaged-value');
    try {
      await store.set('shared-key', 'dev-value');
      expect(await packaged.get('shared-key')).toBe('packaged-value');
      expect(await store.get('shared-key')).toBe('dev-value');
      expect(await secretToolSearch(PACKAGED_SERVICE_NAME)).not.toContain('dev-value');
    } finally {
      await packaged.delete('shared-key');
    }
  });

  it('says plainly when no keychain is reachable', async () => {
    const probe = fileURLToPath(new URL('./fixtures/no-keychain-probe.ts', import.meta.url));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', probe], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/reservation-desk-bus' },
    });
    const report = JSON.parse(stdout.trim()) as {
      ok: boolean;
      unavailable: boolean;
      code: string;
      message: string;
    };
    expect(report).toMatchObject({ ok: false, unavailable: true, code: 'keychain-unavailable' });
    // Plain words on what is missing and how to get it; the library's D-Bus text stays out of it.
    expect(report.message).toMatch(/^No OS keychain is available, .*gnome-keyring.*unlocked/);
    expect(report.message).not.toMatch(/d-?bus|socket/i);
    expect(report.message).not.toContain('never-stored');
  });
});
