/** The customers store: the pure changes in `customers.ts`, bound to zustand and the bridge. */
import { create } from 'zustand';
import type { CustomerSummary } from '../../../preload/contract';
import { getDesk } from '../bridge';
import { isOffline, mapResult } from './load';
import { retryWithBackoff } from './reconnect';
import { useRememberedMarket } from './remembered-market-store';
import {
  chooseFailed,
  currentFailed,
  currentLoaded,
  customerChosen,
  filterChanged,
  initialCustomersState,
  listRequested,
  listSettled,
  pageChanged,
  profileSelected,
  sortChanged,
  subscriptionsRequested,
  subscriptionsSettled,
  subscriptionsToggled,
  type CustomerSortColumn,
  type CustomersState,
} from './customers';

interface CustomersActions {
  /** Makes `profileId` the profile these customers belong to and reads its current customer once. */
  readonly selectProfile: (profileId: string) => Promise<void>;
  /** Reads the profile's customers from Partner Center (again, when `force`). */
  readonly loadList: (force?: boolean) => Promise<void>;
  /** Works with this customer from now on (null: with none); main remembers it. */
  readonly choose: (customer: CustomerSummary | null) => Promise<void>;
  readonly setFilter: (filter: string) => void;
  readonly sortBy: (column: CustomerSortColumn) => void;
  readonly showPage: (page: number) => void;
  /** Shows or hides a customer's subscriptions, reading them the first time. */
  readonly toggleSubscriptions: (customerId: string) => Promise<void>;
  /** Reads a customer's subscriptions unless they are read or on their way. */
  readonly loadSubscriptions: (customerId: string) => Promise<void>;
}

export const useCustomers = create<CustomersState & CustomersActions>((set, get) => {
  const apply = (change: (state: CustomersState) => CustomersState) => set((state) => change(state));
  const desk = () => getDesk();
  // Several components ask at once (the shell, the Catalog): one read per profile is enough.
  const reading = new Map<string, Promise<void>>();

  const readCurrent = async (profileId: string) => {
    const result = await desk().customers.current({ profileId });
    apply((s) =>
      result.ok
        ? currentLoaded(s, profileId, result.value.customer)
        : currentFailed(s, profileId, result.error),
    );
  };

  /** Whether a failure means Partner Center could not be reached (rather than refused). */
  const unreachable = () => {
    const { list } = get();
    return list.status === 'error' && isOffline(list.error);
  };
  // While the list failed for want of Partner Center, ask again now and then (2 s, 4 s, … a minute),
  // quietly: the offline bar stays until an answer comes, then the list replaces it by itself.
  let retrying: string | null = null;
  const retryWhileUnreachable = async (profileId: string) => {
    if (retrying === profileId) return;
    retrying = profileId;
    try {
      const result = await retryWithBackoff(
        () => get().profileId === profileId && unreachable(),
        async () => {
          const answer = await desk().customers.list({ profileId });
          return answer.ok || !isOffline(answer.error) ? answer : undefined;
        },
      );
      if (result)
        apply((s) =>
          listSettled(
            s,
            profileId,
            mapResult(result, (value) => value.customers),
          ),
        );
    } finally {
      if (retrying === profileId) retrying = null;
    }
  };

  return {
    ...initialCustomersState,

    async selectProfile(profileId) {
      apply((s) => profileSelected(s, profileId));
      if (get().currentKnown) return;
      let pending = reading.get(profileId);
      if (!pending) {
        pending = readCurrent(profileId).finally(() => reading.delete(profileId));
        reading.set(profileId, pending);
      }
      await pending;
    },

    async loadList(force = false) {
      const { profileId, list } = get();
      if (!profileId || list.status === 'loading' || (list.status === 'ready' && !force)) return;
      apply((s) => listRequested(s, profileId));
      const result = await desk().customers.list({ profileId });
      apply((s) =>
        listSettled(
          s,
          profileId,
          mapResult(result, (value) => value.customers),
        ),
      );
      if (unreachable()) void retryWhileUnreachable(profileId);
    },

    async choose(customer) {
      const { profileId } = get();
      if (!profileId) return;
      useRememberedMarket.getState().forget(profileId);
      // Main reads the customer from Partner Center, so the billing country it keeps is the real one.
      const result = await desk().customers.choose({ profileId, customerId: customer?.id ?? null });
      apply((s) =>
        result.ok ? customerChosen(s, profileId, result.value.customer) : chooseFailed(s, result.error),
      );
    },

    sortBy(column) {
      apply((s) => sortChanged(s, column));
    },
    showPage(page) {
      apply((s) => pageChanged(s, page));
    },
    setFilter(filter) {
      apply((s) => filterChanged(s, filter));
    },

    async toggleSubscriptions(customerId) {
      apply((s) => subscriptionsToggled(s, customerId));
      if (get().expandedId === customerId) await get().loadSubscriptions(customerId);
    },

    async loadSubscriptions(customerId) {
      const { profileId, subscriptions } = get();
      const known = subscriptions[customerId]?.status;
      if (!profileId || known === 'ready' || known === 'loading') return;
      apply((s) => subscriptionsRequested(s, profileId, customerId));
      const result = await desk().customers.subscriptions({ profileId, customerId });
      apply((s) =>
        subscriptionsSettled(
          s,
          profileId,
          customerId,
          mapResult(result, (value) => value.subscriptions),
        ),
      );
    },
  };
});
