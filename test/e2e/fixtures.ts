/**
 * A fresh web build of the app per test: its own process, port, token and data folder.
 * Tests wait on the app's ready signal (`data-testid="app-ready"`), never on sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Page } from '@playwright/test';

export interface WebApp {
  /** The address with the token, as `npm run web` prints it. */
  readonly url: string;
  readonly origin: string;
  readonly dataDir: string;
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

export async function startWebApp(dataDir: string, env: NodeJS.ProcessEnv = process.env) {
  const { ready, child } = await startWithReadyLine<{ url: string; origin: string }>(
    // Its own keychain service, so apps of tests running side by side never share secrets.
    [
      'out/main/web.js',
      '--json',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--keychain-service',
      `desk-e2e-${randomUUID()}`,
    ],
    env,
  );
  return { app: { ...ready, dataDir }, child };
}

/**
 * A Partner Center sandbox in its own process (small catalog, sign-ins approve themselves), for
 * tests that need to cut the app off from it: killing it is a real loss of network.
 */
export async function startSandboxProcess() {
  const { ready, child } = await startWithReadyLine<Record<string, string>>([
    '--import',
    'tsx',
    'main/sandbox/cli.ts',
    '--port',
    '0',
    '--catalog',
    'small',
    '--auto-approve',
    '--seed',
    '20261123',
  ]);
  return { readyLine: JSON.stringify(ready), stop: () => child.kill('SIGKILL') };
}

/**
 * The app, with the demo profile signed in to a sandbox in its own process (which the test may stop to
 * cut the app off from Partner Center). The caller stops both: `child.kill()`, `sandbox.stop()`.
 */
export async function openDemoAgainstSandboxProcess(page: Page, shell: AppShell, prefix = 'desk-e2e-demo-') {
  const sandbox = await startSandboxProcess();
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  const { app, child } = await startWebApp(dataDir, {
    ...process.env,
    RESERVATION_DESK_DEMO_SANDBOX: sandbox.readyLine,
  });
  await shell.open(app.url);
  await page.getByTestId('try-demo').click();
  await expect(page.getByTestId('profile-demo')).toHaveAttribute('data-state', 'signed-in', {
    timeout: 45_000,
  });
  return { sandbox, child, app };
}

/** The shell, as a user sees it. */
export class AppShell {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('app-ready')).toBeVisible();
  }

  async go(screen: string): Promise<void> {
    await this.page.getByTestId(`nav-${screen}`).click();
    await expect(this.screen(screen)).toBeVisible();
  }

  screen(screen: string) {
    return this.page.getByTestId(`screen-${screen}`);
  }
}

export const test = base.extend<{ webApp: WebApp; shell: AppShell; consoleErrors: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring.
  webApp: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'desk-e2e-'));
    const { app, child } = await startWebApp(dataDir);
    await use(app);
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
  shell: async ({ page }, use) => {
    await use(new AppShell(page));
  },
});

export { expect };
