/**
 * The Connect screen in Chromium against the web build, with the real OS keychain (the e2e step runs
 * inside scripts/with-keyring.sh) and the embedded sandbox as Partner Center.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

const TENANT = '8f3c2a1e-5b6d-4c7e-9f80-1a2b3c4d5e6f';
const APP = '0d1e2f30-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const SECRET = 'S3cret~value-that-must-never-leak-7f9a';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test('first run: one click on the demo signs in and proves the connection', async ({
  webApp,
  shell,
  page,
  consoleErrors,
}) => {
  await shell.open(webApp.url);
  await page.getByTestId('try-demo').click();
  const demo = page.getByTestId('profile-demo');
  await expect(demo).toHaveAttribute('data-state', 'signed-in', { timeout: 45_000 });
  await expect(demo.getByTestId('profile-check')).toContainText('Connected as demo.user@', {
    timeout: 45_000,
  });
  await expect(page.getByTestId('demo-card')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);

  // Signing out is reflected at once, and signing in again works.
  await demo.getByTestId('profile-sign-out').click();
  await expect(demo).toHaveAttribute('data-state', 'signed-out');
  await demo.getByTestId('profile-sign-in').click();
  await expect(demo).toHaveAttribute('data-state', 'signed-in', { timeout: 30_000 });
});

test('the profile form says what is wrong next to each field, and keeps what was typed', async ({
  webApp,
  shell,
  page,
}) => {
  await shell.open(webApp.url);
  await page.getByTestId('add-profile').click();
  await page.getByTestId('profile-name').fill('Contoso CSP');
  await page.getByTestId('profile-tenant').fill('not-a-guid');
  await page.getByTestId('profile-save').click();
  const form = page.getByTestId('profile-form');
  await expect(form).toContainText('Tenant ID must be a GUID');
  await expect(form).toContainText('App ID is required');
  await expect(page.getByTestId('profile-name')).toHaveValue('Contoso CSP');

  await page.getByTestId('profile-tenant').fill(TENANT);
  await page.getByTestId('profile-app').fill(APP);
  await page.getByTestId('profile-save').click();
  await expect(form).toHaveCount(0);
  const cards = page.locator('[data-testid^="profile-"][data-state]');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Contoso CSP');
  await expect(cards.first()).toHaveAttribute('data-state', 'signed-out');
});

test('an app secret goes to the keychain only: never back to the page, never into a file', async ({
  webApp,
  shell,
  page,
}) => {
  const frames: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => frames.push(String(frame.payload)));
  });
  await shell.open(webApp.url);
  await page.getByTestId('add-profile').click();
  await page.getByTestId('profile-name').fill('Fabrikam (App-only)');
  await page.getByTestId('profile-tenant').fill(TENANT);
  await page.getByTestId('profile-app').fill(APP);
  await page.getByText('App secret (App-only)').click();
  await page.getByTestId('profile-secret').fill(SECRET);
  await page.getByTestId('profile-save').click();

  const card = page.locator('[data-testid^="profile-"][data-state]').first();
  await expect(card).toContainText('Fabrikam (App-only)');
  // The keychain has the secret: the profile is ready to sign in, not asking for one.
  await expect(card).not.toHaveAttribute('data-state', 'secret-missing');
  await expect(card).not.toHaveAttribute('data-state', 'unknown');

  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await expect(page.locator('[data-testid^="profile-"][data-state]')).toHaveCount(1);

  expect(frames.length).toBeGreaterThan(0);
  for (const frame of frames) expect(frame).not.toContain(SECRET);
  expect(await page.content()).not.toContain(SECRET);
  for (const file of filesUnder(webApp.dataDir)) {
    expect(readFileSync(file).includes(SECRET), file).toBe(false);
  }
});

test('removing a profile asks first, then removes it', async ({ webApp, shell, page }) => {
  await shell.open(webApp.url);
  await page.getByTestId('add-profile').click();
  await page.getByTestId('profile-name').fill('Temporary');
  await page.getByTestId('profile-tenant').fill(TENANT);
  await page.getByTestId('profile-app').fill(APP);
  await page.getByTestId('profile-save').click();
  const card = page.locator('[data-testid^="profile-"][data-state]').first();
  await card.getByRole('button', { name: 'More for Temporary' }).click();
  await page.getByRole('menuitem', { name: 'Remove…' }).click();
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'More for Temporary' }).click();
  await page.getByRole('menuitem', { name: 'Remove…' }).click();
  await page.getByTestId('confirm-remove').click();
  await expect(page.locator('[data-testid^="profile-"][data-state]')).toHaveCount(0);
});
