/** Settings: the app's preferences. */
import { expect } from '@playwright/test';
import { pageObject } from './page-object';

export class SettingsPage extends pageObject({
  /** The catalog's automatic refresh age (a native select; values are minutes or "never"). */
  catalogMaxAge: 'settings-catalog-max-age',
  saved: 'settings-saved',
}) {
  /** Picks a refresh age by its label or value and waits until main kept it. */
  async setCatalogMaxAge(option: { label: string } | string): Promise<void> {
    await this.catalogMaxAge.selectOption(option);
    await expect(this.saved).toHaveText('Saved.');
  }
}
