/** Orders: the current customer's orders, the filter, an order's detail with provisioning status. */
import type { Locator, Page } from '@playwright/test';

export class OrdersPage {
  readonly rows: Locator;
  readonly filter: Locator;
  /** "Read just now.", or "Offline: showing orders read 5 minutes ago." */
  readonly age: Locator;
  readonly detail: Locator;
  readonly provisioningLines: Locator;
  readonly refreshButton: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('order-row');
    this.filter = page.getByTestId('orders-filter');
    this.age = page.getByTestId('orders-age');
    this.detail = page.getByTestId('order-detail');
    this.provisioningLines = page.getByTestId('provisioning-line');
    this.refreshButton = page.getByRole('button', { name: 'Refresh' });
  }

  async open(row: number): Promise<void> {
    await this.rows.nth(row).getByRole('button').first().click();
  }

  async refresh(): Promise<void> {
    await this.refreshButton.click();
  }
}
