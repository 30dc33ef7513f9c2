/**
 * What every page object has: the `Page` it drives, and its locators by `data-testid`, declared once
 * in a table (name → test id) rather than as a field plus an assignment each. A page object extends
 * `pageObject({...})` (test ids anywhere in the page) or `partObject({...})` (test ids inside a root it
 * is given: a card, a panel, a dialog); what a table cannot say (roles, nested parts) stays a field.
 */
import type { Locator, Page } from '@playwright/test';

/** A page object's locators as data: the property name, and the `data-testid` it finds. */
export type TestIds = Readonly<Record<string, string>>;

/** The locators a table of test ids gives, one per entry, under the entry's name (and its comment). */
export type LocatorsOf<T extends TestIds> = { readonly [K in keyof T]: Locator };

/** A screen's page object class, as `pageObject` makes it. */
export type PageObjectClass<T extends TestIds> = new (page: Page) => { readonly page: Page } & LocatorsOf<T>;

/** A part's page object class, as `partObject` makes it. */
export type PartObjectClass<T extends TestIds> = new (
  page: Page,
  root: Locator,
) => { readonly page: Page; readonly root: Locator } & LocatorsOf<T>;

/** The table's test ids as locators inside `scope` (the page, or a part of it). */
export function locatorsByTestId<const T extends TestIds>(scope: Page | Locator, ids: T): LocatorsOf<T> {
  return Object.fromEntries(
    Object.entries(ids).map(([name, id]) => [name, scope.getByTestId(id)]),
  ) as LocatorsOf<T>;
}

/** The base class of a screen's page object: `page`, and the table's test ids found in the whole page. */
export function pageObject<const T extends TestIds>(ids: T): PageObjectClass<T> {
  // Object.assign adds the table's locators, which TypeScript cannot follow into a class: hence the cast.
  return class {
    constructor(readonly page: Page) {
      Object.assign(this, locatorsByTestId(page, ids));
    }
  } as unknown as PageObjectClass<T>;
}

/**
 * The base class of a part of a screen (a card, a panel, a dialog): `page`, its `root`, and the table's
 * test ids found inside the root, so two parts of the same kind never see each other's controls.
 */
export function partObject<const T extends TestIds>(ids: T): PartObjectClass<T> {
  // As in pageObject: the table's locators are added at run time, which the cast tells TypeScript.
  return class {
    constructor(
      readonly page: Page,
      readonly root: Locator,
    ) {
      Object.assign(this, locatorsByTestId(root, ids));
    }
  } as unknown as PartObjectClass<T>;
}
