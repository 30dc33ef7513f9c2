/** The Cart screen: lines and their problems, a savings plan, the review and the checkout. */
import { expect, type Locator, type Page } from '@playwright/test';
import { partObject } from './page-object';

/** The review before checkout: each line's price, the total, what cannot be undone, and Buy. */
export class CheckoutReview extends partObject({
  lines: 'review-line',
  prices: 'review-line-price',
  total: 'review-total',
  irreversible: 'review-irreversible',
  understood: 'review-understood',
  buyButton: 'review-confirm',
}) {}

export class CartPage extends partObject({
  lines: 'cart-line',
  problems: 'cart-line-problem',
  empty: 'cart-empty',
  reviewButton: 'cart-review-start',
  /** The checkout's outcome; `data-state` is `ordered`, `in-doubt`, … */
  result: 'checkout-result',
  /** "Checkout needs a connection; your cart is saved." */
  offline: 'cart-offline',
}) {
  /** The line count on the navigation's Cart item (absent when the cart is empty). */
  // Fluent's Tab draws its content twice (once hidden, to reserve the bold width): the visible one.
  readonly navCount = this.page.getByTestId('nav-cart').getByTestId('nav-cart-count').first();
  readonly review = new CheckoutReview(this.page, this.root.getByTestId('cart-review'));
  readonly orders = this.result.getByTestId('checkout-order');

  constructor(page: Page) {
    super(page, page.getByTestId('screen-cart'));
  }

  /** The first line that has a problem. */
  lineWithProblem(): Locator {
    return this.lines.filter({ has: this.page.getByTestId('cart-line-problem') }).first();
  }

  fixButton(problem: Locator): Locator {
    return problem.getByTestId('cart-line-fix');
  }

  async removeLine(line: Locator): Promise<void> {
    await line.getByTestId('cart-line-remove').click();
  }

  async addSavingsPlan(amountPerHour: string): Promise<void> {
    await this.root.getByTestId('cart-add-savings-plan').click();
    const form = this.root.getByTestId('savings-plan-form');
    await form.getByTestId('savings-amount').fill(amountPerHour);
    await expect(form.getByTestId('savings-subscription')).not.toHaveValue('');
    await form.getByTestId('savings-add').click();
    await expect(form).toBeHidden({ timeout: 30_000 });
  }

  /** Sends the draft for review and waits for the review or a line problem. */
  async startReview(): Promise<void> {
    await this.reviewButton.click();
    await expect(this.review.root.or(this.problems).or(this.offline).first()).toBeVisible({
      timeout: 60_000,
    });
  }
}
