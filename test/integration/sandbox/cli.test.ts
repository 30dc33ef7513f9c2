/**
 * `npm run sandbox` (`tsx main/sandbox/cli.ts`): one JSON ready line on stdout, a working server
 * behind it, clean exit on SIGTERM, exit status 2 with a message for bad options.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(args: ReadonlyArray<string>, onReady?: (line: string) => Promise<void>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['main/sandbox/cli.ts', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let readySeen = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!readySeen && stdout.includes('\n') && onReady) {
        readySeen = true;
        onReady(stdout.split('\n')[0]!).then(
          () => child.kill('SIGTERM'),
          (error: unknown) => {
            child.kill('SIGKILL');
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('sandbox CLI', () => {
  it('prints exactly one ready line, serves, and exits cleanly on SIGTERM', async () => {
    let ready: Record<string, unknown> = {};
    const run = await runCli(['--port', '0', '--catalog', 'small', '--line-items', '100'], async (line) => {
      ready = JSON.parse(line) as Record<string, unknown>;
      const config = await fetch(`${String(ready.authority)}/v2.0/.well-known/openid-configuration`);
      expect(config.status).toBe(200);
      const token = await fetch(`${String(ready.authority)}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: String(ready.clientId),
          client_secret: String(ready.clientSecret),
          scope: 'https://api.partnercenter.microsoft.com/.default',
        }).toString(),
      });
      const { access_token: accessToken } = (await token.json()) as { access_token: string };
      const products = await fetch(
        `${String(ready.baseUrl)}/v1/products?country=US&targetView=AzureReservations`,
        {
          headers: { Authorization: `Bearer ${accessToken}` },
        },
      );
      expect(products.status).toBe(200);
    });
    expect(Object.keys(ready)).toEqual([
      'event',
      'cloud',
      'baseUrl',
      'graphBaseUrl',
      'blobBaseUrl',
      'authority',
      'tenantId',
      'clientId',
      'clientSecret',
      'user',
    ]);
    expect(ready.event).toBe('ready');
    expect(ready.cloud).toBe('global');
    expect(String(ready.baseUrl)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.authority).toBe(`${String(ready.baseUrl)}/${String(ready.tenantId)}`);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.code).toBe(0);
  }, 60_000);

  it('exits 2 with a clear message for bad options', async () => {
    const badCatalog = await runCli(['--catalog', 'huge']);
    expect(badCatalog.code).toBe(2);
    expect(badCatalog.stderr).toContain('--catalog must be small or full');
    expect(badCatalog.stdout).toBe('');
    const badFaults = await runCli(['--faults', '429:2']);
    expect(badFaults.code).toBe(2);
    expect(badFaults.stderr).toContain('--faults');
    const badPort = await runCli(['--port', 'abc', '--nope']);
    expect(badPort.code).toBe(2);
    const badRoutes = await runCli(['--inventory-routes', 'new']);
    expect(badRoutes.code).toBe(2);
    expect(badRoutes.stderr).toContain('--inventory-routes must be both, by-resource-type or legacy');
  }, 60_000);
});
