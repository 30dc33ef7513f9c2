/**
 * The current customer and the catalog's refresh age, in Chromium against the web build and a sandbox
 * process (small catalog): choosing a customer opens the catalog in its billing country (Northwind, DE,
 * while the demo profile's default market is US), a market picked by hand sticks until the customer
 * changes, the choice survives a reload and an outage, and the refresh age is a setting that persists
 * and shows in the catalog's status line.
 */
import { demoTest as test, expect } from './fixtures';
import { axeRuleFindings, primaryButtonLabels } from './pages/screen-audit';

test('the list names each customer’s billing country and domain, and its subscriptions’ scope', async ({
  shell,
  customers,
}) => {
  await shell.go('customers');
  const northwind = customers.row('Northwind Traders GmbH');
  await expect(northwind).toContainText('Germany (DE)', { timeout: 30_000 });
  await expect(northwind).toContainText('northwindtraders.onmicrosoft.com');
  await expect(customers.currentName).toHaveText('No customer chosen');

  // Its subscriptions, read-only, with the reservation scope they buy for.
  await customers.showSubscriptions('Northwind Traders GmbH');
  await expect(customers.subscriptions).toContainText('Azure plan');
});

test('a customer chosen from the keyboard makes its billing country the catalog’s market', async ({
  shell,
  steps,
  catalog,
}) => {
  await steps.workFor('northwind gmbh', 'Northwind Traders GmbH');
  await expect(shell.currentCustomerName).toHaveText('Northwind Traders GmbH');

  // The catalog opens in Germany, not in the profile's default market (US).
  await shell.go('catalog');
  await expect(catalog.market).toHaveValue('DE');
  await expect(catalog.marketSource).toHaveText('Billing country of Northwind Traders GmbH');
  await expect(catalog.customerPicker).toHaveText(/Northwind Traders GmbH · Germany/);
});

test('a market picked by hand wins, also after coming back, until the customer changes', async ({
  shell,
  steps,
  catalog,
}) => {
  await steps.workFor('northwind gmbh', 'Northwind Traders GmbH');
  await shell.go('catalog');
  await expect(catalog.market).toHaveValue('DE');

  await catalog.pickMarket('SE');
  await expect(catalog.marketSource).toHaveText('Picked by hand');
  await shell.go('customers');
  await shell.go('catalog');
  await expect(catalog.market).toHaveValue('SE');

  // ...until the customer changes, here from the toolbar's picker.
  await catalog.chooseCustomer('Contoso Ltd. · United States');
  await expect(catalog.market).toHaveValue('US');
  await expect(catalog.marketSource).toHaveText('Billing country of Contoso Ltd.');
});

test('the inventory check asks for the current customer unless told otherwise', async ({
  shell,
  catalog,
}) => {
  await shell.go('catalog');
  await catalog.chooseCustomer('Contoso Ltd. · United States');
  await expect(catalog.marketSource).toHaveText('Billing country of Contoso Ltd.');
  await catalog.waitForCatalog();
  await catalog.toggleNeedsInventoryCheck();
  const panel = await catalog.openRow(0);
  await panel.startInventoryCheck();
  await expect(panel.chosenInventoryCustomer()).toHaveText('Contoso Ltd.');
  await expect(panel.runInventoryCheck).toBeEnabled();
});

test('a customer billed where reservations are not sold: the market says so', async ({ shell, catalog }) => {
  await shell.go('catalog');
  await catalog.chooseCustomer('Wide World Importers Ltda · Brazil');
  await expect(catalog.market).toHaveValue('BR');
  await expect(catalog.unavailable).toContainText('not sold in Brazil');
});

test('no customer: the catalog goes back to the profile’s default market', async ({ shell, catalog }) => {
  await shell.go('catalog');
  await catalog.chooseCustomer('Northwind Traders GmbH · Germany');
  await expect(catalog.market).toHaveValue('DE');
  await catalog.chooseCustomer(/^No customer/);
  await expect(catalog.market).toHaveValue('US');
  await expect(catalog.marketSource).toHaveText('Your profile’s default market');
  await expect(shell.currentCustomerName).toHaveText('None chosen');
});

test('the chosen customer survives a reload, and an outage of Partner Center', async ({
  demoApp,
  shell,
  steps,
  customers,
  catalog,
}) => {
  test.setTimeout(120_000);
  await steps.workFor('germany', 'Northwind Traders GmbH');
  await shell.reload();
  await shell.go('catalog');
  await expect(catalog.market).toHaveValue('DE');

  // Partner Center goes away: the remembered customer stays, and the list says calmly why it is missing.
  demoApp.sandbox.stop();
  await shell.reload();
  await shell.go('customers');
  await expect(customers.currentName).toHaveText('You work for Northwind Traders GmbH');
  await expect(customers.offline).toContainText('Northwind Traders GmbH', { timeout: 60_000 });
  await shell.go('catalog');
  await expect(catalog.market).toHaveValue('DE');
});

