/**
 * `npm run web` on a full disk, as a real process: it prints one clear line naming the data folder
 * and exits with a non-zero status, instead of a stack trace. The full disk is injected at the file
 * system (`fixtures/full-disk.ts` makes creating the data folder fail with ENOSPC).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
let parent: string | undefined;

afterEach(() => {
  if (parent !== undefined) rmSync(parent, { recursive: true, force: true });
  parent = undefined;
});

function runWeb(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      path.join(import.meta.dirname, 'fixtures', 'full-disk.ts'),
      'main/web/index.ts',
      '--data-dir',
      dataDir,
    ],
    { cwd: root, env: { ...process.env, FULL_DISK_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('starting the web build on a full disk', () => {
  it('prints one line naming the data folder and exits with status 1', async () => {
    parent = mkdtempSync(path.join(tmpdir(), 'desk-full-disk-'));
    const dataDir = path.join(parent, 'Reservation Desk');
    const { code, stdout, stderr } = await runWeb(dataDir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      `Reservation Desk cannot start: the disk holding its data folder (${dataDir}) is full. Free some space on that disk, then start it again.`,
    ]);
  }, 60_000);
});
