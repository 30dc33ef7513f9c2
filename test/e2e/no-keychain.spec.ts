/**
 * Without an OS keychain (#14): the web build started with no reachable D-Bus session, as on a machine
 * without a Secret Service. Connect says once, in plain words, what is missing; the demo signs in from
 * memory; a real profile's secret is refused with the same plain words.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, startWebApp, test } from './fixtures';

const SECRET = 'S3cret~value-that-has-nowhere-to-go-4c1d';
/** What the keychain library's own errors would show. */
const RAW_TEXT = /d-?bus|autolaunch|X11|platform failure/i;

test('no keychain: one plain banner, the demo works from memory, a real secret is refused', async ({
  shell,
  page,
}) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'desk-e2e-no-keychain-'));
  const { DBUS_SESSION_BUS_ADDRESS: _bus, ...env } = process.env;
  const { app, child } = await startWebApp(dataDir, { ...env, XDG_RUNTIME_DIR: dataDir });
  try {
    await shell.open(app.url);
    const banner = page.getByTestId('keychain-banner');
    await expect(banner).toContainText('Secret Service such as gnome-keyring');
    await expect(banner).toContainText('unlocked');
    await expect(banner).toContainText('The demo profile works without it');

    await page.getByTestId('try-demo').click();
    await expect(page.getByTestId('profile-demo')).toHaveAttribute('data-state', 'signed-in', {
      timeout: 45_000,
    });

    await page.getByTestId('add-profile').click();
    await page.getByTestId('profile-name').fill('Fabrikam (App-only)');
    await page.getByTestId('profile-tenant').fill('8f3c2a1e-5b6d-4c7e-9f80-1a2b3c4d5e6f');
    await page.getByTestId('profile-app').fill('0d1e2f30-4a5b-4c6d-8e7f-9a0b1c2d3e4f');
    await page.getByText('App secret (App-only)').click();
    await page.getByTestId('profile-secret').fill(SECRET);
    await page.getByTestId('profile-save').click();
    await expect(page.getByRole('dialog')).toContainText('No OS keychain is available');
    await expect(page.locator('[data-testid^="profile-"][data-state]')).toHaveCount(1);

    await expect(page.getByTestId('keychain-banner')).toHaveCount(1);
    expect(await page.content()).not.toMatch(RAW_TEXT);
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
