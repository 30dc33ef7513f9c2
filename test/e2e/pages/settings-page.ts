/** Settings: the app's preferences. */
import { expect, type Locator, type Page } from '@playwright/test';

export class SettingsPage {
  /** The catalog's automatic refresh age (a native select; values are minutes or "never"). */
  readonly catalogMaxAge: Locator;
  readonly saved: Locator;

  constructor(readonly page: Page) {
    this.catalogMaxAge = page.getByTestId('settings-catalog-max-age');
    this.saved = page.getByTestId('settings-saved');
  }

  /** Picks a refresh age by its label or value and waits until main kept it. */
  async setCatalogMaxAge(option: { label: string } | string): Promise<void> {
    await this.catalogMaxAge.selectOption(option);
    await expect(this.saved).toHaveText('Saved.');
  }
}
