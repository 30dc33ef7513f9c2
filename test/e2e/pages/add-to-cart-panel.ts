/** "Add to cart" in the Catalog's SKU panel. */
import { expect, type Locator, type Page } from '@playwright/test';
import { partObject } from './page-object';

export class AddToCartPanel extends partObject({
  quantity: 'add-quantity',
  subscription: 'add-subscription',
  submit: 'add-to-cart-submit',
}) {
  /** "Added. The cart has N lines." */
  readonly added = this.page.getByTestId('add-to-cart-added');

  constructor(page: Page) {
    super(page, page.getByTestId('add-to-cart'));
  }

  /** A plain message shown in the form (next to the field it is about). */
  message(text: string | RegExp): Locator {
    return this.root.getByText(text);
  }

  /** Adds the SKU with this quantity for the only registered subscription, and waits for main's answer. */
  async add(quantity: number): Promise<void> {
    await this.quantity.fill(String(quantity));
    await expect(this.subscription).not.toHaveValue('');
    await this.submit.click();
    await expect(this.added).toBeVisible({ timeout: 30_000 });
  }
}
