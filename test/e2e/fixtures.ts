/**
 * Fixtures of the end-to-end stories (see README.md here): a fresh web build of the app per test, with
 * its own process, port, token, data folder and keychain service, all removed afterwards; the demo
 * signed in against a sandbox in its own process; and one page object per screen. Tests wait on the
 * app's ready signal (`data-testid="app-ready"`), never on sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Page } from '@playwright/test';
import { createKeyringSecretStore } from '../../main/vault/keyring-secret-store';
import { AboutPage } from './pages/about-page';
import { AddToCartPanel } from './pages/add-to-cart-panel';
import { AppShell } from './pages/app-shell';
import { CartPage } from './pages/cart-page';
import { CatalogPage } from './pages/catalog-page';
import { ConnectPage } from './pages/connect-page';
import { CustomersPage } from './pages/customers-page';
import { OrdersPage } from './pages/orders-page';
import { BillingPage } from './pages/billing-page';
import { ReservationsPage } from './pages/reservations-page';
import { RegistrationsPanel } from './pages/registrations-panel';
import { SettingsPage } from './pages/settings-page';
import { StorySteps } from './story-steps';

export interface WebApp {
  /** The address with the token, as `npm run web` prints it. */
  readonly url: string;
  readonly origin: string;
  readonly dataDir: string;
  /** The app's own keychain service, so apps of tests running side by side never share secrets. */
  readonly keychainService: string;
}

/** The app with the demo profile signed in to a Partner Center sandbox in its own process. */
export interface DemoApp extends WebApp {
  /**
   * Partner Center as the app sees it: stopping it is a real loss of network; `restart` brings it
   * back at the same address (same seed, so the same data).
   */
  readonly sandbox: { readonly stop: () => void; readonly restart: () => Promise<void> };
}

