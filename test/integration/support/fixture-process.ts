/**
 * A fixture script run as a process of its own (TypeScript through tsx, from the repository root), for
 * the tests that kill a second app mid-way and check what the next run finds.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** The running fixture, and what it has written to stderr so far (for failure messages). */
export interface FixtureProcess {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  readonly stderr: () => string;
}

/** Starts `script` with `env` on top of this process's environment; stdout and stderr are piped. */
export function startFixtureProcess(script: string, env: Readonly<Record<string, string>>): FixtureProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, stderr: () => stderr };
}
