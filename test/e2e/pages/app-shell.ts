/** The shell around every screen: opening the app, the navigation, the current customer in the header. */
import { expect, type Locator, type Page } from '@playwright/test';

/** The screens the navigation offers, by the id in their `nav-*` and `screen-*` test ids. */
export type ScreenName =
  'connect' | 'customers' | 'catalog' | 'cart' | 'orders' | 'reservations' | 'billing' | 'about' | 'settings';

export class AppShell {
  /** Set once the app's first render is done: tests wait on it, never on sleeps. */
  readonly ready: Locator;
  /** The current customer's name in the shell ("None chosen" without one). */
  readonly currentCustomerName: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.ready = page.getByTestId('app-ready');
    this.currentCustomerName = page.getByTestId('shell-current-customer-name');
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.ready).toBeVisible();
  }

  /** Reloads the page and waits for the app to be ready again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.ready).toBeVisible();
  }

  /** Goes to a screen through the navigation and waits for it to show. */
  async go(screen: ScreenName): Promise<void> {
    await this.navItem(screen).click();
    await expect(this.screen(screen)).toBeVisible();
  }

  navItem(screen: ScreenName): Locator {
    return this.page.getByTestId(`nav-${screen}`);
  }

  screen(screen: ScreenName): Locator {
    return this.page.getByTestId(`screen-${screen}`);
  }

  /** The colour scheme the app renders in ('light' or 'dark'). */
  theme(): Promise<string | null> {
    return this.ready.getAttribute('data-theme');
  }
}
