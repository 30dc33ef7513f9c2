/**
 * The Catalog's filters, search and table as a new user meets them on a 1366×768 laptop: range fields
 * that explain a bad range and never search with it, an empty result that says what was searched,
 * facet counts that follow the other filters, labels that agree, and a table driven by the keyboard.
 */
import type { Locator } from '@playwright/test';
import { demoTest as test, expect } from './fixtures';
import { CatalogPage } from './pages/catalog-page';

test.beforeEach(async ({ page, shell, catalog }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await shell.go('catalog');
  await catalog.waitForCatalog();
});

test('a vCPU range is checked as it is typed, never searched while wrong, and its error goes once fixed', async ({
  catalog,
}) => {
  const all = await catalog.skuCount();

  // Minimum above maximum: a sentence next to the field; the search keeps its last valid range.
  await catalog.filterByCores('64', '8');
  await expect(catalog.coresField).toContainText('Minimum must not be more than maximum.');
  await expect(catalog.count).toHaveText(/^[\d,]+ SKUs?$/);
  await expect(catalog.error).toBeHidden();

  // Fixed: the message goes and the range narrows the list.
  await catalog.filterByCores('2', '8');
  await expect(catalog.coresField).not.toContainText('Minimum');
  await expect(async () => expect(await catalog.skuCount()).toBeLessThan(all)).toPass();
  await expect(catalog.error).toBeHidden();

  // Fractional, negative and absurd values are refused at the field.
  for (const [min, max, message] of [
    ['2.5', '', 'Minimum must be a whole number of vCPUs.'],
    ['-4', '', 'Minimum must be 0 or more.'],
    ['', '999999999', 'Maximum must be at most 1,024 vCPUs.'],
  ] as const) {
    await catalog.filterByCores(min, max);
    await expect(catalog.coresField).toContainText(message);
    await expect(catalog.count).toHaveText(/^[\d,]+ SKUs?$/);
  }

  // Cleared: the whole catalog, no message left.
  await catalog.filterByCores('', '');
  await expect(catalog.count).toHaveText(CatalogPage.countText(all));
  await expect(catalog.coresField).not.toContainText('must');
  await expect(catalog.error).toBeHidden();
});

test('a search that finds nothing says what was searched and clears in one click', async ({ catalog }) => {
  const all = await catalog.skuCount();

  for (const text of ['😀', '"', '-']) {
    await catalog.searchFor(text);
    await expect(catalog.count).toHaveText('0 SKUs');
    await expect(catalog.noMatches).toContainText(`“${text}”`);
    await expect(catalog.noMatchesHint).toContainText('letters and numbers');
  }

  await catalog.searchFor('zzqx');
  await expect(catalog.noMatches).toContainText('“zzqx”');
  await expect(catalog.noMatchesHint).toBeHidden();

  await catalog.clearFiltersFromEmptyResult();
  await expect(catalog.count).toHaveText(CatalogPage.countText(all));
  await expect(catalog.search).toHaveValue('');
  await expect(catalog.noMatches).toBeHidden();
});

test('facet counts follow the other filters, and a term reads the same in the filter and the table', async ({
  catalog,
}) => {
  const countIn = async (checkbox: Locator) =>
    Number(((await checkbox.textContent()) ?? '').replace(/.*\(([\d,]+)\).*/, '$1').replace(/,/g, ''));
  const oneYear = catalog.termFilterLabel('P1Y');
  await expect(oneYear).toHaveText(/^1 year \([\d,]+\)$/);
  await expect(catalog.termFilterLabel('P3Y')).toHaveText(/^3 years \([\d,]+\)$/);
  const before = await countIn(oneYear);

  await catalog.filterByRegion('US East');
  await expect(async () => expect(await countIn(oneYear)).toBeLessThan(before)).toPass();

  // The count next to "1 year" is what ticking it shows.
  const expected = await countIn(oneYear);
  await catalog.termFilter('P1Y').check();
  await expect(catalog.count).toHaveText(CatalogPage.countText(expected));
  await expect(catalog.cell(catalog.rows.first(), 5)).toHaveText('1 year');
});

test('the SKU panel speaks in labels, not in Partner Center’s keys', async ({ catalog }) => {
  await catalog.searchFor('standard_d');
  const panel = await catalog.openRow(0);
  await expect(panel.attribute('Maximum quantity')).toHaveText('no limit');
  await expect(panel.attribute('Term')).toHaveText(/^\d years?$/);
  const labels = await panel.attributeLabels();
  for (const raw of ['armSkuName', 'instanceFlexibilityGroup', 'duration', 'armRegionName']) {
    expect(labels).not.toContain(raw);
  }
});

test('arrow keys move the selection without opening the panel; Enter opens it, Escape returns to the row', async ({
  page,
  catalog,
}) => {
  await catalog.pressInTable('ArrowDown', 'ArrowDown', 'ArrowDown');
  await expect(catalog.selectedRow).toHaveAttribute('aria-rowindex', '3');
  await expect(catalog.panel.root).toBeHidden();

  await page.keyboard.press('Enter');
  await expect(catalog.panel.root).toBeVisible();
  const opened = await catalog.panel.identity();

  // Moving on: the panel waits for a pause before it follows, then shows the row the keyboard is on.
  await page.keyboard.press('ArrowDown');
  await expect(catalog.selectedRow).toHaveAttribute('aria-rowindex', '4');
  await expect.poll(() => catalog.panel.identity()).not.toBe(opened);

  await catalog.panel.root.getByRole('button', { name: 'Close details' }).focus();
  await page.keyboard.press('Escape');
  await expect(catalog.panel.root).toBeHidden();
  await expect(catalog.selectedRow).toBeFocused();
  await expect(catalog.selectedRow).toHaveAttribute('aria-rowindex', '4');
});

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the selected row stands out from its neighbours by at least 3:1 (${colorScheme})`, async ({
    page,
    catalog,
  }) => {
    await page.emulateMedia({ colorScheme });
    await catalog.pressInTable('ArrowDown', 'ArrowDown');
    await expect(catalog.selectedRow).toHaveAttribute('aria-rowindex', '2');
    // The neighbours' background is what shows through them: the table's own.
    const background = (row: Locator) =>
      row.evaluate((element) => {
        for (let e: Element | null = element; e; e = e.parentElement) {
          const color = getComputedStyle(e).backgroundColor;
          if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
        }
        return 'rgb(255, 255, 255)';
      });
    const selected = await background(catalog.selectedRow);
    for (const index of ['1', '3']) {
      const neighbour = await background(catalog.table.locator(`[role=row][aria-rowindex="${index}"]`));
      expect(contrast(selected, neighbour), `row ${index}`).toBeGreaterThanOrEqual(3);
    }
  });
}
