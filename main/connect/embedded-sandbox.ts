/**
 * The demo profile's Partner Center: the sandbox, started in-process on first use and kept for the
 * life of the app. Its state (carts, orders) persists in the data folder so a demo survives restarts.
 */
import path from 'node:path';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox';

/** A fixed seed, so every demo shows the same customers and catalog. */
export const DEMO_SEED = 20261123;

export interface EmbeddedSandbox {
  /** Starts the sandbox if it is not running yet. Concurrent callers share one start. */
  ensure(): Promise<RunningSandbox>;
  /** The running sandbox, if it has been started. */
  current(): RunningSandbox | undefined;
  close(): Promise<void>;
}

export function createEmbeddedSandbox(dataDir: string, overrides: SandboxOptions = {}): EmbeddedSandbox {
  let starting: Promise<RunningSandbox> | undefined;
  let running: RunningSandbox | undefined;
  return {
    ensure() {
      starting ??= startSandbox({
        port: 0,
        seed: DEMO_SEED,
        catalog: 'full',
        autoApprove: true,
        dataDir: path.join(dataDir, 'demo-sandbox'),
        ...overrides,
      }).then(
        (sandbox) => (running = sandbox),
        (error: unknown) => {
          starting = undefined; // let the next attempt try again
          throw error;
        },
      );
      return starting;
    },
    current: () => running,
    async close() {
      const sandbox = running ?? (starting ? await starting.catch(() => undefined) : undefined);
      running = undefined;
      starting = undefined;
      await sandbox?.close();
    },
  };
}
