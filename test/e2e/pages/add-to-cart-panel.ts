/** "Add to cart" in the Catalog's SKU panel. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AddToCartPanel {
  readonly root: Locator;
  readonly quantity: Locator;
  readonly subscription: Locator;
  readonly submit: Locator;
  /** "Added. The cart has N lines." */
  readonly added: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('add-to-cart');
    this.quantity = this.root.getByTestId('add-quantity');
    this.subscription = this.root.getByTestId('add-subscription');
    this.submit = this.root.getByTestId('add-to-cart-submit');
    this.added = page.getByTestId('add-to-cart-added');
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
