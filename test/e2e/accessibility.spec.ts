/**
 * Every screen of the navigation, as the signed-in demo shows it with a customer chosen, on a 1366×768
 * laptop and a 1920×1080 desktop: axe finds nothing serious or critical in the app's own markup, the
 * page never scrolls sideways, the screen's primary controls are fully in the window and no control is
 * cut off by a too-narrow panel. A screenshot per screen and size goes to test-results/screens/ for
 * people to look at (an artifact, not a comparison).
 */
import type { Locator, Page } from '@playwright/test';
import { demoTest as test, expect, pageObjectsFor } from './fixtures';
import type { ScreenName } from './pages/app-shell';
import {
  controlsCutOffSideways,
  isFullyInWindow,
  isOnTop,
  isTextInFull,
  pageScrollsSideways,
  seriousAxeFindings,
} from './pages/screen-audit';

const sizes = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** A screen as the walk visits it: what to wait for once there, and its primary controls. */
interface ScreenVisit {
  readonly name: ScreenName;
  /** A state of the screen worth its own check and screenshot, beyond the one it opens in. */
  readonly state?: string;
  /** Brings the screen to the state worth checking (e.g. the catalog loaded, a SKU open). */
  readonly settle?: () => Promise<void>;
  readonly primary: ReadonlyArray<Locator>;
  /** Text that must be readable in full, not cut off with an ellipsis. */
  readonly inFull?: ReadonlyArray<Locator>;
  /** Undoes what `settle` left open (a menu), so the navigation can be clicked again. */
  readonly leave?: () => Promise<void>;
}

// Each visit starts from the demo with a customer chosen, so Cart, Orders and Catalog show their real content.
test.beforeEach(async ({ steps }) => {
  test.setTimeout(240_000);
  await steps.workFor('Northwind', 'Northwind Traders GmbH');
});

/** Every screen of the navigation, in its order. */
function visits(page: Page): ScreenVisit[] {
  const { shell, connect, customers, catalog, orders, reservations, billing, settings, about } =
    pageObjectsFor(page);
  const screens: ScreenVisit[] = [
    { name: 'connect', primary: [connect.profileCards.first()] },
    { name: 'customers', primary: [customers.filter, customers.chooseButton('Northwind Traders GmbH')] },
    {
      name: 'catalog',
      settle: () => catalog.waitForCatalog(),
      primary: [catalog.market, catalog.search, catalog.regionFilter, catalog.clearFiltersButton],
    },
    {
      // A filter's menu open: the popover is the app's markup too.
      name: 'catalog',
      state: 'filter-menu',
      settle: () => catalog.openRegionFilter(),
      leave: () => catalog.closeFilterMenu(),
      primary: [catalog.regionFilter],
    },
    {
      // With a SKU open, the panel and the row's Term (what tells 1-year and 3-year SKUs apart) show in
      // full, and so do the row's Product and Category: the table gives up what the panel shows beside it.
      name: 'catalog',
      state: 'sku-panel',
      settle: () => catalog.openRow(0).then(() => undefined),
      inFull: [catalog.cell(catalog.rows.first(), 0), catalog.cell(catalog.rows.first(), 6)],
      primary: [
        catalog.market,
        catalog.search,
        catalog.cell(catalog.rows.first(), 5),
        catalog.panel.title,
        catalog.panel.skuId,
      ],
    },
    { name: 'cart', primary: [] },
    { name: 'orders', primary: [orders.filter] },
    { name: 'reservations', primary: [reservations.readEveryCustomer] },
    {
      name: 'billing',
      // Read to the end: axe looks at the settled screen, not at Refresh fading back from disabled.
      settle: async () => {
        await expect(billing.balance).toBeVisible();
        await expect(billing.refreshButton).toBeEnabled();
        await billing.refreshButton.evaluate((button) =>
          Promise.all(button.getAnimations().map((animation) => animation.finished)),
        );
      },
      primary: [billing.search, billing.refreshButton],
    },
    { name: 'settings', primary: [settings.catalogMaxAge] },
    { name: 'about', primary: [about.version] },
  ];
  // On every screen, its heading and its own item in the navigation count as primary too.
  return screens.map((visit) => ({
    ...visit,
    primary: [shell.heading, shell.navItem(visit.name), ...visit.primary],
  }));
}

const visitName = (visit: ScreenVisit) => (visit.state ? `${visit.name}-${visit.state}` : visit.name);

test('axe finds nothing serious or critical on any screen at 1366×768', async ({ page, shell }) => {
  await page.setViewportSize(sizes[0]);
  for (const visit of visits(page)) {
    await test.step(visitName(visit), async () => {
      await shell.go(visit.name);
      await visit.settle?.();
      expect.soft(await seriousAxeFindings(page), `axe on ${visitName(visit)}`).toEqual([]);
      await visit.leave?.();
    });
  }
});

for (const size of sizes) {
  test(`every screen fits a ${size.width}×${size.height} window, nothing essential cut off`, async ({
    page,
    shell,
  }) => {
    await page.setViewportSize(size);
    for (const visit of visits(page)) {
      await test.step(visitName(visit), async () => {
        await shell.go(visit.name);
        await visit.settle?.();
        await page.screenshot({
          path: `test-results/screens/${visitName(visit)}-${size.width}x${size.height}.png`,
        });
        expect.soft(await pageScrollsSideways(page), `${visitName(visit)} scrolls sideways`).toBe(false);
        for (const control of visit.primary) {
          expect
            .soft(
              await isFullyInWindow(page, control),
              `${visitName(visit)}: ${control.toString()} in the window`,
            )
            .toBe(true);
          // Nothing covers it: an open menu's layer once hid the whole screen behind a blank sheet.
          expect
            .soft(await isOnTop(control), `${visitName(visit)}: ${control.toString()} not covered`)
            .toBe(true);
        }
        for (const text of visit.inFull ?? []) {
          expect.soft(await isTextInFull(text), `${visitName(visit)}: ${text.toString()} in full`).toBe(true);
        }
        expect
          .soft(
            await controlsCutOffSideways(shell.screen(visit.name)),
            `${visitName(visit)}: controls cut off`,
          )
          .toEqual([]);
        await visit.leave?.();
      });
    }
  });
}
