/** Customers: the profile's customers, the filter, subscriptions, and the customer you work for. */
import { expect, type Locator, type Page } from '@playwright/test';

export class CustomersPage {
  readonly filter: Locator;
  /** "66 customers", or "3 of 66 customers" while filtered. */
  readonly count: Locator;
  /** "You work for …", or "No customer chosen". */
  readonly currentName: Locator;
  /** The calm banner shown when Partner Center cannot be reached. */
  readonly offline: Locator;
  /** The subscriptions of the customer whose subscriptions are open. */
  readonly subscriptions: Locator;

  constructor(readonly page: Page) {
    this.filter = page.getByTestId('customers-filter');
    this.count = page.getByTestId('customers-count');
    this.currentName = page.getByTestId('current-customer-name');
    this.offline = page.getByTestId('customers-offline');
    this.subscriptions = page.getByTestId('customer-subscriptions');
  }

  /** The row of the customer whose row contains this text (its name, usually). */
  row(name: string): Locator {
    return this.page.getByTestId('customer-row').filter({ hasText: name });
  }

  /** The button that makes a customer the current one ("Current customer" once it is). */
  chooseButton(name: string): Locator {
    return this.row(name).getByTestId('customer-choose');
  }

  async showSubscriptions(name: string): Promise<void> {
    await this.row(name).getByTestId('customer-subscriptions-toggle').click();
  }

  /** Chooses a customer from the keyboard: filter, then Enter on its action; waits until it is current. */
  async chooseWithKeyboard(filter: string, name: string): Promise<void> {
    await this.filter.fill(filter);
    await expect(this.row(name)).toHaveCount(1, { timeout: 30_000 });
    await expect(this.count).toHaveText(/^\d+ of \d+ customers$/);
    await this.chooseButton(name).focus();
    await this.page.keyboard.press('Enter');
    await expect(this.currentName).toHaveText(`You work for ${name}`);
    await expect(this.chooseButton(name)).toHaveText('Current customer');
  }
}
