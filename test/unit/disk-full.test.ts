/**
 * Starting on a full disk: the entry points print one sentence naming the data folder and exit with
 * a non-zero status, instead of ending in a stack trace. The full disk is injected as the errors
 * Node and SQLite raise (`ENOSPC`, `SQLITE_FULL`); no real disk is filled.
 */
import { describe, expect, it } from 'vitest';
import { isDiskFull, startOrExitOnDiskFull } from '../../main/system/disk-full';

const dataDir = '/home/ana/.config/Reservation Desk';

function recorder() {
  const lines: string[] = [];
  const codes: number[] = [];
  return {
    lines,
    codes,
    exit: { printLine: (l: string) => lines.push(l), exit: (c: number) => codes.push(c) },
  };
}

const enospc = Object.assign(new Error(`ENOSPC: no space left on device, mkdir '${dataDir}'`), {
  code: 'ENOSPC',
  errno: -28,
  syscall: 'mkdir',
});
const sqliteFull = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

describe('starting on a full disk', () => {
  it.each([
    ['a file write (ENOSPC)', enospc],
    ['SQLite (SQLITE_FULL)', sqliteFull],
  ])('prints one line naming the data folder and exits with 1 on %s', async (_name, error) => {
    const r = recorder();
    const started = await startOrExitOnDiskFull(
      dataDir,
      () => {
        throw error;
      },
      r.exit,
    );
    expect(started).toBeUndefined();
    expect(r.codes).toEqual([1]);
    expect(r.lines).toEqual([
      `Reservation Desk cannot start: the disk holding its data folder (${dataDir}) is full. Free some space on that disk, then start it again.`,
    ]);
    expect(r.lines[0]).not.toMatch(/\n|ENOSPC|SQLITE|\bat \S+:\d+/);
  });

  it('lets any other failure through as before, and a good start through untouched', async () => {
    const r = recorder();
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    await expect(
      startOrExitOnDiskFull(
        dataDir,
        () => {
          throw denied;
        },
        r.exit,
      ),
    ).rejects.toBe(denied);
    await expect(startOrExitOnDiskFull(dataDir, () => Promise.resolve(42), r.exit)).resolves.toBe(42);
    expect(r.lines).toEqual([]);
    expect(r.codes).toEqual([]);
  });

  it('recognises a full disk behind a wrapping error, and nothing else', () => {
    expect(isDiskFull(new Error('could not save', { cause: enospc }))).toBe(true);
    expect(isDiskFull(Object.assign(new Error('quota'), { code: 'EDQUOT' }))).toBe(true);
    expect(isDiskFull(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }))).toBe(false);
    expect(isDiskFull('ENOSPC')).toBe(false);
    expect(isDiskFull(undefined)).toBe(false);
  });
});
