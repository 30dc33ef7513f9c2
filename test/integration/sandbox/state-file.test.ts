/**
 * The sandbox's state file (the demo's `demo-sandbox/sandbox-state.json`) holds no token a client was
 * given, only what verifies one, and only its owner can read it; refresh tokens still work across a
 * restart, also those issued by a version that stored them whole.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { at, postForm } from './sandbox-helpers';

const PC = 'https://api.partnercenter.microsoft.com';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Signs the demo user in with a device code; resolves with the refresh token it got. */
async function signIn(sandbox: RunningSandbox): Promise<string> {
  const start = await postForm(`${sandbox.authority}/oauth2/v2.0/devicecode`, {
    client_id: sandbox.clientId,
    scope: `${PC}/user_impersonation offline_access openid profile`,
  });
  expect(sandbox.approveDeviceCode(String(at(start.json, 'user_code')))).toBe(true);
  const done = await postForm(`${sandbox.authority}/oauth2/v2.0/token`, {
    grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    client_id: sandbox.clientId,
    device_code: String(at(start.json, 'device_code')),
  });
  expect(done.status).toBe(200);
  return String(at(done.json, 'refresh_token'));
}

function refresh(sandbox: RunningSandbox, refreshToken: string) {
  return postForm(`${sandbox.authority}/oauth2/v2.0/token`, {
    grant_type: 'refresh_token',
    client_id: sandbox.clientId,
    refresh_token: refreshToken,
    scope: `${PC}/user_impersonation offline_access`,
  });
}

const options = { catalog: 'small', lineItems: 100, seed: 7 } as const;

describe('sandbox state file', () => {
  it('keeps no issued refresh token, is readable by its owner only, and refreshes after a restart', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'desk-state-'));
    dirs.push(root);
    const dataDir = path.join(root, 'demo-sandbox');
    const first = await startSandbox({ ...options, dataDir });
    const refreshToken = await signIn(first);
    const renewed = await refresh(first, refreshToken);
    expect(renewed.status).toBe(200);
    await first.close();

    const file = path.join(dataDir, 'sandbox-state.json');
    const text = readFileSync(file, 'utf8');
    expect(text.includes(refreshToken), 'the state file holds a refresh token').toBe(false);
    expect(text.includes(String(at(renewed.json, 'refresh_token')))).toBe(false);
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    }

    const second = await startSandbox({ ...options, dataDir });
    try {
      expect((await refresh(second, refreshToken)).status).toBe(200);
      expect(at((await refresh(second, 'not-a-token')).json, 'error')).toBe('invalid_grant');
    } finally {
      await second.close();
    }
  });

  it('takes over a file written with whole tokens: they keep working, and leave the file', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'desk-state-'));
    dirs.push(dataDir);
    const first = await startSandbox({ ...options, dataDir });
    await first.close();
    const file = path.join(dataDir, 'sandbox-state.json');
    const state = JSON.parse(readFileSync(file, 'utf8')) as {
      identity: { refreshTokens: Record<string, unknown> };
    };
    const legacy = '0.SBX.legacy-refresh-token-written-by-an-older-version';
    state.identity.refreshTokens = {
      [legacy]: { clientId: first.clientId, scopes: [`${PC}/user_impersonation`, 'offline_access'] },
    };
    writeFileSync(file, JSON.stringify(state));
    chmodSync(file, 0o644);

    const second = await startSandbox({ ...options, dataDir });
    try {
      expect(readFileSync(file, 'utf8').includes(legacy)).toBe(false);
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
      expect((await refresh(second, legacy)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
