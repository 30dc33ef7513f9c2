import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientSecretKey, createAuthService, tokenCacheKey, type AuthProfile } from '../../main/auth';
import { startSandbox, type RunningSandbox } from '../../main/sandbox';
import { createSettingsStore } from '../../main/settings';
import { createKeyringSecretStore, DEVELOPMENT_SERVICE_NAME } from '../../main/vault';
import { countingStore } from '../integration/auth/helpers';

const run = promisify(execFile);

/** Every regular file under `folder`, as text, with its path. */
function filesUnder(folder: string): { file: string; text: string }[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file, text: fs.readFileSync(file).toString('latin1') };
    });
}

let sandbox: RunningSandbox;
let dataDir: string;
const logLines: string[] = [];
const secrets = createKeyringSecretStore({ service: DEVELOPMENT_SERVICE_NAME });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, catalog: 'small', autoApprove: true });
  // The data folder lives in the test HOME, next to the keyring's own files.
  dataDir = fs.mkdtempSync(path.join(process.env.KEYRING_TEST_HOME ?? os.tmpdir(), 'data-'));
});
afterAll(async () => {
  for (const key of await secrets.list()) await secrets.delete(key);
  await sandbox?.close();
});

describe('sign-in with the token cache in a real gnome-keyring, and the leak test', () => {
  it('keeps the app secret and the tokens in the keychain and nowhere on disk', async () => {
    const settings = createSettingsStore({ cwd: dataDir });
    const auth = createAuthService({
      secrets,
      sandboxAuthority: () => sandbox.authority,
      log: (level, message) => logLines.push(`${level} ${message}`),
    });
    const base = { tenantId: sandbox.tenantId, appId: sandbox.clientId, cloud: 'sandbox' as const };
    const appOnlyAdded = settings.addProfile({ name: 'Demo app-only', authMode: 'app-only', ...base });
    const appUserAdded = settings.addProfile({ name: 'Demo app+user', authMode: 'app-user', ...base });
    if (!appOnlyAdded.ok || !appUserAdded.ok) throw new Error('profiles not created');
    const appOnly: AuthProfile = appOnlyAdded.profile;
    const appUser: AuthProfile = appUserAdded.profile;
    const S = sandbox.clientSecret;

    // A wrong secret first: the failure must not echo it either.
    const failure: unknown = await auth
      .signIn(appOnly, { clientSecret: `${S}-wrong` })
      .catch((caught: unknown) => caught);
    expect(failure).toMatchObject({ code: 'invalid-credentials' });

    await auth.signIn(appOnly, { clientSecret: S });
    const appToken = (await auth.getAccessToken(appOnly)).accessToken;
    await auth.signIn(appUser, { method: 'device-code', onDeviceCode: () => undefined });
    const userToken = (await auth.getAccessToken(appUser)).accessToken;
    const refreshed = (await auth.getAccessToken(appUser, { forceRefresh: true })).accessToken;
    settings.updateProfile(appUser.id, { name: 'Demo app+user (renamed)' });

    // The keychain holds them (seen through libsecret's own tool, not our code).
    const { stdout } = await run('secret-tool', ['search', '--all', 'service', DEVELOPMENT_SERVICE_NAME]);
    expect(stdout).toContain(clientSecretKey(appOnly.id));
    expect(stdout).toContain(tokenCacheKey(appOnly.id));
    expect(stdout).toContain(tokenCacheKey(appUser.id));
    const userCache = JSON.parse((await secrets.get(tokenCacheKey(appUser.id))) ?? '{}') as Record<
      string,
      Record<string, { secret: string }>
    >;
    const refreshTokens = Object.values(userCache.RefreshToken ?? {}).map((entry) => entry.secret);
    expect(refreshTokens.length).toBeGreaterThan(0);
    expect(await secrets.get(clientSecretKey(appOnly.id))).toBe(S);

    const needles = {
      secret: S,
      appToken,
      userToken,
      refreshed,
      ...Object.fromEntries(refreshTokens.map((t, i) => [`refresh${i}`, t])),
    };

    // Settings files (and anything else in the data folder) contain none of them.
    const dataFiles = filesUnder(dataDir);
    expect(dataFiles.map((entry) => path.basename(entry.file))).toContain('settings.json');
    // ...and neither does any file in the whole test HOME, the keyring's encrypted store included.
    const homeFiles = filesUnder(process.env.KEYRING_TEST_HOME ?? dataDir);
    expect(homeFiles.some((entry) => entry.file.endsWith('.keyring'))).toBe(true);
    for (const { file, text } of [...dataFiles, ...homeFiles]) {
      for (const [name, needle] of Object.entries(needles)) {
        expect(text.includes(needle), `${name} found in ${file}`).toBe(false);
      }
    }
    // Nor do MSAL's log lines or the failure we reported.
    const reported = `${logLines.join('\n')}\n${JSON.stringify(failure)}\n${String(failure)}`;
    for (const [name, needle] of Object.entries(needles)) expect(reported.includes(needle), name).toBe(false);
    expect(reported.includes(`${S}-wrong`)).toBe(false);

    // Sign-out removes the cache entry; forgetting the secret removes it too.
    await auth.signOut(appUser);
    await auth.signOut(appOnly, { forgetSecret: true });
    const after = await run('secret-tool', ['search', '--all', 'service', DEVELOPMENT_SERVICE_NAME]).then(
      (result) => result.stdout,
      () => '',
    );
    expect(after).not.toContain(tokenCacheKey(appUser.id));
    expect(after).not.toContain(clientSecretKey(appOnly.id));
  });

  it('a new service instance (next app start) is still signed in from the keychain alone', async () => {
    const auth = createAuthService({ secrets, sandboxAuthority: () => sandbox.authority });
    const profile: AuthProfile = {
      id: 'restart',
      name: 'Restart',
      tenantId: sandbox.tenantId,
      appId: sandbox.clientId,
      authMode: 'app-user',
      cloud: 'sandbox',
    };
    await auth.signIn(profile, { method: 'device-code', onDeviceCode: () => undefined });
    const later = createAuthService({ secrets, sandboxAuthority: () => sandbox.authority });
    expect(await later.status(profile)).toMatchObject({
      state: 'signed-in',
      account: { username: sandbox.user },
    });
    expect((await later.getAccessToken(profile)).accessToken).toMatch(/^eyJ/);
    await later.forgetProfile(profile.id);
    expect(await secrets.list()).not.toContain(tokenCacheKey(profile.id));
  });

  it('reads each keychain entry once for many tokens, and writes it only when the cache changed', async () => {
    const profile: AuthProfile = {
      id: 'reads',
      name: 'Reads',
      tenantId: sandbox.tenantId,
      appId: sandbox.clientId,
      authMode: 'app-user',
      cloud: 'sandbox',
    };
    await createAuthService({ secrets, sandboxAuthority: () => sandbox.authority }).signIn(profile, {
      method: 'device-code',
      onDeviceCode: () => undefined,
    });
    let writes = 0;
    const counted = countingStore(secrets);
    const auth = createAuthService({
      secrets: {
        ...counted,
        set: (key, value) => {
          writes += 1;
          return counted.set(key, value);
        },
      },
      sandboxAuthority: () => sandbox.authority,
    });
    for (let call = 0; call < 50; call += 1) expect(await auth.getAccessToken(profile)).toBeTruthy();
    expect(counted.reads.get(tokenCacheKey(profile.id))).toBe(1);
    expect(writes).toBe(0);
    // A renewed token changes the cache: written back once.
    await auth.getAccessToken(profile, { forceRefresh: true });
    expect(writes).toBe(1);
    expect(counted.reads.get(tokenCacheKey(profile.id))).toBe(1);
    await auth.forgetProfile(profile.id);
  });
});
