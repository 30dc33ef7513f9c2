/** The statement viewer store: opens a saved statement through the bridge (system viewer or in page). */
import { create } from 'zustand';
import { getDesk } from '../bridge';
import { useBilling } from './billing-store';
import { readAllChunks, type OpenNotice, type StatementView } from './statement-viewer';

interface StatementViewerState {
  readonly view: StatementView | null;
  readonly notice: OpenNotice | null;
  readonly open: (profileId: string, invoiceId: string) => Promise<void>;
  readonly close: () => void;
}

export const useStatementViewer = create<StatementViewerState>((set, get) => ({
  view: null,
  notice: null,
  async open(profileId, invoiceId) {
    set({ notice: null });
    const opened = await getDesk().billing.openStatement({ profileId, invoiceId });
    if (!opened.ok) {
      set({ notice: { invoiceId, outcome: 'failed', message: opened.error.message } });
      // A file gone since the library was read shows as missing, with "Download again".
      if (opened.error.code === 'NOT_FOUND') void useBilling.getState().loadLibrary();
      return;
    }
    const { fileName } = opened.value;
    if (opened.value.viewer === 'system') {
      set({
        notice: {
          invoiceId,
          outcome: 'opened',
          message: `Opened the statement of invoice ${invoiceId} in your PDF viewer.`,
        },
      });
      return;
    }
    set({ view: { status: 'loading', invoiceId, fileName } });
    const bytes = await readAllChunks((offset) =>
      getDesk().billing.statementChunk({ profileId, invoiceId, offset }),
    );
    // Closed (or another one opened) meanwhile: drop this answer.
    if (get().view?.invoiceId !== invoiceId) return;
    set({
      view: bytes.ok
        ? { status: 'ready', invoiceId, fileName, bytes: bytes.value }
        : { status: 'error', invoiceId, fileName, error: bytes.error },
    });
  },
  close() {
    set({ view: null });
  },
}));
