import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const screens = [
  ['connect', 'Connect'],
  ['customers', 'Customers'],
  ['catalog', 'Catalog'],
  ['cart', 'Cart'],
  ['orders', 'Orders'],
  ['reservations', 'Reservations'],
  ['billing', 'Billing'],
  ['about', 'About'],
  ['settings', 'Settings'],
] as const;
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

test('the app loads with no console errors and hides the token from the address bar', async ({
  webApp,
  shell,
  about,
  page,
  consoleErrors,
}) => {
  await shell.open(webApp.url);
  await expect(shell.screen('connect')).toBeVisible();
  expect(page.url()).not.toContain('token=');
  await shell.go('about');
  await expect(about.version).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('every screen of the journey is reachable from the navigation', async ({ webApp, shell, page }) => {
  await shell.open(webApp.url);
  for (const [id, title] of screens) {
    await shell.go(id);
    await expect(shell.heading).toHaveText(title);
    await expect(page).toHaveTitle(`${title} · Reservation Desk`);
  }
});

test('the navigation works from the keyboard alone', async ({ webApp, shell, page }) => {
  await shell.open(webApp.url);
  await page.keyboard.press('Control+3');
  await expect(shell.screen('catalog')).toBeVisible();
  await shell.navItem('catalog').focus();
  await page.keyboard.press('ArrowDown');
  await expect(shell.navItem('cart')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shell.screen('cart')).toBeVisible();
  await page.keyboard.press('Control+8');
  await expect(shell.screen('about')).toBeVisible();
});

test('About shows facts that came from main', async ({ webApp, shell, about }) => {
  await shell.open(webApp.url);
  await shell.go('about');
  await expect(about.version).toHaveText(`Reservation Desk ${version}`);
  await expect(about.transport).toHaveText('WebSocket (web build)');
  // The data folder is the one this test handed to main: it can only have come from there.
  await expect(about.dataDir).toHaveText(webApp.dataDir);
  await expect(about.runtime).toContainText(`Node ${process.versions.node}`);
});

test('a reload keeps the screen and the connection', async ({ webApp, shell, about, page }) => {
  await shell.open(webApp.url);
  await shell.go('about');
  await page.reload();
  await expect(shell.screen('about')).toBeVisible();
  await expect(about.dataDir).toHaveText(webApp.dataDir);
});

test('the theme follows the OS', async ({ webApp, shell, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await shell.open(webApp.url);
  await expect(shell.ready).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(shell.ready).toHaveAttribute('data-theme', 'light');
});

test('opened without its token, the app says how to open it instead of failing', async ({
  webApp,
  shell,
  about,
}) => {
  await shell.open(webApp.origin + '/');
  await shell.go('about');
  await expect(about.error).toContainText('npm run web');
  await expect(about.error).toHaveAttribute('data-error-code', 'BRIDGE_UNAVAILABLE');
});
