/** Billing: balance, the invoice list and its filters, an invoice's detail and jobs, the statement library. */
import type { Locator, Page } from '@playwright/test';

export class BillingPage {
  readonly balance: Locator;
  readonly invoiceRows: Locator;
  readonly search: Locator;
  /** "Read just now.", or "Offline: showing what was read 5 minutes ago." */
  readonly age: Locator;
  readonly detail: Locator;
  readonly exportButton: Locator;
  readonly exportMessage: Locator;
  readonly statementButton: Locator;
  readonly statementMessage: Locator;
  readonly libraryRows: Locator;
  readonly period: Locator;
  readonly bulkButton: Locator;
  readonly bulkMessage: Locator;
  readonly refreshButton: Locator;
  readonly typeFilter: Locator;
  readonly showLineItemsButton: Locator;
  readonly lineItems: LineItemTable;
  readonly viewer: StatementViewer;
  readonly openMessage: Locator;
  readonly statementsFolder: Locator;
  readonly statementsFolderSave: Locator;
  /** Where files go: the folder fields and their sentences. */
  readonly folders: Locator;

  constructor(readonly page: Page) {
    this.balance = page.getByTestId('billing-balance');
    this.invoiceRows = page.getByTestId('invoice-row');
    this.search = page.getByTestId('billing-search');
    this.age = page.getByTestId('billing-age');
    this.detail = page.getByTestId('invoice-detail');
    this.exportButton = page.getByTestId('export-line-items');
    this.exportMessage = page.getByTestId('export-message');
    this.statementButton = page.getByTestId('download-statement');
    this.statementMessage = page.getByTestId('statement-message');
    this.libraryRows = page.getByTestId('library-row');
    this.period = page.getByTestId('billing-period');
    this.bulkButton = page.getByTestId('download-statements');
    this.bulkMessage = page.getByTestId('bulk-message');
    this.refreshButton = page.getByRole('button', { name: 'Refresh' });
    this.typeFilter = page.getByTestId('billing-type');
    this.showLineItemsButton = page.getByTestId('show-line-items');
    this.lineItems = new LineItemTable(page);
    this.viewer = new StatementViewer(page);
    this.openMessage = page.getByTestId('open-statement-message');
    this.statementsFolder = page.getByTestId('folder-statements');
    this.statementsFolderSave = page.getByTestId('folder-statements-save');
    this.folders = page.getByTestId('billing-folders');
  }

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
export class LineItemTable {
  readonly root: Locator;
  readonly rows: Locator;
  readonly summary: Locator;
  readonly totals: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('line-item-table');
    this.rows = page.getByTestId('line-item-row');
    this.summary = page.getByTestId('line-item-summary');
    this.totals = page.getByTestId('line-item-total');
  }

  filter(field: 'customer' | 'product' | 'reservationOrderId' | 'chargeType'): Locator {
    return this.page.getByTestId(`line-item-filter-${field}`);
  }

  /** The text of a cell: row `row` (visible order), column `column` (0 = customer). */
  async cell(row: number, column: number): Promise<string> {
    return (await this.rows.nth(row).getByRole('cell').nth(column).textContent()) ?? '';
  }
}

/** The in-page statement viewer (web build). */
export class StatementViewer {
  readonly dialog: Locator;
  readonly pages: Locator;
  readonly closeButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('statement-viewer');
    this.pages = page.getByTestId('statement-page');
    this.closeButton = page.getByTestId('statement-viewer-close');
  }

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
