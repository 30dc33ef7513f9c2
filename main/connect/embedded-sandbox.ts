/**
 * The demo profile's Partner Center: the sandbox, started in-process on first use and kept for the
 * life of the app. Its state (carts, orders) persists in the data folder so a demo survives restarts.
 *
 * `RESERVATION_DESK_DEMO_SANDBOX` may hold the ready line of a sandbox started on its own
 * (`npm run sandbox -- …`): the demo then uses that one, with whatever latency or faults it was given,
 * and stopping it is a real loss of network for the app (the end-to-end tests use this).
 */
import path from 'node:path';
import { z } from 'zod';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox';

/** A fixed seed, so every demo shows the same customers and catalog. */
export const DEMO_SEED = 20261123;

/** What the app needs to know of a sandbox: where it is and who to sign in as. */
export interface SandboxEndpoint {
  readonly baseUrl: string;
  /** The Graph-like reconciliation routes and the blob-like store (billing, issue 13). */
  readonly graphBaseUrl: string;
  readonly blobBaseUrl: string;
  readonly authority: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly user: string;
}

/** The ready line a sandbox prints when it listens (`npm run sandbox`). */
export const ReadyLine = z.object({
  baseUrl: z.url(),
  graphBaseUrl: z.url(),
  blobBaseUrl: z.url(),
  authority: z.url(),
  tenantId: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  user: z.string(),
});

export interface EmbeddedSandbox {
  /** Starts the sandbox if it is not running yet. Concurrent callers share one start. */
  ensure(): Promise<SandboxEndpoint>;
  close(): Promise<void>;
}

export function createEmbeddedSandbox(
  dataDir: string,
  overrides: SandboxOptions = {},
  external: string | undefined = process.env.RESERVATION_DESK_DEMO_SANDBOX,
): EmbeddedSandbox {
  if (external) {
    const endpoint = ReadyLine.parse(JSON.parse(external));
    return { ensure: () => Promise.resolve(endpoint), close: () => Promise.resolve() };
  }
  let starting: Promise<RunningSandbox> | undefined;
  return {
    ensure() {
      starting ??= startSandbox({
        port: 0,
        seed: DEMO_SEED,
        catalog: 'full',
        autoApprove: true,
        dataDir: path.join(dataDir, 'demo-sandbox'),
        ...overrides,
      }).catch((error: unknown) => {
        starting = undefined; // let the next attempt try again
        throw error;
      });
      return starting;
    },
    async close() {
      const sandbox = await starting?.catch(() => undefined);
      starting = undefined;
      await sandbox?.close();
    },
  };
}