/** Starts a process and resolves with the JSON of the first line it prints (its "ready" line). */
async function startWithReadyLine<T>(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ ready: T; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise<T>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited with ${code} before it was ready`)),
    );
    lines.once('line', (line) => resolve(JSON.parse(line) as T));
  });
  return { ready, child };
}

/** Stops a process and waits until it is gone, so its files can be removed. */
async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
}

/** Removes every entry the app left under its keychain service (tokens of the demo sign-in, secrets). */
async function removeKeychainService(service: string): Promise<void> {
  try {
    const store = createKeyringSecretStore({ service });
    for (const key of await store.list()) await store.delete(key);
  } catch {
    // No keychain in this run (outside scripts/with-keyring.sh): the app could not have written to it.
  }
}

export interface WebAppOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly prefix?: string;
  /** An existing data folder (e.g. to start the app again on it); left in place by `dispose`. */
  readonly dataDir?: string;
}

/**
 * A web build of the app on a fresh data folder and keychain service. `stop` ends the process only;
 * `dispose` also removes the data folder (unless the caller gave it) and the keychain entries.
 */
export async function startWebApp({
  env = process.env,
  prefix = 'desk-e2e-',
  dataDir: given,
}: WebAppOptions = {}) {
  const dataDir = given ?? mkdtempSync(path.join(tmpdir(), prefix));
  const keychainService = `desk-e2e-${randomUUID()}`;
  const { ready, child } = await startWithReadyLine<{ url: string; origin: string }>(
    [
      'out/main/web.js',
      '--json',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--keychain-service',
      keychainService,
    ],
    env,
  );
  const app: WebApp = { ...ready, dataDir, keychainService };
  const dispose = async () => {
    await stop(child);
    if (!given) rmSync(dataDir, { recursive: true, force: true });
    await removeKeychainService(keychainService);
  };
  return { app, stop: () => stop(child), dispose };
}

/**
 * A Partner Center sandbox in its own process (small catalog, sign-ins approve themselves), for
 * tests that need to cut the app off from it: killing it is a real loss of network. Its state lives
 * in a folder of its own, so a restart keeps the tokens it issued, as the real service would.
 */
export async function startSandboxProcess(extraArgs: ReadonlyArray<string> = []) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'desk-e2e-sandbox-'));
  const args = (port: string) => [
    '--import',
    'tsx',
    'main/sandbox/cli.ts',
    '--port',
    port,
    '--catalog',
    'small',
    '--auto-approve',
    '--seed',
    '20261123',
    '--data-dir',
    dataDir,
    ...extraArgs,
  ];
  const first = await startWithReadyLine<Record<string, string>>(args('0'));
  let child = first.child;
  const port = new URL(first.ready.baseUrl ?? '').port;
  return {
    readyLine: JSON.stringify(first.ready),
    stop: () => child.kill('SIGKILL'),
    async restart() {
      await stop(child, 'SIGKILL');
      child = (await startWithReadyLine<Record<string, string>>(args(port))).child;
    },
    /** Stops it for good and removes its state. */
    async dispose() {
      await stop(child, 'SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What a test can name to act on the page: a page object per screen or part, and the shared story steps. */
const pageObjects = {
  shell: AppShell,
  connect: ConnectPage,
  customers: CustomersPage,
  catalog: CatalogPage,
  settings: SettingsPage,
  orders: OrdersPage,
  billing: BillingPage,
  reservations: ReservationsPage,
  about: AboutPage,
  cart: CartPage,
  registrations: RegistrationsPanel,
  addToCart: AddToCartPanel,
  steps: StorySteps,
};

type PageObjects = { [Name in keyof typeof pageObjects]: InstanceType<(typeof pageObjects)[Name]> };

/** Every page object of the table, built for one page: for code that walks many screens at once. */
export function pageObjectsFor(page: Page): PageObjects {
  return Object.fromEntries(
    Object.entries(pageObjects).map(([name, PageObject]) => [name, new PageObject(page)]),
  ) as PageObjects;
}

/** One fixture per page object: `catalog: async ({ page }, use) => use(new CatalogPage(page))`, and so on. */
const pageObjectFixtures = Object.fromEntries(
  Object.entries(pageObjects).map(([name, PageObject]) => [
    name,
    async ({ page }: { page: Page }, use: (value: InstanceType<typeof PageObject>) => Promise<void>) =>
      use(new PageObject(page)),
  ]),
) as {
  [Name in keyof PageObjects]: (
    args: { page: Page },
    use: (value: PageObjects[Name]) => Promise<void>,
  ) => Promise<void>;
};

interface Fixtures extends PageObjects {
  /** Extra sandbox options for `demoApp`, e.g. `test.use({ sandboxArgs: ['--customers', '3000'] })`. */
  sandboxArgs: ReadonlyArray<string>;
  /** A fresh app, not opened yet: `shell.open(webApp.url)`. */
  webApp: WebApp;
  /** A fresh app, opened on Connect with the demo profile signed in to a sandbox process. */
  demoApp: DemoApp;
  /** Console errors and warnings of the page, for tests that promise a clean console. */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  sandboxArgs: [[], { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring.
  webApp: async ({}, use) => {
    const { app, dispose } = await startWebApp();
    await use(app);
    await dispose();
  },
  demoApp: [
    async ({ shell, connect, sandboxArgs }, use) => {
      const sandbox = await startSandboxProcess(sandboxArgs);
      try {
        const { app, dispose } = await startWebApp({
          env: { ...process.env, RESERVATION_DESK_DEMO_SANDBOX: sandbox.readyLine },
          prefix: 'desk-e2e-demo-',
        });
        try {
          await shell.open(app.url);
          await connect.tryDemo();
          await use({ ...app, sandbox });
        } finally {
          await dispose();
        }
      } finally {
        await sandbox.dispose();
      }
    },
    // Starting two processes and signing in takes a while on a busy machine; the test keeps its own timeout.
    { timeout: 90_000 },
  ],
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
  ...pageObjectFixtures,
});

/**
 * For spec files whose every story starts from the signed-in demo: `demoApp` is set up for each test
 * without being named (name it to stop its sandbox).
 */
export const demoTest = test.extend<{ startsFromDemo: DemoApp }>({
  startsFromDemo: [async ({ demoApp }, use) => use(demoApp), { auto: true }],
});

export { expect };
export type { AppShell };
