/** The Billing store: the pure changes in `billing.ts`, bound to zustand and the bridge. */
import { create } from 'zustand';
import { getDesk } from '../bridge';
import {
  billingTargeted,
  bulkSubject,
  filterChanged,
  initialBillingState,
  invoiceQuery,
  invoiceSelected,
  invoicesRequested,
  invoicesSettled,
  jobEnded,
  jobStarted,
  libraryRequested,
  librarySettled,
  overviewRequested,
  overviewSettled,
  type BillingState,
  type InvoiceFilter,
} from './billing';
import { onTaskFinished } from './tasks-store';

interface BillingActions {
  /** Shows this profile's billing: from the cache at once (Partner Center when there is none). */
  readonly open: (profileId: string) => Promise<void>;
  /** Reads balance and invoices from Partner Center again. */
  readonly refresh: () => Promise<void>;
  readonly setFilter: (change: Partial<InvoiceFilter>) => Promise<void>;
  readonly select: (invoiceId: string | null) => void;
  readonly exportLineItems: (invoiceId: string) => Promise<void>;
  readonly downloadStatement: (invoiceId: string) => Promise<void>;
  /** Every statement of the filtered period and currency, as one task. */
  readonly downloadStatements: () => Promise<void>;
  readonly loadLibrary: () => Promise<void>;
}

export const useBilling = create<BillingState & BillingActions>((set, get) => {
  const apply = (change: (state: BillingState) => BillingState) => set((state) => change(state));
  let listening = false;

  const readOverview = async (refresh: boolean) => {
    const { profileId } = get();
    if (profileId === null) return;
    apply(overviewRequested);
    const result = await getDesk().billing.overview({ profileId, refresh });
    if (get().profileId === profileId) apply((s) => overviewSettled(s, result));
  };

  const readInvoices = async (refresh: boolean) => {
    const { profileId, filter } = get();
    if (profileId === null) return;
    apply(invoicesRequested);
    const result = await getDesk().billing.invoices({ ...invoiceQuery(profileId, filter), refresh });
    // A newer filter or profile wins over an older answer.
    if (get().profileId === profileId && get().filter === filter) apply((s) => invoicesSettled(s, result));
  };

  const loadLibrary = async () => {
    const { profileId } = get();
    if (profileId === null) return;
    apply(libraryRequested);
    const result = await getDesk().billing.library({ profileId });
    if (get().profileId === profileId) apply((s) => librarySettled(s, result));
  };

  const listen = () => {
    if (listening) return;
    listening = true;
    onTaskFinished('billing.lineItems', (finished) => apply((s) => jobEnded(s, 'lineItemExport', finished)));
    onTaskFinished('billing.statements', (finished) => {
      apply((s) => jobEnded(jobEnded(s, 'statement', finished), 'bulkStatements', finished));
      void loadLibrary();
    });
  };

  return {
    ...initialBillingState,
    async open(profileId) {
      listen();
      const before = get().profileId;
      apply((s) => billingTargeted(s, profileId));
      if (before === profileId && get().invoices.status !== 'idle') return;
      await Promise.all([readOverview(false), readInvoices(false), loadLibrary()]);
    },
    async refresh() {
      await Promise.all([readOverview(true), readInvoices(true), loadLibrary()]);
    },
    async setFilter(change) {
      apply((s) => filterChanged(s, change));
      await readInvoices(false);
    },
    select(invoiceId) {
      apply((s) => invoiceSelected(s, invoiceId));
    },
    async exportLineItems(invoiceId) {
      const { profileId } = get();
      if (profileId === null) return;
      const result = await getDesk().billing.exportLineItems({
        profileId,
        subject: { kind: 'invoice', invoiceId },
      });
      apply((s) => jobStarted(s, 'lineItemExport', invoiceId, result));
    },
    async downloadStatement(invoiceId) {
      const { profileId } = get();
      if (profileId === null) return;
      const result = await getDesk().billing.downloadStatement({ profileId, invoiceId });
      apply((s) => jobStarted(s, 'statement', invoiceId, result));
    },
    async downloadStatements() {
      const { profileId, filter } = get();
      if (profileId === null) return;
      const { period, currencyCode } = invoiceQuery(profileId, filter);
      const result = await getDesk().billing.downloadStatements({
        profileId,
        ...(period ? { period } : {}),
        ...(currencyCode ? { currencyCode } : {}),
      });
      apply((s) => jobStarted(s, 'bulkStatements', bulkSubject(filter), result));
    },
    loadLibrary,
  };
});
