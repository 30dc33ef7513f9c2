/**
 * A full disk, however it shows up: Node's `ENOSPC` (or `EDQUOT`, over quota) from a file write, or
 * SQLite's `SQLITE_FULL` from the database. Each becomes the same calm sentence naming the data
 * folder, so the person knows which disk needs space.
 */

/** Error codes that mean "no space left" for the data folder. */
const diskFullCodes: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** True when `error`, or an error it was caused by, says the disk is full. */
export function isDiskFull(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    if ('code' in current && typeof current.code === 'string' && diskFullCodes.has(current.code)) {
      return true;
    }
    current = 'cause' in current ? current.cause : undefined;
  }
  return false;
}

/** What to tell a person when a save failed for lack of space. */
export function diskFullMessage(dataDir: string | undefined): string {
  return dataDir === undefined
    ? 'The disk is full, so Reservation Desk could not save its data. Free some space, then try again.'
    : `The disk is full, so Reservation Desk could not save to its data folder (${dataDir}). Free some space on that disk, then try again.`;
}

/** The one line to print when the app cannot start on a full disk; undefined for any other failure. */
export function diskFullStartupLine(error: unknown, dataDir: string): string | undefined {
  return isDiskFull(error)
    ? `Reservation Desk cannot start: the disk holding its data folder (${dataDir}) is full. Free some space on that disk, then start it again.`
    : undefined;
}

/** How a starting app reports a failure and ends: stderr and `process.exit` by default. */
export interface StartupExit {
  printLine(line: string): void;
  exit(code: number): void;
}

const processExit: StartupExit = {
  printLine: (line) => console.error(line),
  exit: (code) => process.exit(code),
};

/**
 * Runs an entry point's start-up. On a full disk it prints one line naming the data folder and
 * exits with status 1 (resolving to undefined), instead of ending in a stack trace; any other
 * failure is thrown as before.
 */
export async function startOrExitOnDiskFull<T>(
  dataDir: string,
  start: () => T | Promise<T>,
  exit: StartupExit = processExit,
): Promise<T | undefined> {
  try {
    return await start();
  } catch (error) {
    const line = diskFullStartupLine(error, dataDir);
    if (line === undefined) throw error;
    exit.printLine(line);
    exit.exit(1);
    return undefined;
  }
}
