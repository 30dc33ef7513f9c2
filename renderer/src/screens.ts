/** The screens of the journey, in the order a partner account manager walks through them. */

export const screenIds = [
  'connect',
  'customers',
  'catalog',
  'cart',
  'orders',
  'reservations',
  'billing',
  'about',
  'settings',
] as const;

export type ScreenId = (typeof screenIds)[number];

export interface ScreenInfo {
  readonly id: ScreenId;
  readonly title: string;
  /** What the screen is for, in one sentence. */
  readonly purpose: string;
}

export const screens: ReadonlyArray<ScreenInfo> = [
  {
    id: 'connect',
    title: 'Connect',
    purpose: 'Add a partner profile and sign in, or try the built-in demo.',
  },
  {
    id: 'customers',
    title: 'Customers',
    purpose: 'Pick the customer you buy for: its billing country becomes the catalog’s market.',
  },
  {
    id: 'catalog',
    title: 'Catalog',
    purpose: 'Browse reservation products and SKUs by market, also offline.',
  },
  { id: 'cart', title: 'Cart', purpose: 'Review quantities, terms and scope, then check out exactly once.' },
  { id: 'orders', title: 'Orders', purpose: 'Follow orders, their line items and provisioning status.' },
  {
    id: 'reservations',
    title: 'Reservations',
    purpose: 'See reservations with scope, quantity, effective and expiry dates.',
  },
  {
    id: 'billing',
    title: 'Billing',
    purpose: 'Balance, invoices, line items, CSV exports and statement PDFs.',
  },
  { id: 'about', title: 'About', purpose: 'Version, connection and where the app keeps its data.' },
  {
    id: 'settings',
    title: 'Settings',
    purpose: 'How the app behaves, e.g. when the offline catalog refreshes itself.',
  },
];

export function isScreenId(value: string): value is ScreenId {
  return (screenIds as ReadonlyArray<string>).includes(value);
}
