/** The current customer's subscriptions on the Customers screen, and their registration for reservations. */
import { expect, type Locator } from '@playwright/test';
import { pageObject } from './page-object';

export class RegistrationsPanel extends pageObject({
  root: 'registrations',
  /** "Saved status": shown when Partner Center cannot be reached. */
  offline: 'registrations-offline',
}) {
  /** The row of the subscription with exactly this name. */
  row(name: string): Locator {
    return this.root
      .getByTestId('registration-row')
      .filter({ has: this.page.getByTestId('registration-name').getByText(name, { exact: true }) });
  }

  status(name: string): Locator {
    return this.row(name).getByTestId('registration-status');
  }

  /** "Status checked 5 minutes ago." */
  age(name: string): Locator {
    return this.row(name).getByTestId('registration-age');
  }

  /** Registers a subscription, sees the watch, and waits until Partner Center says it is registered. */
  async register(name: string): Promise<void> {
    await this.row(name).getByTestId('registration-register').click();
    await expect(this.row(name).getByTestId('registration-watch')).toBeVisible();
    await expect(this.status(name)).toHaveText('Registered', { timeout: 60_000 });
  }
}
