/** The shell around every screen: opening the app, the navigation, the current customer in the header. */
import { expect, type Locator } from '@playwright/test';
import { pageObject } from './page-object';

/** The screens the navigation offers, by the id in their `nav-*` and `screen-*` test ids. */
export type ScreenName =
  'connect' | 'customers' | 'catalog' | 'cart' | 'orders' | 'reservations' | 'billing' | 'about' | 'settings';

export class AppShell extends pageObject({
  /** Set once the app's first render is done: tests wait on it, never on sleeps. */
  ready: 'app-ready',
  /** The current customer's name in the shell ("None chosen" without one). */
  currentCustomerName: 'shell-current-customer-name',
  /** Shown when the web build behind the page was restarted on a new address. */
  restartedBanner: 'bridge-restarted',
}) {
  readonly heading = this.page.getByRole('heading', { level: 1 });

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
