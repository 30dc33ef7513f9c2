/** The Cart screen: lines and their problems, a savings plan, the review and the checkout. */
import { expect, type Locator, type Page } from '@playwright/test';

export class CartPage {
  readonly root: Locator;
  readonly lines: Locator;
  readonly problems: Locator;
  readonly empty: Locator;
  /** The line count on the navigation's Cart item (absent when the cart is empty). */
  readonly navCount: Locator;
  readonly reviewButton: Locator;
  readonly review: Locator;
  readonly reviewLines: Locator;
  readonly reviewPrices: Locator;
  readonly total: Locator;
  readonly irreversible: Locator;
  readonly understood: Locator;
  readonly buyButton: Locator;
  /** The checkout's outcome; `data-state` is `ordered`, `in-doubt`, … */
  readonly result: Locator;
  readonly orders: Locator;
  /** "Checkout needs a connection; your cart is saved." */
  readonly offline: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('screen-cart');
    this.lines = this.root.getByTestId('cart-line');
    this.problems = this.root.getByTestId('cart-line-problem');
    this.empty = this.root.getByTestId('cart-empty');
    // Fluent's Tab draws its content twice (once hidden, to reserve the bold width): the visible one.
    this.navCount = page.getByTestId('nav-cart').getByTestId('nav-cart-count').first();
    this.reviewButton = this.root.getByTestId('cart-review-start');
    this.review = this.root.getByTestId('cart-review');
    this.reviewLines = this.review.getByTestId('review-line');
    this.reviewPrices = this.review.getByTestId('review-line-price');
    this.total = this.review.getByTestId('review-total');
    this.irreversible = this.review.getByTestId('review-irreversible');
    this.understood = this.review.getByTestId('review-understood');
    this.buyButton = this.review.getByTestId('review-confirm');
    this.result = this.root.getByTestId('checkout-result');
    this.orders = this.result.getByTestId('checkout-order');
    this.offline = this.root.getByTestId('cart-offline');
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
    await expect(this.review.or(this.problems).or(this.offline).first()).toBeVisible({ timeout: 60_000 });
  }
}
