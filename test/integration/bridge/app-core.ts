/**
 * The real app core (dispatcher, handlers, settings, SQLite, the embedded sandbox with a small
 * catalog) over a data folder, called the way the renderer calls it: by channel name, input as data.
 * Secrets stay in memory unless a test passes its own store; the keychain has its own tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { CallContext } from '../../../main/ipc/dispatcher';
import type { SandboxOptions } from '../../../main/sandbox';
import { createAppCore, type AppCore, type AppOptions } from '../../../main/services';
import { createMemorySecretStore } from '../../../main/vault/memory-secret-store';
import type { DeskResult, EventPayload } from '../../../preload/contract';

export interface TestApp {
  readonly core: AppCore;
  /** Errors the dispatcher did not expect (they would reach the renderer as INTERNAL). */
  readonly unexpected: unknown[];
  /** The answer as data, exactly as the renderer gets it. */
  call(channel: string, input?: unknown): Promise<DeskResult<unknown>>;
  /** The value of a call that must succeed. */
  value<T>(channel: string, input?: unknown): Promise<T>;
  /** Resolves when the task (a sync) with this id has finished. */
  taskFinished(taskId: string): Promise<EventPayload<'task.finished'>>;
  close(): Promise<void>;
}

/**
 * `sandbox` overrides the embedded sandbox's options (a small catalog by default); `cloudStandIn` is a
 * sandbox started with `cloud: 'usgov'` (or `china`) that profiles of that cloud talk to.
 */
export interface TestAppOptions {
  readonly secrets?: AppOptions['secrets'];
  readonly sandbox?: SandboxOptions;
  readonly cloudStandIn?: AppOptions['cloudStandIn'];
}

/** Starts the app core over `dataDir` (see `TestAppOptions`). */
export function startTestApp(dataDir: string, options: TestAppOptions = {}): TestApp {
  const unexpected: unknown[] = [];
  const core = createAppCore({
    facts: { name: 'Reservation Desk', version: 'test', dataDir, startedAt: new Date() },
    secrets: options.secrets ?? createMemorySecretStore(),
    sandbox: { catalog: 'small', ...options.sandbox },
    ...(options.cloudStandIn ? { cloudStandIn: options.cloudStandIn } : {}),
    onUnexpected: (channel, error) => unexpected.push({ channel, error }),
  });
  const finished = new Map<string, EventPayload<'task.finished'>>();
  const waiting = new Map<string, (payload: EventPayload<'task.finished'>) => void>();
  core.events.subscribe((event) => {
    if (event.event !== 'task.finished') return;
    const payload = event.payload as EventPayload<'task.finished'>;
    finished.set(payload.taskId, payload);
    waiting.get(payload.taskId)?.(payload);
  });
  const context: CallContext = { transport: 'websocket', events: core.events };
  const call = (channel: string, input?: unknown) => core.dispatcher.dispatch(channel, input, context);
  return {
    core,
    unexpected,
    call,
    async value<T>(channel: string, input?: unknown): Promise<T> {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    taskFinished(taskId) {
      const done = finished.get(taskId);
      if (done) return Promise.resolve(done);
      return new Promise((resolve) => waiting.set(taskId, resolve));
    },
    close: () => core.close(),
  };
}

/** The demo profile, active and signed in to the embedded sandbox. */
export async function signInDemo(app: TestApp): Promise<void> {
  await app.value('profiles.demo');
  await app.value('profiles.activate', { profileId: 'demo' });
  await app.value('auth.signIn', { profileId: 'demo' });
}

/**
 * Sandbox options for billing tests: the largest invoice has `lineItems` lines, and reconciliation
 * exports finish in a tenth of a second, in blobs of 500 lines.
 */
export function billingSandbox(lineItems: number): SandboxOptions {
  return { lineItems, reconciliation: { runningMs: 100, retryAfterSeconds: 1, linesPerBlob: 500 } };
}

/** The app of one test file: it stands for whichever run is current, so a test can restart it. */
export interface AppPerFile extends TestApp {
  readonly dataDir: string;
  /** Closes this run and starts the next over the same data folder, not signed in (as after a restart). */
  restart(): Promise<void>;
}

/**
 * One app for the tests of a file (call at the top level): a fresh data folder named after
 * `folderPrefix`, the app started and signed in to the demo profile (unless `signIn: false`) before the
 * tests, closed and its folder removed after them. `onStart` sees each run first (to subscribe to events).
 */
export function appPerFile(
  folderPrefix: string,
  options: TestAppOptions & { readonly signIn?: boolean; readonly onStart?: (app: TestApp) => void } = {},
): AppPerFile {
  const { signIn = true, onStart, ...appOptions } = options;
  const dataDir = mkdtempSync(path.join(tmpdir(), folderPrefix));
  let current: TestApp | undefined;
  const app = (): TestApp => {
    if (!current) throw new Error('the app has not started yet');
    return current;
  };
  const start = (): void => {
    current = startTestApp(dataDir, appOptions);
    onStart?.(current);
  };
  const perFile: AppPerFile = {
    dataDir,
    get core() {
      return app().core;
    },
    get unexpected() {
      return app().unexpected;
    },
    call: (channel, input) => app().call(channel, input),
    value: <T>(channel: string, input?: unknown) => app().value<T>(channel, input),
    taskFinished: (taskId) => app().taskFinished(taskId),
    close: () => app().close(),
    async restart() {
      await app().close();
      start();
    },
  };
  beforeAll(async () => {
    start();
    if (signIn) await signInDemo(perFile);
  });
  afterAll(async () => {
    await current?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return perFile;
}
