/** Catalog: market and customer, search and filters, the SKU table, the SKU panel, the sync. */
import { expect, type Locator, type Page } from '@playwright/test';
import { pageObject, partObject } from './page-object';

/** The selected SKU's panel: attributes, availabilities and the inventory check. */
export class SkuPanel extends partObject({
  availabilities: 'sku-availabilities',
  /** The customer the inventory check is for (a native select). */
  inventoryCustomer: 'inventory-customer',
  inventorySubscription: 'inventory-subscription',
  runInventoryCheck: 'inventory-run',
  inventoryResult: 'inventory-result',
}) {
  readonly title = this.root.getByRole('heading', { level: 2 });
  /** The SKU's id, from its attributes: what tells two SKUs of the same size apart. */
  readonly skuId = this.attribute('SKU ID');

  constructor(page: Page) {
    super(page, page.getByTestId('sku-detail'));
  }

  /** "Check for a customer…": reads the customers for the inventory check. */
  async startInventoryCheck(): Promise<void> {
    await this.root.getByTestId('inventory-start').click();
  }

  /** The customer preselected (or chosen) for the inventory check. */
  chosenInventoryCustomer(): Locator {
    return this.inventoryCustomer.locator('option:checked');
  }

  async checkInventoryFor(customerName: string): Promise<void> {
    await this.inventoryCustomer.selectOption({ label: customerName });
    await expect(this.runInventoryCheck).toBeEnabled();
    await this.runInventoryCheck.click();
  }

  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close details' }).click();
  }

  /** An attribute's value by its label ("Maximum quantity"). */
  attribute(label: string): Locator {
    return this.root.locator(`dt:text-is("${label}") + dd`);
  }

  /**
   * What tells the SKU shown apart from its neighbours: rows repeat a size across products and
   * terms, so the title, the SKU ID and the term together.
   */
  async identity(): Promise<string> {
    const parts = [this.title, this.skuId, this.attribute('Term')];
    return (await Promise.all(parts.map((part) => part.textContent()))).join(' · ');
  }

  /** Every attribute label the panel shows. */
  attributeLabels(): Promise<string[]> {
    return this.root.locator('dt').allTextContents();
  }
}

