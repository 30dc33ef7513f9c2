/**
 * Launches the real desktop app. No Electron binary can be downloaded on the build machines
 * (see ../shared/runtime-notes.md), so this runs wherever one is installed and skips elsewhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, test } from './fixtures';
import { AboutPage } from './pages/about-page';
import { AppShell } from './pages/app-shell';

function electronBinary(): string | undefined {
  const dir = path.resolve('node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();

test('the desktop app opens its window and talks to main over IPC', async () => {
  test.skip(
    !binary,
    'No Electron binary is installed (node_modules/electron/dist is empty): it cannot be downloaded on this machine. ' +
      'It runs with `npx playwright test test/e2e/electron-launch.spec.ts` on any machine where `npm ci` could fetch ' +
      'Electron (a developer laptop). Here the same UI is tested in Chromium through the web build, and window ' +
      'security is unit-tested with a mocked electron.',
  );
  const app = await electron.launch({
    executablePath: binary,
    args: [path.resolve('out/main/index.js'), ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
  });
  try {
    const window = await app.firstWindow();
    const shell = new AppShell(window);
    await expect(shell.ready).toBeVisible();
    await shell.go('about');
    await expect(new AboutPage(window).transport).toHaveText('Electron IPC (desktop app)');
    // What the page can reach tells whether it is isolated: no Node, no Electron, only window.desk.
    const reach = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      desk: typeof (globalThis as { desk?: unknown }).desk,
    }));
    expect(reach).toEqual({ require: 'undefined', process: 'undefined', desk: 'object' });
  } finally {
    await app.close();
  }
});
