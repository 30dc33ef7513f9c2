/**
 * Renders a PDF's pages onto canvases with pdf.js, entirely in the page (no network: the bytes come
 * from main). pdf.js is loaded on first use, so the rest of the app does not carry it; its worker is
 * a file of the app itself, which the content security policy allows (`script-src 'self'`).
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** A loaded document: how many pages, and a way to draw one onto a canvas. */
export interface PdfDocument {
  readonly pageCount: number;
  renderPage(pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<void>;
  destroy(): Promise<void>;
}

/** Opens PDF bytes with pdf.js. */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  // No eval (the CSP forbids it) and nothing fetched from elsewhere.
  const document = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: true })
    .promise;
  return {
    pageCount: document.numPages,
    async renderPage(pageNumber, canvas, cssWidth) {
      const page = await document.getPage(pageNumber);
      const base = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      await page.render({ canvas, viewport }).promise;
    },
    destroy: () => document.destroy(),
  };
}
