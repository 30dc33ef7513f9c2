/** "Add to cart" in the Catalog's SKU panel. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AddToCartPanel {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('add-to-cart');
  }

  quantity(): Locator {
    return this.root.getByTestId('add-quantity');
  }

  /** The plain message next to the quantity, if any. */

  /** Adds the SKU with this quantity for the only registered subscription, and waits for main's answer. */
  async add(quantity: number): Promise<void> {
    await this.quantity().fill(String(quantity));
    await expect(this.root.getByTestId('add-subscription')).not.toHaveValue('');
    await this.root.getByTestId('add-to-cart-submit').click();
    await expect(this.page.getByTestId('add-to-cart-added')).toBeVisible({ timeout: 30_000 });
  }
}
