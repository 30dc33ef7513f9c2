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
