/**
 * The Catalog screen against the demo profile and a sandbox in its own process (small catalog): the
 * first open downloads the catalog, filters and text narrow it, a SKU opens with its availabilities and
 * an inventory check, the keyboard moves through the rows, and with Partner Center gone the cached
 * catalog still answers, with a calm offline banner.
 */
import { demoTest as test, expect } from './fixtures';
import { CatalogPage } from './pages/catalog-page';

// Every story starts on the Catalog with the demo signed in; the first open downloads the catalog.
test.beforeEach(async ({ shell }) => {
  await shell.go('catalog');
});

test('the first open downloads the catalog by itself, with progress, and counts its SKUs', async ({
  catalog,
}) => {
  await catalog.waitForCatalog();
  expect(await catalog.skuCount()).toBeGreaterThan(100);
});

test('a region and a vCPU range narrow the list to rows that match, free text narrows further', async ({
  catalog,
}) => {
  await catalog.waitForCatalog();
  const all = await catalog.skuCount();

  await catalog.filterByRegion('US East');
  await expect(catalog.regionFilter).toHaveText(/^US East \(/);
  await catalog.filterByCores('4', '4');
  await expect(async () => {
    const narrowed = await catalog.skuCount();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
  }).toPass();
  await expect(catalog.rows.first()).toBeVisible();
  for (const row of await catalog.rows.all()) {
    await expect(catalog.cell(row, 2)).toHaveText('US East');
    await expect(catalog.cell(row, 3)).toHaveText('4');
  }

  // Free text narrows further, as you type.
  await catalog.searchFor('d4s');
  await expect(catalog.cell(catalog.rows.first(), 1)).toContainText(/D4s/i);

  // Clearing brings the whole catalog back.
  await catalog.searchFor('');
  await catalog.clearFilters();
  await expect(catalog.count).toHaveText(CatalogPage.countText(all));
});

test('a SKU that needs an inventory check shows its availabilities and checks for a customer', async ({
  catalog,
}) => {
  await catalog.waitForCatalog();
  await catalog.toggleNeedsInventoryCheck();
  const panel = await catalog.openRow(0);
  await expect(panel.availabilities).toContainText(/Year/);
  await panel.startInventoryCheck();
  await panel.checkInventoryFor('Contoso Ltd.');
  await expect(panel.inventoryResult).toContainText(/Available to buy|Not available/);
});

test('the arrow keys move through the rows and the SKU panel follows', async ({ catalog }) => {
  await catalog.waitForCatalog();
  const panel = await catalog.openRow(0);
  const first = await panel.identity();
  await catalog.pressInTable('ArrowDown', 'ArrowDown');
  await expect.poll(() => panel.identity()).not.toBe(first);
});

test('with Partner Center gone the cached catalog still answers, and a refresh says offline calmly', async ({
  demoApp,
  catalog,
}) => {
  await catalog.waitForCatalog();
  const all = await catalog.skuCount();
  await catalog.filterByCores('4', '4');
  await expect(catalog.count).not.toHaveText(CatalogPage.countText(all));
  demoApp.sandbox.stop();
  await catalog.clearFilters();
  await expect(catalog.count).toHaveText(CatalogPage.countText(all));
  await catalog.sync();
  await expect(catalog.offline).toContainText('Catalog from', { timeout: 60_000 });
  await catalog.searchFor('e4s');
  await expect(catalog.rows.first()).toBeVisible();
  await expect(catalog.count).not.toHaveText(CatalogPage.countText(all));
});

test('a market where reservations are not sold says so instead of showing an empty list', async ({
  catalog,
}) => {
  await catalog.pickMarket('BR');
  await expect(catalog.unavailable).toContainText('not sold in Brazil');
  await expect(catalog.syncButton).toBeDisabled();
});

test('when Partner Center comes back, the offline banner goes by itself', async ({ demoApp, catalog }) => {
  test.setTimeout(180_000);
  await catalog.waitForCatalog();
  demoApp.sandbox.stop();
  await catalog.sync();
  await expect(catalog.offline).toContainText('Catalog from', { timeout: 60_000 });

  // No click, no reload: the app notices on its own.
  await demoApp.sandbox.restart();
  await expect(catalog.offline).toHaveCount(0, { timeout: 90_000 });
});

test('offline, a market with no cached catalog says so once', async ({ demoApp, catalog }) => {
  await catalog.waitForCatalog();
  demoApp.sandbox.stop();
  await catalog.sync();
  await expect(catalog.offline).toBeVisible({ timeout: 60_000 });
  await catalog.pickMarket('SE');
  await expect(catalog.offline).toContainText('no cached catalog for this market yet', { timeout: 60_000 });
  await expect(catalog.empty).toHaveCount(0);
});

test('a market picked by hand survives a reload', async ({ shell, catalog }) => {
  await catalog.waitForCatalog();
  await catalog.pickMarket('SE');
  await expect(catalog.marketSource).toHaveText('Picked by hand');
  await shell.reload();
  await shell.go('catalog');
  await expect(catalog.market).toHaveValue('SE');
  await expect(catalog.marketSource).toHaveText('Picked by hand');
});

test('markets are listed by name, the customer’s and recent ones first, and unsold ones say so', async ({
  catalog,
}) => {
  await catalog.waitForCatalog();
  await catalog.pickMarket('SE');
  const labels = await catalog.marketLabels();
  expect(labels[0]).toBe('Sweden');
  // Not a list of ISO codes starting with Afghanistan, and no embargoed country offered.
  expect(labels).not.toContain('Cuba');
  expect(labels).toContain('Brazil · not sold');
  expect(labels.some((label) => /\([A-Z]{2}\)/.test(label))).toBe(false);
});
