/** Catalog: market and customer, search and filters, the SKU table, the SKU panel, the sync. */
import { expect, type Locator, type Page } from '@playwright/test';

/** The selected SKU's panel: attributes, availabilities and the inventory check. */
export class SkuPanel {
  readonly root: Locator;
  readonly title: Locator;
  /** The SKU's id, from its attributes: what tells two SKUs of the same size apart. */
  readonly skuId: Locator;
  readonly availabilities: Locator;
  /** The customer the inventory check is for (a native select). */
  readonly inventoryCustomer: Locator;
  readonly inventorySubscription: Locator;
  readonly runInventoryCheck: Locator;
  readonly inventoryResult: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('sku-detail');
    this.title = this.root.getByRole('heading', { level: 2 });
    this.skuId = this.root.locator('dt:text-is("SKU ID") + dd');
    this.availabilities = this.root.getByTestId('sku-availabilities');
    this.inventoryCustomer = this.root.getByTestId('inventory-customer');
    this.inventorySubscription = this.root.getByTestId('inventory-subscription');
    this.runInventoryCheck = this.root.getByTestId('inventory-run');
    this.inventoryResult = this.root.getByTestId('inventory-result');
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

export class CatalogPage {
  /** The market (a native select of country codes). */
  readonly market: Locator;
  /** Why the market is the one it is ("Billing country of …", "Picked by hand", …). */
  readonly marketSource: Locator;
  /** The customer picker in the toolbar; its text is the current customer. */
  readonly customerPicker: Locator;
  readonly search: Locator;
  /** "1,234 SKUs", "Searching…", or what the download is doing. */
  readonly count: Locator;
  /** "Catalog from …": shown once a catalog is cached. */
  readonly syncedAt: Locator;
  readonly syncButton: Locator;
  readonly cancelSyncButton: Locator;
  readonly progress: Locator;
  readonly offline: Locator;
  readonly unavailable: Locator;
  /** The one message shown while the profile is signed out and nothing is cached. */
  readonly signInFirst: Locator;
  readonly empty: Locator;
  readonly error: Locator;
  readonly syncMessage: Locator;
  readonly autoRefresh: Locator;
  /** The scrolling table; focus it to move through the rows with the keyboard. */
  readonly table: Locator;
  /** The rows on screen whose SKU is loaded. */
  readonly rows: Locator;
  readonly regionFilter: Locator;
  readonly clearFiltersButton: Locator;
  /** The vCPU range's field, with its message when the range is not valid. */
  readonly coresField: Locator;
  /** An empty result: what was searched, a hint, and "Clear filters". */
  readonly noMatches: Locator;
  readonly noMatchesHint: Locator;
  /** The row the keyboard or a click selected. */
  readonly selectedRow: Locator;
  readonly panel: SkuPanel;

  constructor(readonly page: Page) {
    this.market = page.getByTestId('catalog-market');
    this.marketSource = page.getByTestId('catalog-market-source');
    this.customerPicker = page.getByTestId('catalog-customer');
    this.search = page.getByTestId('catalog-search');
    this.count = page.getByTestId('catalog-count');
    this.syncedAt = page.getByTestId('catalog-synced-at');
    this.syncButton = page.getByTestId('catalog-sync');
    this.cancelSyncButton = page.getByTestId('catalog-cancel-sync');
    this.progress = page.getByTestId('catalog-progress');
    this.offline = page.getByTestId('catalog-offline');
    this.unavailable = page.getByTestId('catalog-unavailable');
    this.signInFirst = page.getByTestId('catalog-sign-in');
    this.empty = page.getByTestId('catalog-empty');
    this.error = page.getByTestId('catalog-error');
    this.syncMessage = page.getByTestId('catalog-sync-message');
    this.autoRefresh = page.getByTestId('catalog-auto-refresh');
    this.table = page.getByTestId('catalog-rows');
    this.rows = page.getByTestId('catalog-row');
    this.regionFilter = page.getByTestId('filter-region');
    this.clearFiltersButton = page.getByTestId('filter-clear');
    this.coresField = page.getByTestId('filter-cores-field');
    this.noMatches = page.getByTestId('catalog-no-matches');
    this.noMatchesHint = page.getByTestId('catalog-no-matches-hint');
    this.selectedRow = this.table.locator('[role=row][aria-selected=true]');
    this.panel = new SkuPanel(page);
  }

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
