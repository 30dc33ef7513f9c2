/**
 * A saved statement shown in the page (web build): pdf.js draws every page onto a canvas. A modal
 * dialog: Escape or Close ends it, and focus goes back where it was.
 */
import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { DialogShell } from '../../components/dialog-shell';
import { ErrorBar } from '../../components/error-bar';
import { useStatementViewer } from '../../state/statement-viewer-store';
import { openPdf, type PdfDocument } from './pdf-pages';

/** Page width in CSS pixels: fits the dialog at 1366×768. */
const PAGE_WIDTH = 640;

const useStyles = makeStyles({
  surface: { maxWidth: `${PAGE_WIDTH + 64}px`, width: '100%' },
  pages: {
    maxHeight: '60vh',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingVerticalM,
  },
  canvas: { boxShadow: tokens.shadow4, backgroundColor: 'white' },
});

/** Draws one page when the document is there. */
function PdfPage(props: { document: PdfDocument; pageNumber: number; onDrawn: () => void }) {
  const styles = useStyles();
  const ref = useRef<HTMLCanvasElement>(null);
  const { document, pageNumber, onDrawn } = props;
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    void document.renderPage(pageNumber, canvas, PAGE_WIDTH).then(onDrawn, () => undefined);
  }, [document, pageNumber, onDrawn]);
  return (
    <canvas
      ref={ref}
      className={styles.canvas}
      role="img"
      aria-label={`Page ${pageNumber} of ${document.pageCount}`}
      data-testid="statement-page"
    />
  );
}

/** The pages of one statement's bytes; remounted per statement, so it starts blank each time. */
function PdfPages(props: { bytes: Uint8Array; onPageCount: (count: number) => void }) {
  const styles = useStyles();
  const [document, setDocument] = useState<PdfDocument | null>(null);
  const [failed, setFailed] = useState(false);
  const [drawn, setDrawn] = useState(0);
  const pageDrawn = useCallback(() => setDrawn((n) => n + 1), []);
  const { bytes, onPageCount } = props;

  useEffect(() => {
    let cancelled = false;
    let opened: PdfDocument | null = null;
    // pdf.js takes ownership of the array it is given: hand it a copy.
    openPdf(bytes.slice()).then(
      (doc) => {
        opened = doc;
        if (cancelled) {
          void doc.destroy();
          return;
        }
        setDocument(doc);
        onPageCount(doc.pageCount);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      if (opened) void opened.destroy();
    };
  }, [bytes, onPageCount]);

  if (failed)
    return <Text role="alert">This statement file could not be read as a PDF. Download it again.</Text>;
  if (!document) return <Spinner size="small" label="Drawing the pages…" />;
  return (
    <div
      className={styles.pages}
      tabIndex={0}
      role="group"
      aria-label="Pages"
      data-pages-drawn={drawn}
      data-testid="statement-pages"
    >
      {Array.from({ length: document.pageCount }, (_, index) => (
        <PdfPage key={index} document={document} pageNumber={index + 1} onDrawn={pageDrawn} />
      ))}
    </div>
  );
}

export function StatementViewerDialog() {
  const styles = useStyles();
  const view = useStatementViewer((s) => s.view);
  const close = useStatementViewer((s) => s.close);
  const [pages, setPages] = useState<{ invoiceId: string; count: number } | null>(null);
  const invoiceId = view?.invoiceId;
  const onPageCount = useCallback(
    (count: number) => setPages(invoiceId ? { invoiceId, count } : null),
    [invoiceId],
  );
  if (!view) return null;
  const pageCount = pages?.invoiceId === view.invoiceId ? pages.count : null;
  return (
    <DialogShell
      onClose={close}
      surfaceClassName={styles.surface}
      testId="statement-viewer"
      title={`Statement of invoice ${view.invoiceId}`}
      actions={
        <Button appearance="primary" onClick={close} data-testid="statement-viewer-close">
          Close
        </Button>
      }
    >
      <Text as="p" size={200}>
        {view.fileName}
        {pageCount !== null ? ` · ${pageCount} page${pageCount === 1 ? '' : 's'}` : ''}
      </Text>
      {view.status === 'loading' && <Spinner size="small" label="Reading the statement…" />}
      {view.status === 'error' && <ErrorBar title="The statement could not be read" error={view.error} />}
      {view.status === 'ready' && (
        <PdfPages key={view.invoiceId} bytes={view.bytes} onPageCount={onPageCount} />
      )}
    </DialogShell>
  );
}
