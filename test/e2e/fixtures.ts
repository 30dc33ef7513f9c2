/**
 * A fresh web build of the app per test: its own process, port, token and data folder.
 * Tests wait on the app's ready signal (`data-testid="app-ready"`), never on sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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

async function startWebApp(dataDir: string): Promise<{ app: WebApp; child: ChildProcess }> {
  const child = spawn(process.execPath, ['out/main/web.js', '--json', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise<{ url: string; origin: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`web build exited with ${code} before it was ready`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as { url: string; origin: string }));
  });
  return { app: { ...ready, dataDir }, child };
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
