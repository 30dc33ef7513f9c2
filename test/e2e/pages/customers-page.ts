/** Customers: the profile's customers, the filter, subscriptions, and the customer you work for. */
import { expect, type Locator } from '@playwright/test';
import { pageObject } from './page-object';

export class CustomersPage extends pageObject({
  filter: 'customers-filter',
  /** "66 customers", or "3 of 66 customers" while filtered. */
  count: 'customers-count',
  /** "You work for …", or "No customer chosen". */
  currentName: 'current-customer-name',
  /** The calm banner shown when Partner Center cannot be reached. */
  offline: 'customers-offline',
  /** Shown instead of the list while the profile is not signed in. */
  signInFirst: 'customers-sign-in',
  /** The subscriptions of the customer whose subscriptions are open. */
  subscriptions: 'customer-subscriptions',
}) {
  /** The row of the customer whose row contains this text (its name, usually). */
  row(name: string): Locator {
    return this.page.getByTestId('customer-row').filter({ hasText: name });
  }

  /** The customer's name: the way in, it makes the customer the current one. */
  chooseButton(name: string): Locator {
    return this.row(name).getByTestId('customer-choose');
  }

  /** The names of the rows on the page, top to bottom. */
  readonly names = (): Promise<string[]> => this.page.getByTestId('customer-choose').allTextContents();

  /** "Page 1 of 40" under the table (absent when everything fits on one page). */
  get pageLabel(): Locator {
    return this.page.getByTestId('customers-page');
  }

  async nextPage(): Promise<void> {
    const before = await this.pageLabel.textContent();
    await this.page.getByTestId('customers-next').click();
    await expect(this.pageLabel).not.toHaveText(before ?? '');
  }

  /** Clicks a column header to sort by it (again: reversed). */
  async sortBy(column: 'name' | 'domain' | 'country'): Promise<void> {
    await this.page.getByTestId(`customers-sort-${column}`).click();
  }

  /** The header cell of a column, for its `aria-sort`. */
  sortHeader(column: 'name' | 'domain' | 'country'): Locator {
    return this.page.getByTestId(`customers-sort-${column}`);
  }

  /** Whatever has focus inside the rows (nothing, once Tab has left them). */
  get focusInRows(): Locator {
    return this.page.getByTestId('customer-list').locator('tbody :focus');
  }

  /** The "Current" mark of a customer's row. */
  currentMark(name: string): Locator {
    return this.row(name).getByTestId('customer-current');
  }

  async showSubscriptions(name: string): Promise<void> {
    await this.row(name).getByTestId('customer-subscriptions-toggle').click();
  }

  /** Chooses a customer from the keyboard: filter, then Enter on its name; waits until it is current. */
  async chooseWithKeyboard(filter: string, name: string): Promise<void> {
    await this.filter.fill(filter);
    await expect(this.row(name)).toHaveCount(1, { timeout: 30_000 });
    await expect(this.count).toHaveText(/^\d+ of \d+ customers$/);
    await this.chooseButton(name).focus();
    await this.page.keyboard.press('Enter');
    await expect(this.currentName).toHaveText(`You work for ${name}`);
    await expect(this.currentMark(name)).toHaveText('Current');
  }
}
