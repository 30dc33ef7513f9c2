/**
 * The whole app core, as the Connect screen drives it over the bridge: an App-only profile with app
 * secret S signs in to the sandbox and calls Partner Center. Then every bridge answer, every event,
 * every console line and every file in the data folder is searched for S and for the access and
 * refresh tokens the sign-in produced (read back from the real keychain). None may appear.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tokenCacheKey } from '../../main/auth';
import type { CallContext } from '../../main/ipc/dispatcher';
import type { SandboxEndpoint } from '../../main/connect/embedded-sandbox';
import { createAppCore, type AppCore } from '../../main/services';
import { createKeyringSecretStore, DEVELOPMENT_SERVICE_NAME } from '../../main/vault';

const secrets = createKeyringSecretStore({ service: DEVELOPMENT_SERVICE_NAME });
let sandbox: SandboxEndpoint;
let core: AppCore;
let dataDir: string;
const wire: string[] = [];
const logged: string[] = [];

async function call(channel: string, input?: unknown): Promise<unknown> {
  const context: CallContext = { transport: 'websocket', events: core.events };
  const result = await core.dispatcher.dispatch(channel, input, context);
  wire.push(JSON.stringify(result));
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Every secret value inside MSAL's serialized cache (access tokens, refresh tokens, id tokens). */
function tokensIn(cacheJson: string): string[] {
  const cache = JSON.parse(cacheJson) as Record<string, Record<string, { secret?: string }>>;
  return ['AccessToken', 'RefreshToken', 'IdToken']
    .flatMap((section) => Object.values(cache[section] ?? {}))
    .map((entry) => entry.secret)
    .filter((secret): secret is string => typeof secret === 'string' && secret.length > 0);
}

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '));
    });
  }
  dataDir = fs.mkdtempSync(path.join(process.env.KEYRING_TEST_HOME ?? os.tmpdir(), 'app-data-'));
  core = createAppCore({
    facts: { name: 'Reservation Desk', version: 'test', dataDir, startedAt: new Date() },
    secrets,
    sandbox: { catalog: 'small' },
    onUnexpected: (channel, error) => logged.push(`${channel} ${String(error)}`),
  });
  core.events.subscribe((event) => wire.push(JSON.stringify(event)));
  // Sandbox profiles talk to the app's own embedded sandbox.
  sandbox = await core.sandbox.ensure();
});

afterAll(async () => {
  vi.restoreAllMocks();
  for (const key of await secrets.list()) await secrets.delete(key);
  await core?.close();
});

describe('no secret leaves the keychain', () => {
  it('signs in with an app secret, calls Partner Center, and leaks neither the secret nor a token', async () => {
    const S = sandbox.clientSecret;
    const profile = (await call('profiles.create', {
      name: 'Sandbox partner (App-only)',
      tenantId: sandbox.tenantId,
      appId: sandbox.clientId,
      authMode: 'app-only',
      cloud: 'sandbox',
      appSecret: S,
    })) as { id: string };

    // A wrong secret is refused, and the refusal does not echo it.
    await expect(
      call('auth.signIn', { profileId: profile.id, appSecret: 'wrong-secret-value-123' }),
    ).rejects.toThrow(/UNAUTHENTICATED/);
    await call('auth.signIn', { profileId: profile.id });
    expect(await call('auth.status', { profileId: profile.id })).toMatchObject({ state: 'signed-in' });
    expect(await call('auth.testConnection', { profileId: profile.id })).toMatchObject({
      identity: { kind: 'app' },
    });
    await call('profiles.list');

    const cache = await secrets.get(tokenCacheKey(profile.id));
    expect(cache, 'the token cache lives in the keychain').not.toBeNull();
    const tokens = tokensIn(cache!);
    expect(tokens.length, 'the cache holds at least the access token').toBeGreaterThan(0);

    const forbidden = [S, 'wrong-secret-value-123', ...tokens];
    const haystacks: Array<[string, string]> = [
      ...wire.map((text, i) => [`bridge payload #${i}`, text] as [string, string]),
      ...logged.map((text, i) => [`log line #${i}`, text] as [string, string]),
      ...fs
        .readdirSync(dataDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const file = path.join(entry.parentPath, entry.name);
          return [file, fs.readFileSync(file).toString('latin1')] as [string, string];
        }),
    ];
    expect(haystacks.some(([where]) => where.endsWith('settings.json'))).toBe(true);
    // The demo's sandbox state holds its signing key: it is searched too, and only its owner reads it.
    const demoState = path.join(dataDir, 'demo-sandbox', 'sandbox-state.json');
    expect(haystacks.some(([where]) => where === demoState)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(demoState).mode & 0o777).toBe(0o600);
    for (const [where, text] of haystacks) {
      for (const secret of forbidden) expect(text.includes(secret), `${where} contains a secret`).toBe(false);
    }
  });
});
