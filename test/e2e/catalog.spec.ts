/**
 * The Catalog screen against the demo profile: the first open downloads the catalog, filters and text
 * narrow it, a SKU opens with its availabilities and an inventory check, and with Partner Center gone
 * the cached catalog still answers, with a calm offline banner.
 */
import { expect, openDemoAgainstSandboxProcess, test } from './fixtures';

test('browse, filter, inspect and check inventory; offline the cache still answers', async ({
  page,
  shell,
}) => {
  test.setTimeout(180_000);
  const { sandbox, child } = await openDemoAgainstSandboxProcess(page, shell);
  try {
    // First open: nothing cached, so the catalog downloads by itself, with progress.
    await shell.go('catalog');
    await expect(page.getByTestId('catalog-synced-at')).toBeVisible({ timeout: 90_000 });
    const count = page.getByTestId('catalog-count');
    await expect(count).toHaveText(/^[\d,]+ SKUs$/);
    const all = Number((await count.textContent())!.replace(/\D/g, ''));
    expect(all).toBeGreaterThan(100);

    // A region and a size.
    await page.getByTestId('filter-region').click();
    await page.getByRole('menuitemcheckbox', { name: /^US East \(/ }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('filter-region')).toHaveText(/^US East \(/);
    await page.getByTestId('filter-cores-min').fill('4');
    await page.getByTestId('filter-cores-max').fill('4');
    await expect(async () => {
      const narrowed = Number((await count.textContent())!.replace(/\D/g, ''));
      expect(narrowed).toBeGreaterThan(0);
      expect(narrowed).toBeLessThan(all);
    }).toPass();
    const rows = page.getByTestId('catalog-row');
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) {
      await expect(row.getByRole('cell').nth(2)).toHaveText('US East');
      await expect(row.getByRole('cell').nth(3)).toHaveText('4');
    }

    // Free text narrows further, as you type.
    await page.getByTestId('catalog-search').fill('d4s');
    await expect(rows.first().getByRole('cell').nth(1)).toContainText(/D4s/i);

    // A SKU that needs an inventory check: its details, availabilities and the check.
    await page.getByTestId('catalog-search').fill('');
    await page.getByTestId('filter-cores-min').fill('');
    await page.getByTestId('filter-cores-max').fill('');
    await page.getByTestId('filter-inventory').click();
    await rows.first().click();
    const detail = page.getByTestId('sku-detail');
    await expect(detail).toBeVisible();
    await expect(detail.getByTestId('sku-availabilities')).toContainText(/Year/);
    await detail.getByTestId('inventory-start').click();
    await detail.getByTestId('inventory-customer').selectOption({ label: 'Contoso Ltd.' });
    await expect(detail.getByTestId('inventory-run')).toBeEnabled();
    await detail.getByTestId('inventory-run').click();
    await expect(detail.getByTestId('inventory-result')).toContainText(/Available to buy|Not available/);

    // Keyboard: the arrow keys move through the rows and the detail panel follows.
    const firstTitle = await detail.getByRole('heading', { level: 2 }).textContent();
    await page.getByTestId('catalog-rows').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(detail.getByRole('heading', { level: 2 })).not.toHaveText(firstTitle ?? '');

    // Partner Center goes away: the cached catalog still answers, and a refresh says "offline" calmly.
    sandbox.stop();
    await page.getByTestId('filter-clear').click();
    await expect(count).toHaveText(`${all.toLocaleString('en-US')} SKUs`);
    await page.getByTestId('catalog-sync').click();
    await expect(page.getByTestId('catalog-offline')).toContainText('Catalog from', { timeout: 60_000 });
    await page.getByTestId('catalog-search').fill('e4s');
    await expect(rows.first()).toBeVisible();
    await expect(count).not.toHaveText(`${all.toLocaleString('en-US')} SKUs`);
  } finally {
    child.kill('SIGTERM');
    sandbox.stop();
  }
});

test('a market where reservations are not sold says so instead of showing an empty list', async ({
  page,
  shell,
}) => {
  const { sandbox, child } = await openDemoAgainstSandboxProcess(page, shell);
  try {
    await shell.go('catalog');
    await page.getByTestId('catalog-market').selectOption('BR');
    await expect(page.getByTestId('catalog-unavailable')).toContainText('not sold in Brazil');
    await expect(page.getByTestId('catalog-sync')).toBeDisabled();
  } finally {
    child.kill('SIGTERM');
    sandbox.stop();
  }
});
