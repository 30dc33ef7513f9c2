/**
 * The Connect screen in Chromium against the web build, with the real OS keychain (the e2e step runs
 * inside scripts/with-keyring.sh) and the embedded sandbox as Partner Center.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { SAMPLE_IDS } from './pages/connect-page';
import { primaryButtonLabels } from './pages/screen-audit';

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
  connect,
  consoleErrors,
}) => {
  await shell.open(webApp.url);
  const demo = await connect.tryDemo();
  await expect(demo.check).toContainText('Connected as demo.user@', { timeout: 45_000 });
  await expect(connect.demoOffer).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('signing out is reflected at once, and signing in again works', async ({ webApp, shell, connect }) => {
  await shell.open(webApp.url);
  const demo = await connect.tryDemo();
  await demo.signOut();
  await demo.expectState('signed-out');
  await demo.signIn();
  await demo.expectState('signed-in', { timeout: 30_000 });
});

test('the profile form says what is wrong next to each field, and keeps what was typed', async ({
  webApp,
  shell,
  connect,
}) => {
  await shell.open(webApp.url);
  const form = await connect.startNewProfile({ name: 'Contoso CSP', tenant: 'not-a-guid' });
  await form.save();
  await expect(form.root).toContainText('Tenant ID must be a GUID');
  await expect(form.root).toContainText('App ID is required');
  await expect(form.name).toHaveValue('Contoso CSP');
});

test('a corrected profile form saves a signed-out profile', async ({ webApp, shell, connect }) => {
  await shell.open(webApp.url);
  const form = await connect.startNewProfile({ name: 'Contoso CSP', tenant: 'not-a-guid' });
  await form.save();
  await expect(form.root).toContainText('Tenant ID must be a GUID');
  await form.fill(SAMPLE_IDS);
  await form.save();
  await expect(form.root).toHaveCount(0);
  await expect(connect.profileCards).toHaveCount(1);
  const card = connect.profileAt(0);
  await expect(card.root).toContainText('Contoso CSP');
  await card.expectState('signed-out');
});

test('an app secret goes to the keychain only: never back to the page, never into a file', async ({
  webApp,
  shell,
  connect,
  page,
}) => {
  const frames: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => frames.push(String(frame.payload)));
  });
  await shell.open(webApp.url);
  const form = await connect.startNewProfile({
    name: 'Fabrikam (App-only)',
    ...SAMPLE_IDS,
    secret: SECRET,
  });
  await form.save();

  const card = connect.profileAt(0);
  await expect(card.root).toContainText('Fabrikam (App-only)');
  // The keychain has the secret: the profile is ready to sign in, not asking for one.
  await expect(card.root).not.toHaveAttribute('data-state', 'secret-missing');
  await expect(card.root).not.toHaveAttribute('data-state', 'unknown');

  await shell.reload();
  await expect(connect.profileCards).toHaveCount(1);

  expect(frames.length).toBeGreaterThan(0);
  for (const frame of frames) expect(frame).not.toContain(SECRET);
  expect(await page.content()).not.toContain(SECRET);
  for (const file of filesUnder(webApp.dataDir)) {
    expect(readFileSync(file).includes(SECRET), file).toBe(false);
  }
});

test('removing a profile asks first, then removes it', async ({ webApp, shell, connect }) => {
  await shell.open(webApp.url);
  await connect.addProfile({ name: 'Temporary', ...SAMPLE_IDS });
  const card = connect.profileAt(0);
  await card.remove('Temporary', { confirm: false });
  await expect(card.root).toBeVisible();
  await card.remove('Temporary', { confirm: true });
  await expect(connect.profileCards).toHaveCount(0);
});

test('the form stops at each field’s limit and says what is wrong as the user leaves the field', async ({
  webApp,
  shell,
  connect,
}) => {
  await shell.open(webApp.url);
  const form = await connect.startNewProfile({ name: 'x'.repeat(120) });
  await expect(form.name).toHaveValue('x'.repeat(80));

  // Leaving a field says what is wrong with it, before any save, in a sentence next to it.
  await form.tenant.fill('not-a-guid');
  await form.app.focus();
  await expect(form.messageFor(form.tenant)).toHaveText(
    'Tenant ID must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.',
  );
  await expect(form.messageFor(form.app)).toHaveCount(0);
  // Fixed while typing, the message goes.
  await form.tenant.fill(SAMPLE_IDS.tenant);
  await expect(form.messageFor(form.tenant)).toHaveCount(0);

  // A code that is no market Partner Center serves is refused next to the country.
  await form.country.fill('ZZ');
  await form.name.focus();
  await expect(form.messageFor(form.country)).toHaveText(
    'Partner Center does not serve this country: use a code such as US or DE.',
  );
  await form.country.fill('DE');
  await expect(form.messageFor(form.country)).toHaveCount(0);
  await expect(form.root).toContainText('Germany');
});

test('an App-only profile is not saved without its secret, and focus goes to what needs fixing', async ({
  webApp,
  shell,
  connect,
  page,
}) => {
  await shell.open(webApp.url);
  const form = await connect.startNewProfile({ name: 'Fabrikam', ...SAMPLE_IDS });
  await form.chooseAppOnly();
  await form.save();
  await expect(form.messageFor(form.secret)).toHaveText(
    'Enter the app secret: an App-only profile signs in with it.',
  );
  await expect(form.secret).toBeFocused();

  // With an earlier field also wrong, focus goes to the first one.
  await form.app.fill('');
  await form.save();
  await expect(form.app).toBeFocused();

  // Escape closes the dialog, and nothing was saved.
  await page.keyboard.press('Escape');
  await expect(form.root).toHaveCount(0);
  await expect(connect.profileCards).toHaveCount(0);
});

test('a profile that never signed in is told so, not that its sign-in expired', async ({
  webApp,
  shell,
  connect,
  customers,
  catalog,
}) => {
  await shell.open(webApp.url);
  await connect.addProfile({ name: 'Contoso CSP', ...SAMPLE_IDS });
  const card = connect.profileAt(0);
  await card.expectState('signed-out');
  await expect(card.status).toHaveText('Not signed in.');

  await shell.go('customers');
  await expect(customers.signInFirst).toContainText('is not signed in yet');
  await expect(shell.screen('customers')).not.toContainText('expired');

  // The catalog: one state, one message, one action.
  await shell.go('catalog');
  await expect(catalog.signInFirst).toContainText('Sign in to download the catalog');
  expect(await primaryButtonLabels(shell.screen('catalog'))).toEqual(['Go to Connect']);
  await expect(shell.screen('catalog').getByRole('button', { name: 'Download catalog' })).toHaveCount(0);
  await expect(shell.screen('catalog')).not.toContainText('expired');
});

test('once the demo is signed in, the one primary action is the next step: choosing a customer', async ({
  webApp,
  shell,
  connect,
  customers,
}) => {
  await shell.open(webApp.url);
  await connect.addProfile({ name: 'Contoso CSP', ...SAMPLE_IDS });
  await connect.addProfile({ name: 'Fabrikam', ...SAMPLE_IDS });
  const demo = await connect.tryDemo();
  await expect(demo.check).toContainText('Connected as', { timeout: 45_000 });
  expect(await primaryButtonLabels(shell.screen('connect'))).toEqual(['Choose a customer']);

  await demo.next.click();
  await expect(shell.screen('customers')).toBeVisible();
  await expect(customers.row('Northwind Traders GmbH')).toBeVisible({ timeout: 30_000 });
});
