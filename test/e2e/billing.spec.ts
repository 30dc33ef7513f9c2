/**
 * Billing, in Chromium against the web build and a sandbox process: an invoice's line items exported
 * to CSV as a task, its statement downloaded into the library, and the library still there when
 * Partner Center goes away.
 */
import { demoTest as test, expect } from './fixtures';

test('an invoice’s line items go to a CSV file and its statement to the library, which works offline', async ({
  demoApp,
  shell,
  billing,
}) => {
  test.setTimeout(150_000);
  await shell.go('billing');
  await expect(billing.balance).toBeVisible({ timeout: 30_000 });
  await expect(billing.invoiceRows.first()).toBeVisible();
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

  // Its statement, downloaded into the library.
  await billing.statementButton.click();
  await expect(billing.statementMessage).toContainText('statement library', { timeout: 60_000 });
  await expect(billing.libraryRow(invoiceId)).toContainText('.pdf');

  // Every statement of the invoice's billing period, as one task: the library lists them all.
  await billing.search.fill('');
  await billing.period.fill(period);
  await expect(billing.bulkButton).toHaveText(`Download every statement of ${period}`);
  await billing.bulkButton.click();
  await expect(billing.bulkMessage).toContainText(`statements of ${period}`, { timeout: 90_000 });
  await expect(billing.libraryRows).toHaveCount(await billing.invoiceRows.count());
  await expect(billing.libraryRows).not.toHaveCount(1);

  // Partner Center goes away: the screen says so, and the library still lists the statement.
  demoApp.sandbox.stop();
  await shell.go('orders');
  await shell.go('billing');
  await billing.refresh();
  await expect(billing.age).toContainText('Offline', { timeout: 60_000 });
  await expect(billing.libraryRow(invoiceId)).toBeVisible();
});
