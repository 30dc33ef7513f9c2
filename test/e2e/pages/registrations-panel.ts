/** The current customer's subscriptions on the Customers screen, and their registration for reservations. */
import { expect, type Locator, type Page } from '@playwright/test';

export class RegistrationsPanel {
  readonly root: Locator;
  /** "Saved status": shown when Partner Center cannot be reached. */
  readonly offline: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('registrations');
    this.offline = page.getByTestId('registrations-offline');
  }

  row(name: string | RegExp): Locator {
    return this.root.getByTestId('registration-row').filter({ hasText: name });
  }

  status(name: string | RegExp): Locator {
    return this.row(name).getByTestId('registration-status');
  }

  /** "Status checked 5 minutes ago." */
  age(name: string | RegExp): Locator {
    return this.row(name).getByTestId('registration-age');
  }

  /** Registers a subscription, sees the watch, and waits until Partner Center says it is registered. */
  async register(name: string | RegExp): Promise<void> {
    await this.row(name).getByTestId('registration-register').click();
    await expect(this.row(name).getByTestId('registration-watch')).toBeVisible();
    await expect(this.status(name)).toHaveText('Registered', { timeout: 60_000 });
  }
}
