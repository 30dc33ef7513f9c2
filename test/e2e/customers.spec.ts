/**
 * The current customer and the catalog's refresh age, in Chromium against the web build and a sandbox
 * process (small catalog): choosing a customer opens the catalog in its billing country (Northwind, DE,
 * while the demo profile's default market is US), a market picked by hand sticks until the customer
 * changes, the choice survives a reload and an outage, and the refresh age is a setting that persists
 * and shows in the catalog's status line.
 */
import { expect, openDemoAgainstSandboxProcess, test, type AppShell } from './fixtures';

/** Chooses a customer on the Customers screen from the keyboard: filter, then Enter on its action. */
async function chooseOnCustomersScreen(shell: AppShell, filter: string, name: string) {
  const { page } = shell;
  await shell.go('customers');
  await page.getByTestId('customers-filter').fill(filter);
  const row = page.getByTestId('customer-row').filter({ hasText: name });
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('customers-count')).toHaveText(/^\d+ of \d+ customers$/);
  await row.getByTestId('customer-choose').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-customer-name')).toHaveText(`You work for ${name}`);
  await expect(row.getByTestId('customer-choose')).toHaveText('Current customer');
}

test('a chosen customer’s billing country becomes the catalog’s market; a market picked by hand sticks', async ({
  page,
  shell,
}) => {
  test.setTimeout(150_000);
  const { sandbox, child } = await openDemoAgainstSandboxProcess(page, shell);
  try {
    // The list names each customer's billing country, and the filter narrows it as you type.
    await shell.go('customers');
    const northwindRow = page.getByTestId('customer-row').filter({ hasText: 'Northwind Traders GmbH' });
    await expect(northwindRow).toContainText('Germany (DE)', { timeout: 30_000 });
    await expect(northwindRow).toContainText('northwindtraders.onmicrosoft.com');
    await expect(page.getByTestId('current-customer-name')).toHaveText('No customer chosen');

    // Its subscriptions, read-only, with the reservation scope they buy for.
    await northwindRow.getByTestId('customer-subscriptions-toggle').click();
    await expect(page.getByTestId('customer-subscriptions')).toContainText('Azure plan');

    await chooseOnCustomersScreen(shell, 'northwind gmbh', 'Northwind Traders GmbH');
    await expect(page.getByTestId('shell-current-customer-name')).toHaveText('Northwind Traders GmbH');

    // The catalog opens in Germany, not in the profile's default market (US).
    await shell.go('catalog');
    const market = page.getByTestId('catalog-market');
    await expect(market).toHaveValue('DE');
    await expect(page.getByTestId('catalog-market-source')).toHaveText(
      'Billing country of Northwind Traders GmbH',
    );
    await expect(page.getByTestId('catalog-customer')).toHaveText(/Northwind Traders GmbH · Germany/);

    // A market picked by hand wins, also after leaving the screen and coming back.
    await market.selectOption('SE');
    await expect(page.getByTestId('catalog-market-source')).toHaveText('Picked by hand');
    await shell.go('customers');
    await shell.go('catalog');
    await expect(market).toHaveValue('SE');

    // ...until the customer changes, here from the toolbar's picker.
    await page.getByTestId('catalog-customer').click();
    await page.getByRole('menuitemradio', { name: /^Contoso Ltd\. · United States/ }).click();
    await expect(market).toHaveValue('US');
    await expect(page.getByTestId('catalog-market-source')).toHaveText('Billing country of Contoso Ltd.');

    // The inventory check asks for the current customer unless told otherwise.
    await expect(page.getByTestId('catalog-synced-at')).toBeVisible({ timeout: 90_000 });
    await page.getByTestId('filter-inventory').click();
    await page.getByTestId('catalog-row').first().click();
    await page.getByTestId('inventory-start').click();
    await expect(page.getByTestId('inventory-customer').locator('option:checked')).toHaveText('Contoso Ltd.');
    await expect(page.getByTestId('inventory-run')).toBeEnabled();

    // A customer billed where reservations are not sold: the market says so.
    await page.getByTestId('catalog-customer').click();
    await page.getByRole('menuitemradio', { name: /^Wide World Importers Ltda · Brazil/ }).click();
    await expect(market).toHaveValue('BR');
    await expect(page.getByTestId('catalog-unavailable')).toContainText('not sold in Brazil');

    // No customer: back to the profile's default market.
    await page.getByTestId('catalog-customer').click();
    await page.getByRole('menuitemradio', { name: /^No customer/ }).click();
    await expect(market).toHaveValue('US');
    await expect(page.getByTestId('catalog-market-source')).toHaveText('Your profile’s default market');
    await expect(page.getByTestId('shell-current-customer-name')).toHaveText('None chosen');

    // The choice is remembered: after a reload the catalog opens in the customer's country again.
    await chooseOnCustomersScreen(shell, 'germany', 'Northwind Traders GmbH');
    await page.reload();
    await expect(page.getByTestId('app-ready')).toBeVisible();
    await shell.go('catalog');
    await expect(market).toHaveValue('DE');

    // Partner Center goes away: the remembered customer stays, and the list says calmly why it is missing.
    sandbox.stop();
    await page.reload();
    await expect(page.getByTestId('app-ready')).toBeVisible();
    await shell.go('customers');
    await expect(page.getByTestId('current-customer-name')).toHaveText('You work for Northwind Traders GmbH');
    await expect(page.getByTestId('customers-offline')).toContainText('Northwind Traders GmbH', {
      timeout: 60_000,
    });
    await shell.go('catalog');
    await expect(market).toHaveValue('DE');
  } finally {
    child.kill('SIGTERM');
    sandbox.stop();
  }
});

test('the catalog’s refresh age is a setting: it persists, and the status line says what it means', async ({
  page,
  shell,
}) => {
  const { sandbox, child } = await openDemoAgainstSandboxProcess(page, shell);
  try {
    await shell.go('catalog');
    const line = page.getByTestId('catalog-auto-refresh');
    await expect(line).toContainText('Refreshes itself when older than 1 day');

    // Changed from the status line's link, with the keyboard-friendly native select.
    await page.getByTestId('catalog-auto-refresh-change').click();
    await expect(shell.screen('settings')).toBeVisible();
    const maxAge = page.getByTestId('settings-catalog-max-age');
    await expect(maxAge).toHaveValue('1440');
    await maxAge.selectOption({ label: 'When older than 6 hours' });
    await expect(page.getByTestId('settings-saved')).toHaveText('Saved.');

    // Kept by main: a reload reads it back.
    await page.reload();
    await expect(shell.screen('settings')).toBeVisible();
    await expect(maxAge).toHaveValue('360');
    await shell.go('catalog');
    await expect(line).toContainText('Refreshes itself when older than 6 hours');

    await shell.go('settings');
    await maxAge.selectOption('never');
    await expect(page.getByTestId('settings-saved')).toHaveText('Saved.');
    await shell.go('catalog');
    await expect(line).toContainText('Automatic refresh is off');
    await page.reload();
    await expect(page.getByTestId('app-ready')).toBeVisible();
    await expect(line).toContainText('Automatic refresh is off');
  } finally {
    child.kill('SIGTERM');
    sandbox.stop();
  }
});
