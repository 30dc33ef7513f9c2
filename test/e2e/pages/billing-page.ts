/** Billing: balance, the invoice list and its filters, an invoice's detail and jobs, the statement library. */
import type { Locator } from '@playwright/test';
import { pageObject } from './page-object';

export class BillingPage extends pageObject({
  balance: 'billing-balance',
  invoiceRows: 'invoice-row',
  search: 'billing-search',
  /** "Read just now.", or "Offline: showing what was read 5 minutes ago." */
  age: 'billing-age',
  detail: 'invoice-detail',
  exportButton: 'export-line-items',
  exportMessage: 'export-message',
  statementButton: 'download-statement',
  statementMessage: 'statement-message',
  libraryRows: 'library-row',
  period: 'billing-period',
  bulkButton: 'download-statements',
  bulkMessage: 'bulk-message',
  typeFilter: 'billing-type',
  showLineItemsButton: 'show-line-items',
  openMessage: 'open-statement-message',
  statementsFolder: 'folder-statements',
  statementsFolderSave: 'folder-statements-save',
  /** Where files go: the folder fields and their sentences. */
  folders: 'billing-folders',
}) {
  readonly refreshButton = this.page.getByRole('button', { name: 'Refresh' });
  readonly lineItems = new LineItemTable(this.page);
  readonly viewer = new StatementViewer(this.page);

  /** The Type cell of every invoice row shown. */
  async invoiceTypes(): Promise<string[]> {
    return this.invoiceRows.evaluateAll((rows) => rows.map((row) => row.children[2]?.textContent ?? ''));
  }

  /** The invoice numbers of the library's rows. */
  async libraryInvoiceIds(): Promise<string[]> {
    return this.libraryRows.evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-invoice-id') ?? ''),
    );
  }

  /** The file name a library row lists. */
  async libraryFileName(invoiceId: string): Promise<string | undefined> {
    const text = (await this.libraryRow(invoiceId).textContent()) ?? '';
    return /Invoice_\S+?\.pdf/.exec(text)?.[0];
  }

  /** Types a folder for statements (web build) and saves it with Enter. */
  async setStatementsFolder(folder: string): Promise<void> {
    await this.statementsFolder.fill(folder);
    await this.statementsFolder.press('Enter');
  }

  /** Opens a library statement with the keyboard. */
  async openStatement(invoiceId: string): Promise<void> {
    const button = this.libraryRow(invoiceId).getByTestId('library-open');
    await button.focus();
    await button.press('Enter');
  }

  /** The "Missing" badge and "Download again" of a library row. */
  missingBadge(invoiceId: string): Locator {
    return this.libraryRow(invoiceId).getByTestId('library-missing');
  }

  downloadAgain(invoiceId: string): Locator {
    return this.libraryRow(invoiceId).getByRole('button', { name: 'Download again' });
  }

  /** The invoice number of a row of the list. */
  async invoiceId(row: number): Promise<string> {
    return (await this.invoiceRows.nth(row).getAttribute('data-invoice-id')) ?? '';
  }

  /** The billing period (`yyyy-mm`) of a row of the list. */
  async periodOf(row: number): Promise<string> {
    return (await this.invoiceRows.nth(row).getAttribute('data-period')) ?? '';
  }

  /** Opens an invoice's detail with the keyboard: focus its number, press Enter. */
  async open(row: number): Promise<void> {
    const button = this.invoiceRows.nth(row).getByRole('button').first();
    await button.focus();
    await button.press('Enter');
  }

  libraryRow(invoiceId: string): Locator {
    return this.page.locator(`[data-testid="library-row"][data-invoice-id="${invoiceId}"]`);
  }

  async refresh(): Promise<void> {
    await this.refreshButton.click();
  }
}

/** The in-app line-item table: filters, virtualized rows, totals. */
export class LineItemTable extends pageObject({
  root: 'line-item-table',
  rows: 'line-item-row',
  summary: 'line-item-summary',
  totals: 'line-item-total',
}) {
  filter(field: 'customer' | 'product' | 'reservationOrderId' | 'chargeType'): Locator {
    return this.page.getByTestId(`line-item-filter-${field}`);
  }

  /** The text of a cell: row `row` (visible order), column `column` (0 = customer). */
  async cell(row: number, column: number): Promise<string> {
    return (await this.rows.nth(row).getByRole('cell').nth(column).textContent()) ?? '';
  }
}

/** The in-page statement viewer (web build). */
export class StatementViewer extends pageObject({
  dialog: 'statement-viewer',
  pages: 'statement-page',
  closeButton: 'statement-viewer-close',
}) {
  /** Whether the first page's canvas has something drawn on it (not blank, not all white). */
  async firstPageIsDrawn(): Promise<boolean> {
    return this.pages.first().evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      if (canvas.width === 0 || canvas.height === 0) return false;
      const context = canvas.getContext('2d');
      if (!context) return false;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) {
        const opaque = data[i + 3]! > 0;
        const white = data[i]! > 250 && data[i + 1]! > 250 && data[i + 2]! > 250;
        if (opaque && !white) return true;
      }
      return false;
    });
  }
}
