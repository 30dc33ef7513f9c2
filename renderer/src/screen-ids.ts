/** The ids of the journey's screens, in the order a partner account manager walks through them. */

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

export function isScreenId(value: string): value is ScreenId {
  return (screenIds as ReadonlyArray<string>).includes(value);
}