test('when Partner Center comes back, the customer list replaces the offline bar by itself', async ({
  demoApp,
  shell,
  customers,
}) => {
  test.setTimeout(120_000);
  demoApp.sandbox.stop();
  await shell.go('customers');
  await expect(customers.offline).toBeVisible({ timeout: 60_000 });

  // No click, no reload: the screen asks again on its own.
  await demoApp.sandbox.restart();
  await expect(customers.offline).toHaveCount(0, { timeout: 60_000 });
  await expect(customers.row('Northwind Traders GmbH')).toBeVisible();
});

test('the catalog’s refresh age is a setting: it persists, and the status line says what it means', async ({
  shell,
  catalog,
  settings,
}) => {
  await shell.go('catalog');
  await expect(catalog.autoRefresh).toContainText('Refreshes itself when older than 1 day');

  // Changed from the status line's link, with the keyboard-friendly native select.
  await catalog.changeAutoRefresh();
  await expect(shell.screen('settings')).toBeVisible();
  await expect(settings.catalogMaxAge).toHaveValue('1440');
  await settings.setCatalogMaxAge({ label: 'When older than 6 hours' });

  // Kept by main: a reload reads it back.
  await shell.reload();
  await expect(shell.screen('settings')).toBeVisible();
  await expect(settings.catalogMaxAge).toHaveValue('360');
  await shell.go('catalog');
  await expect(catalog.autoRefresh).toContainText('Refreshes itself when older than 6 hours');

  await shell.go('settings');
  await settings.setCatalogMaxAge('never');
  await shell.go('catalog');
  await expect(catalog.autoRefresh).toContainText('Automatic refresh is off');
  await shell.reload();
  await expect(catalog.autoRefresh).toContainText('Automatic refresh is off');
});

test('the customer’s name is the way in, with one tab stop for the rows and arrow keys between them', async ({
  page,
  shell,
  customers,
}) => {
  await shell.go('customers');
  await expect(customers.row('Northwind Traders GmbH')).toBeVisible({ timeout: 30_000 });
  // No column of "Work with this customer" buttons: nothing on the screen is primary before a choice.
  expect(await primaryButtonLabels(shell.screen('customers'))).toEqual([]);

  const names = await customers.names();
  await customers.chooseButton(names[0]!).focus();
  await page.keyboard.press('ArrowDown');
  await expect(customers.chooseButton(names[1]!)).toBeFocused();
  // Tab leaves the rows at once, instead of visiting every customer.
  await page.keyboard.press('Tab');
  await expect(customers.focusInRows).toHaveCount(0);

  await page.keyboard.press('Shift+Tab');
  await expect(customers.chooseButton(names[1]!)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(customers.currentName).toHaveText(`You work for ${names[1]}`);
  await expect(customers.currentMark(names[1]!)).toHaveText('Current');

  // Every control's accessible name contains its visible label (speech input finds it by what it shows).
  expect(await axeRuleFindings(page, ['label-content-name-mismatch'])).toEqual([]);
});

test('the columns sort, both ways', async ({ shell, customers }) => {
  await shell.go('customers');
  await expect(customers.row('Northwind Traders GmbH')).toBeVisible({ timeout: 30_000 });
  const byName = await customers.names();
  expect(byName).toEqual(
    [...byName].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true })),
  );
  await expect(customers.sortHeader('name')).toHaveAttribute('aria-sort', 'ascending');

  await customers.sortBy('name');
  await expect(customers.sortHeader('name')).toHaveAttribute('aria-sort', 'descending');
  const descending = await customers.names();
  expect(descending).toEqual(
    [...descending].sort((a, b) => b.localeCompare(a, undefined, { sensitivity: 'base', numeric: true })),
  );
  expect(descending[0]).not.toBe(byName[0]);

  await customers.sortBy('country');
  await expect(customers.sortHeader('country')).toHaveAttribute('aria-sort', 'ascending');
  await expect(customers.sortHeader('name')).not.toHaveAttribute('aria-sort', /ending/);
});

test.describe('a partner with thousands of customers', () => {
  test.use({ sandboxArgs: ['--customers', '3000'] });

  test('sees them a page at a time, filtered and sorted across all of them', async ({ shell, customers }) => {
    test.setTimeout(180_000);
    await shell.go('customers');
    await expect(customers.count).toHaveText('3,000 customers', { timeout: 90_000 });
    await expect(customers.pageLabel).toHaveText('Page 1 of 60');
    expect(await customers.names()).toHaveLength(50);
    const first = await customers.names();
    await customers.nextPage();
    await expect(customers.pageLabel).toHaveText('Page 2 of 60');
    expect(await customers.names()).not.toEqual(first);

    // A filter searches every page, and starts again on the first.
    await customers.filter.fill('northwind traders gmbh');
    await expect(customers.row('Northwind Traders GmbH')).toBeVisible();
    await expect(customers.pageLabel).toHaveCount(0);
  });
});
