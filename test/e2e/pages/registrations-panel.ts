/** The current customer's subscriptions on the Customers screen, as a user works with them. */
import { expect, type Locator, type Page } from '@playwright/test';

export class RegistrationsPanel {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('registrations');
  }

  row(name: string | RegExp): Locator {
    return this.root.getByTestId('registration-row').filter({ hasText: name });
  }

  status(name: string | RegExp): Locator {
    return this.row(name).getByTestId('registration-status');
  }

  /** Registers a subscription and waits until Partner Center says it is registered. */
  async register(name: string | RegExp): Promise<void> {
    await this.row(name).getByTestId('registration-register').click();
    await expect(this.row(name).getByTestId('registration-watch')).toBeVisible();
    await expect(this.status(name)).toHaveText('Registered', { timeout: 60_000 });
  }
}
