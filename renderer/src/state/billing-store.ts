/** The Billing store: the pure changes in `billing.ts`, bound to zustand and the bridge. */
import { create } from 'zustand';
import type { BillingFolders, DeskResult } from '../../../preload/contract';
import { getDesk } from '../bridge';
import {
  billingTargeted,
  bulkSubject,
  filterChanged,
  foldersSettled,
  initialBillingState,
  invoiceQuery,
  invoiceSelected,
  invoicesRequested,
  invoicePageMoved,
  invoicesSettled,
  jobEnded,
  jobStarted,
  libraryRequested,
  librarySettled,
  overviewRequested,
  overviewSettled,
  type BillingState,
  type FolderKind,
  type InvoiceFilter,
  unbilledSubject,
} from './billing';
import { valueOf } from './load';
import { onTaskFinished } from './tasks-store';
import { once } from './once';

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
  /** The next (1) or previous (-1) page of invoices. */
  readonly movePage: (direction: 1 | -1) => Promise<void>;
  /** Exports the unbilled line items of a currency, current or last period, as a task. */
  readonly exportUnbilled: (currencyCode: string, period: 'current' | 'last') => Promise<void>;
  readonly loadFolders: () => Promise<string | null>;
  /** Sets a typed folder (checked by main), or the default with null; resolves to a refusal sentence. */
  readonly setFolder: (kind: FolderKind, folder: string | null) => Promise<string | null>;
  /** Asks with the desktop app's folder dialog; resolves to a refusal sentence. */
  readonly chooseFolder: (kind: FolderKind) => Promise<string | null>;
}

export const useBilling = create<BillingState & BillingActions>((set, get) => {
  const apply = (change: (state: BillingState) => BillingState) => set((state) => change(state));

  const readOverview = async (refresh: boolean) => {
    const { profileId } = get();
    if (profileId === null) return;
    apply(overviewRequested);
    const result = await getDesk().billing.overview({ profileId, refresh });
    if (get().profileId === profileId) apply((s) => overviewSettled(s, result));
  };

  const readInvoices = async (refresh: boolean) => {
    const { profileId, filter, offset } = get();
    if (profileId === null) return;
    apply(invoicesRequested);
    const result = await getDesk().billing.invoices({
      ...invoiceQuery(profileId, filter, offset),
      refresh,
    });
    // A newer filter, page or profile wins over an older answer.
    const now = get();
    if (now.profileId === profileId && now.filter === filter && now.offset === offset)
      apply((s) => invoicesSettled(s, result));
  };

  const loadLibrary = async () => {
    const { profileId } = get();
    if (profileId === null) return;
    apply(libraryRequested);
    const result = await getDesk().billing.library({ profileId });
    if (get().profileId === profileId) apply((s) => librarySettled(s, result));
  };

  /** Asks main about folders; a refused change keeps the folders shown and returns its sentence. */
  const foldersCall = async (
    call: (profileId: string) => Promise<DeskResult<BillingFolders>>,
  ): Promise<string | null> => {
    const { profileId } = get();
    if (profileId === null) return null;
    const result = await call(profileId);
    if (get().profileId !== profileId) return null;
    if (!result.ok && valueOf(get().folders)) return result.error.message;
    apply((s) => foldersSettled(s, result));
    // The library names the folder statements go to.
    if (result.ok) void loadLibrary();
    return null;
  };

  const listen = once(() => {
    onTaskFinished('billing.lineItems', (finished) =>
      apply((s) => jobEnded(jobEnded(s, 'lineItemExport', finished), 'unbilledExport', finished)),
    );
    onTaskFinished('billing.statements', (finished) => {
      apply((s) => jobEnded(jobEnded(s, 'statement', finished), 'bulkStatements', finished));
      void loadLibrary();
    });
  });

  return {
    ...initialBillingState,
    async open(profileId) {
      listen();
      const before = get().profileId;
      apply((s) => billingTargeted(s, profileId));
      if (before === profileId && get().invoices.status !== 'idle') return;
      await Promise.all([
        readOverview(false),
        readInvoices(false),
        loadLibrary(),
        foldersCall((id) => getDesk().billing.folders({ profileId: id })),
      ]);
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
    async movePage(direction) {
      const before = get().offset;
      apply((s) => invoicePageMoved(s, direction));
      if (get().offset !== before) await readInvoices(false);
    },
    async exportUnbilled(currencyCode, period) {
      const { profileId } = get();
      if (profileId === null) return;
      const result = await getDesk().billing.exportLineItems({
        profileId,
        subject: { kind: 'unbilled', currencyCode, period },
      });
      apply((s) => jobStarted(s, 'unbilledExport', unbilledSubject(currencyCode, period), result));
    },
    loadFolders: () => foldersCall((profileId) => getDesk().billing.folders({ profileId })),
    setFolder: (kind, folder) =>
      foldersCall((profileId) => getDesk().billing.setFolder({ profileId, kind, folder })),
    chooseFolder: (kind) => foldersCall((profileId) => getDesk().billing.chooseFolder({ profileId, kind })),
  };
});
