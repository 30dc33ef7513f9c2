/**
 * Every screen of the journey: its title, what it is for, and the view that draws it. A record keyed by
 * `ScreenId`, so a new id does not compile until its screen is declared here (the shell has no list of
 * conditions to forget).
 */
import type { ComponentType } from 'react';
import { screenIds, type ScreenId } from './screen-ids';
import { AboutScreen } from './screens/about-screen';
import { BillingScreen } from './screens/billing/billing-screen';
import { CartScreen } from './screens/cart/cart-screen';
import { CatalogScreen } from './screens/catalog/catalog-screen';
import { ConnectScreen } from './screens/connect/connect-screen';
import { CustomersScreen } from './screens/customers/customers-screen';
import { OrdersScreen } from './screens/orders/orders-screen';
import { ReservationsScreen } from './screens/reservations/reservations-screen';
import { SettingsScreen } from './screens/settings-screen';

export { isScreenId, screenIds, type ScreenId } from './screen-ids';

export interface ScreenInfo {
  readonly id: ScreenId;
  readonly title: string;
  /** What the screen is for, in one sentence. */
  readonly purpose: string;
}

/** A screen: what the navigation and header say about it, and the view drawn in the main area. */
export interface Screen extends ScreenInfo {
  readonly View: ComponentType<{ info: ScreenInfo }>;
}

export const screenById: { readonly [Id in ScreenId]: Screen & { readonly id: Id } } = {
  connect: {
    id: 'connect',
    title: 'Connect',
    purpose: 'Add a partner profile and sign in, or try the built-in demo.',
    View: ConnectScreen,
  },
  customers: {
    id: 'customers',
    title: 'Customers',
    purpose: 'Pick the customer you buy for: its billing country becomes the catalog’s market.',
    View: CustomersScreen,
  },
  catalog: {
    id: 'catalog',
    title: 'Catalog',
    purpose: 'Browse reservation products and SKUs by market, also offline.',
    View: CatalogScreen,
  },
  cart: {
    id: 'cart',
    title: 'Cart',
    purpose: 'Review quantities, terms and scope, then check out exactly once.',
    View: CartScreen,
  },
  orders: {
    id: 'orders',
    title: 'Orders',
    purpose: 'The current customer’s orders, their lines and provisioning status.',
    View: OrdersScreen,
  },
  reservations: {
    id: 'reservations',
    title: 'Reservations',
    purpose: 'Every customer’s reservations by expiry date: what runs out in 30, 60 and 90 days.',
    View: ReservationsScreen,
  },
  billing: {
    id: 'billing',
    title: 'Billing',
    purpose: 'Balance, invoices, line items, CSV exports and statement PDFs.',
    View: BillingScreen,
  },
  about: {
    id: 'about',
    title: 'About',
    purpose: 'Version, connection and where the app keeps its data.',
    View: AboutScreen,
  },
  settings: {
    id: 'settings',
    title: 'Settings',
    purpose: 'How the app behaves, e.g. when the offline catalog refreshes itself.',
    View: SettingsScreen,
  },
};

/** The screens in navigation order. */
export const screens: ReadonlyArray<Screen> = screenIds.map((id) => screenById[id]);
