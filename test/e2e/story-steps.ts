/**
 * Steps that many stories take on their way to what they are about, written once from the page
 * objects and taken through the UI as a user takes them. A step waits for what it promises, as a page
 * object's method does; what a story is about stays in the story.
 */
import { expect, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { CatalogPage, type SkuPanel } from './pages/catalog-page';
import { CustomersPage } from './pages/customers-page';

export class StorySteps {
  private readonly shell: AppShell;
  private readonly customers: CustomersPage;
  private readonly catalog: CatalogPage;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.customers = new CustomersPage(page);
    this.catalog = new CatalogPage(page);
  }

  /** Goes to Customers and chooses the customer to work for from the keyboard; waits until it is current. */
  async workFor(filter: string, name: string): Promise<void> {
    await this.shell.go('customers');
    await this.customers.chooseWithKeyboard(filter, name);
  }

  /**
   * Goes to the Catalog, waits for a cached catalog, searches, and opens the first row once the list
   * shows what was searched (its SKU column matches `sku`).
   */
  async openFirstSku(search: string, sku: RegExp): Promise<SkuPanel> {
    await this.shell.go('catalog');
    await this.catalog.waitForCatalog();
    await this.catalog.searchFor(search);
    await expect(this.catalog.cell(this.catalog.rows.first(), 1)).toContainText(sku);
    // The list may still be re-sorted by a late answer to the search: open the first row once it holds.
    await expect(() => this.catalog.openRow(0)).toPass({ timeout: 30_000 });
    return this.catalog.panel;
  }
}
