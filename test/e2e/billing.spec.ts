/**
 * Billing, in Chromium at 1366×768 against the web build and a sandbox process: the folder statements
 * go to, an invoice's line items exported to CSV and read in the app's table with a filter, its
 * statement downloaded into the library, a period's statements in bulk, and the library still there
 * when Partner Center goes away, a statement drawn in the page by pdf.js.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { periodLabel } from '../../preload/contract';
import { demoTest as test, expect } from './fixtures';
import { seriousAxeFindings } from './pages/screen-audit';

test('an invoice’s line items go to a CSV file and the table, its statement to the chosen folder, and the library works offline', async ({
  demoApp,
  page,
  shell,
  billing,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await shell.go('billing');
  await expect(billing.balance).toBeVisible({ timeout: 30_000 });
  await expect(billing.invoiceRows.first()).toBeVisible();

  // Statements go to a folder the user types (web build); one that cannot hold files is refused.
  const plainFile = path.join(demoApp.dataDir, 'not-a-folder');
  writeFileSync(plainFile, '');
  await billing.setStatementsFolder(path.join(plainFile, 'PDFs'));
  await expect(billing.folders).toContainText('cannot be created or written to');
  const chosen = path.join(demoApp.dataDir, 'Month end', 'PDFs');
  await billing.setStatementsFolder(chosen);
  await expect(billing.folders).not.toContainText('cannot be created');
  await expect(billing.statementsFolder).toHaveValue(chosen);
  await expect(billing.folders.getByRole('button', { name: 'Use the default' })).toBeVisible();

  // The list filters by type as well.
  await billing.typeFilter.selectOption('OneTime');
  await expect(billing.invoiceRows.first()).toBeVisible();
  for (const type of await billing.invoiceTypes()) expect(type).toBe('OneTime');
  await billing.typeFilter.selectOption('');

  const invoiceId = await billing.invoiceId(0);
  // Search by number, then open the invoice with the keyboard.
  await billing.search.fill(invoiceId);
  await expect(billing.invoiceRows).toHaveCount(1);
  await billing.open(0);
  await expect(billing.detail).toContainText(`Invoice ${invoiceId}`);
  const period = await billing.periodOf(0);

  // Its line items, exported as a task: the sentence names the file.
  await billing.exportButton.click();
  await expect(billing.exportMessage).toContainText(/Saved \d+ line items of invoice .*\.csv/, {
    timeout: 90_000,
  });

  // ...and read in the app's table, filtered by customer, with totals per customer and currency.
  await billing.showLineItemsButton.click();
  const table = billing.lineItems;
  await expect(table.rows.first()).toBeVisible();
  await expect(table.summary).toContainText(/line items?\./);
  const customer = await table.cell(0, 0);
  expect(customer).not.toBe('');
  await table.filter('customer').fill(customer);
  await expect(table.summary).toContainText('match the filters');
  await expect(table.rows.first()).toBeVisible();
  const shown = await table.rows.count();
  for (let row = 0; row < shown; row++) expect(await table.cell(row, 0)).toContain(customer);
  await expect(table.totals.first()).toContainText(customer);
  expect(await seriousAxeFindings(page)).toEqual([]);

  // Its statement, downloaded into the library, in the folder chosen above.
  await billing.statementButton.click();
  await expect(billing.statementMessage).toContainText('statement library', { timeout: 60_000 });
  await expect(billing.libraryRow(invoiceId)).toContainText('.pdf');
  const fileName = (await billing.libraryFileName(invoiceId)) ?? '';
  expect(existsSync(path.join(chosen, fileName))).toBe(true);

  // Every statement of the invoice's billing period, as one task: the library lists them all.
  await billing.search.fill('');
  await billing.period.selectOption(period);
  const month = periodLabel(period);
  await expect(billing.bulkButton).toHaveText(`Download every statement of ${month}`);
  await billing.bulkButton.click();
  await expect(billing.bulkMessage).toContainText(`statements of ${month}`, { timeout: 90_000 });
  await expect(billing.libraryRows).toHaveCount(await billing.invoiceRows.count());
  await expect(billing.libraryRows).not.toHaveCount(1);

  // A statement deleted outside the app shows as missing, with "Download again".
  const other = (await billing.libraryInvoiceIds()).find((id) => id !== invoiceId)!;
  rmSync(path.join(chosen, (await billing.libraryFileName(other)) ?? ''));

  // Partner Center goes away: the screen says so, and the library still lists the statements.
  demoApp.sandbox.stop();
  await billing.refresh();
  await expect(billing.age).toContainText('Offline', { timeout: 60_000 });
  await expect(billing.missingBadge(other)).toBeVisible();
  await expect(billing.downloadAgain(other)).toBeVisible();

  // Offline, the statement opens in the page: pdf.js draws its first page, the dialog names the invoice.
  await billing.openStatement(invoiceId);
  await expect(billing.viewer.dialog).toBeVisible();
  await expect(billing.viewer.dialog).toContainText(`Statement of invoice ${invoiceId}`);
  await expect(billing.viewer.pages.first()).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => billing.viewer.firstPageIsDrawn(), { timeout: 30_000 }).toBe(true);
  expect(await seriousAxeFindings(page)).toEqual([]);
  // Escape closes it, from the keyboard.
  await page.keyboard.press('Escape');
  await expect(billing.viewer.dialog).toBeHidden();
});
