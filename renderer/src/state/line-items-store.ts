/** The line-item table store: the pure changes in `line-items.ts`, bound to zustand and the bridge. */
import { create } from 'zustand';
import { getDesk } from '../bridge';
import {
  initialLineItemTable,
  lineItemFilterChanged,
  lineItemPageFailed,
  lineItemPageLoaded,
  lineItemPagesMissing,
  lineItemQuery,
  tableOpened,
  type LineItemFilter,
  type LineItemSubject,
  type LineItemTableState,
} from './line-items';
import { onTaskFinished } from './tasks-store';
import { once } from './once';

interface LineItemActions {
  /** Shows an export's line items (null closes the table). */
  readonly show: (profileId: string, subject: LineItemSubject | null) => void;
  readonly setFilter: (change: Partial<LineItemFilter>) => void;
  /** Reads the pages the visible rows need. */
  readonly ensureRows: (firstIndex: number, lastIndex: number) => void;
}

export const useLineItems = create<LineItemTableState & LineItemActions>((set, get) => {
  const apply = (change: (state: LineItemTableState) => LineItemTableState) => set((s) => change(s));
  const inFlight = new Set<string>();

  const loadPage = async (pageIndex: number) => {
    const state = get();
    const { version } = state;
    const key = `${version}:${pageIndex}`;
    const input = lineItemQuery(state, pageIndex);
    if (!input || inFlight.has(key)) return;
    inFlight.add(key);
    const result = await getDesk().billing.lineItems(input);
    inFlight.delete(key);
    apply((s) =>
      result.ok
        ? lineItemPageLoaded(s, version, pageIndex, result.value)
        : lineItemPageFailed(s, version, result.error),
    );
  };

  /** An export that ends (completed, or stopped part way) changes what the open table shows: read it again. */
  const listen = once(() => {
    onTaskFinished('billing.lineItems', () => {
      if (get().subject === null) return;
      apply((s) => lineItemFilterChanged(s, {}));
      void loadPage(0);
    });
  });

  return {
    ...initialLineItemTable,
    show(profileId, subject) {
      listen();
      apply((s) => tableOpened(s, profileId, subject));
      void loadPage(0);
    },
    setFilter(change) {
      apply((s) => lineItemFilterChanged(s, change));
      void loadPage(0);
    },
    ensureRows(firstIndex, lastIndex) {
      for (const page of lineItemPagesMissing(get(), firstIndex, lastIndex)) void loadPage(page);
    },
  };
});