export class CatalogPage extends pageObject({
  /** The market (a native select of country codes). */
  market: 'catalog-market',
  /** Why the market is the one it is ("Billing country of …", "Picked by hand", …). */
  marketSource: 'catalog-market-source',
  /** The customer picker in the toolbar; its text is the current customer. */
  customerPicker: 'catalog-customer',
  search: 'catalog-search',
  /** "1,234 SKUs", "Searching…", or what the download is doing. */
  count: 'catalog-count',
  /** "Catalog from …": shown once a catalog is cached. */
  syncedAt: 'catalog-synced-at',
  syncButton: 'catalog-sync',
  cancelSyncButton: 'catalog-cancel-sync',
  progress: 'catalog-progress',
  offline: 'catalog-offline',
  unavailable: 'catalog-unavailable',
  /** The one message shown while the profile is signed out and nothing is cached. */
  signInFirst: 'catalog-sign-in',
  empty: 'catalog-empty',
  error: 'catalog-error',
  syncMessage: 'catalog-sync-message',
  autoRefresh: 'catalog-auto-refresh',
  /** The scrolling table; focus it to move through the rows with the keyboard. */
  table: 'catalog-rows',
  /** The rows on screen whose SKU is loaded. */
  rows: 'catalog-row',
  regionFilter: 'filter-region',
  clearFiltersButton: 'filter-clear',
  /** The vCPU range's field, with its message when the range is not valid. */
  coresField: 'filter-cores-field',
  /** An empty result: what was searched, a hint, and "Clear filters". */
  noMatches: 'catalog-no-matches',
  noMatchesHint: 'catalog-no-matches-hint',
}) {
  /** The row the keyboard or a click selected. */
  readonly selectedRow = this.table.locator('[role=row][aria-selected=true]');
  readonly panel = new SkuPanel(this.page);

  /** Waits until a catalog is cached for the market on screen (the first open downloads it). */
  async waitForCatalog(): Promise<void> {
    await expect(this.syncedAt).toBeVisible({ timeout: 90_000 });
    await expect(this.count).toHaveText(/^[\d,]+ SKUs?$/);
  }

  /** The number of SKUs the count says, once it says one. */
  async skuCount(): Promise<number> {
    await expect(this.count).toHaveText(/^[\d,]+ SKUs?$/);
    return Number((await this.count.textContent())!.replace(/\D/g, ''));
  }

  /** The count as the screen writes it, for a number of SKUs. */
  static countText(skus: number): string {
    return `${skus.toLocaleString('en-US')} SKU${skus === 1 ? '' : 's'}`;
  }

  /** Picks a market by hand. */
  /** The market picker's entries as the user reads them, top to bottom. */
  marketLabels(): Promise<string[]> {
    return this.market.locator('option').allTextContents();
  }

  async pickMarket(country: string): Promise<void> {
    await this.market.selectOption(country);
  }

  /** Chooses the current customer from the toolbar; `label` starts the menu item ("Contoso Ltd. · United States"). */
  async chooseCustomer(label: string | RegExp): Promise<void> {
    await this.customerPicker.click();
    const name = typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}`) : label;
    await this.page.getByRole('menuitemradio', { name }).click();
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  /** Ticks one region in the Region filter and closes its menu. */
  async filterByRegion(region: string): Promise<void> {
    await this.openRegionFilter();
    await this.page
      .getByRole('menuitemcheckbox', { name: new RegExp(`^${escapeRegExp(region)} \\(`) })
      .click();
    await this.closeFilterMenu();
  }

  /** Opens the Region filter's menu and waits for its choices. */
  async openRegionFilter(): Promise<void> {
    await this.showFilters();
    await this.regionFilter.click();
    await expect(this.page.getByRole('menu')).toBeVisible();
  }

  /** Closes an open filter menu with Escape. */
  async closeFilterMenu(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByRole('menu')).toBeHidden();
  }

  /** Sets the vCPU range; an empty string clears that end. */
  async filterByCores(min: string, max: string): Promise<void> {
    await this.showFilters();
    await this.page.getByTestId('filter-cores-min').fill(min);
    await this.page.getByTestId('filter-cores-max').fill(max);
  }

  /** A Term checkbox, by its ISO term. */
  termFilter(term: string): Locator {
    return this.page.getByTestId(`filter-term-${term}`);
  }

  /** A Term checkbox's label ("1 year (1,234)"), by its ISO term. */
  termFilterLabel(term: string): Locator {
    return this.termFilter(term).locator('xpath=..').locator('label');
  }

  /** "Clear filters" in the empty result. */
  async clearFiltersFromEmptyResult(): Promise<void> {
    await this.noMatches.getByRole('button', { name: 'Clear filters' }).click();
  }

  async toggleNeedsInventoryCheck(): Promise<void> {
    await this.showFilters();
    await this.page.getByTestId('filter-inventory').click();
  }

  /**
   * On a laptop-sized window the filters give their room to an open SKU panel, as a user sees it:
   * closing the panel brings them back.
   */
  async showFilters(): Promise<void> {
    if (await this.panel.root.isVisible()) await this.panel.close();
  }

  async clearFilters(): Promise<void> {
    await this.clearFiltersButton.click();
  }

  /** A cell of a row, by column position (0 Product, 1 SKU, 2 Region, 3 vCPUs, …). */
  cell(row: Locator, column: number): Locator {
    return row.getByRole('cell').nth(column);
  }

  /** Opens a row's SKU in the panel. */
  async openRow(index = 0): Promise<SkuPanel> {
    await this.rows.nth(index).click();
    await expect(this.panel.root).toBeVisible();
    return this.panel;
  }

  /** Moves the selection with the keyboard, from the table. */
  async pressInTable(...keys: string[]): Promise<void> {
    await this.table.focus();
    for (const key of keys) await this.page.keyboard.press(key);
  }

  async sync(): Promise<void> {
    await this.syncButton.click();
  }

  /** Cancels the running sync the way a user does: its Cancel button. */
  async cancelSync(): Promise<void> {
    await this.cancelSyncButton.click();
  }

  /** "Change" next to the automatic refresh line: opens Settings. */
  async changeAutoRefresh(): Promise<void> {
    await this.page.getByTestId('catalog-auto-refresh-change').click();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
