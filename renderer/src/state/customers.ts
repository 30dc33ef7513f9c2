/**
 * The customers of the active profile and the one it works for now (the "current customer"): pure
 * changes, tested without React or a bridge. The current customer is remembered in main's settings,
 * so it is known offline too, while the list needs Partner Center.
 */
import type {
  CurrentCustomer,
  CustomerSummary,
  DeskError,
  DeskResult,
  SubscriptionSummary,
} from '../../../preload/contract';
import { idle, loading, settle, type Load } from './load';

export interface CustomersState {
  /** The profile this state belongs to; everything below is about its customers. */
  readonly profileId: string | null;
  /** The remembered current customer; meaningful once `currentKnown` is true. */
  readonly current: CurrentCustomer | null;
  /** False until main said who the current customer is (the Catalog waits for it to pick a market). */
  readonly currentKnown: boolean;
  /**
   * Bumped every time the current customer is set or chosen (even the same one again), so a market
   * picked by hand before that no longer wins over the customer's billing country.
   */
  readonly choice: number;
  readonly list: Load<ReadonlyArray<CustomerSummary>>;
  readonly filter: string;
  /** How the table is sorted, and which page of it shows (partners may have thousands of customers). */
  readonly sort: CustomerSort;
  readonly page: number;
  /** Customer whose subscriptions are shown, and the subscriptions read so far, by customer id. */
  readonly expandedId: string | null;
  readonly subscriptions: Readonly<Record<string, Load<ReadonlyArray<SubscriptionSummary>>>>;
  /** Why the current customer could not be read or saved. */
  readonly currentError: DeskError | null;
}

/** Columns the customer table sorts by. */
export type CustomerSortColumn = 'name' | 'domain' | 'country';
export interface CustomerSort {
  readonly column: CustomerSortColumn;
  readonly direction: 'ascending' | 'descending';
}

/** Rows per page of the customer table: a screenful at 1366×768 with room to scroll a little. */
export const CUSTOMERS_PER_PAGE = 50;

export const initialCustomersState: CustomersState = {
  profileId: null,
  current: null,
  currentKnown: false,
  choice: 0,
  list: idle,
  filter: '',
  sort: { column: 'name', direction: 'ascending' },
  page: 0,
  expandedId: null,
  subscriptions: {},
  currentError: null,
};

/** Another profile became active: its customers are other ones, so start over (keeping the counter). */
export function profileSelected(state: CustomersState, profileId: string): CustomersState {
  if (state.profileId === profileId) return state;
  return { ...initialCustomersState, profileId, choice: state.choice + 1 };
}

/** Main said which customer the profile works for (null: none); answers for another profile are late. */
export function currentLoaded(
  state: CustomersState,
  profileId: string,
  customer: CurrentCustomer | null,
): CustomersState {
  if (state.profileId !== profileId) return state;
  return { ...state, current: customer, currentKnown: true, choice: state.choice + 1 };
}

/** The remembered customer could not be read: carry on without one, so the Catalog still opens. */
export function currentFailed(state: CustomersState, profileId: string, error: DeskError): CustomersState {
  if (state.profileId !== profileId) return state;
  return { ...state, current: null, currentKnown: true, currentError: error };
}

/** A customer was chosen (or cleared with null) and main remembered it. */
export function customerChosen(
  state: CustomersState,
  profileId: string,
  customer: CurrentCustomer | null,
): CustomersState {
  if (state.profileId !== profileId) return state;
  return { ...state, current: customer, currentKnown: true, choice: state.choice + 1, currentError: null };
}

export function chooseFailed(state: CustomersState, error: DeskError): CustomersState {
  return { ...state, currentError: error };
}

export function listRequested(state: CustomersState, profileId: string): CustomersState {
  if (state.profileId !== profileId) return state;
  return { ...state, list: loading(state.list) };
}

/** Main answered the list request; a failure keeps the list read before, if any. */
export function listSettled(
  state: CustomersState,
  profileId: string,
  result: DeskResult<ReadonlyArray<CustomerSummary>>,
): CustomersState {
  if (state.profileId !== profileId) return state;
  return { ...state, list: settle(state.list, result) };
}

/** A new filter shows its matches from the first page. */
export function filterChanged(state: CustomersState, filter: string): CustomersState {
  return { ...state, filter, page: 0 };
}

/** A click on a column header: sort by it, or reverse it when it already sorts; back to page one. */
export function sortChanged(state: CustomersState, column: CustomerSortColumn): CustomersState {
  const direction =
    state.sort.column === column && state.sort.direction === 'ascending' ? 'descending' : 'ascending';
  return { ...state, sort: { column, direction }, page: 0 };
}

export function pageChanged(state: CustomersState, page: number): CustomersState {
  return { ...state, page: Math.max(0, Math.floor(page)) };
}

/** Shows one customer's subscriptions (hides them when they were showing). */
export function subscriptionsToggled(state: CustomersState, customerId: string): CustomersState {
  return { ...state, expandedId: state.expandedId === customerId ? null : customerId };
}

export function subscriptionsRequested(
  state: CustomersState,
  profileId: string,
  customerId: string,
): CustomersState {
  if (state.profileId !== profileId) return state;
  const current = state.subscriptions[customerId] ?? idle;
  return { ...state, subscriptions: { ...state.subscriptions, [customerId]: loading(current) } };
}

export function subscriptionsSettled(
  state: CustomersState,
  profileId: string,
  customerId: string,
  result: DeskResult<ReadonlyArray<SubscriptionSummary>>,
): CustomersState {
  if (state.profileId !== profileId) return state;
  const current = state.subscriptions[customerId] ?? idle;
  return { ...state, subscriptions: { ...state.subscriptions, [customerId]: settle(current, result) } };
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** "Germany" for DE; a customer without a billing country says so. */
export function countryName(code: string | null): string {
  if (!code) return 'No billing country';
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a region code the runtime knows
  }
}

/** Customers whose name, domain or billing country (code or name) contain every word of the filter. */
export function visibleCustomers(
  customers: ReadonlyArray<CustomerSummary>,
  filter: string,
): ReadonlyArray<CustomerSummary> {
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return customers;
  return customers.filter((customer) => {
    const haystack = [
      customer.name,
      customer.domain ?? '',
      customer.country ?? '',
      countryName(customer.country),
    ]
      .join(' ')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** One page of the (filtered) customers, sorted; a page past the end shows the last one. */
export function customerPage(
  customers: ReadonlyArray<CustomerSummary>,
  sort: CustomerSort,
  page: number,
  perPage: number = CUSTOMERS_PER_PAGE,
): { rows: ReadonlyArray<CustomerSummary>; page: number; pageCount: number } {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const key = (customer: CustomerSummary): string =>
    sort.column === 'name'
      ? customer.name
      : sort.column === 'domain'
        ? (customer.domain ?? '')
        : customer.country
          ? countryName(customer.country)
          : '';
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const sorted = [...customers].sort(
    // Ties (same country) keep a stable, readable order: by name.
    (a, b) => sign * collator.compare(key(a), key(b)) || collator.compare(a.name, b.name),
  );
  const pageCount = Math.max(1, Math.ceil(sorted.length / perPage));
  const shown = Math.min(page, pageCount - 1);
  return { rows: sorted.slice(shown * perPage, (shown + 1) * perPage), page: shown, pageCount };
}
