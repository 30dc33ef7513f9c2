/** Orders: the current customer's orders, the filter, an order's detail with provisioning status. */
import type { Locator } from '@playwright/test';
import { pageObject } from './page-object';

export class OrdersPage extends pageObject({
  rows: 'order-row',
  filter: 'orders-filter',
  /** "Read just now.", or "Offline: showing orders read 5 minutes ago." */
  age: 'orders-age',
  detail: 'order-detail',
  provisioningLines: 'provisioning-line',
}) {
  readonly refreshButton = this.page.getByRole('button', { name: 'Refresh' });

  /** The row of one order, by its id. */
  row(orderId: string): Locator {
    return this.page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
  }

  /** The "Just placed" mark an order placed from this app carries until Partner Center lists it. */
  justPlaced(row: Locator): Locator {
    return row.getByTestId('just-placed');
  }

  /** Opens an order's detail from its row. */
  async openRow(row: Locator): Promise<void> {
    await row.getByRole('button').first().click();
  }

  async open(row: number): Promise<void> {
    await this.rows.nth(row).getByRole('button').first().click();
  }

  async refresh(): Promise<void> {
    await this.refreshButton.click();
  }
}
