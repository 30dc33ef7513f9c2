/** The Cart screen, as a user works with it. */
import { expect, type Locator, type Page } from '@playwright/test';

export class CartPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('screen-cart');
  }

  lines(): Locator {
    return this.root.getByTestId('cart-line');
  }

  problems(): Locator {
    return this.root.getByTestId('cart-line-problem');
  }

  navCount(): Locator {
    return this.page.getByTestId('nav-cart-count');
  }

  async addSavingsPlan(amountPerHour: string): Promise<void> {
    await this.root.getByTestId('cart-add-savings-plan').click();
    const form = this.root.getByTestId('savings-plan-form');
    await form.getByTestId('savings-amount').fill(amountPerHour);
    await expect(form.getByTestId('savings-subscription')).not.toHaveValue('');
    await form.getByTestId('savings-add').click();
    await expect(form).toBeHidden({ timeout: 30_000 });
  }

  async review(): Promise<Locator> {
    await this.root.getByTestId('cart-review-start').click();
    const review = this.root.getByTestId('cart-review');
    await expect(review.or(this.problems().first())).toBeVisible({ timeout: 30_000 });
    return review;
  }

  confirmButton(): Locator {
    return this.root.getByTestId('review-confirm');
  }

  async tickUnderstood(): Promise<void> {
    await this.root.getByTestId('review-understood').click();
  }

  result(): Locator {
    return this.root.getByTestId('checkout-result');
  }
}
