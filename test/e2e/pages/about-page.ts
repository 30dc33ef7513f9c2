/** About: facts that came from main. */
import type { Locator, Page } from '@playwright/test';

export class AboutPage {
  readonly version: Locator;
  readonly transport: Locator;
  readonly dataDir: Locator;
  readonly runtime: Locator;
  /** The error bar shown when main could not be asked. */
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.version = page.getByTestId('about-version');
    this.transport = page.getByTestId('about-transport');
    this.dataDir = page.getByTestId('about-data-dir');
    this.runtime = page.getByTestId('about-runtime');
    this.error = page.getByTestId('about-error');
  }
}
