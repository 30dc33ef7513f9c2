/**
 * Without an OS keychain (#14): the app says once, in plain words, what is missing; the demo works with
 * its secrets in memory; a real profile's secret is refused, never stored elsewhere. Each run is a child
 * process with no reachable D-Bus session, as on a machine without a Secret Service.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { DeskResult } from '../../../preload/contract';

const run = promisify(execFile);
const fixture = fileURLToPath(new URL('./fixtures/no-keychain-app.ts', import.meta.url));
const SECRET = 'never~stored~anywhere~1234567890';
/** What a raw keychain library error would leak into a message. */
const RAW_TEXT = /d-?bus|autolaunch|X11|socket|platform failure/i;

/** Environments with no Secret Service to reach. */
function environments(): Record<string, NodeJS.ProcessEnv> {
  const runtimeDir = mkdtempSync(path.join(os.tmpdir(), 'no-bus-'));
  const { DBUS_SESSION_BUS_ADDRESS: _unset, ...rest } = process.env;
  const base = { ...rest, XDG_RUNTIME_DIR: runtimeDir };
  return {
    'no D-Bus session': base,
    'a D-Bus address with no socket': {
      ...base,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/reservation-desk-bus',
    },
  };
}

interface Report {
  keychain: DeskResult<{ available: boolean; message?: string; demoNote?: string }>;
  demoSignIn: DeskResult<{ profileId: string }>;
  demoStatus: DeskResult<{ state: string }>;
  demoCustomers: DeskResult<{ customers: unknown[] }>;
  realProfile: DeskResult<unknown>;
  profiles: DeskResult<{ profiles: { id: string }[] }>;
}

describe('without an OS keychain', () => {
  for (const [name, env] of Object.entries(environments())) {
    it(`${name}: says what is missing once, the demo signs in, a real profile's secret is refused`, async () => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'no-keychain-'));
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', fixture, dataDir], {
        env,
        timeout: 60_000,
      });
      const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Report;

      expect(report.keychain).toMatchObject({ ok: true, value: { available: false } });
      const status = report.keychain.ok ? report.keychain.value : undefined;
      expect(status?.message).toContain('Secret Service such as gnome-keyring');
      expect(status?.message).toContain('unlocked');
      expect(status?.demoNote).toContain('kept in memory until you close the app');

      // The demo works for this run, its sign-in in memory.
      expect(report.demoSignIn).toMatchObject({ ok: true, value: { profileId: 'demo' } });
      expect(report.demoStatus).toMatchObject({ ok: true, value: { state: 'signed-in' } });
      expect(report.demoCustomers).toMatchObject({ ok: true });
      expect(report.demoCustomers.ok && report.demoCustomers.value.customers.length).toBeGreaterThan(0);

      // A real profile may not keep its secret anywhere but the keychain: refused, and not half made.
      expect(report.realProfile).toMatchObject({
        ok: false,
        error: { code: 'KEYCHAIN_UNAVAILABLE', message: status?.message },
      });
      expect(report.profiles.ok && report.profiles.value.profiles.map((profile) => profile.id)).toEqual([
        'demo',
      ]);

      // Said once at start (the terminal line), and never with the keychain library's own words. The
      // log of the refused call (`[desk] profiles.create: …`) is diagnostics, not a second notice.
      const notices = stderr
        .split('\n')
        .filter((line) => line.includes('No OS keychain is available'))
        .filter((line) => !/^\[desk\] [a-z]+\.[a-zA-Z]+: /.test(line));
      expect(notices).toHaveLength(1);
      expect(stdout).not.toMatch(RAW_TEXT);
      expect(stderr).not.toMatch(RAW_TEXT);
      // The refused secret is nowhere in the data folder.
      for (const entry of readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const file = path.join(entry.parentPath, entry.name);
        expect(readFileSync(file).toString('latin1').includes(SECRET), file).toBe(false);
      }
    });
  }
});
